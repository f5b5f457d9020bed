/**
 * What the diagram reads from the cloud model: where resources run (subnets, zones, VPCs) and the
 * connections the model knows by meaning (origins, trail buckets, where log sources deliver, replication,
 * load balancer targets, security-group paths). This is the only diagram file that reads the model, so a change of the model
 * touches one place.
 */
import type { CloudModel } from '../model/model.js';
import type { Link, Val } from '../model/val.js';
import { isKnown, isTrue, valueOf } from '../model/val.js';
import { originTargets } from '../model/cloudfront/origins.js';

export interface SubnetInfo {
  id: string;
  vpc?: string;
  /** The zone as written (`us-east-1a`), symbolic (`us-east-1#0`), or undefined when unknown. */
  zone?: string;
  public: boolean;
}

/**
 * Where a resource runs:
 * - `each`: in every zone of these subnets (load balancer nodes, auto scaling groups, mount targets, Aurora);
 * - `primary-standby`: a primary in the first zone and a standby in the second (Multi-AZ RDS, ElastiCache failover);
 * - `one-of`: in one of these subnets, chosen at deployment (a single-AZ database with a subnet group).
 */
export interface Placement {
  subnets: string[];
  mode: 'each' | 'primary-standby' | 'one-of';
}

export type RelationKind = 'data' | 'logs' | 'replication' | 'network' | 'trust';

/** A connection between two resources (graph ids); `from` may be the internet. */
export interface Relation {
  from: string;
  to: string;
  kind: RelationKind;
  label: string;
}

/** The internet, as the end of a relation. */
export const INTERNET = '@internet';

export interface ModelView {
  subnets: SubnetInfo[];
  vpcs: string[];
  placement(id: string): Placement | undefined;
  relations: Relation[];
  /** The resources a security group is attached to (graph ids). */
  attachedTo(groupId: string): string[];
  /** Resources reachable from the internet by design (internet-facing load balancers, distributions). */
  internetFacing: Set<string>;
}

const linkId = (l: Val<Link> | undefined): string | undefined => (l && isKnown(l) ? l.value.id : undefined);
const linkIds = (ls: Val<Link>[]): string[] => ls.map(linkId).filter((x): x is string => x !== undefined);

export function readModel(model: CloudModel): ModelView {
  const subnets: SubnetInfo[] = model.subnets.map((s) => {
    const vpc = linkId(s.vpc);
    const z = valueOf(s.availabilityZone);
    // The diagram's own zone labels read the `<region>#<index>` form of a zone chosen by index.
    const zone = z ? ('name' in z ? z.name : `${z.region ?? ''}#${z.index}`) : undefined;
    return { id: s.resource.id, ...(vpc ? { vpc } : {}), ...(zone ? { zone } : {}), public: isTrue(s.mapPublicIpOnLaunch) };
  });
  const placements = new Map<string, Placement>();
  const place = (id: string, subnetIds: string[], mode: Placement['mode']): void => {
    if (subnetIds.length) placements.set(id, { subnets: subnetIds, mode });
  };
  const dbSubnetGroups = new Map(model.dbSubnetGroups.map((g) => [g.resource.id, linkIds(g.subnets)]));
  const cacheSubnetGroups = new Map(model.cacheSubnetGroups.map((g) => [g.resource.id, linkIds(g.subnets)]));

  for (const i of model.instances) place(i.resource.id, linkIds([i.subnet]), 'each');
  for (const n of model.natGateways) place(n.resource.id, linkIds([n.subnet]), 'each');
  for (const lb of model.loadBalancers) place(lb.resource.id, linkIds(lb.subnets), 'each');
  for (const g of model.autoScalingGroups) place(g.resource.id, linkIds(g.subnets), 'each');
  for (const f of model.fileSystems) place(f.resource.id, linkIds(f.mountTargetSubnets), 'each');
  const clusterSubnets = new Map<string, string[]>();
  for (const c of model.dbClusters) {
    const group = dbSubnetGroups.get(linkId(c.subnetGroup) ?? '') ?? [];
    clusterSubnets.set(c.resource.id, group);
    place(c.resource.id, group, 'each');
  }
  for (const d of model.dbInstances) {
    place(d.resource.id, dbSubnetGroups.get(linkId(d.subnetGroup) ?? '') ?? [], isTrue(d.multiAz) ? 'primary-standby' : 'one-of');
  }
  for (const d of model.dbClusterMembers) place(d.resource.id, clusterSubnets.get(linkId(d.cluster) ?? '') ?? [], 'one-of');
  for (const c of model.cacheClusters) {
    const group = cacheSubnetGroups.get(linkId(c.subnetGroup) ?? '') ?? [];
    place(c.resource.id, group, isTrue(c.multiAz) || isTrue(c.automaticFailover) ? 'primary-standby' : 'one-of');
  }

  const relations: Relation[] = [];
  const relate = (from: string | undefined, to: string | undefined, kind: RelationKind, label: string): void => {
    if (from && to && from !== to) relations.push({ from, to, kind, label });
  };
  const internetFacing = new Set<string>();
  for (const d of model.distributions) {
    internetFacing.add(d.resource.id);
    for (const to of originTargets(d)) relate(d.resource.id, to, 'data', 'origin');
  }
  for (const lb of model.loadBalancers) if (isTrue(lb.internetFacing)) internetFacing.add(lb.resource.id);
  for (const l of model.listeners) {
    for (const a of l.defaultActions) {
      const port = valueOf(l.port);
      relate(linkId(l.loadBalancer), linkId(a.targetGroup), 'data', [valueOf(l.protocol), port].filter((x) => x !== undefined).join(' ') || 'listener');
    }
  }
  // A target group is used by its load balancers (traffic comes from them) and by the compute it sends to.
  const loadBalancers = new Set(model.loadBalancers.map((lb) => lb.resource.id));
  const listeners = new Set(model.listeners.map((l) => l.resource.id));
  for (const tg of model.targetGroups) {
    for (const user of tg.usedBy) {
      if (loadBalancers.has(user)) relate(user, tg.resource.id, 'data', 'forwards');
      else if (!listeners.has(user)) relate(tg.resource.id, user, 'data', 'targets');
    }
  }
  for (const t of model.trails) relate(t.resource.id, linkId(t.bucket), 'logs', 'trail logs');
  // Where each log source delivers its logs (flow logs, access logs, a trail's CloudWatch Logs group, WAF logs).
  for (const s of model.facets.logSources) for (const d of s.destinations) relate(s.owner.resource.id, linkId(d), 'logs', s.logs);
  for (const b of model.buckets) for (const r of b.replication) relate(b.resource.id, linkId(r.destination), 'replication', 'replication');
  for (const d of model.dbInstances) relate(linkId(d.replicaOf), d.resource.id, 'replication', 'read replica');
  for (const c of model.dbClusters) {
    relate(linkId(c.replicaOf), c.resource.id, 'replication', 'replica');
    relate(linkId(c.globalCluster), c.resource.id, 'replication', 'global cluster');
  }

  // Security-group rules that open a path: from the members of the peer group, or from the internet.
  const members = new Map(model.securityGroups.map((g) => [g.resource.id, g.attachments.map((a) => a.id)]));
  for (const g of model.securityGroups) {
    for (const rule of g.ingress) {
      const ports = portText(valueOf(rule.protocol), valueOf(rule.fromPort), valueOf(rule.toPort));
      const peer = linkId(rule.peerGroup);
      const fromInternet = valueOf(rule.cidrIpv4) === '0.0.0.0/0' || valueOf(rule.cidrIpv6) === '::/0';
      for (const to of members.get(g.resource.id) ?? []) {
        if (fromInternet) relate(INTERNET, to, 'network', ports);
        for (const from of peer ? members.get(peer) ?? [] : []) relate(from, to, 'network', ports);
      }
    }
  }
  return {
    subnets,
    vpcs: model.vpcs.map((v) => v.resource.id),
    placement: (id) => placements.get(id),
    relations,
    attachedTo: (groupId) => members.get(groupId) ?? [],
    internetFacing,
  };
}

function portText(protocol: string | undefined, from: number | undefined, to: number | undefined): string {
  if (protocol === '-1') return 'all traffic';
  const p = protocol ?? '?';
  if (from === undefined) return p;
  return from === to || to === undefined ? `${p} ${from}` : `${p} ${from}-${to}`;
}
