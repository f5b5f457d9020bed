import { defineRule } from '../../src/engine/rule.js';
import { settingsFor } from '../../src/model/deployment.js';
import { isTrue } from '../../src/model/val.js';

const SETTINGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

export default defineRule({
  meta: {
    id: 's3-public-access-block',
    title: 'S3 buckets declare a public access block',
    checks: 'buckets with no public access block of their own and no account-wide block in the scan that sets all four settings',
    severity: 'medium',
    controls: ['1.16', '1.17'],
    rationale:
      'The public access block is the safety net that refuses public ACLs and policies even when someone adds one later. Since ' +
      'April 2023 AWS turns it on for new buckets, but a template cannot show when its bucket was created or whether the ' +
      'account changed the setting, so the block is asked for explicitly: a bucket without one is not public by itself, which ' +
      'is why this is one severity below `s3-public-access` (a bucket that is public, or a block with a setting turned off). ' +
      'An account-wide block in the scan with all four settings on covers every bucket of that account. Buckets outside the ' +
      'scan (named through a variable) are not reported: their block is configured where they are declared.',
    remediation:
      'Declare the block with all four settings true: CloudFormation `PublicAccessBlockConfiguration`, Terraform ' +
      '`aws_s3_bucket_public_access_block`, or once for the account (`aws_s3_account_public_access_block`).',
    messages: {
      noPublicAccessBlock:
        'Bucket {{bucket}} declares no public access block. AWS turns it on for buckets created since April 2023, but a template cannot show when the bucket was created or whether the account changed it: declare the block with all four settings true.',
    },
    precision: 'high',
    tags: ['security', 's3', 'public-access'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: shop-data\n',
        pass: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: shop-data\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n        BlockPublicPolicy: true\n        RestrictPublicBuckets: true\n',
      },
      terraform: {
        fail: 'resource "aws_s3_bucket" "data" {\n  bucket = "shop-data"\n}\n',
        pass: 'resource "aws_s3_bucket" "data" {\n  bucket = "shop-data"\n}\n\nresource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}\n',
      },
    },
  },
  check(ctx) {
    for (const b of ctx.model.buckets) {
      if (b.publicAccessBlockOrigin.provenance === 'unknown') {
        ctx.undecidable(b, b.publicAccessBlockOrigin, `the public access block is unknown: ${b.publicAccessBlockOrigin.reason}`);
        continue;
      }
      if (b.publicAccessBlock) continue;
      const account = settingsFor(ctx.model.accountPublicAccessBlocks, b, 'account');
      if (SETTINGS.every((key) => account.some((a) => isTrue(a[key])))) continue;
      ctx.report({ messageId: 'noPublicAccessBlock', at: b, resource: b, data: { bucket: b.resource.address } });
    }
  },
});
