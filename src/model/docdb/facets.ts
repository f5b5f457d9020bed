import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { CloudModel } from '../model.js';
import type { Link, Val } from '../val.js';
import { isKnown } from '../val.js';
import type { DocumentCluster } from './types.js';

const NAMES: Record<DocumentCluster['engine'], { what: string; replication: string }> = {
  docdb: { what: 'DocumentDB cluster', replication: 'DocumentDB global cluster secondary in another region' },
  neptune: { what: 'Neptune DB cluster', replication: 'Neptune global database secondary in another region' },
};

/*
 * Defaults (DocumentDB and Neptune CreateDBCluster; CloudFormation and Terraform): storage is
 * unencrypted and deletion protection off unless set. The cluster's compute is its DB instances,
 * declared as separate resources; with fewer than two, an AZ failure stops the database.
 */
export function documentClusterStore(c: DocumentCluster): DataStore {
  const { what, replication } = NAMES[c.engine];
  return dataStore(c, what, {
    replication,
    atRest: { kind: 'switch', enabled: c.storageEncrypted, key: c.kmsKey, part: 'storage' },
    deletionProtection: c.deletionProtection,
    zones: { kind: 'members', what, members: [] },
  });
}

/**
 * Global clusters: the members of one DocumentDB or Neptune global cluster copy each other. A
 * member joins by its global cluster link (a reference or the literal identifier); a member with
 * no other in the scan has a secondary that may be deployed separately.
 */
export function linkDocumentGlobals(model: CloudModel): void {
  const key = (l: Val<Link> | undefined): string | undefined => {
    if (!l || !isKnown(l)) return undefined;
    return l.value.id ? `id ${l.value.id}` : l.value.literal !== undefined ? `literal ${l.value.literal}` : undefined;
  };
  const stores = new Map(model.facets.dataStores.map((s) => [s.owner.resource.id, s]));
  for (const c of model.documentClusters) {
    const store = stores.get(c.resource.id);
    if (!store || !c.globalCluster) continue;
    const k = key(c.globalCluster);
    if (k === undefined) {
      store.copies.push({ kind: 'unresolved', at: c.globalCluster, reason: 'the global cluster cannot be known' });
      continue;
    }
    const others = model.documentClusters.filter((o) => o !== c && key(o.globalCluster) === k);
    for (const o of others) store.copies.push({ kind: 'to', at: c.globalCluster, destination: o.resource.id });
    if (others.length === 0) store.copies.push({ kind: 'unresolved', at: c.globalCluster, reason: 'the global cluster has no other member in the scan (a secondary may be deployed separately)' });
  }
}
