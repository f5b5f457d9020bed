import { defineRule } from '../../src/engine/rule.js';
import { findBucket } from '../../src/model/s3/query.js';
import { isKnown } from '../../src/model/val.js';

export default defineRule({
  meta: {
    id: 'cloudtrail-bucket-separate-account',
    title: 'CloudTrail must deliver its logs to a bucket owned by another account',
    checks: 'the trail\'s bucket, followed through the graph (or by its literal name), is not in the trail\'s own account — nor deployed by the same stack or provider configuration',
    severity: 'high',
    controls: ['1.13'],
    rationale:
      'Whoever controls the account that a trail watches must not be able to change or delete its logs. When the log ' +
      'bucket lives in the same account, a compromised administrator can erase the trace of what they did. A dedicated ' +
      'log archive account, with a bucket policy that lets CloudTrail write, keeps the logs out of reach.',
    remediation:
      'Send the trail to a bucket in a separate log archive account (name it by its literal name, and set ' +
      '`logArchiveAccount` in the configuration), and remove the log bucket from the workload\'s template or module.',
    messages: {
      sameAccount: 'Trail {{trail}} delivers its logs to bucket {{bucket}}, which is declared in the trail\'s own account {{account}}.',
      sameTarget: 'Trail {{trail}} delivers its logs to bucket {{bucket}}, which is deployed by the same {{target}} and so into the trail\'s own account.',
      logArchiveIsTrailAccount:
        'Trail {{trail}} delivers its logs to bucket "{{bucket}}"; the configuration names {{account}} as the log archive account, which is the trail\'s own account.',
    },
    precision: 'high',
    tags: ['security', 'logging', 'cloudtrail'],
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
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: org-log-archive-trail
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
        pass: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "org-log-archive-trail"
}
`,
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.trails) {
      const link = t.bucket;
      if (!isKnown(link)) {
        ctx.undecidable(t, link, `the log bucket is unknown: ${link.reason}`);
        continue;
      }
      const trail = t.resource.address;
      const bucket = findBucket(ctx.model, link.value, t.resource);
      const literal = link.value.literal;
      const tAccount = t.resource.context.account;

      if (!bucket) {
        if (link.value.id) {
          ctx.undecidable(t, link, 'the log bucket is referenced but is not a bucket of the scan');
          continue;
        }
        // A literal name outside the scan: accepted, unless the configuration says the log archive is this very account.
        const archive = ctx.settings.logArchiveAccount;
        if (archive !== undefined && tAccount.known && tAccount.value === archive) {
          ctx.report({ messageId: 'logArchiveIsTrailAccount', at: link, resource: t, data: { trail, bucket: literal ?? '?', account: archive } });
        }
        continue;
      }

      const bAccount = bucket.resource.context.account;
      const name = bucket.resource.address;
      if (tAccount.known && bAccount.known) {
        if (tAccount.value === bAccount.value) ctx.report({ messageId: 'sameAccount', at: link, resource: t, data: { trail, bucket: name, account: tAccount.value } });
        continue;
      }
      // Deployed by the same stack or provider configuration: the same account, whichever it is.
      if (bucket.resource.context.target.id === t.resource.context.target.id) {
        ctx.report({ messageId: 'sameTarget', at: link, resource: t, data: { trail, bucket: name, target: t.resource.context.target.label } });
        continue;
      }
      ctx.undecidable(t, link, `the accounts of ${trail} and of its log bucket ${name} are not known`);
    }
  },
});
