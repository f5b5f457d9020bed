/**
 * central-logging on CDK input: constructs as an engineer writes them (a VPC, a load balancer,
 * buckets, a trail, log groups), synthesized in-process and scanned as a cloud assembly.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('central-logging, supplementary-logging and log-retention on CDK', () => {
  it('finds what the constructs leave unlogged, and passes their logged forms', async () => {
    const findings = await synthAndScan((stack) => {
      // Failing: a VPC without flow logs, a load balancer without access logs, a data bucket without
      // server access logs, a trail that delivers to S3 only, a log group that never expires.
      const plain = new ec2.Vpc(stack, 'PlainVpc', { maxAzs: 2, natGateways: 0 });
      new elbv2.ApplicationLoadBalancer(stack, 'PlainAlb', { vpc: plain, internetFacing: true });
      new s3.Bucket(stack, 'PlainData');
      new cloudtrail.Trail(stack, 'PlainTrail', { sendToCloudWatchLogs: false });
      new logs.LogGroup(stack, 'ForeverLogs', { retention: logs.RetentionDays.INFINITE, removalPolicy: RemovalPolicy.DESTROY });

      // Passing: flow logs on the VPC, access logs into a log bucket, data logged into it, a log group with retention.
      const logBucket = new s3.Bucket(stack, 'LogBucket', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED });
      const vpc = new ec2.Vpc(stack, 'LoggedVpc', { maxAzs: 2, natGateways: 0, flowLogs: { s3: { destination: ec2.FlowLogDestination.toS3(logBucket) } } });
      new elbv2.ApplicationLoadBalancer(stack, 'LoggedAlb', { vpc, internetFacing: true }).logAccessLogs(logBucket, 'alb');
      new s3.Bucket(stack, 'LoggedData', { serverAccessLogsBucket: logBucket, serverAccessLogsPrefix: 'data/' });
      new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    }, ['central-logging', 'supplementary-logging', 'log-retention']);
    const got = findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath, f.severity]).sort();
    expect(got).toEqual([
      ['central-logging', 'none', 'Test/PlainVpc/Resource', 'medium'],
      ['central-logging', 'notDelivered', 'Test/PlainAlb/Resource', 'medium'],
      ['log-retention', 'neverExpires', 'Test/ForeverLogs/Resource', 'low'],
      ['supplementary-logging', 'notDelivered', 'Test/PlainData/Resource', 'low'],
      ['supplementary-logging', 'notDelivered', 'Test/PlainTrail/Resource', 'low'],
    ]);
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});
