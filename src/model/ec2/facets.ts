import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { ModelResource } from '../val.js';
import type { BlockDevice, Volume } from './types.js';

/** The account-wide setting that encrypts new EBS volumes (the linker sets whether the scan enables it). */
export const EBS_ENCRYPTION_BY_DEFAULT = 'EBS encryption by default';

export function volumeStore(v: Volume): DataStore {
  return dataStore(v, 'EBS volume', {
    contents: 'server-disk',
    atRest: { kind: 'switch', enabled: v.encrypted, key: v.kmsKey, accountDefault: { name: EBS_ENCRYPTION_BY_DEFAULT, enabled: false } },
    // EBS has no backup of its own: snapshots come from AWS Backup (or Data Lifecycle Manager, not modelled).
    backup: { kind: 'none', what: 'snapshots', byPlan: true },
    retainOnDelete: v.retainOnDelete,
    ...(v.retainOnReplace ? { retainOnReplace: v.retainOnReplace } : {}),
  });
}

/** The EBS devices declared on an instance or a launch template, each a store of its owner. */
export function blockDeviceStores(owner: ModelResource, devices: BlockDevice[]): DataStore[] {
  return devices.map((d) => dataStore(owner, `EBS block device ${d.deviceName.provenance === 'explicit' ? d.deviceName.value : '(unnamed)'}`, {
    contents: 'server-disk',
    atRest: { kind: 'switch', enabled: d.encrypted, key: d.kmsKey, accountDefault: { name: EBS_ENCRYPTION_BY_DEFAULT, enabled: false } },
  }));
}
