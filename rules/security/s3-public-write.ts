import { defineRule } from '../../src/engine/rule.js';
import { accessPointExposures, bucketExposures } from '../../src/model/s3/exposure.js';

export default defineRule({
  meta: {
    id: 's3-public-write',
    title: 'Nobody outside the account can write to or delete from an S3 bucket',
    checks: 'the `public-read-write` ACL, WRITE/FULL_CONTROL grants to public groups, bucket policies that let `*` put or delete objects (or use NotAction) without a limiting condition',
    severity: 'critical',
    controls: ['1.16', '1.17'],
    rationale:
      'A bucket anyone can write to is used to host malware and phishing pages under the owner\'s name, to overwrite or delete ' +
      'the owner\'s data, and runs up the owner\'s bill. The `public-read-write` canned ACL, a WRITE, WRITE_ACP or FULL_CONTROL ' +
      'grant to the AllUsers or AuthenticatedUsers group, and a bucket policy that allows `s3:Put*`, `s3:Delete*`, `s3:*` or ' +
      '`NotAction` to `Principal: "*"` without a condition that limits who can use it all do that. Public read access is ' +
      '`s3-public-access`, one severity lower.',
    remediation:
      'Remove the ACL or grant (use `private` and Object Ownership `BucketOwnerEnforced`), and give write statements a named ' +
      'principal or a limiting condition (`aws:SourceVpce`, `aws:PrincipalOrgID`, `aws:SourceArn` …). Keep the public access ' +
      'block on with all four settings.',
    messages: {
      publicAcl: 'Bucket {{bucket}} has the canned ACL "{{acl}}", which allows {{who}}.',
      publicGrant: 'Bucket {{bucket}} grants {{grants}}: those groups are public, and the grant lets them write.',
      publicPolicy: 'Statement {{statement}} of the policy of bucket {{bucket}} allows {{actions}} to {{principal}} without a condition that limits who can use it (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn …).',
      accessPointPolicy: 'Statement {{statement}} of the policy of access point {{accessPoint}} allows {{actions}} to {{principal}} without a condition that limits who can use it (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn …), whatever its bucket.',
    },
    precision: 'very-high',
    tags: ['security', 's3', 'public-access'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n',
        pass: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private\n',
      },
      terraform: {
        fail: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "uploads"\n}\n\nresource "aws_s3_bucket_acl" "uploads" {\n  bucket = aws_s3_bucket.uploads.id\n  acl    = "public-read-write"\n}\n',
        pass: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "uploads"\n}\n\nresource "aws_s3_bucket_acl" "uploads" {\n  bucket = aws_s3_bucket.uploads.id\n  acl    = "private"\n}\n',
      },
    },
  },
  check(ctx) {
    for (const b of [...ctx.model.buckets, ...ctx.model.externalBuckets]) {
      const bucket = b.resource.address;
      const { exposures, unknown } = bucketExposures(b);
      for (const u of unknown) ctx.undecidable(b, u.at, u.reason);
      for (const e of exposures) {
        if (!e.writes) continue;
        if (e.kind === 'acl') ctx.report({ messageId: 'publicAcl', at: e.at, resource: b, data: { bucket, acl: e.acl, who: e.who } });
        else if (e.kind === 'grant') ctx.report({ messageId: 'publicGrant', at: e.at, resource: b, data: { bucket, grants: e.grants } });
        else if (e.kind === 'policy') ctx.report({ messageId: 'publicPolicy', at: e.at, resource: b, data: { bucket, statement: e.statement, actions: e.actions, principal: e.principal } });
      }
    }
    // Access points: a policy letting anyone write is public whatever the bucket (undecided parts: s3-public-access says them).
    for (const ap of ctx.model.accessPoints) {
      for (const e of accessPointExposures(ap).exposures) {
        if (e.kind !== 'policy' || !e.writes) continue;
        ctx.report({ messageId: 'accessPointPolicy', at: e.at, resource: ap, data: { accessPoint: ap.resource.address, statement: e.statement, actions: e.actions, principal: e.principal } });
      }
    }
  },
});
