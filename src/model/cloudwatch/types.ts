import type { Link, ModelResource, Origin, Val } from '../val.js';

/** A dimension of an alarm's metric: its name and the value it carries (a reference to a resource, or a literal). */
export interface MetricDimension {
  name: Val<string>;
  value: Val<Link>;
}

/** One metric an alarm watches: the alarm's own metric, or a metric of a metric-math expression. */
export interface AlarmMetric {
  namespace: Val<string>;
  metricName: Val<string>;
  dimensions: MetricDimension[];
  /** Set when the dimensions are one value that cannot be known (a variable map): which resource they name is unknown. */
  unknownDimensions?: Val<unknown>;
  origin: Origin;
}

/** A list of alarm actions (SNS topics, scaling policies, EC2 or Systems Manager actions): the targets when the list is known. */
export type AlarmActions = Val<Link[]>;

/** A CloudWatch metric alarm (`AWS::CloudWatch::Alarm`, `aws_cloudwatch_metric_alarm`). */
export interface MetricAlarm extends ModelResource {
  /** `AlarmName` / `alarm_name` when written: composite alarm rules name their children by it. */
  name?: Val<string>;
  metrics: AlarmMetric[];
  /** Actions when the alarm goes to ALARM; absent means none. */
  alarmActions: AlarmActions;
  okActions: AlarmActions;
  insufficientDataActions: AlarmActions;
  /** `ActionsEnabled` / `actions_enabled`: true by default. */
  actionsEnabled: Val<boolean>;
  /** Set by the linker: composite alarms whose rule names this alarm (their actions act for it). */
  composites: CompositeAlarm[];
  /**
   * Set for the alarms AWS creates for a target-tracking scaling policy (the resource is the policy): they watch the
   * group they scale, and their action is the policy. Their namespace is left unknown (it follows the policy's metric).
   */
  createdBy?: 'target-tracking-policy';
}

/** A CloudWatch composite alarm: a rule over other alarms' states, with its own actions. */
export interface CompositeAlarm extends ModelResource {
  name?: Val<string>;
  /** `AlarmRule` / `alarm_rule`. */
  rule: Val<string>;
  /** The alarms the rule names: references resolved through the graph, or literal alarm names parsed from the rule. */
  children: Link[];
  alarmActions: AlarmActions;
  actionsEnabled: Val<boolean>;
  /** Set by the linker: composite alarms whose rule names this one. */
  composites: CompositeAlarm[];
}
