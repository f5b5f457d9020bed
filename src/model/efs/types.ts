import type { Link, ModelResource, Val } from '../val.js';

export interface FileSystem extends ModelResource {
  encrypted: Val<boolean>;
  kmsKey: Val<string>;
  /** Set for One Zone file systems. */
  oneZone: Val<string | null>;
  /** Destination regions of replication configurations. */
  replicationRegions: Val<string>[];
  backupPolicy: Val<boolean>;
  mountTargetSubnets: Val<Link>[];
  retainOnDelete: Val<boolean>;
  retainOnReplace?: Val<boolean>;
}
