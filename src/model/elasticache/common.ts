import type { ResourceGraph } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import { PropertyReader } from '../read.js';
import type { Path } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import type { CacheCluster, CacheSubnetGroup } from './types.js';
import type { DataStore, NativeBackup } from '../facets.js';
import { dataStore } from '../facets.js';

/** How one input kind spells ElastiCache: resource types, where properties sit, and their names. */
export interface CacheSpelling {
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  replicationGroup: {
    type: string;
    engine: string;
    atRest: string;
    transit: string;
    automaticFailover: string;
    multiAz: string;
    numCacheClusters: string;
    replicasPerNodeGroup: string;
    /** The replica count of the first shard's own configuration (CloudFormation `NodeGroupConfiguration`), where the kind has one. */
    firstShardReplicas?: Path;
    snapshotRetention: string;
    subnetGroup: string;
    securityGroups: string;
  };
  cacheCluster: CacheClusterNames & {
    type: string;
    /** A cluster that names a replication group is one of its members, modelled by the group (Terraform `replication_group_id`). */
    memberOf?: string;
  };
  serverless: { type: string; engine: string; subnetIds: string; securityGroups: string };
  subnetGroup: { type: string; subnetIds: string };
}

/** Reads every cache and cache subnet group of the graph with one input kind's spelling: one reader for both kinds. */
export function adaptCaches(graph: ResourceGraph, model: CloudModel, s: CacheSpelling): void {
  const pushCache = (c: CacheCluster): void => {
    model.cacheClusters.push(c);
    model.facets.dataStores.push(cacheStore(c));
  };
  for (const node of graph.ofType(s.replicationGroup.type)) {
    pushCache(replicationGroup(new PropertyReader(node, graph, s.properties), s.replicationGroup));
  }
  for (const node of graph.ofType(s.cacheCluster.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    if (s.cacheCluster.memberOf && r.has([s.cacheCluster.memberOf])) continue;
    pushCache(singleCacheCluster(r, s.cacheCluster));
  }
  for (const node of graph.ofType(s.serverless.type)) {
    pushCache(serverlessCache(new PropertyReader(node, graph, s.properties), s.serverless));
  }
  for (const node of graph.ofType(s.subnetGroup.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const g: CacheSubnetGroup = { resource: r.info(), subnets: r.links([s.subnetGroup.subnetIds]) };
    model.cacheSubnetGroups.push(g);
    model.facets.subnetGroups.push({ owner: g, what: 'Cache subnet group', subnets: g.subnets });
  }
}

/** A Redis/Valkey replication group: its node count from whichever count the template writes. */
function replicationGroup(r: PropertyReader, n: CacheSpelling['replicationGroup']): CacheCluster {
  const nodeCount = r.num([n.numCacheClusters])
    ?? (r.has([n.replicasPerNodeGroup]) ? plusPrimary(r.num([n.replicasPerNodeGroup])!) : undefined)
    ?? (n.firstShardReplicas && r.has(n.firstShardReplicas) ? plusPrimary(r.num(n.firstShardReplicas)!) : undefined)
    ?? defaulted(1, r.origin([n.numCacheClusters]), 'one node');
  return {
    resource: r.info(),
    kind: 'replication-group',
    engine: r.str([n.engine], { value: 'redis', assumed: 'redis' }),
    atRestEncryption: r.bool([n.atRest], { value: false, assumed: 'false: no at-rest encryption' }),
    transitEncryption: r.bool([n.transit], { value: false, assumed: 'false: no in-transit encryption' }),
    automaticFailover: r.bool([n.automaticFailover], { value: false, assumed: 'false: no automatic failover' }),
    multiAz: r.bool([n.multiAz], { value: false, assumed: 'false: not Multi-AZ' }),
    nodeCount,
    subnetGroup: r.linkOr([n.subnetGroup], 'the default VPC\'s subnets'),
    securityGroups: r.links([n.securityGroups]),
    snapshotRetention: r.num([n.snapshotRetention], SNAPSHOT_RETENTION_DEFAULT),
  };
}

/** Nodes per shard from a replica count: the primary plus its replicas. */
function plusPrimary(replicas: Val<number>): Val<number> {
  return replicas.provenance === 'unknown' ? replicas : { ...replicas, value: replicas.value + 1 };
}

const BY_DESIGN = 'serverless caches are encrypted and replicated across AZs by design';

/** The spellings a single cache cluster is read with; each adapter passes its own. */
export interface CacheClusterNames {
  engine: string;
  transit: string;
  azMode: string;
  numCacheNodes: string;
  subnetGroup: string;
  securityGroups: string;
  snapshotRetention: string;
}

/** `SnapshotRetentionLimit` / `snapshot_retention_limit`: 0 unless set, which turns automatic snapshots off. */
const SNAPSHOT_RETENTION_DEFAULT = { value: 0, assumed: '0: automatic snapshots off' };

/** A single cache cluster (Memcached, or a lone Redis node): no at-rest encryption, no failover. */
function singleCacheCluster(r: PropertyReader, names: CacheClusterNames): CacheCluster {
  const azMode = r.str([names.azMode], { value: 'single-az', assumed: 'single-az: every node in one AZ' });
  return {
    resource: r.info(),
    kind: 'cluster',
    engine: r.str([names.engine], { value: '', assumed: 'no engine' }),
    atRestEncryption: defaulted(false, r.origin([]), 'no at-rest encryption (a single cache cluster cannot set it)'),
    transitEncryption: r.bool([names.transit], { value: false, assumed: 'false: no in-transit encryption' }),
    automaticFailover: defaulted(false, r.origin([]), 'no automatic failover (a single cache cluster)'),
    multiAz: azMode.provenance === 'unknown' ? azMode : { ...azMode, value: azMode.value === 'cross-az' },
    nodeCount: r.num([names.numCacheNodes], { value: 1, assumed: 'one node' }),
    subnetGroup: r.linkOr([names.subnetGroup], 'the default VPC\'s subnets'),
    securityGroups: r.links([names.securityGroups]),
    snapshotRetention: r.num([names.snapshotRetention], SNAPSHOT_RETENTION_DEFAULT),
  };
}

/** A serverless cache: encrypted at rest and in transit and spread over AZs, whatever the template says. */
function serverlessCache(r: PropertyReader, names: { engine: string; subnetIds: string; securityGroups: string }): CacheCluster {
  const here = r.origin([]);
  return {
    resource: r.info(),
    kind: 'serverless',
    engine: r.str([names.engine], { value: '', assumed: 'no engine' }),
    atRestEncryption: explicit(true, here),
    transitEncryption: explicit(true, here),
    automaticFailover: defaulted(true, here, BY_DESIGN),
    multiAz: defaulted(true, here, BY_DESIGN),
    nodeCount: defaulted(2, here, BY_DESIGN),
    subnetGroup: defaulted<Link>({}, r.origin([names.subnetIds]), 'subnets given directly'),
    securityGroups: r.links([names.securityGroups]),
  };
}

/** A cache as a data store: at-rest encryption where it can be set, and how its nodes survive a zone. */
function cacheStore(c: CacheCluster): DataStore {
  const backup = snapshots(c);
  if (c.kind === 'replication-group') {
    return dataStore(c, 'ElastiCache replication group', {
      contents: 'cache',
      atRest: { kind: 'switch', enabled: c.atRestEncryption },
      zones: { kind: 'replicated', nodes: c.nodeCount, failover: c.automaticFailover, multiAz: c.multiAz },
      ...(backup ? { backup } : {}),
    });
  }
  if (c.kind === 'cluster') {
    // A single cache cluster has no at-rest encryption setting: not judged on it.
    return dataStore(c, 'ElastiCache cache cluster', { contents: 'cache', zones: { kind: 'spread', crossAz: c.multiAz, nodes: c.nodeCount }, ...(backup ? { backup } : {}) });
  }
  return dataStore(c, 'ElastiCache serverless cache', { contents: 'cache', atRest: { kind: 'switch', enabled: c.atRestEncryption }, zones: { kind: 'by-design' } });
}

/**
 * Automatic snapshots of a Redis or Valkey cache (Memcached cannot snapshot). AWS Backup does not
 * protect ElastiCache, so no plan stands in for them. A cache whose engine is unknown is not judged.
 */
function snapshots(c: CacheCluster): NativeBackup | undefined {
  if (!c.snapshotRetention || c.engine.provenance === 'unknown') return undefined;
  const engine = c.engine.value.toLowerCase();
  if (engine !== 'redis' && engine !== 'valkey') return undefined;
  return { kind: 'retention', what: 'automatic snapshots', days: c.snapshotRetention, byPlan: false, noPlan: 'AWS Backup does not protect ElastiCache' };
}
