import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { FileSystem } from './types.js';

export function fileSystemStore(fs: FileSystem): DataStore {
  return dataStore(fs, 'EFS file system', {
    replication: 'EFS replication to another region',
    atRest: { kind: 'switch', enabled: fs.encrypted },
    zones: { kind: 'one-zone', zone: fs.oneZone },
    copies: fs.replicationRegions.map((region) => ({ kind: 'to', at: region, region })),
    // Automatic backups are AWS Backup's default plan for the file system; a plan of one's own counts too.
    backup: { kind: 'switch', what: 'automatic backups', enabled: fs.backupPolicy, byPlan: true },
    retainOnDelete: fs.retainOnDelete,
    ...(fs.retainOnReplace ? { retainOnReplace: fs.retainOnReplace } : {}),
  });
}
