import type { ResourceGraph } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import type { Path, PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { dataStore } from '../facets.js';
import { defaulted, explicit, isKnown, namesKey, unknownVal } from '../val.js';
import type { LogGroup } from './types.js';

/** Log groups never expire unless a retention is set (CloudWatch Logs PutRetentionPolicy / DeleteRetentionPolicy). */
export const NEVER_EXPIRES = { value: 0, assumed: 'events never expire' };

/**
 * Log groups are always encrypted: with the KMS key the group names, otherwise with a key of the
 * CloudWatch Logs service (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS").
 */
export const SERVICE_KEY = { value: '', assumed: 'CloudWatch Logs encrypts the events with its own service key' };

/** A log group as the model, the log-store facet and the data-store facet (key of its encryption at rest) see it. */
export function pushLogGroup(model: CloudModel, group: LogGroup): void {
  model.logGroups.push(group);
  model.facets.logStores.push({ owner: group, what: 'CloudWatch log group', retention: group.retention });
  model.facets.dataStores.push(dataStore(group, 'CloudWatch log group', { contents: 'logs', atRest: { kind: 'always', ownKey: group.ownKey } }));
}

/**
 * Whether the log group names a KMS key of the customer's. A key named through a value the scan
 * cannot know (a parameter, a variable, a key's ARN) is still a key; a condition one of whose
 * branches is null or empty may leave the key out, so that stays unknown (a notice).
 */
export function ownKey(r: PropertyReader, path: Path, key: Val<string>): Val<boolean> {
  if (key.provenance !== 'unknown') return { ...key, value: namesKey(key) };
  const raw = r.value(path);
  const mayBeLeftOut = raw?.kind === 'unknown' && (raw.options ?? []).some((o) => o.kind === 'null' || (o.kind === 'string' && o.value === ''));
  return mayBeLeftOut ? unknownVal(key.origin, `${key.reason}; one branch names no key, which leaves the CloudWatch Logs service key`) : explicit(true, key.origin);
}

/**
 * The network interface a flow log names, when it is a declared interface of the scan: its subnet,
 * so a flow log on an interface counts for the interface's VPC.
 */
export function interfaceSubnet(target: Val<Link>, graph: ResourceGraph, interfaceType: string, reader: (id: string) => PropertyReader | undefined, subnetKey: string): Val<Link> | undefined {
  const id = isKnown(target) ? target.value.id : undefined;
  const node = id ? graph.get(id) : undefined;
  if (!node || node.type !== interfaceType) return undefined;
  return reader(node.id)?.link([subnetKey]);
}

/**
 * Logs configured by naming their destination (`AccessLogSetting.DestinationArn`,
 * `CloudWatchLogsLogGroupArn`): on when the destination is written (even as a reference known only
 * after deployment), off with the documented default when it is absent, unknown when an enclosing
 * block is (a condition, a dynamic block).
 */
export function deliveryTo(r: PropertyReader, path: Path, assumed: string): { enabled: Val<boolean>; destinations: Val<Link>[] } {
  for (let n = 1; n < path.length; n++) {
    const v = r.value(path.slice(0, n));
    if (v?.kind === 'unknown' && !v.options) return { enabled: unknownVal(r.origin(path.slice(0, n), v.span), v.reason), destinations: [] };
  }
  const v = r.value(path);
  const link = v && v.kind !== 'null' ? r.link(path) : undefined;
  if (!link) return { enabled: r.bool(path, { value: false, assumed }), destinations: [] };
  return { enabled: explicit(true, link.origin), destinations: [link] };
}

/**
 * Logs turned on by listing their types (RDS `EnableCloudwatchLogsExports`, EKS control-plane
 * `EnabledTypes` / `enabled_cluster_log_types`): on when the list names at least one type, off with
 * the documented default when it is absent, off at the list when it is empty, unknown when the list
 * or an enclosing block cannot be known.
 */
export function listedLogs(r: PropertyReader, path: Path, assumed: string): Val<boolean> {
  for (let n = 1; n < path.length; n++) {
    const v = r.value(path.slice(0, n));
    if (v?.kind === 'unknown' && !v.options) return unknownVal(r.origin(path.slice(0, n), v.span), v.reason);
  }
  const v = r.value(path);
  if (v === undefined) return r.bool(path, { value: false, assumed });
  if (v.kind === 'null') return defaulted(false, r.origin(path, v.span), assumed);
  if (v.kind === 'unknown') return unknownVal(r.origin(path, v.span), v.reason);
  return explicit(v.kind !== 'list' || v.items.length > 0, r.origin(path, v.span));
}
