import type { Link, ModelResource, Val } from '../val.js';

export interface DbInstance extends ModelResource {
  /** `DBInstanceIdentifier` / `identifier`, when written: replicas in other stacks name their source by it. */
  identifier?: Val<string>;
  engine: Val<string>;
  /** `EngineVersion` / `engine_version`, when written (absent: RDS picks its default version). */
  engineVersion?: Val<string>;
  /** `DBParameterGroupName` / `parameter_group_name`; a default link when none is named (the engine's default group). */
  parameterGroup: Val<Link>;
  storageEncrypted: Val<boolean>;
  kmsKey: Val<string>;
  multiAz: Val<boolean>;
  backupRetentionDays: Val<number>;
  deletionProtection: Val<boolean>;
  subnetGroup: Val<Link>;
  securityGroups: Val<Link>[];
  /** Read replica source (`SourceDBInstanceIdentifier` / `replicate_source_db`). */
  replicaOf?: Val<Link>;
  publiclyAccessible: Val<boolean>;
  /** `DeletionPolicy` (CloudFormation) or `prevent_destroy` (Terraform): does deleting the stack keep the data? */
  retainOnDelete: Val<boolean>;
  /** CloudFormation `UpdateReplacePolicy`: does a replacing update keep the old instance's data? */
  retainOnReplace?: Val<boolean>;
}

/**
 * A DB instance of an Aurora cluster (`DBClusterIdentifier` / `aws_rds_cluster_instance`). It has no
 * storage, encryption, backups, deletion protection or Multi-AZ of its own: the cluster decides them,
 * so the member carries none of them, only the link to the cluster that does.
 */
export interface DbClusterMember extends ModelResource {
  cluster: Val<Link>;
  engine: Val<string>;
  subnetGroup: Val<Link>;
  securityGroups: Val<Link>[];
  publiclyAccessible: Val<boolean>;
  retainOnDelete: Val<boolean>;
}

export interface DbCluster extends ModelResource {
  /** `DBClusterIdentifier` / `cluster_identifier`, when written. */
  identifier?: Val<string>;
  engine: Val<string>;
  /** `EngineVersion` / `engine_version`, when written. */
  engineVersion?: Val<string>;
  /** `DBClusterParameterGroupName` / `db_cluster_parameter_group_name`; a default link when none is named. */
  parameterGroup: Val<Link>;
  storageEncrypted: Val<boolean>;
  kmsKey: Val<string>;
  backupRetentionDays: Val<number>;
  deletionProtection: Val<boolean>;
  subnetGroup: Val<Link>;
  securityGroups: Val<Link>[];
  globalCluster?: Val<Link>;
  /** Cross-region replica source (`ReplicationSourceIdentifier`). */
  replicaOf?: Val<Link>;
  /** Multi-AZ DB clusters (non-Aurora) declare their instance class on the cluster. */
  availabilityZones: Val<string[]>;
  retainOnDelete: Val<boolean>;
  retainOnReplace?: Val<boolean>;
}

export interface DbSubnetGroup extends ModelResource {
  subnets: Val<Link>[];
}

export interface GlobalCluster extends ModelResource {
  /** `GlobalClusterIdentifier` / `global_cluster_identifier`: secondaries in other stacks name it literally. */
  identifier?: Val<string>;
  sourceCluster?: Val<Link>;
}

/**
 * A DB parameter group (`AWS::RDS::DBParameterGroup`, `aws_db_parameter_group`) or DB cluster
 * parameter group (`AWS::RDS::DBClusterParameterGroup`, `aws_rds_cluster_parameter_group`): the
 * parameters that decide whether the database requires TLS. A parameter the group does not set
 * takes the default of the group's family.
 */
export interface DbParameterGroup extends ModelResource {
  scope: 'instance' | 'cluster';
  /** `Family` / `family` (`postgres16`, `aurora-mysql8.0`, `sqlserver-se-15.0`). */
  family?: Val<string>;
  /** `rds.force_ssl` (RDS for PostgreSQL, SQL Server; Aurora PostgreSQL), when the group sets it. */
  forceSsl?: Val<string>;
  /** `require_secure_transport` (RDS for MySQL, MariaDB; Aurora MySQL), when the group sets it. */
  requireSecureTransport?: Val<string>;
  /** Where a parameter the group does not set would go: its parameter list (`Parameters`, `parameter`), else the group's head. */
  parametersAt: Val<string>['origin'];
}
