import type { Link, ModelResource, Val } from '../val.js';

/**
 * A resource that turns on the logs of another one: a VPC flow log, a WAF logging configuration,
 * a CloudWatch Logs delivery source. The linker joins it to the log source of its target.
 */
export interface LogConfiguration extends ModelResource {
  /** The logs it delivers, worded as the log source words them (`flow logs`, `WAF logs`, `access logs`). */
  logs: string;
  /** The resource whose logs it delivers. */
  target: Val<Link>;
  /** For a flow log on a network interface: the interface's subnet, when the interface is in the scan. */
  targetSubnet?: Val<Link>;
  /** Where the logs go. */
  destinations: Val<Link>[];
}

/** A CloudWatch Logs log group. */
export interface LogGroup extends ModelResource {
  name: Val<string>;
  /** Days the events are kept; 0 when they never expire (the default when no retention is set). */
  retention: Val<number>;
  /** The KMS key the events are encrypted with; '' (default) when CloudWatch Logs uses its own service key. */
  kmsKey: Val<string>;
  /** Whether that key is one of the customer's (false: the service key); unknown when a condition may leave it out. */
  ownKey: Val<boolean>;
}
