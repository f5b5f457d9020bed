import { defineRule } from '../../src/engine/rule.js';
import { how, property } from '../../src/engine/kit.js';
import type { CompositeAlarm, MetricAlarm } from '../../src/model/cloudwatch/types.js';
import type { Val } from '../../src/model/val.js';
import { isFalse, isKnown } from '../../src/model/val.js';

/** Whether an alarm acts when it fires: yes, no (and why), or unknown (and the value that is). */
type Acts = { kind: 'yes' } | { kind: 'no'; why: string } | { kind: 'unknown'; at: Val<unknown>; reason: string };

export default defineRule({
  meta: {
    id: 'monitoring-alarms',
    title: 'Key resources have CloudWatch alarms that act',
    checks: 'load balancers, RDS instances and Aurora clusters, SQS queues, Lambda functions and Auto Scaling groups without a CloudWatch alarm (matched by its metric dimensions) whose AlarmActions run',
    severity: 'medium',
    controls: ['2.4', '4.2'],
    rationale:
      'Monitoring and alarms must be managed centrally (checklist 2.4) and performance thresholds watched by alarms that ' +
      'act (4.2). AWS recommends alarms on the health and saturation metrics of every key resource (CloudWatch User ' +
      'Guide, "Best practice alarm recommendations for AWS services", docs.aws.amazon.com/AmazonCloudWatch/latest/' +
      'monitoring/Best-Practice-Alarms.html): load balancers (5XX errors, ' +
      'unhealthy hosts, response time), RDS instances and Aurora clusters (CPU, memory, storage, connections), SQS queues ' +
      '(age of the oldest message, messages visible), Lambda functions (errors, throttles, duration) and Auto Scaling ' +
      'groups (CPU). An alarm watches a resource when one of its metrics — its own or one of a metric-math expression — ' +
      'carries the dimension CloudWatch uses for that resource (LoadBalancer with the full name, LoadBalancerName, ' +
      'DBInstanceIdentifier, DBClusterIdentifier, QueueName, FunctionName, AutoScalingGroupName) and the value names it: a ' +
      'reference to the resource, or its literal name in the same account and region. An alarm on an instance of an ' +
      'Aurora cluster watches the cluster. Only AlarmActions count, and only with ActionsEnabled not false (its ' +
      'documented default is true): an alarm acts only on the state transitions it has actions for ("Alarm actions", ' +
      'same guide), and OKActions and InsufficientDataActions run on recovery or missing data, never when the threshold ' +
      'is crossed — AWS Config\'s cloudwatch-alarm-action-check requires an ALARM action by default too. A metric alarm ' +
      'without actions of its own counts when a composite alarm whose rule names it has actions; a target-tracking ' +
      'scaling policy counts as an alarm on its Auto Scaling group (AWS creates and manages its alarms, with the policy ' +
      'as their action). Any metric of the ' +
      'resource counts: which one fits the workload is the team\'s choice. To keep the noise down there is one finding per ' +
      'key resource, not one per missing metric, and no separate finding for a scan with no alarm at all (each resource ' +
      'already says so, at its own line); functions that serve the deployment rather than the workload — those the AWS ' +
      'CDK adds for its own constructs (custom resource providers, log retention) and the handlers of CloudFormation ' +
      'custom resources and macros — are not key resources. An alarm whose dimension value, actions or ActionsEnabled ' +
      'cannot be known, or a literal dimension where the resource\'s own name is unknown, makes the resource undecidable: ' +
      'a notice, never a finding. Alarms kept in another repository or stack are not seen: suppress the finding with that reason.',
    remediation:
      'Add an AWS::CloudWatch::Alarm / aws_cloudwatch_metric_alarm on a health or saturation metric of the resource, with ' +
      'the resource\'s dimension set by reference (`!GetAtt Alb.LoadBalancerFullName`, `aws_lb.web.arn_suffix`, ' +
      '`!Ref Queue`… or `GetAtt Queue.QueueName`, `aws_sqs_queue.jobs.name`), and AlarmActions / alarm_actions naming an ' +
      'SNS topic, a scaling policy or another action; in the CDK, `queue.metricApproximateAgeOfOldestMessage().createAlarm(…)` ' +
      'with `alarm.addAlarmAction(new SnsAction(topic))`. Keep ActionsEnabled true.',
    messages: {
      noAlarm: '{{what}} has no CloudWatch alarm: no alarm in the scan has a metric whose `{{dimension}}` dimension names it. Alarm on {{suggest}} with an action.',
      noAction: '{{what}} has CloudWatch alarms, but none acts when it fires: alarm {{alarm}} {{why}}. Give it AlarmActions (an SNS topic, a scaling policy …) and keep ActionsEnabled true.',
    },
    precision: 'high',
    tags: ['reliability', 'operations', 'monitoring'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  JobsAge:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/SQS\n      MetricName: ApproximateAgeOfOldestMessage\n      Dimensions:\n        - Name: QueueName\n          Value: !GetAtt Jobs.QueueName\n      Statistic: Maximum\n      Period: 300\n      EvaluationPeriods: 1\n      Threshold: 600\n      ComparisonOperator: GreaterThanThreshold\n',
        pass: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n  JobsAge:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: AWS/SQS\n      MetricName: ApproximateAgeOfOldestMessage\n      Dimensions:\n        - Name: QueueName\n          Value: !GetAtt Jobs.QueueName\n      Statistic: Maximum\n      Period: 300\n      EvaluationPeriods: 1\n      Threshold: 600\n      ComparisonOperator: GreaterThanThreshold\n      AlarmActions:\n        - !Ref Alerts\n',
      },
      terraform: {
        fail: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n',
        pass: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n\nresource "aws_sns_topic" "alerts" {\n  name              = "alerts"\n  kms_master_key_id = "alias/aws/sns"\n}\n\nresource "aws_cloudwatch_metric_alarm" "jobs_age" {\n  alarm_name          = "jobs-age"\n  namespace           = "AWS/SQS"\n  metric_name         = "ApproximateAgeOfOldestMessage"\n  dimensions          = { QueueName = aws_sqs_queue.jobs.name }\n  statistic           = "Maximum"\n  period              = 300\n  evaluation_periods  = 1\n  threshold           = 600\n  comparison_operator = "GreaterThanThreshold"\n  alarm_actions       = [aws_sns_topic.alerts.arn]\n}\n',
      },
    },
  },
  check(ctx) {
    for (const f of ctx.model.facets.monitored) {
      const owner = f.owner;
      if (f.alarms.length === 0) {
        const m = f.maybe[0];
        if (m) ctx.undecidable(owner, m.at, `whether a CloudWatch alarm watches the ${f.what} is unknown: ${m.reason}`);
        else ctx.report({ messageId: 'noAlarm', at: owner, resource: owner, data: { what: f.what, dimension: f.dimension, suggest: f.suggest } });
        continue;
      }
      const verdicts = f.alarms.map((a) => ({ alarm: a, acts: acts(a, new Set()) }));
      if (verdicts.some((v) => v.acts.kind === 'yes')) continue;
      const unknown = verdicts.find((v) => v.acts.kind === 'unknown')?.acts;
      if (unknown?.kind === 'unknown') {
        ctx.undecidable(owner, unknown.at, `whether the alarms of the ${f.what} act is unknown: ${unknown.reason}`);
        continue;
      }
      const m = f.maybe[0];
      if (m) {
        ctx.undecidable(owner, m.at, `whether a CloudWatch alarm with actions watches the ${f.what} is unknown: ${m.reason}`);
        continue;
      }
      const first = verdicts[0]!;
      ctx.report({ messageId: 'noAction', at: owner, resource: owner, data: { what: f.what, alarm: first.alarm.resource.address, why: first.acts.kind === 'no' ? first.acts.why : '' } });
    }
  },
});

/** Whether an alarm runs an action when it goes to ALARM: its own AlarmActions, or those of a composite alarm over it. */
function acts(a: MetricAlarm | CompositeAlarm, seen: Set<CompositeAlarm | MetricAlarm>): Acts {
  seen.add(a);
  const own = ownActs(a);
  if (own.kind === 'yes') return own;
  let unsure: Acts | undefined = own.kind === 'unknown' ? own : undefined;
  for (const c of a.composites) {
    if (seen.has(c)) continue;
    const via = acts(c, seen);
    if (via.kind === 'yes') return via;
    if (via.kind === 'unknown') unsure ??= via;
  }
  return unsure ?? own;
}

function ownActs(a: MetricAlarm | CompositeAlarm): Acts {
  const enabled = a.actionsEnabled;
  if (!isKnown(enabled)) return { kind: 'unknown', at: enabled, reason: `\`${property(enabled)}\` of ${a.resource.address} ${how(enabled)}` };
  if (isFalse(enabled)) return { kind: 'no', why: `has \`${property(enabled)}\` false` };
  const actions = a.alarmActions;
  if (!isKnown(actions)) return { kind: 'unknown', at: actions, reason: `\`${property(actions)}\` of ${a.resource.address} ${how(actions)}` };
  if (actions.value.length > 0) return { kind: 'yes' };
  const others = 'okActions' in a ? [a.okActions, a.insufficientDataActions].filter((v) => isKnown(v) && v.value.length > 0).map(property) : [];
  const list = property(actions);
  if (others.length) return { kind: 'no', why: `has only \`${others.join('` and `')}\`, which run on recovery or missing data, not when the threshold is crossed (\`${list}\` ${actions.provenance === 'default' ? 'is not set' : 'is empty'})` };
  return { kind: 'no', why: actions.provenance === 'default' ? `has no \`${list}\`` : `has an empty \`${list}\`` };
}
