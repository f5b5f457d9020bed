import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { AlarmMetric, CompositeAlarm, MetricAlarm } from './types.js';
import { actionList, dimensionMap, metricAt, ruleChildren, targetTrackingAlarm } from './common.js';

// aws_cloudwatch_metric_alarm — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm
const ALARM = 'aws_cloudwatch_metric_alarm';
const ALARM_NAME = 'alarm_name';
const NAMESPACE = 'namespace';
const METRIC_NAME = 'metric_name';
const DIMENSIONS = 'dimensions';
const METRIC_QUERY = 'metric_query';
const METRIC = 'metric';
const ALARM_ACTIONS = 'alarm_actions';
const OK_ACTIONS = 'ok_actions';
const INSUFFICIENT_DATA_ACTIONS = 'insufficient_data_actions';
const ACTIONS_ENABLED = 'actions_enabled';

// aws_cloudwatch_composite_alarm — .../docs/resources/cloudwatch_composite_alarm
const COMPOSITE = 'aws_cloudwatch_composite_alarm';
const ALARM_RULE = 'alarm_rule';

// aws_autoscaling_policy — .../docs/resources/autoscaling_policy (policy_type TargetTrackingScaling)
const SCALING_POLICY = 'aws_autoscaling_policy';
const POLICY_TYPE = 'policy_type';
const TARGET_TRACKING = 'TargetTrackingScaling';
const POLICY_GROUP = 'autoscaling_group_name';

const ENABLED_DEFAULT = { value: true, assumed: 'true: actions run' };

export const adapter: Adapter = {
  service: 'cloudwatch',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(ALARM)) {
      const r = new PropertyReader(node, graph, '');
      const metrics: AlarmMetric[] = [];
      if (r.has([METRIC_NAME]) || r.has([NAMESPACE]) || r.has([DIMENSIONS])) {
        metrics.push(metricAt(r, NAMESPACE, METRIC_NAME, dimensionMap(r, [DIMENSIONS]), r.origin([METRIC_NAME], r.value([METRIC_NAME])?.span)));
      }
      for (const q of r.each([METRIC_QUERY])) {
        for (const m of q.each([METRIC])) metrics.push(metricAt(m, NAMESPACE, METRIC_NAME, dimensionMap(m, [DIMENSIONS]), m.origin()));
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
      const r = new PropertyReader(node, graph, '');
      const type = r.str([POLICY_TYPE]);
      const group = r.link([POLICY_GROUP]);
      if (type?.provenance === 'explicit' && type.value === TARGET_TRACKING && group) model.metricAlarms.push(targetTrackingAlarm(r, group));
    }

    for (const node of graph.ofType(COMPOSITE)) {
      const r = new PropertyReader(node, graph, '');
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
