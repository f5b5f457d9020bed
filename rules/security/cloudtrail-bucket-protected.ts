import { how, property } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import { findBucket } from '../../src/model/s3/query.js';
import { isKnown, isTrue } from '../../src/model/val.js';

export default defineRule({
  meta: {
    id: 'cloudtrail-bucket-protected',
    title: 'The CloudTrail log bucket must keep versions (versioning, MFA delete or object lock)',
    checks: 'versioning, MFA delete or object lock on the trail\'s bucket',
    severity: 'medium',
    controls: ['1.14'],
    rationale:
      'Logs that can be overwritten or deleted without a trace are no evidence. Versioning keeps every earlier version ' +
      'of a log file, MFA delete asks for a second factor to delete them, and object lock makes them immutable for a ' +
      'retention period. The checklist asks for at least one of them on the bucket that receives CloudTrail logs.',
    remediation:
      'Turn versioning on for the log bucket (`VersioningConfiguration: { Status: Enabled }` / `aws_s3_bucket_versioning` ' +
      'with `status = "Enabled"`), and consider object lock in compliance mode for the log archive.',
    messages: {
      unprotected: 'Bucket {{bucket}} receives the logs of trail {{trail}} but keeps no versions: `{{property}}` {{how}}, and neither MFA delete nor object lock is on.',
    },
    precision: 'very-high',
    tags: ['security', 'logging', 'cloudtrail', 's3'],
    examples: {
      cloudformation: {
        fail: `Resources:
  Logs:
    Type: AWS::S3::Bucket
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref Logs
`,
        pass: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref Logs
`,
      },
      terraform: {
        fail: `resource "aws_s3_bucket" "logs" {
  bucket = "trail-logs"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.logs.id
}
`,
        pass: `resource "aws_s3_bucket" "logs" {
  bucket = "trail-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.logs.id
}
`,
      },
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const t of ctx.model.trails) {
      if (!isKnown(t.bucket)) continue; // nothing to resolve; cloudtrail-bucket-separate-account says so
      const link = t.bucket.value;
      const bucket = findBucket(ctx.model, link, t.resource);
      if (!bucket || seen.has(bucket.resource.id)) continue; // not in the scan: not applicable
      seen.add(bucket.resource.id);
      if (isTrue(bucket.versioning) || isTrue(bucket.mfaDelete) || isTrue(bucket.objectLock)) continue;
      const unknown = [bucket.versioning, bucket.mfaDelete, bucket.objectLock].find((v) => v.provenance === 'unknown');
      if (unknown) {
        ctx.undecidable(bucket, unknown, 'whether the log bucket keeps versions is unknown');
        continue;
      }
      const v = bucket.versioning;
      ctx.report({ messageId: 'unprotected', at: v, resource: bucket, data: { bucket: bucket.resource.address, trail: t.resource.address, property: property(v), how: how(v) } });
    }
  },
});
