import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { defaulted } from '../val.js';
import { cacheStore, plusPrimary, serverlessCache, singleCacheCluster, SNAPSHOT_RETENTION_DEFAULT } from './common.js';
import type { CacheCluster, CacheSubnetGroup } from './types.js';

// aws_elasticache_replication_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group
const REPLICATION_GROUP = 'aws_elasticache_replication_group';
const ENGINE = 'engine';
const AT_REST = 'at_rest_encryption_enabled';
const TRANSIT = 'transit_encryption_enabled';
const AUTO_FAILOVER = 'automatic_failover_enabled';
const MULTI_AZ = 'multi_az_enabled';
const NUM_CACHE_CLUSTERS = 'num_cache_clusters';
const REPLICAS_PER_NODE_GROUP = 'replicas_per_node_group';
const SNAPSHOT_RETENTION = 'snapshot_retention_limit';
const SUBNET_GROUP = 'subnet_group_name';
const SECURITY_GROUP_IDS = 'security_group_ids';
// aws_elasticache_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster
//   a cluster with replication_group_id is a member of a replication group, modelled by the group.
const CACHE_CLUSTER = 'aws_elasticache_cluster';
const REPLICATION_GROUP_ID = 'replication_group_id';
const NUM_CACHE_NODES = 'num_cache_nodes';
const AZ_MODE = 'az_mode';
// aws_elasticache_serverless_cache — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_serverless_cache
const SERVERLESS = 'aws_elasticache_serverless_cache';
const SUBNET_IDS = 'subnet_ids';
// aws_elasticache_subnet_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_subnet_group
const SUBNET_GROUP_TYPE = 'aws_elasticache_subnet_group';


export const adapter: Adapter = {
  service: 'elasticache',
  source: 'terraform',
  adapt(graph, model) {
    const pushCache = (c: CacheCluster): void => {
      model.cacheClusters.push(c);
      model.facets.dataStores.push(cacheStore(c));
    };
    for (const node of graph.ofType(REPLICATION_GROUP)) {
      const r = new PropertyReader(node, graph, '');
      const nodeCount = r.num([NUM_CACHE_CLUSTERS])
        ?? (r.has([REPLICAS_PER_NODE_GROUP]) ? plusPrimary(r.num([REPLICAS_PER_NODE_GROUP])!) : undefined)
        ?? defaulted(1, r.origin([NUM_CACHE_CLUSTERS]), 'one node');
      const c: CacheCluster = {
        resource: r.info(),
        kind: 'replication-group',
        engine: r.str([ENGINE], { value: 'redis', assumed: 'redis' }),
        atRestEncryption: r.bool([AT_REST], { value: false, assumed: 'false: no at-rest encryption' }),
        transitEncryption: r.bool([TRANSIT], { value: false, assumed: 'false: no in-transit encryption' }),
        automaticFailover: r.bool([AUTO_FAILOVER], { value: false, assumed: 'false: no automatic failover' }),
        multiAz: r.bool([MULTI_AZ], { value: false, assumed: 'false: not Multi-AZ' }),
        nodeCount,
        subnetGroup: r.linkOr([SUBNET_GROUP], 'the default VPC\'s subnets'),
        securityGroups: r.links([SECURITY_GROUP_IDS]),
        snapshotRetention: r.num([SNAPSHOT_RETENTION], SNAPSHOT_RETENTION_DEFAULT),
      };
      model.cacheClusters.push(c);
      model.facets.dataStores.push(cacheStore(c));
    }
    for (const node of graph.ofType(CACHE_CLUSTER)) {
      const r = new PropertyReader(node, graph, '');
      if (r.has([REPLICATION_GROUP_ID])) continue;
      pushCache(singleCacheCluster(r, { engine: ENGINE, transit: TRANSIT, azMode: AZ_MODE, numCacheNodes: NUM_CACHE_NODES, subnetGroup: SUBNET_GROUP, securityGroups: SECURITY_GROUP_IDS, snapshotRetention: SNAPSHOT_RETENTION }));
    }
    for (const node of graph.ofType(SERVERLESS)) {
      const r = new PropertyReader(node, graph, '');
      pushCache(serverlessCache(r, { engine: ENGINE, subnetIds: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS }));
    }
    for (const node of graph.ofType(SUBNET_GROUP_TYPE)) {
      const r = new PropertyReader(node, graph, '');
      const g: CacheSubnetGroup = { resource: r.info(), subnets: r.links([SUBNET_IDS]) };
      model.cacheSubnetGroups.push(g);
      model.facets.subnetGroups.push({ owner: g, what: 'Cache subnet group', subnets: g.subnets });
    }
  },
};
