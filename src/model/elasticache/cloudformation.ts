import type { Adapter } from '../adapter.js';
import { adaptCaches } from './common.js';
import { adaptServiceGroups } from '../service-security-groups.js';

// AWS::ElastiCache::ReplicationGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html
// AWS::ElastiCache::CacheCluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-cachecluster.html
//   no at-rest encryption property; AZMode cross-az spreads Memcached nodes.
// AWS::ElastiCache::ServerlessCache — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-serverlesscache.html
//   always encrypted at rest and in transit, replicated across AZs.
// AWS::ElastiCache::SubnetGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-subnetgroup.html
const ENGINE = 'Engine';
const TRANSIT = 'TransitEncryptionEnabled';
const SNAPSHOT_RETENTION = 'SnapshotRetentionLimit';
const SUBNET_GROUP = 'CacheSubnetGroupName';
const SECURITY_GROUP_IDS = 'SecurityGroupIds';
const SUBNET_IDS = 'SubnetIds';

export const adapter: Adapter = {
  service: 'elasticache',
  source: 'cloudformation',
  adapt(graph, model) {
    adaptCaches(graph, model, {
      properties: 'Properties',
      replicationGroup: {
        type: 'AWS::ElastiCache::ReplicationGroup',
        engine: ENGINE,
        atRest: 'AtRestEncryptionEnabled',
        transit: TRANSIT,
        automaticFailover: 'AutomaticFailoverEnabled',
        multiAz: 'MultiAZEnabled',
        numCacheClusters: 'NumCacheClusters',
        replicasPerNodeGroup: 'ReplicasPerNodeGroup',
        firstShardReplicas: ['NodeGroupConfiguration', 0, 'ReplicaCount'],
        snapshotRetention: SNAPSHOT_RETENTION,
        subnetGroup: SUBNET_GROUP,
        securityGroups: SECURITY_GROUP_IDS,
      },
      cacheCluster: {
        type: 'AWS::ElastiCache::CacheCluster',
        engine: ENGINE,
        transit: TRANSIT,
        azMode: 'AZMode',
        numCacheNodes: 'NumCacheNodes',
        subnetGroup: SUBNET_GROUP,
        securityGroups: 'VpcSecurityGroupIds',
        snapshotRetention: SNAPSHOT_RETENTION,
      },
      serverless: { type: 'AWS::ElastiCache::ServerlessCache', engine: ENGINE, subnetIds: SUBNET_IDS, securityGroups: SECURITY_GROUP_IDS },
      subnetGroup: { type: 'AWS::ElastiCache::SubnetGroup', subnetIds: SUBNET_IDS },
    });
    // AWS::ElastiCache::SecurityGroup (Description) and AWS::ElastiCache::SecurityGroupIngress
    //   — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-securitygroupingress.html
    //   CacheSecurityGroupName, EC2SecurityGroupName, EC2SecurityGroupOwnerId: EC2 security groups only, no CIDR ranges.
    adaptServiceGroups(graph, model, {
      properties: 'Properties',
      servicePort: { port: 'the cache cluster\'s port', service: 'ElastiCache cache' },
      group: { type: 'AWS::ElastiCache::SecurityGroup', description: 'Description', names: {} },
      standalone: { type: 'AWS::ElastiCache::SecurityGroupIngress', group: 'CacheSecurityGroupName', names: { groupName: 'EC2SecurityGroupName' } },
    });
  },
};
