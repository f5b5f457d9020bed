/**
 * `monitoring-alarms` on CDK input: alarms made from the constructs' metric helpers synthesize
 * AWS::CloudWatch::Alarm with the resources' dimensions as references; they are matched through the graph.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('monitoring-alarms on CDK', () => {
  it('passes resources whose alarms act, finds those without alarms or actions', async () => {
    const findings = await synthAndScan((stack) => {
      const topic = new sns.Topic(stack, 'Alerts');
      // Passing: a queue alarmed on the age of its oldest message, with an SNS action; a function through metric math.
      const jobs = new sqs.Queue(stack, 'Jobs');
      const age = jobs.metricApproximateAgeOfOldestMessage().createAlarm(stack, 'JobsAge', { threshold: 600, evaluationPeriods: 1 });
      age.addAlarmAction(new actions.SnsAction(topic));
      const fn = new lambda.Function(stack, 'Api', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {}'),
      });
      const errorRate = new cloudwatch.MathExpression({
        expression: 'errors / invocations',
        usingMetrics: { errors: fn.metricErrors(), invocations: fn.metricInvocations() },
        period: Duration.minutes(5),
      });
      errorRate.createAlarm(stack, 'ApiErrorRate', { threshold: 0.05, evaluationPeriods: 1 }).addAlarmAction(new actions.SnsAction(topic));
      // Not a key resource: the function the CDK adds to empty the bucket on deletion (a custom resource provider).
      new s3.Bucket(stack, 'Scratch', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
      // Failing: a queue with no alarm, and one whose alarm has no action.
      new sqs.Queue(stack, 'Unwatched');
      const silent = new sqs.Queue(stack, 'Silent');
      silent.metricApproximateNumberOfMessagesVisible().createAlarm(stack, 'SilentDepth', { threshold: 100, evaluationPeriods: 1 });
    }, 'monitoring-alarms');
    const got = findings.map((f) => [f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['noAction', 'Test/Silent/Resource'],
      ['noAlarm', 'Test/Unwatched/Resource'],
    ]);
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});
