/**
 * The auto-scaling and network-redundancy rules on CDK input: constructs as an engineer writes them,
 * synthesized in-process, scanned as a cloud assembly.
 */
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('auto-scaling on CDK', () => {
  it('finds fixed capacity nothing scales, and passes what autoScaleTaskCount / scaleOnUtilization scale', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
      const task = new ecs.FargateTaskDefinition(stack, 'Task');
      task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
      // Failing: a service nobody scales, a group of fixed size, a provisioned table scaled on reads only.
      new ecs.FargateService(stack, 'Fixed', { cluster, taskDefinition: task, desiredCount: 2 });
      new autoscaling.AutoScalingGroup(stack, 'Workers', {
        vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), minCapacity: 2, maxCapacity: 2,
      });
      const table = new dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PROVISIONED });
      table.autoScaleReadCapacity({ minCapacity: 5, maxCapacity: 50 }).scaleOnUtilization({ targetUtilizationPercent: 70 });
      // Passing: a service scaled on CPU, a group with a range and a policy, an on-demand table.
      const scaled = new ecs.FargateService(stack, 'Scaled', { cluster, taskDefinition: task, desiredCount: 2 });
      scaled.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
      const web = new autoscaling.AutoScalingGroup(stack, 'Web', {
        vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), minCapacity: 2, maxCapacity: 6,
      });
      web.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
      new dynamodb.Table(stack, 'Events', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });
    }, 'auto-scaling');
    const got = findings.map((f) => [f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['fixedGroup', 'Test/Workers/ASG'],
      ['noTarget', 'Test/Fixed/Service'],
      ['noTarget', 'Test/Orders/Resource'],
    ]);
    expect(findings.find((f) => f.resource.constructPath === 'Test/Orders/Resource')?.message).toContain('dynamodb:table:WriteCapacityUnits');
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});

describe('network-redundancy on CDK', () => {
  it('finds a single VPN connection and a one-zone transit gateway attachment, and passes a two-zone attachment', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, vpnGateway: true });
      // Failing: one VPN connection (one customer gateway); an attachment in the first private subnet only.
      vpc.addVpnConnection('Office', { ip: '203.0.113.10' });
      const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', {});
      new ec2.CfnTransitGatewayVpcAttachment(stack, 'OneZone', { transitGatewayId: tgw.ref, vpcId: vpc.vpcId, subnetIds: [vpc.privateSubnets[0]!.subnetId] });
      // Passing: an attachment in both zones of a second VPC.
      const shared = new ec2.Vpc(stack, 'Shared', { maxAzs: 2, natGateways: 2 });
      new ec2.CfnTransitGatewayVpcAttachment(stack, 'TwoZones', { transitGatewayId: tgw.ref, vpcId: shared.vpcId, subnetIds: shared.privateSubnets.map((s) => s.subnetId) });
    }, 'network-redundancy');
    const got = findings.map((f) => [f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['attachmentOneAz', 'Test/OneZone'],
      ['singleCustomerGateway', 'Test/Vpc/Office/Resource'],
    ]);
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});
