import type { Link, ModelResource, Val } from '../val.js';

/** A Redis/Valkey replication group, or a single cache cluster (`kind: 'cluster'`). */
export interface CacheCluster extends ModelResource {
  kind: 'replication-group' | 'cluster' | 'serverless';
  engine: Val<string>;
  atRestEncryption: Val<boolean>;
  transitEncryption: Val<boolean>;
  automaticFailover: Val<boolean>;
  multiAz: Val<boolean>;
  nodeCount: Val<number>;
  subnetGroup: Val<Link>;
  securityGroups: Val<Link>[];
  /** Days of automatic snapshots kept (Redis/Valkey; 0 turns them off); absent for serverless caches. */
  snapshotRetention?: Val<number>;
}

export interface CacheSubnetGroup extends ModelResource {
  subnets: Val<Link>[];
}
