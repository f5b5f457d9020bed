import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import { isFalse, isKnown } from '../val.js';
import type { Bucket } from './types.js';

/** A bucket as a data store: its copies are its replication rules. At rest it is always SSE-S3 at least, so not judged. */
export function bucketStore(b: Bucket): DataStore {
  return dataStore(b, 'S3 bucket', {
    replication: 'S3 replication rule to another region',
    copies: b.replication
      .filter((r) => !isFalse(r.enabled))
      .map((r) => ({ kind: 'to', at: r.destinationRegion, region: r.destinationRegion, ...(isKnown(r.destination) && r.destination.value.id ? { destination: r.destination.value.id } : {}) })),
  });
}
