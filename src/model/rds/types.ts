import type { Link, ModelResource, Val } from '../val.js';

export interface DbInstance extends ModelResource {
  /** `DBInstanceIdentifier` / `identifier`, when written: replicas in other stacks name their source by it. */
  identifier?: Val<string>;
  engine: Val<string>;
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
