import { defineRule } from '../../src/engine/rule.js';
import { limitsPublicAccess } from '../../src/model/iam/policy.js';
import type { PolicyStatement, Principal } from '../../src/model/iam/types.js';
import type { Bucket } from '../../src/model/s3/types.js';
import type { Val } from '../../src/model/val.js';
import { explicit, isKnown, isTrue } from '../../src/model/val.js';
import { settingsFor } from '../../src/model/deployment.js';

/** Canned ACLs that open the bucket, with who they open it to and the severity. */
const PUBLIC_ACLS: Record<string, { who: string; severity: 'critical' | 'high' }> = {
  'public-read-write': { who: 'anyone on the internet to list and write objects', severity: 'critical' },
  'public-read': { who: 'anyone on the internet to list objects', severity: 'high' },
};
const AUTHENTICATED_ACL = 'authenticated-read';

// The settings as the S3 console names them; the property's own spelling is in the finding's path.
const FLAG_NAMES: Record<keyof NonNullable<Bucket['publicAccessBlock']>, string> = {
  blockPublicAcls: 'Block public ACLs',
  ignorePublicAcls: 'Ignore public ACLs',
  blockPublicPolicy: 'Block public policy',
  restrictPublicBuckets: 'Restrict public buckets',
};

const WRITE_ACTION = /^(\*|s3:\*|s3:put.*|s3:delete.*|s3:.*\*)$/i;

export default defineRule({
  meta: {
    id: 's3-public-access',
    title: 'S3 buckets must not be public by ACL, grant or policy, and must block public access',
    checks: 'public ACLs and grants, bucket policies open to `*` without a limiting condition, public access block missing or partly off',
    severity: 'high',
    controls: ['1.16', '1.17'],
    rationale:
      'A bucket becomes public through a canned ACL (`public-read`, `public-read-write`, `authenticated-read`), a grant to the ' +
      'AllUsers or AuthenticatedUsers group, or a bucket policy that allows `Principal: "*"` without a condition that limits ' +
      'who can use it. The bucket\'s public access block is the safety net that refuses such settings. Since April 2023 AWS ' +
      'turns it on for new buckets, but a template cannot show when its bucket was created or whether the account changed ' +
      'the setting, so the block is asked for explicitly.',
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
      noPublicAccessBlock:
        'Bucket {{bucket}} declares no public access block. AWS turns it on for buckets created since April 2023, but a template cannot show when the bucket was created or whether the account changed it: declare the block with all four settings true.',
      accessBlockFlagOff: 'The "{{flag}}" setting is off in the public access block of bucket {{bucket}}.',
      accessBlockFlagUnset: 'The "{{flag}}" setting is not set in the public access block of bucket {{bucket}} ({{assumed}}).',
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
    const external = new Set(ctx.model.externalBuckets);
    for (const b of [...ctx.model.buckets, ...ctx.model.externalBuckets]) {
      const bucket = b.resource.address;

      // Canned ACL.
      if (b.acl.provenance === 'unknown') ctx.undecidable(b, b.acl, `the canned ACL is unknown: ${b.acl.reason}`);
      else if (PUBLIC_ACLS[b.acl.value]) {
        const p = PUBLIC_ACLS[b.acl.value]!;
        ctx.report({ messageId: 'publicAcl', at: b.acl, resource: b, data: { bucket, acl: b.acl.value, who: p.who }, severity: p.severity });
      } else if (b.acl.value === AUTHENTICATED_ACL) {
        ctx.report({ messageId: 'authenticatedAcl', at: b.acl, resource: b, data: { bucket }, severity: 'high' });
      }

      // Explicit grants.
      if (b.publicGrants.provenance === 'unknown') ctx.undecidable(b, b.publicGrants, `the grants are unknown: ${b.publicGrants.reason}`);
      else if (b.publicGrants.value.length > 0) {
        const writes = b.publicGrants.value.some((g) => /^(WRITE|FULL_CONTROL|WRITE_ACP)\b/.test(g));
        ctx.report({ messageId: 'publicGrant', at: b.publicGrants, resource: b, data: { bucket, grants: b.publicGrants.value.join(', ') }, severity: writes ? 'critical' : 'high' });
      }

      // Bucket policies.
      for (const doc of b.policies) {
        if (doc.unknown) ctx.undecidable(b, explicit(true, doc.origin), `part of the bucket policy is unknown: ${doc.unknown}`);
        doc.statements.forEach((s, i) => checkStatement(s, i));
      }

      // Public access block: a setting that the account's own block turns on holds for every bucket of that account.
      const account = settingsFor(ctx.model.accountPublicAccessBlocks, b, 'account');
      const onForAccount = (key: keyof typeof FLAG_NAMES): boolean => account.some((a) => isTrue(a[key]));
      const keys = Object.keys(FLAG_NAMES) as (keyof typeof FLAG_NAMES)[];
      if (b.publicAccessBlockOrigin.provenance === 'unknown') {
        ctx.undecidable(b, b.publicAccessBlockOrigin, `the public access block is unknown: ${b.publicAccessBlockOrigin.reason}`);
      } else if (!b.publicAccessBlock) {
        if (!external.has(b) && !keys.every(onForAccount)) ctx.report({ messageId: 'noPublicAccessBlock', at: b, resource: b, data: { bucket }, severity: 'medium' });
      } else {
        for (const [key, name] of Object.entries(FLAG_NAMES) as [keyof typeof FLAG_NAMES, string][]) {
          if (onForAccount(key)) continue;
          const flag = b.publicAccessBlock[key];
          if (flag.provenance === 'unknown') ctx.undecidable(b, flag, `${name} is unknown: ${flag.reason}`);
          else if (flag.value === false && flag.provenance === 'default') ctx.report({ messageId: 'accessBlockFlagUnset', at: flag, resource: b, data: { bucket, flag: name, assumed: `default: ${flag.assumed}` } });
          else if (flag.value === false) ctx.report({ messageId: 'accessBlockFlagOff', at: flag, resource: b, data: { bucket, flag: name } });
        }
      }

      function checkStatement(s: PolicyStatement, index: number): void {
        if (s.effect.provenance === 'unknown') {
          ctx.undecidable(b, s.effect, `the Effect of a policy statement is unknown: ${s.effect.reason}`);
          return;
        }
        if (s.effect.value !== 'Allow') return; // a Deny is never public
        const who = publicPrincipal(s);
        if (who === 'unknown') {
          ctx.undecidable(b, s.principal ?? s.notPrincipal ?? s.effect, 'the principal of an Allow statement is unknown');
          return;
        }
        if (!who) return;
        if (s.conditions.provenance === 'unknown') {
          ctx.undecidable(b, s.conditions, `the condition of a public-looking statement is unknown: ${s.conditions.reason}`);
          return;
        }
        if (s.conditions.value.some(limitsPublicAccess)) return;
        const actions = describeActions(s);
        const writes = isKnown(s.actions) && s.actions.value.some((a) => WRITE_ACTION.test(a));
        const at: Val<unknown> = explicit(s.sid ?? index, s.origin);
        ctx.report({
          messageId: 'publicPolicy', at, resource: b,
          data: { bucket, statement: s.sid ? `"${s.sid}"` : `#${index + 1}`, actions, principal: who },
          severity: writes || s.notActions ? 'critical' : 'high',
        });
      }
    }
  },
});

/** Who a statement's principal opens it to, `undefined` when it is not public, `'unknown'` when it cannot be told. */
function publicPrincipal(s: PolicyStatement): string | undefined | 'unknown' {
  if (s.notPrincipal) {
    // Allow with NotPrincipal: everyone except the listed principals.
    return s.notPrincipal.provenance === 'unknown' ? 'unknown' : 'everyone but the NotPrincipal list';
  }
  if (!s.principal) return undefined; // not a resource policy statement
  if (s.principal.provenance === 'unknown') return 'unknown';
  return isAnyone(s.principal.value) ? 'any principal ("*")' : undefined;
}

function isAnyone(p: Principal): boolean {
  return p.anyone;
}

function describeActions(s: PolicyStatement): string {
  if (s.notActions) return isKnown(s.notActions) ? `every action except ${s.notActions.value.join(', ')}` : 'every action but some';
  if (!isKnown(s.actions)) return 'some actions';
  const a = s.actions.value;
  return a.length === 0 ? 'no action' : a.length > 3 ? `${a.slice(0, 3).join(', ')} …` : a.join(', ');
}
