import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { AlarmMetric, CompositeAlarm, MetricAlarm } from './types.js';
import { actionList, dimensionList, metricAt, ruleChildren, targetTrackingAlarm } from './common.js';

// AWS::CloudWatch::Alarm — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-alarm.html
// (Metrics: aws-properties-cloudwatch-alarm-metricdataquery.html → MetricStat → Metric: aws-properties-cloudwatch-alarm-metric.html)
const ALARM = 'AWS::CloudWatch::Alarm';
const ALARM_NAME = 'AlarmName';
const NAMESPACE = 'Namespace';
const METRIC_NAME = 'MetricName';
const DIMENSIONS = 'Dimensions';
const DIMENSION_NAME = 'Name';
const DIMENSION_VALUE = 'Value';
const METRICS = 'Metrics';
const METRIC_STAT = 'MetricStat';
const METRIC = 'Metric';
const ALARM_ACTIONS = 'AlarmActions';
const OK_ACTIONS = 'OKActions';
const INSUFFICIENT_DATA_ACTIONS = 'InsufficientDataActions';
const ACTIONS_ENABLED = 'ActionsEnabled';

// AWS::CloudWatch::CompositeAlarm — aws-resource-cloudwatch-compositealarm.html
const COMPOSITE = 'AWS::CloudWatch::CompositeAlarm';
const ALARM_RULE = 'AlarmRule';

// AWS::AutoScaling::ScalingPolicy — aws-resource-autoscaling-scalingpolicy.html (PolicyType TargetTrackingScaling)
const SCALING_POLICY = 'AWS::AutoScaling::ScalingPolicy';
const POLICY_TYPE = 'PolicyType';
const TARGET_TRACKING = 'TargetTrackingScaling';
const POLICY_GROUP = 'AutoScalingGroupName';

const ENABLED_DEFAULT = { value: true, assumed: 'true: actions run' };

export const adapter: Adapter = {
  service: 'cloudwatch',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(ALARM)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const metrics: AlarmMetric[] = [];
      if (r.has([METRIC_NAME]) || r.has([NAMESPACE]) || r.has([DIMENSIONS])) {
        metrics.push(metricAt(r, NAMESPACE, METRIC_NAME, dimensionList(r, [DIMENSIONS], DIMENSION_NAME, DIMENSION_VALUE), r.origin([METRIC_NAME], r.value([METRIC_NAME])?.span)));
      }
      for (const q of r.each([METRICS])) {
        const m = q.at([METRIC_STAT, METRIC]);
        if (!m.value()) continue;
        metrics.push(metricAt(m, NAMESPACE, METRIC_NAME, dimensionList(m, [DIMENSIONS], DIMENSION_NAME, DIMENSION_VALUE), m.origin()));
      }
      const alarm: MetricAlarm = {
        resource: r.info(),
        metrics,
        alarmActions: actionList(r, [ALARM_ACTIONS]),
        okActions: actionList(r, [OK_ACTIONS]),
        insufficientDataActions: actionList(r, [INSUFFICIENT_DATA_ACTIONS]),
        actionsEnabled: r.bool([ACTIONS_ENABLED], ENABLED_DEFAULT),
        composites: [],
      };
      const name = r.str([ALARM_NAME]);
      if (name) alarm.name = name;
      model.metricAlarms.push(alarm);
    }

    // The alarms a target-tracking policy makes AWS create for its group.
    for (const node of graph.ofType(SCALING_POLICY)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const type = r.str([POLICY_TYPE]);
      const group = r.link([POLICY_GROUP]);
      if (type?.provenance === 'explicit' && type.value === TARGET_TRACKING && group) model.metricAlarms.push(targetTrackingAlarm(r, group));
    }

    for (const node of graph.ofType(COMPOSITE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const alarm: CompositeAlarm = {
        resource: r.info(),
        ...ruleChildren(r, [ALARM_RULE]),
        alarmActions: actionList(r, [ALARM_ACTIONS]),
        actionsEnabled: r.bool([ACTIONS_ENABLED], ENABLED_DEFAULT),
        composites: [],
      };
      const name = r.str([ALARM_NAME]);
      if (name) alarm.name = name;
      model.compositeAlarms.push(alarm);
    }
  },
};
