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
