import { defineRule } from '../../src/engine/rule.js';
import { accessPointExposures, bucketExposures } from '../../src/model/s3/exposure.js';
import type { Bucket } from '../../src/model/s3/types.js';
import { isKnown, isTrue } from '../../src/model/val.js';
import { settingsFor } from '../../src/model/deployment.js';

// The settings as the S3 console names them; the property's own spelling is in the finding's path.
const FLAG_NAMES: Record<keyof NonNullable<Bucket['publicAccessBlock']>, string> = {
  blockPublicAcls: 'Block public ACLs',
  ignorePublicAcls: 'Ignore public ACLs',
  blockPublicPolicy: 'Block public policy',
  restrictPublicBuckets: 'Restrict public buckets',
};


export default defineRule({
  meta: {
    id: 's3-public-access',
    title: 'S3 buckets must not be public by ACL, grant or policy, and must block public access',
    checks: 'ACLs, grants and bucket policies that let anyone read, without a limiting condition; public access block settings turned off (write access: `s3-public-write`; no block: `s3-public-access-block`)',
    severity: 'high',
    controls: ['1.16', '1.17'],
    rationale:
      'A bucket becomes public through a canned ACL (`public-read`, `public-read-write`, `authenticated-read`), a grant to the ' +
      'AllUsers or AuthenticatedUsers group, or a bucket policy that allows `Principal: "*"` without a condition that limits ' +
      'who can use it. The bucket\'s public access block is the safety net that refuses such settings. Since April 2023 AWS ' +
      'turns it on for new buckets, but a template cannot show when its bucket was created or whether the account changed ' +
      'the setting, so a block that turns a setting off is reported here. Anyone allowed to write or delete objects is ' +
      '`s3-public-write` (critical); a bucket that declares no block at all is `s3-public-access-block` (medium).',
    remediation:
      'Remove public ACLs and grants (use `private` and Object Ownership `BucketOwnerEnforced`), give public-looking policy ' +
      'statements a limiting condition (`aws:SourceVpce`, `aws:PrincipalOrgID`, `aws:SourceArn` …) or a named principal, and ' +
      'declare a public access block with all four settings true (CloudFormation `PublicAccessBlockConfiguration`, ' +
      'Terraform `aws_s3_bucket_public_access_block`). Serve public content through CloudFront with origin access control.',
    messages: {
      publicAcl: 'Bucket {{bucket}} has the canned ACL "{{acl}}", which allows {{who}}.',
      authenticatedAcl: 'Bucket {{bucket}} has the canned ACL "authenticated-read", which lets any AWS account\'s users list its objects.',
      publicGrant: 'Bucket {{bucket}} grants {{grants}}: those groups are public.',
      publicPolicy: 'Statement {{statement}} of the policy of bucket {{bucket}} allows {{actions}} to {{principal}} without a condition that limits who can use it (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn …).',
      accessBlockFlagOff: 'The "{{flag}}" setting is off in the public access block of bucket {{bucket}}.',
      accessBlockFlagUnset: 'The "{{flag}}" setting is not set in the public access block of bucket {{bucket}} ({{assumed}}).',
      accessPointPolicy: 'Statement {{statement}} of the policy of access point {{accessPoint}} allows {{actions}} to {{principal}} without a condition that limits who can use it (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn …), whatever its bucket.',
      accessPointBlockFlagOff: 'The "{{flag}}" setting is turned off for access point {{accessPoint}} (AWS turns it on for an access point unless told otherwise).',
    },
    precision: 'high',
    tags: ['security', 's3', 'public-access'],
    examples: {
      cloudformation: {
        fail: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
`,
        pass: `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
`,
      },
      terraform: {
        fail: `resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}
`,
        pass: `resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
`,
      },
    },
  },
  check(ctx) {
    // External buckets (not declared in the scan, configured through `var.bucket`): what their resources set is checked too.
    for (const b of [...ctx.model.buckets, ...ctx.model.externalBuckets]) {
      const bucket = b.resource.address;
      const { exposures, unknown } = bucketExposures(b);
      for (const u of unknown) ctx.undecidable(b, u.at, u.reason);
      // Write access for anyone is s3-public-write (critical).
      for (const e of exposures) {
        if (e.writes) continue;
        if (e.kind === 'acl') ctx.report({ messageId: 'publicAcl', at: e.at, resource: b, data: { bucket, acl: e.acl, who: e.who } });
        else if (e.kind === 'authenticated-acl') ctx.report({ messageId: 'authenticatedAcl', at: e.at, resource: b, data: { bucket } });
        else if (e.kind === 'grant') ctx.report({ messageId: 'publicGrant', at: e.at, resource: b, data: { bucket, grants: e.grants } });
        else ctx.report({ messageId: 'publicPolicy', at: e.at, resource: b, data: { bucket, statement: e.statement, actions: e.actions, principal: e.principal } });
      }

      // Public access block settings that are off. No block at all is s3-public-access-block (medium).
      // A setting that the account's own block turns on holds for every bucket of that account.
      const account = settingsFor(ctx.model.accountPublicAccessBlocks, b, 'account');
      const onForAccount = (key: keyof typeof FLAG_NAMES): boolean => account.some((a) => isTrue(a[key]));
      if (b.publicAccessBlockOrigin.provenance === 'unknown') {
        ctx.undecidable(b, b.publicAccessBlockOrigin, `the public access block is unknown: ${b.publicAccessBlockOrigin.reason}`);
      } else if (b.publicAccessBlock) {
        for (const [key, name] of Object.entries(FLAG_NAMES) as [keyof typeof FLAG_NAMES, string][]) {
          if (onForAccount(key)) continue;
          const flag = b.publicAccessBlock[key];
          if (flag.provenance === 'unknown') ctx.undecidable(b, flag, `${name} is unknown: ${flag.reason}`);
          else if (flag.value === false && flag.provenance === 'default') ctx.report({ messageId: 'accessBlockFlagUnset', at: flag, resource: b, data: { bucket, flag: name, assumed: `default: ${flag.assumed}` } });
          else if (flag.value === false) ctx.report({ messageId: 'accessBlockFlagOff', at: flag, resource: b, data: { bucket, flag: name } });
        }
      }
    }

    // Access points: a public policy is public whatever the bucket; a block setting turned off is reported too.
    for (const ap of ctx.model.accessPoints) {
      const accessPoint = ap.resource.address;
      const { exposures, unknown } = accessPointExposures(ap);
      for (const u of unknown) ctx.undecidable(ap, u.at, u.reason);
      for (const e of exposures) {
        if (e.kind !== 'policy' || e.writes) continue;
        ctx.report({ messageId: 'accessPointPolicy', at: e.at, resource: ap, data: { accessPoint, statement: e.statement, actions: e.actions, principal: e.principal } });
      }
      // S3 applies the access point's, its bucket's and the account's settings: one of them on is enough.
      const account = settingsFor(ctx.model.accountPublicAccessBlocks, ap, 'account');
      const bucketId = isKnown(ap.bucket) ? ap.bucket.value.id : undefined;
      const served = bucketId ? ctx.model.buckets.find((b) => b.resource.id === bucketId) : undefined;
      for (const [key, name] of Object.entries(FLAG_NAMES) as [keyof typeof FLAG_NAMES, string][]) {
        if (account.some((a) => isTrue(a[key])) || isTrue(served?.publicAccessBlock?.[key])) continue;
        const flag = ap.publicAccessBlock[key];
        if (flag.provenance === 'unknown') ctx.undecidable(ap, flag, `${name} of the access point is unknown: ${flag.reason}`);
        else if (flag.provenance === 'explicit' && flag.value === false) ctx.report({ messageId: 'accessPointBlockFlagOff', at: flag, resource: ap, data: { accessPoint, flag: name } });
      }
    }
  },
});
