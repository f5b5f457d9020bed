/**
 * The secrets, key and edge rules on CDK input: constructs as an engineer writes them, synthesized
 * in-process, scanned as a cloud assembly.
 */
import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as shield from 'aws-cdk-lib/aws-shield';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('secrets and key rules on CDK', () => {
  it('find what the constructs synthesize, and pass their secure forms', async () => {
    const findings = await synthAndScan((stack) => {
      // Failing: a rotation-less key open to anyone, a literal token, a password parameter in plain text with a literal value,
      // a secret on the AWS managed key.
      const open = new kms.Key(stack, 'OpenKey', { enableKeyRotation: false, pendingWindow: Duration.days(7) });
      open.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['kms:Decrypt'], resources: ['*'] }));
      new lambda.Function(stack, 'Fn', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {}'),
        environment: { API_TOKEN: 'a1b2c3d4e5f6a7b8c9d0', LOG_LEVEL: 'info' },
      });
      new ssm.StringParameter(stack, 'DbPassword', { parameterName: '/shop/db-password', stringValue: 'placeholder-to-be-set' });
      new secretsmanager.Secret(stack, 'ManagedKeySecret');
      // Passing: a rotated key, a secret under it, a plain parameter that is no secret, a function given the secret's ARN.
      const key = new kms.Key(stack, 'DataKey', { enableKeyRotation: true });
      const secret = new secretsmanager.Secret(stack, 'DbSecret', { encryptionKey: key });
      new ssm.StringParameter(stack, 'DbHost', { parameterName: '/shop/db-host', stringValue: 'db.internal.example.com' });
      new lambda.Function(stack, 'Reader', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {}'),
        environment: { DB_SECRET_ARN: secret.secretArn },
      });
    }, ['kms-key-management', 'kms-key-policy-public', 'no-hardcoded-secrets', 'secrets-encrypted', 'secrets-customer-key']);
    const got = findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['kms-key-management', 'rotationOff', 'Test/OpenKey/Resource'],
      ['kms-key-management', 'shortDeletionWindow', 'Test/OpenKey/Resource'],
      ['kms-key-policy-public', 'anyone', 'Test/OpenKey/Resource'],
      ['no-hardcoded-secrets', 'named', 'Test/DbPassword/Resource'],
      ['no-hardcoded-secrets', 'named', 'Test/Fn/Resource'],
      ['secrets-customer-key', 'awsManagedKey', 'Test/ManagedKeySecret/Resource'],
      ['secrets-encrypted', 'plainParameter', 'Test/DbPassword/Resource'],
    ]);
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});

describe('edge rules on CDK', () => {
  it('find an internet-facing load balancer without a web ACL or Shield, and pass one behind both', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 2, natGateways: 0 });
      new elbv2.ApplicationLoadBalancer(stack, 'Open', { vpc, internetFacing: true });
      const guarded = new elbv2.ApplicationLoadBalancer(stack, 'Guarded', { vpc, internetFacing: true });
      const acl = new wafv2.CfnWebACL(stack, 'Acl', {
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'acl' },
        rules: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'].map((name, priority) => ({
          name,
          priority,
          overrideAction: { none: {} },
          visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: name },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        })),
      });
      new wafv2.CfnWebACLAssociation(stack, 'AclAssociation', { resourceArn: guarded.loadBalancerArn, webAclArn: acl.attrArn });
      new shield.CfnProtection(stack, 'GuardedShield', { name: 'guarded', resourceArn: guarded.loadBalancerArn });
    }, ['waf-owasp-rules', 'ddos-protection']);
    expect(findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort()).toEqual([
      ['ddos-protection', 'unprotected', 'Test/Open/Resource'],
      ['waf-owasp-rules', 'noWebAcl', 'Test/Open/Resource'],
    ]);
  });
});
