import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { DynamoTable } from './types.js';

export function tableStore(t: DynamoTable): DataStore {
  const k = t.encryptionKey;
  return dataStore(t, 'DynamoDB table', {
    replication: 'DynamoDB global table replica in another region',
    // Always encrypted; the AWS-owned key (the default) is one the customer cannot see or audit.
    atRest: { kind: 'always', ownKey: k.provenance === 'unknown' ? k : { ...k, value: k.value !== 'owned' } },
    deletionProtection: t.deletionProtection,
    backup: { kind: 'switch', what: 'point-in-time recovery', enabled: t.pointInTimeRecovery, byPlan: true },
    retainOnDelete: t.retainOnDelete,
    ...(t.retainOnReplace ? { retainOnReplace: t.retainOnReplace } : {}),
    copies: t.global && t.replicaRegions.length > 0 ? [{ kind: 'regions', at: t.replicaRegions[0]!, regions: t.replicaRegions }] : [],
  });
}
