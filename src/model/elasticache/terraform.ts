import type { Adapter } from '../adapter.js';
import { adaptCaches } from './common.js';
import { adaptServiceGroups } from '../service-security-groups.js';

// aws_elasticache_replication_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group
// aws_elasticache_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster
//   a cluster with replication_group_id is a member of a replication group, modelled by the group.
// aws_elasticache_serverless_cache — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_serverless_cache
// aws_elasticache_subnet_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_subnet_group
const ENGINE = 'engine';
const TRANSIT = 'transit_encryption_enabled';
const SNAPSHOT_RETENTION = 'snapshot_retention_limit';
const SUBNET_GROUP = 'subnet_group_name';
const SECURITY_GROUP_IDS = 'security_group_ids';
const SUBNET_IDS = 'subnet_ids';

export const adapter: Adapter = {
  service: 'elasticache',
  source: 'terraform',
  adapt(graph, model) {
    adaptCaches(graph, model, {
      properties: '',
      replicationGroup: {
        type: 'aws_elasticache_replication_group',
        engine: ENGINE,
        atRest: 'at_rest_encryption_enabled',
        transit: TRANSIT,
        automaticFailover: 'automatic_failover_enabled',
        multiAz: 'multi_az_enabled',
        numCacheClusters: 'num_cache_clusters',
        replicasPerNodeGroup: 'replicas_per_node_group',
        snapshotRetention: SNAPSHOT_RETENTION,
        subnetGroup: SUBNET_GROUP,
        securityGroups: SECURITY_GROUP_IDS,
      },
      cacheCluster: {
        type: 'aws_elasticache_cluster',
        memberOf: 'replication_group_id',
        engine: ENGINE,
        transit: TRANSIT,
        azMode: 'az_mode',
        numCacheNodes: 'num_cache_nodes',
        subnetGroup: SUBNET_GROUP,
        securityGroups: SECURITY_GROUP_IDS,
        snapshotRetention: SNAPSHOT_RETENTION,
      },
      serverless: { type: 'aws_elasticache_serverless_cache', engine: ENGINE, subnetIds: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS },
      subnetGroup: { type: 'aws_elasticache_subnet_group', subnetIds: SUBNET_IDS },
    });
    // aws_elasticache_security_group (provider v4 and earlier; removed in v5 with EC2-Classic) — name, description,
    //   security_group_names: the EC2 security groups authorized (no CIDR ranges).
    adaptServiceGroups(graph, model, {
      properties: '',
      servicePort: { port: 'the cache cluster\'s port', service: 'ElastiCache cache' },
      group: { type: 'aws_elasticache_security_group', name: 'name', description: 'description', names: {}, groupNames: 'security_group_names' },
    });
  },
};
