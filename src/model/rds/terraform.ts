import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, unknownVal } from '../val.js';
import { tfRetainOnDelete } from '../deletion.js';
import { clusterStorageEncryption } from './serverless.js';
import type { DbCluster, DbInstance, DbSubnetGroup, GlobalCluster } from './types.js';
import { clusterStore, instanceStore } from './facets.js';
import { monitored, named } from '../cloudwatch/monitored.js';

// aws_db_instance — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance
const DB_INSTANCE = 'aws_db_instance';
const ENGINE = 'engine';
const IDENTIFIER = 'identifier';
const STORAGE_ENCRYPTED = 'storage_encrypted';
const KMS_KEY = 'kms_key_id';
const MULTI_AZ = 'multi_az';
// Optional and computed: when unset, the RDS API default (1 day) applies.
const BACKUP_RETENTION = 'backup_retention_period';
const DELETION_PROTECTION = 'deletion_protection';
const SUBNET_GROUP = 'db_subnet_group_name';
const SECURITY_GROUPS = 'vpc_security_group_ids';
const REPLICATE_SOURCE = 'replicate_source_db';
const PUBLICLY_ACCESSIBLE = 'publicly_accessible';
const SKIP_FINAL_SNAPSHOT = 'skip_final_snapshot';
// Restores: a database made from a snapshot, a point in time or a source takes that source's encryption
// when `storage_encrypted` is not set (and for a cross-region read replica the provider ignores it).
const SNAPSHOT = 'snapshot_identifier';
const RESTORE_PIT = 'restore_to_point_in_time';
// aws_rds_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster
const DB_CLUSTER = 'aws_rds_cluster';
const ENGINE_MODE = 'engine_mode';
const GLOBAL_CLUSTER_ID = 'global_cluster_identifier';
const REPLICATION_SOURCE = 'replication_source_identifier';
const AVAILABILITY_ZONES = 'availability_zones';
// aws_rds_cluster_instance — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance
const CLUSTER_INSTANCE = 'aws_rds_cluster_instance';
const CLUSTER_ID = 'cluster_identifier';
// aws_db_subnet_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_subnet_group
const DB_SUBNET_GROUP = 'aws_db_subnet_group';
const SUBNET_IDS = 'subnet_ids';
// aws_rds_global_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster
const GLOBAL_CLUSTER = 'aws_rds_global_cluster';
const SOURCE_CLUSTER = 'source_db_cluster_identifier';

const RETENTION_DEFAULT = { value: 1, assumed: '1 day (RDS API default when backup_retention_period is unset)' };
const NO_KEY = { value: '', assumed: 'no KMS key (the AWS-managed aws/rds key when encrypted)' };

export const adapter: Adapter = {
  service: 'rds',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(DB_INSTANCE)) {
      const r = new PropertyReader(node, graph, '');
      const db: DbInstance = {
        resource: r.info(),
        engine: r.str([ENGINE], { value: '', assumed: 'the engine of the source snapshot or instance' }),
        storageEncrypted: r.bool([STORAGE_ENCRYPTED]) ?? restoredEncryption(r, [SNAPSHOT, RESTORE_PIT, REPLICATE_SOURCE]),
        kmsKey: r.str([KMS_KEY], NO_KEY),
        multiAz: r.bool([MULTI_AZ], { value: false, assumed: 'false: a single-AZ deployment' }),
        backupRetentionDays: r.num([BACKUP_RETENTION], RETENTION_DEFAULT),
        deletionProtection: r.bool([DELETION_PROTECTION], { value: false, assumed: 'false' }),
        subnetGroup: r.linkOr([SUBNET_GROUP], 'the default VPC (no DB subnet group)'),
        securityGroups: r.links([SECURITY_GROUPS]),
        publiclyAccessible: r.bool([PUBLICLY_ACCESSIBLE], { value: false, assumed: 'false: not publicly accessible' }),
        retainOnDelete: tfRetainOnDelete(node, r, { attribute: SKIP_FINAL_SNAPSHOT }),
      };
      const identifier = r.str([IDENTIFIER]);
      if (identifier) db.identifier = identifier;
      const source = r.link([REPLICATE_SOURCE]);
      if (source) db.replicaOf = source;
      model.dbInstances.push(db);
      model.facets.dataStores.push(instanceStore(db));
      model.facets.monitored.push(monitored(db, 'RDS DB instance', { namespaces: ['AWS/RDS'], dimension: 'DBInstanceIdentifier', suggest: 'CPUUtilization, FreeStorageSpace or DatabaseConnections', ...named(db.identifier) }));
    }
    for (const node of graph.ofType(CLUSTER_INSTANCE)) {
      const r = new PropertyReader(node, graph, '');
      // Storage, backups, deletion protection and zones of a cluster member are the cluster's.
      model.dbClusterMembers.push({
        resource: r.info(),
        cluster: r.linkOr([CLUSTER_ID], 'no cluster_identifier'),
        engine: r.str([ENGINE], { value: '', assumed: 'the cluster\'s engine' }),
        subnetGroup: r.linkOr([SUBNET_GROUP], 'the cluster\'s DB subnet group'),
        securityGroups: [],
        publiclyAccessible: r.bool([PUBLICLY_ACCESSIBLE], { value: false, assumed: 'false: not publicly accessible' }),
        retainOnDelete: tfRetainOnDelete(node, r),
      });
    }
    for (const node of graph.ofType(DB_CLUSTER)) {
      const r = new PropertyReader(node, graph, '');
      const c: DbCluster = {
        resource: r.info(),
        engine: r.str([ENGINE], { value: 'aurora', assumed: 'aurora (provider default)' }),
        storageEncrypted: clusterStorageEncryption(r.str([ENGINE_MODE]), r.bool([STORAGE_ENCRYPTED]), r.origin([STORAGE_ENCRYPTED]), () => restoredEncryption(r, [SNAPSHOT, RESTORE_PIT])),
        kmsKey: r.str([KMS_KEY], NO_KEY),
        backupRetentionDays: r.num([BACKUP_RETENTION], { value: 1, assumed: '1 day (provider default)' }),
        deletionProtection: r.bool([DELETION_PROTECTION], { value: false, assumed: 'false' }),
        subnetGroup: r.linkOr([SUBNET_GROUP], 'the default VPC (no DB subnet group)'),
        securityGroups: r.links([SECURITY_GROUPS]),
        availabilityZones: r.strList([AVAILABILITY_ZONES], { value: [], assumed: 'Availability Zones chosen by RDS' }),
        retainOnDelete: tfRetainOnDelete(node, r, { attribute: SKIP_FINAL_SNAPSHOT }),
      };
      const identifier = r.str([CLUSTER_ID]);
      if (identifier) c.identifier = identifier;
      const global = r.link([GLOBAL_CLUSTER_ID]);
      if (global) c.globalCluster = global;
      const source = r.link([REPLICATION_SOURCE]);
      if (source) c.replicaOf = source;
      model.dbClusters.push(c);
      model.facets.dataStores.push(clusterStore(c));
      model.facets.monitored.push(monitored(c, 'RDS DB cluster', { namespaces: ['AWS/RDS'], dimension: 'DBClusterIdentifier', suggest: 'CPUUtilization, FreeableMemory or DatabaseConnections', ...named(c.identifier) }));
    }
    for (const node of graph.ofType(DB_SUBNET_GROUP)) {
      const r = new PropertyReader(node, graph, '');
      const g: DbSubnetGroup = { resource: r.info(), subnets: r.links([SUBNET_IDS]) };
      model.dbSubnetGroups.push(g);
      model.facets.subnetGroups.push({ owner: g, what: 'DB subnet group', subnets: g.subnets });
    }
    for (const node of graph.ofType(GLOBAL_CLUSTER)) {
      const r = new PropertyReader(node, graph, '');
      const g: GlobalCluster = { resource: r.info() };
      const id = r.str([GLOBAL_CLUSTER_ID]);
      if (id) g.identifier = id;
      const source = r.link([SOURCE_CLUSTER]);
      if (source) g.sourceCluster = source;
      model.globalClusters.push(g);
    }
  },
};


/**
 * `storage_encrypted` when it is absent: a database restored from a snapshot, a point in time or a
 * replication source takes the encryption of what it is made from (unknown here), else the default, false.
 */
function restoredEncryption(r: PropertyReader, restoreProperties: string[]): Val<boolean> {
  const from = restoreProperties.find((p) => r.has([p]));
  if (from) return unknownVal(r.origin([STORAGE_ENCRYPTED]), `${STORAGE_ENCRYPTED} is not set and ${from} is: the encryption is that of the snapshot or source it is restored from`);
  return defaulted(false, r.origin([STORAGE_ENCRYPTED]), 'false: unencrypted storage');
}
