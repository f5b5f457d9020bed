import type { LogSource } from './facets.js';
import type { LogConfiguration } from './logs/types.js';
import type { CloudModel } from './model.js';
import { findBucket } from './s3/query.js';
import type { Link, Val } from './val.js';
import { explicit, isKnown, isTrue, unknownVal } from './val.js';

/** The canned ACL that grants the S3 log delivery group write access: the bucket is made to receive logs. */
const LOG_DELIVERY_ACL = 'log-delivery-write';

/**
 * Joins the log sources with what other resources say about them: the separate resources that turn
 * their logs on (flow logs on a VPC, its subnets or interfaces; WAF logging configurations; CloudWatch
 * Logs delivery sources), the listeners that decide whether a Network Load Balancer writes access
 * logs, and the buckets that receive logs (not judged for their own access logs). Framework-neutral.
 */
export function linkLogging(model: CloudModel): void {
  const sources = model.facets.logSources;
  const vpcOfSubnet = new Map(model.subnets.map((s) => [s.resource.id, idOf(s.vpc)]));

  // The resources each configuration delivers the logs of: its target, and the VPC of a subnet or interface.
  const byOwner = new Map<string, LogConfiguration[]>();
  const covered = (c: LogConfiguration): string[] => {
    const out: string[] = [];
    for (const id of [idOf(c.target), c.targetSubnet ? idOf(c.targetSubnet) : undefined]) {
      if (!id) continue;
      out.push(id);
      const vpc = vpcOfSubnet.get(id);
      if (vpc) out.push(vpc);
    }
    return out;
  };
  for (const c of model.logConfigurations) {
    for (const id of new Set(covered(c))) byOwner.set(id, [...(byOwner.get(id) ?? []), c]);
  }

  for (const s of sources) {
    if (isTrue(s.enabled) || s.enabled.provenance === 'unknown') continue;
    const configs = byOwner.get(s.owner.resource.id) ?? [];
    if (configs.length) {
      s.enabled = explicit(true, configs[0]!.target.origin);
      s.destinations.push(...configs.flatMap((c) => c.destinations));
      continue;
    }
    // A configuration of these logs whose target cannot be known, deployed beside the source, may be its.
    const unsure = s.configuredBy === undefined ? undefined : model.logConfigurations.find((c) =>
      c.logs === s.configuredBy && c.target.provenance === 'unknown' && c.resource.context.target.id === s.owner.resource.context.target.id);
    if (unsure) s.enabled = unknownVal(unsure.target.origin, `${unsure.resource.address} delivers ${s.logs} of a resource that cannot be known (${unsure.target.provenance === 'unknown' ? unsure.target.reason : ''})`);
  }

  // Network Load Balancers write access logs for TLS listeners only.
  for (const s of sources) {
    if (s.onlyWith !== 'tls-listener') continue;
    const listeners = model.listeners.filter((l) => idOf(l.loadBalancer) === s.owner.resource.id);
    const tls = listeners.some((l) => !isKnown(l.protocol) || l.protocol.value === 'TLS');
    if (!tls) s.notJudged = 'it has no TLS listener in the scan, and Network Load Balancers write access logs for TLS listeners only';
  }

  // Buckets that receive logs: destinations of log sources and configurations, trail buckets, log-delivery ACLs.
  const receivers = new Set<string>();
  const receive = (l: Val<Link>, from: LogSource['owner']): void => {
    if (!isKnown(l)) return;
    const b = findBucket(model, l.value, from.resource);
    if (b && !(l.value.id && l.value.id === from.resource.id)) receivers.add(b.resource.id);
  };
  for (const s of sources) for (const d of s.destinations) receive(d, s.owner);
  for (const c of model.logConfigurations) for (const d of c.destinations) receive(d, c);
  for (const t of model.trails) receive(t.bucket, t);
  for (const b of model.buckets) {
    if ((isKnown(b.acl) && b.acl.value === LOG_DELIVERY_ACL) || namedAsLogBucket(b.resource.address, isKnown(b.name) ? b.name.value : undefined)) receivers.add(b.resource.id);
  }
  // Replicas of a bucket of the scan (the linker of the data stores knows them) hold copies S3 replication writes: judged through their source.
  const replicas = new Set(model.facets.dataStores.filter((d) => d.role === 'replication-destination').map((d) => d.owner.resource.id));
  for (const s of sources) {
    if (receivers.has(s.owner.resource.id)) s.notJudged = 'it receives logs itself: a log bucket that logged its own access to itself would log forever';
    else if (replicas.has(s.owner.resource.id)) s.notJudged = 'it is the replication destination of a bucket in the scan, which is judged';
  }
}

/**
 * A bucket whose address or name says it holds logs (`LogBucket`, `aws_s3_bucket.access_logs`,
 * `module.cloudfront_log_bucket…`, `acme-logs-prod`): taken for a log bucket, whose log deliveries
 * from outside the scan (another stack's load balancer, CloudFront) the scan cannot see.
 */
export function namedAsLogBucket(address: string, name: string | undefined): boolean {
  const words = (text: string): string[] => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  return [address, name ?? ''].some((t) => words(t).some((w) => w === 'log' || w === 'logs' || w === 'logging' || w === 'accesslogs'));
}

function idOf(l: Val<Link>): string | undefined {
  return isKnown(l) ? l.value.id : undefined;
}
