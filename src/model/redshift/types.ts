import type { Link, ModelResource, Val } from '../val.js';

/** A Redshift provisioned cluster. */
export interface RedshiftCluster extends ModelResource {
  /** `ClusterIdentifier` / `cluster_identifier`, when written: how ARNs and snapshot copies name it. */
  identifier?: Val<string>;
  /** Encrypted by default: AWS documents that Redshift databases are encrypted unless turned off. */
  encrypted: Val<boolean>;
  kmsKey: Val<string>;
  /** The cluster parameter group (its `require_ssl`); a default link when none is named (the default group). */
  parameterGroup: Val<Link>;
  /** Multi-AZ deployment (RA3 node types): a second set of compute in another AZ; false unless set. */
  multiAz: Val<boolean>;
  /** Days automated snapshots are kept (1 unless set; 0 turns them off). */
  snapshotRetentionDays: Val<number>;
  /** Regions automated snapshots are copied to (cross-region snapshot copy). */
  snapshotCopyRegions: Val<string>[];
  /** `DeletionPolicy` Retain/Snapshot (CloudFormation), a final snapshot or `prevent_destroy` (Terraform). */
  retainOnDelete: Val<boolean>;
  retainOnReplace?: Val<boolean>;
}

/** A Redshift cluster parameter group: `require_ssl` (false unless set). */
export interface RedshiftParameterGroup extends ModelResource {
  name: Val<string>;
  requireSsl: Val<boolean>;
}
