/**
 * encryption-in-transit on database parameter groups (issue 11 item 2), CDK input: the DB parameter
 * groups `rds.DatabaseInstance` / `rds.DatabaseCluster` synthesize from `parameters`, and their default groups.
 */
import { SecretValue } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('encryption-in-transit on CDK databases', () => {
  it('finds TLS not required by the parameter group or its default, and passes a group that requires it', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      // Failing: PostgreSQL 14 in its default group (rds.force_ssl 0 up to 14); MySQL with require_secure_transport OFF;
      // an Aurora MySQL cluster in its default cluster parameter group.
      new rds.DatabaseInstance(stack, 'Old', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_14 }), vpc, storageEncrypted: true });
      new rds.DatabaseInstance(stack, 'Orders', {
        engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0_39 }),
        vpc,
        storageEncrypted: true,
        parameters: { require_secure_transport: 'OFF' },
      });
      new rds.DatabaseCluster(stack, 'Ledger', {
        engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_08_0 }),
        writer: rds.ClusterInstance.provisioned('Writer'),
        vpc,
        storageEncrypted: true,
      });
      // Passing: PostgreSQL 16 in its default group (rds.force_ssl 1 from 15), PostgreSQL 14 with rds.force_ssl 1.
      new rds.DatabaseInstance(stack, 'Current', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc, storageEncrypted: true });
      new rds.DatabaseInstance(stack, 'Forced', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_14 }),
        vpc,
        storageEncrypted: true,
        parameters: { 'rds.force_ssl': '1' },
      });
    }, 'encryption-in-transit');
    const got = findings.filter((f) => f.messageId === 'storePlainText').map((f) => f.resource.constructPath).sort();
    expect(got).toEqual(['Test/Ledger/Resource', 'Test/Old/Resource', 'Test/Orders/Resource']);
    expect(findings.find((f) => f.resource.constructPath === 'Test/Orders/Resource')?.message).toContain('`Parameters.require_secure_transport` is "OFF"');
  });
});

describe('identity, trail, bucket and network rules on CDK (the Done-when audit of issue 11)', () => {
  it('find what the constructs synthesize, and pass their narrow forms', async () => {
    const ids = ['iam-least-privilege', 'iam-no-static-access-keys', 'iam-no-user-policies', 'iam-user-mfa', 'cloudtrail-enabled', 'cloudtrail-complete-logs',
      'cloudtrail-bucket-protected', 's3-public-access-block', 's3-public-write', 'sg-internal-scope', 'sg-restricted-egress', 'change-detection', 's3-public-monitoring'];
    const findings = await synthAndScan((stack) => {
      // Failing: a console user with an inline admin policy and an access key; a single-region trail without
      // validation or global events; a bucket without Block Public Access that anyone may write to; a security
      // group open to a whole private /8 on every port, with the default all-traffic egress.
      const user = new iam.User(stack, 'Operator', { password: SecretValue.unsafePlainText('placeholder-password-1') });
      user.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
      new iam.AccessKey(stack, 'OperatorKey', { user });
      new cloudtrail.Trail(stack, 'Trail', { isMultiRegionTrail: false, includeGlobalServiceEvents: false, enableFileValidation: false });
      const drop = new s3.Bucket(stack, 'Drop', { blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), enforceSSL: true });
      drop.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['s3:PutObject'], resources: [drop.arnForObjects('*')] }));
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const wide = new ec2.SecurityGroup(stack, 'Wide', { vpc, allowAllOutbound: true });
      wide.addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.allTcp());
      // Passing: a role with a scoped policy; a locked-down bucket; a group that allows nothing out and HTTPS in from the VPC.
      const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      const data = new s3.Bucket(stack, 'Data', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, versioned: true });
      data.grantRead(role);
      const narrow = new ec2.SecurityGroup(stack, 'Narrow', { vpc, allowAllOutbound: false });
      narrow.addIngressRule(ec2.Peer.ipv4('10.0.1.0/24'), ec2.Port.tcp(443));
    }, ids);
    const got = findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath ?? f.resource.address]).sort();
    // The trail's own bucket (CDK's Trail makes one) is unversioned and sets no Block Public Access; the
    // account-level rules report once, on the first bucket of the account.
    expect(got).toEqual([
      ['change-detection', 'noDetection', 'Test/Data/Resource'],
      ['cloudtrail-bucket-protected', 'unprotected', 'Test/Trail/S3/Resource'],
      ['cloudtrail-complete-logs', 'globalEventsOff', 'Test/Trail/Resource'],
      ['cloudtrail-complete-logs', 'logValidationOff', 'Test/Trail/Resource'],
      ['cloudtrail-enabled', 'notMultiRegion', 'Test/Trail/Resource'],
      ['iam-least-privilege', 'allActions', 'Test/Operator/DefaultPolicy/Resource'],
      ['iam-no-static-access-keys', 'accessKey', 'Test/OperatorKey/Resource'],
      ['iam-no-user-policies', 'policyNamesUser', 'Test/Operator/DefaultPolicy/Resource'],
      ['iam-user-mfa', 'noMfaPolicy', 'Test/Operator/Resource'],
      ['s3-public-access-block', 'noPublicAccessBlock', 'Test/Trail/S3/Resource'],
      ['s3-public-monitoring', 'noMonitoring', 'Test/Data/Resource'],
      ['s3-public-write', 'publicPolicy', 'Test/Drop/Resource'],
      ['sg-internal-scope', 'allPorts', 'Test/Wide/Resource'],
      ['sg-restricted-egress', 'allTraffic', 'Test/Wide/Resource'],
    ]);
  });
});
