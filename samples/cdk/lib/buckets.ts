import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** A private, encrypted bucket: what every bucket of the shop should be. */
export function privateBucket(scope: Construct, id: string, props: s3.BucketProps = {}): s3.Bucket {
  return new s3.Bucket(scope, id, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    ...props,
  });
}
