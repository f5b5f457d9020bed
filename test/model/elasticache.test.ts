import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

const noIds = (x: unknown): unknown => JSON.parse(JSON.stringify(strip(x), (k, v: unknown) => (k === 'id' ? '<id>' : v)));

describe('elasticache adapters', () => {
  it('gives the same replication groups, clusters and subnet groups for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Group:
          Type: AWS::ElastiCache::ReplicationGroup
          Properties:
            ReplicationGroupDescription: sessions
            AtRestEncryptionEnabled: true
            TransitEncryptionEnabled: true
            AutomaticFailoverEnabled: true
            ReplicasPerNodeGroup: 2
            CacheSubnetGroupName: !Ref Subnets
            SecurityGroupIds: [sg-1]
        Memcached:
          Type: AWS::ElastiCache::CacheCluster
          Properties:
            Engine: memcached
            NumCacheNodes: 3
            AZMode: cross-az
        Subnets:
          Type: AWS::ElastiCache::SubnetGroup
          Properties:
            Description: cache
            SubnetIds: [subnet-1, subnet-2]
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_elasticache_replication_group" "group" {
        description                = "sessions"
        at_rest_encryption_enabled = true
        transit_encryption_enabled = true
        automatic_failover_enabled = true
        replicas_per_node_group    = 2
        subnet_group_name          = aws_elasticache_subnet_group.subnets.name
        security_group_ids         = ["sg-1"]
      }
      resource "aws_elasticache_cluster" "memcached" {
        engine          = "memcached"
        num_cache_nodes = 3
        az_mode         = "cross-az"
      }
      resource "aws_elasticache_cluster" "member" {
        replication_group_id = aws_elasticache_replication_group.group.id
      }
      resource "aws_elasticache_subnet_group" "subnets" {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
    `)).model!;
    expect(noIds(cfn.cacheClusters[0])).toEqual({
      kind: 'replication-group',
      engine: { provenance: 'default', value: 'redis' },
      atRestEncryption: { provenance: 'explicit', value: true },
      transitEncryption: { provenance: 'explicit', value: true },
      automaticFailover: { provenance: 'explicit', value: true },
      multiAz: { provenance: 'default', value: false },
      nodeCount: { provenance: 'explicit', value: 3 },
      subnetGroup: { provenance: 'explicit', value: { id: '<id>' } },
      securityGroups: [{ provenance: 'explicit', value: { literal: 'sg-1' } }],
      snapshotRetention: { provenance: 'default', value: 0 },
    });
    const byKind = <T extends { kind: string }>(l: T[]): T[] => [...l].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(noIds(byKind(tf.cacheClusters))).toEqual(noIds(byKind(cfn.cacheClusters)));
    expect(noIds(tf.cacheSubnetGroups)).toEqual(noIds(cfn.cacheSubnetGroups));
    expect(cfn.cacheClusters[1]).toMatchObject({ kind: 'cluster', multiAz: { provenance: 'explicit', value: true } });
    expect(cfn.cacheClusters[0]!.nodeCount.origin.span.start.line).toBe(9);
    expect(tf.cacheClusters.find((c) => c.kind === 'replication-group')!.nodeCount.origin.span.start.line).toBe(6);
  });
});
