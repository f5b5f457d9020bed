import type { ModelResource, Val } from '../val.js';
import type { MetricAlarm } from './types.js';

/**
 * The monitored-resource facet: a key resource whose health and saturation CloudWatch alarms should
 * watch, and how its metrics name it — the dimension (`QueueName`) and the value it carries (a
 * reference to the resource, or its literal name). Each service's adapter fills it for its key
 * resources (load balancers, databases, queues, functions, Auto Scaling groups), so the alarms rule
 * never names a service; the linker (`link-alarms.ts`) matches alarms to it.
 */
export interface MonitoredResource {
  owner: ModelResource;
  /** In words, for messages: `SQS queue`. */
  what: string;
  /**
   * The AWS namespaces of the service's metrics for it (`AWS/SQS`). A metric in another `AWS/`
   * namespace does not watch it; one in a custom namespace (`CWAgent`) with the dimension does.
   */
  namespaces: string[];
  /** The dimension that names it (`QueueName`, `LoadBalancer`). */
  dimension: string;
  /** Its name when written; absent when generated at deployment (then only a reference can name it). */
  name?: Val<string>;
  /** The dimension carries a `type/name/id` full name (`app/web/50dc6c495c0c9188`) whose middle part is `name`. */
  fullName?: boolean;
  /** Metrics to suggest in messages (`ApproximateAgeOfOldestMessage`). */
  suggest: string;
  /** Other resources whose metrics count for this one (the DB instances of an Aurora cluster), by graph id; set by the linker. */
  parts: string[];
  /** Set by the linker: alarms with a metric whose dimension names this resource. */
  alarms: MetricAlarm[];
  /** Set by the linker: alarms with a metric whose dimension may name it (its value, or this resource's name, is unknown). */
  maybe: { alarm: MetricAlarm; at: Val<unknown>; reason: string }[];
}

/** A monitored-resource facet with the linker's lists empty: what an adapter pushes. */
export function monitored(owner: ModelResource, what: string, fields: Omit<MonitoredResource, 'owner' | 'what' | 'alarms' | 'maybe' | 'parts'>): MonitoredResource {
  return { owner, what, ...fields, parts: [], alarms: [], maybe: [] };
}

/** `{ name }` when the resource's name is written, else nothing: `monitored(r, what, { …, ...named(r.str([NAME])) })`. */
export function named(name: Val<string> | undefined): { name?: Val<string> } {
  return name ? { name } : {};
}
