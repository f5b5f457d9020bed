import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import { explicit, namesKey } from '../val.js';
import type { BackupVault } from './types.js';

export function vaultStore(v: BackupVault): DataStore {
  // Recovery points are always encrypted; without a key of the customer's, with the AWS Backup service key.
  const k = v.kmsKey;
  return dataStore(v, 'Backup vault', {
    contents: 'recovery-points',
    atRest: { kind: 'always', ownKey: k.provenance === 'unknown' ? explicit(true, k.origin) : { ...k, value: namesKey(k) } },
  });
}
