import { linkableByName } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import type { Link, ResourceInfo } from '../val.js';
import { isKnown } from '../val.js';
import type { Bucket } from './types.js';

const S3_ARN_PREFIX = 'arn:aws:s3:::';

/**
 * The scanned bucket a link names: by graph id, or by literal name or ARN (as a trail's
 * `S3BucketName` or a bucket in another stack is written). Undefined when it is not in the scan.
 */
export function findBucket(model: CloudModel, link: Link, from?: ResourceInfo): Bucket | undefined {
  if (link.id) return model.buckets.find((b) => b.resource.id === link.id);
  if (link.literal === undefined) return undefined;
  const name = link.literal.startsWith(S3_ARN_PREFIX) ? link.literal.slice(S3_ARN_PREFIX.length).split('/')[0] : link.literal;
  // Only a bucket the referrer may name (`linkableByName`): the same name in another root of an unknown account may be another deployment's.
  const named = model.buckets.filter((b) => isKnown(b.name) && b.name.value === name && (!from || linkableByName(from.context, b.resource.context)));
  // Several scanned copies of one name (environments, teams): the one deployed beside the referrer.
  return (from && named.find((b) => b.resource.context.target.id === from.context.target.id)) ?? named[0];
}
