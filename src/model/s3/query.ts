import { linkableByName } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import type { Link, ResourceInfo } from '../val.js';
import { isKnown } from '../val.js';
import type { Bucket } from './types.js';

const S3_ARN_PREFIX = 'arn:aws:s3:::';

interface BucketIndex {
  size: number;
  byId: Map<string, Bucket>;
  /** Buckets by known name, in model order. */
  byName: Map<string, Bucket[]>;
}

/** Made once per list of buckets (again when it has grown): the linkers look up a bucket for every log target, trail and replication rule. */
const indexes = new WeakMap<readonly Bucket[], BucketIndex>();

function indexOf(buckets: readonly Bucket[]): BucketIndex {
  const known = indexes.get(buckets);
  if (known && known.size === buckets.length) return known;
  const index: BucketIndex = { size: buckets.length, byId: new Map(), byName: new Map() };
  for (const b of buckets) {
    if (!index.byId.has(b.resource.id)) index.byId.set(b.resource.id, b);
    if (!isKnown(b.name)) continue;
    const same = index.byName.get(b.name.value);
    if (same) same.push(b);
    else index.byName.set(b.name.value, [b]);
  }
  indexes.set(buckets, index);
  return index;
}

/**
 * The scanned bucket a link names: by graph id, or by literal name or ARN (as a trail's
 * `S3BucketName` or a bucket in another stack is written). Undefined when it is not in the scan.
 */
export function findBucket(model: CloudModel, link: Link, from?: ResourceInfo): Bucket | undefined {
  const index = indexOf(model.buckets);
  if (link.id) return index.byId.get(link.id);
  if (link.literal === undefined) return undefined;
  const name = link.literal.startsWith(S3_ARN_PREFIX) ? link.literal.slice(S3_ARN_PREFIX.length).split('/')[0] : link.literal;
  // Only a bucket the referrer may name (`linkableByName`): the same name in another root of an unknown account may be another deployment's.
  const named = (index.byName.get(name ?? '') ?? []).filter((b) => !from || linkableByName(from.context, b.resource.context));
  // Several scanned copies of one name (environments, teams): the one deployed beside the referrer.
  return (from && named.find((b) => b.resource.context.target.id === from.context.target.id)) ?? named[0];
}
