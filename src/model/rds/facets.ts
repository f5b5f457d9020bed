import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { CloudModel } from '../model.js';
import type { Link, Val } from '../val.js';
import { isKnown } from '../val.js';
import type { DbCluster, DbInstance, GlobalCluster } from './types.js';

const RDS_REPLICATION = 'cross-region read replica, Aurora global database';

export function instanceStore(db: DbInstance): DataStore {
  const s = dataStore(db, 'RDS DB instance', {
    replication: RDS_REPLICATION,
    // A read replica without its own setting has the encryption of its source, which is judged instead.
    atRest: db.replicaOf && db.storageEncrypted.provenance === 'default'
      ? { kind: 'inherited', from: db.replicaOf }
      : { kind: 'switch', enabled: db.storageEncrypted, key: db.kmsKey, part: 'storage' },
    deletionProtection: db.deletionProtection,
    retainOnDelete: db.retainOnDelete,
    ...(db.retainOnReplace ? { retainOnReplace: db.retainOnReplace } : {}),
  });
  // A read replica's backups are its source's concern (its source is the store that is judged).
  if (!db.replicaOf) s.backup = { kind: 'retention', what: 'automated backups', days: db.backupRetentionDays, byPlan: true, minimumDays: 7 };
  // A read replica's zones follow its own settings, but it is judged as a copy, not as the store.
  if (!db.replicaOf) s.zones = { kind: 'switch', multiAz: db.multiAz };
  if (db.identifier) s.name = { arnType: 'rds:db', name: db.identifier };
  if (db.replicaOf) s.replicaOf = db.replicaOf;
  return s;
}

export function clusterStore(c: DbCluster): DataStore {
  const engine = c.engine.provenance === 'unknown' ? '' : c.engine.value;
  const s = dataStore(c, 'RDS DB cluster', {
    replication: RDS_REPLICATION,
    atRest: c.replicaOf && c.storageEncrypted.provenance === 'default'
      ? { kind: 'inherited', from: c.replicaOf }
      : { kind: 'switch', enabled: c.storageEncrypted, key: c.kmsKey, part: 'storage' },
    deletionProtection: c.deletionProtection,
    retainOnDelete: c.retainOnDelete,
    ...(c.retainOnReplace ? { retainOnReplace: c.retainOnReplace } : {}),
    backup: { kind: 'retention', what: 'automated backups', days: c.backupRetentionDays, byPlan: true, minimumDays: 7 },
    // Aurora runs the instances declared beside the cluster; Multi-AZ DB clusters (MySQL/PostgreSQL) always three in three AZs.
    zones: engine === '' || engine.startsWith('aurora') ? { kind: 'members', what: 'Aurora DB cluster', members: [] } : { kind: 'by-design' },
  });
  if (c.identifier) s.name = { arnType: 'rds:cluster', name: c.identifier };
  if (c.replicaOf) s.replicaOf = c.replicaOf;
  return s;
}

/**
 * Aurora global databases: each member cluster of a global cluster is a copy of the others. A
 * cluster joins by `GlobalClusterIdentifier` (a reference or the literal identifier), or is the
 * global cluster's source cluster.
 */
export function linkGlobalDatabases(model: CloudModel): void {
  const globals = model.globalClusters;
  const byGlobal = (l: Val<Link> | undefined): GlobalCluster | string | undefined => {
    if (!l || !isKnown(l)) return undefined;
    if (l.value.id) return globals.find((g) => g.resource.id === l.value.id) ?? l.value.id;
    const literal = l.value.literal;
    if (literal === undefined) return undefined;
    // A global cluster declared elsewhere is known by its identifier only.
    return globals.find((g) => g.identifier && isKnown(g.identifier) && g.identifier.value === literal) ?? `identifier ${literal}`;
  };
  const sourceOf = (g: GlobalCluster): string | undefined => (g.sourceCluster && isKnown(g.sourceCluster) ? g.sourceCluster.value.id : undefined);
  const stores = new Map(model.facets.dataStores.map((s) => [s.owner.resource.id, s]));
  for (const c of model.dbClusters) {
    const store = stores.get(c.resource.id);
    const g = byGlobal(c.globalCluster) ?? globals.find((x) => sourceOf(x) === c.resource.id);
    if (!store || g === undefined) continue;
    const gc = typeof g === 'string' ? undefined : g;
    const members = new Set(model.dbClusters.filter((o) => o !== c && o.globalCluster && byGlobal(o.globalCluster) === g).map((o) => o.resource.id));
    const source = gc ? sourceOf(gc) : undefined;
    if (source && source !== c.resource.id) members.add(source);
    const at = c.globalCluster ?? gc?.sourceCluster ?? c.engine;
    for (const id of members) store.copies.push({ kind: 'to', at, destination: id });
    if (members.size === 0) store.copies.push({ kind: 'unresolved', at, reason: 'the global cluster has no other member in the scan (a secondary may be deployed separately)' });
  }
}
