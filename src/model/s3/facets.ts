import type { DataStore, LogSource } from '../facets.js';
import { dataStore, logSource } from '../facets.js';
import type { Link, Val } from '../val.js';
import { isFalse, isKnown } from '../val.js';
import type { Bucket } from './types.js';

/** A bucket as a data store: its copies are its replication rules. At rest it is always SSE-S3 at least, so not judged. */
export function bucketStore(b: Bucket, emptiedOnDelete?: Val<boolean>): DataStore {
  return dataStore(b, 'S3 bucket', {
    // S3 refuses to delete a bucket that holds objects, so deletion is judged only where something empties it first
    // (Terraform `force_destroy`, CDK `autoDeleteObjects`): then `emptiedOnDelete` is the false "keeps its data".
    ...(emptiedOnDelete ? { retainOnDelete: emptiedOnDelete } : {}),
    replication: 'S3 replication rule to another region',
    copies: b.replication
      .filter((r) => !isFalse(r.enabled))
      .map((r) => ({ kind: 'to', at: r.destinationRegion, region: r.destinationRegion, ...(isKnown(r.destination) && r.destination.value.id ? { destination: r.destination.value.id } : {}) })),
    // Versioning keeps overwritten and deleted objects; AWS Backup for S3 needs it on, so a plan does not replace it.
    backup: { kind: 'switch', what: 'versioning', enabled: b.versioning, byPlan: false, noPlan: 'AWS Backup for S3 needs versioning on' },
  });
}

/**
 * A bucket's server access logs (off unless a logging configuration is set). The linker leaves out
 * buckets that receive logs themselves: a log bucket that logged its own access would log forever.
 */
export function bucketLogs(b: Bucket, destination: Val<Link> | undefined): LogSource {
  return logSource(b, 'S3 bucket', 'server access logs', b.accessLogging, destination ? [destination] : [], {
    lower: 'CloudTrail data events can record object-level access instead',
  });
}
