import { linkableByName } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import type { Link, ResourceInfo } from '../val.js';
import { byId, isKnown } from '../val.js';
import type { Bucket } from './types.js';

const S3_ARN_PREFIX = 'arn:aws:s3:::';

/** Known names with their buckets in model order, made once per list of buckets (again when it has grown): the linkers look up a bucket for every log target, trail and replication rule. */
const NAMED = new WeakMap<readonly Bucket[], { size: number; index: Map<string, Bucket[]> }>();

function byName(buckets: readonly Bucket[]): Map<string, Bucket[]> {
  const known = NAMED.get(buckets);
  if (known && known.size === buckets.length) return known.index;
  const index = new Map<string, Bucket[]>();
  for (const b of buckets) {
    if (!isKnown(b.name)) continue;
    const same = index.get(b.name.value);
    if (same) same.push(b);
    else index.set(b.name.value, [b]);
  }
  NAMED.set(buckets, { size: buckets.length, index });
  return index;
}

/**
 * The scanned bucket a link names: by graph id, or by literal name or ARN (as a trail's
 * `S3BucketName` or a bucket in another stack is written). Undefined when it is not in the scan.
 */
export function findBucket(model: CloudModel, link: Link, from?: ResourceInfo): Bucket | undefined {
  if (link.id) return byId(model.buckets).get(link.id);
  if (link.literal === undefined) return undefined;
  const name = link.literal.startsWith(S3_ARN_PREFIX) ? link.literal.slice(S3_ARN_PREFIX.length).split('/')[0] : link.literal;
  // Only a bucket the referrer may name (`linkableByName`): the same name in another root of an unknown account may be another deployment's.
  const named = (byName(model.buckets).get(name ?? '') ?? []).filter((b) => !from || linkableByName(from.context, b.resource.context));
  // Several scanned copies of one name (environments, teams): the one deployed beside the referrer.
  return (from && named.find((b) => b.resource.context.target.id === from.context.target.id)) ?? named[0];
}
