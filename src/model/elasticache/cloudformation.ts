import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { defaulted } from '../val.js';
import { cacheStore, plusPrimary, serverlessCache, singleCacheCluster, SNAPSHOT_RETENTION_DEFAULT } from './common.js';
import type { CacheCluster, CacheSubnetGroup } from './types.js';

// AWS::ElastiCache::ReplicationGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html
const REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';
const ENGINE = 'Engine';
const AT_REST = 'AtRestEncryptionEnabled';
const TRANSIT = 'TransitEncryptionEnabled';
const AUTO_FAILOVER = 'AutomaticFailoverEnabled';
const MULTI_AZ = 'MultiAZEnabled';
const NUM_CACHE_CLUSTERS = 'NumCacheClusters';
const REPLICAS_PER_NODE_GROUP = 'ReplicasPerNodeGroup';
const NODE_GROUP_CONFIGURATION = 'NodeGroupConfiguration';
const REPLICA_COUNT = 'ReplicaCount';
const SNAPSHOT_RETENTION = 'SnapshotRetentionLimit';
const SUBNET_GROUP = 'CacheSubnetGroupName';
const SECURITY_GROUP_IDS = 'SecurityGroupIds';
// AWS::ElastiCache::CacheCluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-cachecluster.html
//   no at-rest encryption property; AZMode cross-az spreads Memcached nodes.
const CACHE_CLUSTER = 'AWS::ElastiCache::CacheCluster';
const NUM_CACHE_NODES = 'NumCacheNodes';
const AZ_MODE = 'AZMode';
const VPC_SECURITY_GROUP_IDS = 'VpcSecurityGroupIds';
// AWS::ElastiCache::ServerlessCache — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-serverlesscache.html
//   always encrypted at rest and in transit, replicated across AZs.
const SERVERLESS = 'AWS::ElastiCache::ServerlessCache';
// AWS::ElastiCache::SubnetGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-subnetgroup.html
const SUBNET_GROUP_TYPE = 'AWS::ElastiCache::SubnetGroup';
const SUBNET_IDS = 'SubnetIds';


export const adapter: Adapter = {
  service: 'elasticache',
  source: 'cloudformation',
  adapt(graph, model) {
    const pushCache = (c: CacheCluster): void => {
      model.cacheClusters.push(c);
      model.facets.dataStores.push(cacheStore(c));
    };
    for (const node of graph.ofType(REPLICATION_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const nodeCount = r.num([NUM_CACHE_CLUSTERS])
        ?? (r.has([REPLICAS_PER_NODE_GROUP]) ? plusPrimary(r.num([REPLICAS_PER_NODE_GROUP])!) : undefined)
        ?? (r.has([NODE_GROUP_CONFIGURATION, 0, REPLICA_COUNT]) ? plusPrimary(r.num([NODE_GROUP_CONFIGURATION, 0, REPLICA_COUNT])!) : undefined)
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
      const r = new PropertyReader(node, graph, 'Properties');
      pushCache(singleCacheCluster(r, { engine: ENGINE, transit: TRANSIT, azMode: AZ_MODE, numCacheNodes: NUM_CACHE_NODES, subnetGroup: SUBNET_GROUP, securityGroups: VPC_SECURITY_GROUP_IDS, snapshotRetention: SNAPSHOT_RETENTION }));
    }
    for (const node of graph.ofType(SERVERLESS)) {
      const r = new PropertyReader(node, graph, 'Properties');
      pushCache(serverlessCache(r, { engine: ENGINE, subnetIds: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS }));
    }
    for (const node of graph.ofType(SUBNET_GROUP_TYPE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const g: CacheSubnetGroup = { resource: r.info(), subnets: r.links([SUBNET_IDS]) };
      model.cacheSubnetGroups.push(g);
      model.facets.subnetGroups.push({ owner: g, what: 'Cache subnet group', subnets: g.subnets });
    }
  },
};
