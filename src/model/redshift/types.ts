import type { Link, ModelResource, Val } from '../val.js';

/** A Redshift provisioned cluster. */
export interface RedshiftCluster extends ModelResource {
  /** Encrypted by default: AWS documents that Redshift databases are encrypted unless turned off. */
  encrypted: Val<boolean>;
  kmsKey: Val<string>;
  /** The cluster parameter group (its `require_ssl`), when one is named. */
  parameterGroup?: Val<Link>;
}

/** A Redshift cluster parameter group: `require_ssl` (false unless set). */
export interface RedshiftParameterGroup extends ModelResource {
  name: Val<string>;
  requireSsl: Val<boolean>;
}
