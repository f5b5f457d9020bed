import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

describe('cloudtrail adapters', () => {
  it('gives the same trail for both kinds, with the documented defaults', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Logs:
          Type: AWS::S3::Bucket
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: !Ref Logs
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_s3_bucket" "logs" {}
      resource "aws_cloudtrail" "trail" {
        name           = "trail"
        s3_bucket_name = aws_s3_bucket.logs.id
      }
    `)).model!;
    const c = cfn.trails[0]!;
    const t = tf.trails[0]!;
    expect(c.bucket.value).toEqual({ id: cfn.buckets[0]!.resource.id });
    expect(t.bucket.value).toEqual({ id: tf.buckets[0]!.resource.id });
    // CloudFormation requires IsLogging; Terraform's enable_logging defaults to true.
    const { bucket: _cb, logging: cLogging, ...cRest } = c;
    const { bucket: _tb, logging: tLogging, ...tRest } = t;
    expect(strip(tRest)).toEqual(strip(cRest));
    expect(strip(cRest)).toEqual({
      multiRegion: { provenance: 'default', value: false },
      globalServiceEvents: { provenance: 'default', value: true },
      logFileValidation: { provenance: 'default', value: false },
      kmsKey: { provenance: 'default', value: '' },
    });
    expect(cLogging).toMatchObject({ provenance: 'explicit', value: true });
    expect(tLogging).toMatchObject({ provenance: 'default', value: true });
    expect(c.logging.origin.span.start.line).toBe(7);
    expect(t.bucket.origin.span.start).toEqual({ line: 4, column: 20 });
  });
});
