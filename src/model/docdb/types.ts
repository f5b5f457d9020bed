import type { Link, ModelResource, Val } from '../val.js';

/** A DocumentDB or Neptune cluster: storage unencrypted unless set. */
export interface DocumentCluster extends ModelResource {
  engine: 'docdb' | 'neptune';
  storageEncrypted: Val<boolean>;
  kmsKey: Val<string>;
  /** The cluster parameter group (its `tls`); a default link when none is named (the default group). */
  parameterGroup: Val<Link>;
  /** Deletion protection: off unless set. */
  deletionProtection: Val<boolean>;
  /** The global cluster it is a member of (a reference or the literal identifier). */
  globalCluster?: Val<Link>;
}

/** A DocumentDB or Neptune DB instance of a cluster: the cluster's compute, one per AZ placement. */
export interface DocumentInstance extends ModelResource {
  engine: 'docdb' | 'neptune';
  cluster: Val<Link>;
}

/** A DocumentDB cluster parameter group: its `tls` parameter (`enabled` in the default group). */
export interface DocumentParameterGroup extends ModelResource {
  tls: Val<string>;
}
