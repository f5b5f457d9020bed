import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { Queue } from './types.js';

export function queueStore(q: Queue): DataStore {
  return dataStore(q, 'SQS queue', { contents: 'messages', atRest: { kind: 'switch', enabled: q.managedSse, key: q.kmsKey } });
}
