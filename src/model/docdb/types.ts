import type { Link, ModelResource, Val } from '../val.js';

/** A DocumentDB or Neptune cluster: storage unencrypted unless set. */
export interface DocumentCluster extends ModelResource {
  engine: 'docdb' | 'neptune';
  storageEncrypted: Val<boolean>;
  kmsKey: Val<string>;
  parameterGroup?: Val<Link>;
}

/** A DocumentDB cluster parameter group: its `tls` parameter (`enabled` in the default group). */
export interface DocumentParameterGroup extends ModelResource {
  tls: Val<string>;
}
