import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, unknownVal } from '../val.js';
import { cfnRetainOnDelete, cfnRetainOnReplace } from '../deletion.js';
import { clusterStorageEncryption } from './serverless.js';
import type { DbCluster, DbInstance, DbSubnetGroup, GlobalCluster } from './types.js';
import { clusterStore, instanceStore } from './facets.js';
import { monitored, named } from '../cloudwatch/monitored.js';

// AWS::RDS::DBInstance — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
const DB_INSTANCE = 'AWS::RDS::DBInstance';
const ENGINE = 'Engine';
const CLUSTER_ID = 'DBClusterIdentifier';
const INSTANCE_ID = 'DBInstanceIdentifier';
const STORAGE_ENCRYPTED = 'StorageEncrypted';
const KMS_KEY = 'KmsKeyId';
const MULTI_AZ = 'MultiAZ';
const BACKUP_RETENTION = 'BackupRetentionPeriod';
const DELETION_PROTECTION = 'DeletionProtection';
const SUBNET_GROUP = 'DBSubnetGroupName';
const VPC_SECURITY_GROUPS = 'VPCSecurityGroups';
const SOURCE_INSTANCE = 'SourceDBInstanceIdentifier';
const DB_SNAPSHOT = 'DBSnapshotIdentifier';
const DB_CLUSTER_SNAPSHOT = 'DBClusterSnapshotIdentifier';
const SOURCE_DBI_RESOURCE = 'SourceDbiResourceId';
const SOURCE_AUTOMATED_BACKUPS = 'SourceDBInstanceAutomatedBackupsArn';
const PUBLICLY_ACCESSIBLE = 'PubliclyAccessible';
// AWS::RDS::DBCluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html
const DB_CLUSTER = 'AWS::RDS::DBCluster';
const CLUSTER_SECURITY_GROUPS = 'VpcSecurityGroupIds';
const GLOBAL_CLUSTER_ID = 'GlobalClusterIdentifier';
const REPLICATION_SOURCE = 'ReplicationSourceIdentifier';
const AVAILABILITY_ZONES = 'AvailabilityZones';
const ENGINE_MODE = 'EngineMode';
// AWS::RDS::DBSubnetGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbsubnetgroup.html
const DB_SUBNET_GROUP = 'AWS::RDS::DBSubnetGroup';
const SUBNET_IDS = 'SubnetIds';
// AWS::RDS::GlobalCluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-globalcluster.html
const GLOBAL_CLUSTER = 'AWS::RDS::GlobalCluster';
const SOURCE_CLUSTER = 'SourceDBClusterIdentifier';
// DBCluster restores: SnapshotIdentifier, and SourceDBClusterIdentifier (point-in-time restore) on the cluster itself.
const CLUSTER_SNAPSHOT = 'SnapshotIdentifier';

const RETENTION_DEFAULT = { value: 1, assumed: '1 day (RDS API default)' };
const NO_KEY = { value: '', assumed: 'no KMS key (the AWS-managed aws/rds key when encrypted)' };

export const adapter: Adapter = {
  service: 'rds',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(DB_INSTANCE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const cluster = r.link([CLUSTER_ID]);
      if (cluster) {
        // A member of an Aurora cluster: its storage, backups and zones are the cluster's.
        model.dbClusterMembers.push({
          resource: r.info(),
          cluster,
          engine: r.str([ENGINE], { value: '', assumed: 'the cluster\'s engine' }),
          subnetGroup: r.linkOr([SUBNET_GROUP], 'the cluster\'s DB subnet group'),
          securityGroups: r.links([VPC_SECURITY_GROUPS]),
          publiclyAccessible: r.bool([PUBLICLY_ACCESSIBLE], { value: false, assumed: 'not publicly accessible (the cluster\'s subnets)' }),
          retainOnDelete: cfnRetainOnDelete(node, r, { value: false, assumed: 'DeletionPolicy Delete (the data is the cluster\'s)' }),
        });
        continue;
      }
      const subnetGroup = r.link([SUBNET_GROUP]);
      const db: DbInstance = {
        resource: r.info(),
        engine: r.str([ENGINE], { value: '', assumed: 'the engine of the source snapshot or instance' }),
        storageEncrypted: r.bool([STORAGE_ENCRYPTED]) ?? restoredEncryption(r, [DB_SNAPSHOT, DB_CLUSTER_SNAPSHOT, SOURCE_DBI_RESOURCE, SOURCE_AUTOMATED_BACKUPS]),
        kmsKey: r.str([KMS_KEY], NO_KEY),
        multiAz: r.bool([MULTI_AZ], { value: false, assumed: 'false: a single-AZ deployment' }),
        backupRetentionDays: r.num([BACKUP_RETENTION], RETENTION_DEFAULT),
        deletionProtection: r.bool([DELETION_PROTECTION], { value: false, assumed: 'false' }),
        subnetGroup: subnetGroup ?? r.linkOr([SUBNET_GROUP], 'the default VPC (no DB subnet group)'),
        securityGroups: r.links([VPC_SECURITY_GROUPS]),
        // Without a subnet group the instance lands in the default VPC, where RDS makes it public.
        publiclyAccessible: r.bool([PUBLICLY_ACCESSIBLE], subnetGroup
          ? { value: false, assumed: 'not publicly accessible (DB subnet group set)' }
          : { value: true, assumed: 'publicly accessible (default VPC, no DB subnet group)' }),
        retainOnDelete: cfnRetainOnDelete(node, r, { value: true, assumed: 'Snapshot (CloudFormation default for DB instances outside a cluster)' }),
        retainOnReplace: cfnRetainOnReplace(node, r),
      };
      const identifier = r.str([INSTANCE_ID]);
      if (identifier) db.identifier = identifier;
      const source = r.link([SOURCE_INSTANCE]);
      if (source) db.replicaOf = source;
      model.dbInstances.push(db);
      model.facets.dataStores.push(instanceStore(db));
      model.facets.monitored.push(monitored(db, 'RDS DB instance', { namespaces: ['AWS/RDS'], dimension: 'DBInstanceIdentifier', suggest: 'CPUUtilization, FreeStorageSpace or DatabaseConnections', ...named(db.identifier) }));
    }
    for (const node of graph.ofType(DB_CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const c: DbCluster = {
        resource: r.info(),
        engine: r.str([ENGINE], { value: '', assumed: 'the engine of the source snapshot or cluster' }),
        storageEncrypted: clusterStorageEncryption(r.str([ENGINE_MODE]), r.bool([STORAGE_ENCRYPTED]), r.origin([STORAGE_ENCRYPTED]), () => restoredEncryption(r, [CLUSTER_SNAPSHOT, SOURCE_CLUSTER])),
        kmsKey: r.str([KMS_KEY], NO_KEY),
        backupRetentionDays: r.num([BACKUP_RETENTION], RETENTION_DEFAULT),
        deletionProtection: r.bool([DELETION_PROTECTION], { value: false, assumed: 'false' }),
        subnetGroup: r.linkOr([SUBNET_GROUP], 'the default VPC (no DB subnet group)'),
        securityGroups: r.links([CLUSTER_SECURITY_GROUPS]),
        availabilityZones: r.strList([AVAILABILITY_ZONES], { value: [], assumed: 'Availability Zones chosen by RDS' }),
        retainOnDelete: cfnRetainOnDelete(node, r, { value: true, assumed: 'Snapshot (CloudFormation default for DB clusters)' }),
        retainOnReplace: cfnRetainOnReplace(node, r),
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
      const r = new PropertyReader(node, graph, 'Properties');
      const g: DbSubnetGroup = { resource: r.info(), subnets: r.links([SUBNET_IDS]) };
      model.dbSubnetGroups.push(g);
      model.facets.subnetGroups.push({ owner: g, what: 'DB subnet group', subnets: g.subnets });
    }
    for (const node of graph.ofType(GLOBAL_CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
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
 * `StorageEncrypted` when it is absent: a database restored from a snapshot or a source takes the
 * encryption of what it is restored from (unknown here), else the RDS default, unencrypted.
 */
function restoredEncryption(r: PropertyReader, restoreProperties: string[]): Val<boolean> {
  const from = restoreProperties.find((p) => r.has([p]));
  if (from) return unknownVal(r.origin([STORAGE_ENCRYPTED]), `${STORAGE_ENCRYPTED} is not set and ${from} is: the encryption is that of the snapshot or source it is restored from`);
  return defaulted(false, r.origin([STORAGE_ENCRYPTED]), 'false: unencrypted storage');
}

