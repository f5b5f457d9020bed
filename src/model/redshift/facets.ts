import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { RedshiftCluster } from './types.js';

/** A Redshift cluster as a data store: encryption at rest, Multi-AZ, cross-region snapshot copies, automated snapshots. */
export function clusterStore(c: RedshiftCluster): DataStore {
  const s = dataStore(c, 'Redshift cluster', {
    replication: 'Redshift cross-region snapshot copy',
    // A KMS key encrypts the cluster whatever `Encrypted` reads.
    atRest: { kind: 'switch', enabled: c.encrypted, key: c.kmsKey },
    zones: { kind: 'switch', multiAz: c.multiAz },
    copies: c.snapshotCopyRegions.map((region) => ({ kind: 'to', at: region, region })),
    // AWS Backup protects Redshift provisioned clusters too, so a plan that selects the cluster counts.
    backup: { kind: 'retention', what: 'automated snapshots', days: c.snapshotRetentionDays, byPlan: true },
    retainOnDelete: c.retainOnDelete,
    ...(c.retainOnReplace ? { retainOnReplace: c.retainOnReplace } : {}),
  });
  if (c.identifier) s.name = { arnType: 'redshift:cluster', name: c.identifier };
  return s;
}
