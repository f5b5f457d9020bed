import type { LogSource } from '../facets.js';
import { logSource } from '../facets.js';
import type { Link, Val } from '../val.js';
import type { Distribution } from './types.js';

/** `logs.s3.amazonaws.com`, `logs.s3.eu-west-1.amazonaws.com`: the bucket's domain name, as CloudFront takes it. */
const BUCKET_DOMAIN = /^(.+?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

/**
 * A distribution's standard logs (off unless a logging configuration is set). The bucket is named by
 * its domain name; a literal domain becomes the bucket name. A CloudWatch Logs delivery source that
 * names the distribution turns logging on as well (the linker looks for it).
 */
export function distributionLogs(d: Distribution, bucket: Val<Link> | undefined): LogSource {
  const dest = bucket && bucket.provenance !== 'unknown' && bucket.value.literal ? { ...bucket, value: { ...bucket.value, literal: BUCKET_DOMAIN.exec(bucket.value.literal)?.[1] ?? bucket.value.literal } } : bucket;
  return logSource(d, 'CloudFront distribution', 'standard logs', d.logging, dest ? [dest] : []);
}
