import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { FileSystem } from './types.js';

export function fileSystemStore(fs: FileSystem): DataStore {
  return dataStore(fs, 'EFS file system', {
    replication: 'EFS replication to another region',
    atRest: { kind: 'switch', enabled: fs.encrypted },
    zones: { kind: 'one-zone', zone: fs.oneZone },
    copies: fs.replicationRegions.map((region) => ({ kind: 'to', at: region, region })),
  });
}
