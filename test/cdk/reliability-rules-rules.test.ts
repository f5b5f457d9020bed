/**
 * Session 3 (helper rules) on CDK input: lone EC2 instances in multi-az, constructs as an engineer
 * writes them, synthesized in-process and scanned as a cloud assembly.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('lone EC2 instances on CDK', () => {
  it('report a bastion host alone in its zone, not instances of one role in two zones', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 2 });
      // Failing: the BastionHostLinux construct is one instance in one subnet.
      new ec2.BastionHostLinux(stack, 'Bastion', { vpc });
      // Passing: two workers sharing a security group, one per zone.
      const workers = new ec2.SecurityGroup(stack, 'Workers', { vpc });
      vpc.privateSubnets.forEach((subnet, i) => new ec2.Instance(stack, `Worker${i}`, {
        vpc,
        vpcSubnets: { subnets: [subnet] },
        securityGroup: workers,
        instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
        machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      }));
    }, ['multi-az']);
    const got = findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([['multi-az', 'loneInstance', 'Test/Bastion/Resource/Resource']]);
  });
});

describe('log sources of session 3 on CDK', () => {
  it('report an HTTP API default stage without access logs and a database exporting no logs', async () => {
    const { HttpApi } = await import('aws-cdk-lib/aws-apigatewayv2');
    const rds = await import('aws-cdk-lib/aws-rds');
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 2 });
      // Failing: the construct's $default stage has no access log settings; a database with no exports.
      new HttpApi(stack, 'Mobile');
      new rds.DatabaseInstance(stack, 'Quiet', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc });
      // Passing: a database exporting its PostgreSQL log.
      new rds.DatabaseInstance(stack, 'Loud', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc, cloudwatchLogsExports: ['postgresql'] });
    }, ['central-logging', 'supplementary-logging']);
    const got = findings.filter((f) => !f.resource.constructPath?.startsWith('Test/Vpc')).map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['central-logging', 'notDelivered', 'Test/Mobile/DefaultStage/Resource'],
      ['supplementary-logging', 'notDelivered', 'Test/Quiet/Resource'],
    ]);
  });
});

describe('emptied buckets and custom domains on CDK', () => {
  it('report a bucket with autoDeleteObjects and a REST custom domain on TLS 1.0, not one on TLS 1.2', async () => {
    const s3 = await import('aws-cdk-lib/aws-s3');
    const apigateway = await import('aws-cdk-lib/aws-apigateway');
    const acm = await import('aws-cdk-lib/aws-certificatemanager');
    const { RemovalPolicy } = await import('aws-cdk-lib');
    const findings = await synthAndScan((stack) => {
      // Failing: the construct adds a custom resource that empties the bucket when the stack deletes it.
      new s3.Bucket(stack, 'Exports', { versioned: true, autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
      const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/1');
      new apigateway.DomainName(stack, 'Legacy', { domainName: 'legacy.shop.example.com', certificate, securityPolicy: apigateway.SecurityPolicy.TLS_1_0 });
      // Passing: a domain on TLS 1.2.
      new apigateway.DomainName(stack, 'Shop', { domainName: 'api.shop.example.com', certificate, securityPolicy: apigateway.SecurityPolicy.TLS_1_2 });
    }, ['backups', 'encryption-in-transit']);
    const got = findings.filter((f) => f.messageId === 'deletable' || f.messageId === 'apiDomainOldTls').map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['backups', 'deletable', 'Test/Exports/Resource'],
      ['encryption-in-transit', 'apiDomainOldTls', 'Test/Legacy/Resource'],
    ]);
  });
});
