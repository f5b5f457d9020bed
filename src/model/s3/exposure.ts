/**
 * How a bucket is opened to the public, read by `s3-public-access` (read access) and `s3-public-write`
 * (write access): the two rules report different exposures of the same ACLs, grants and policies.
 */
import { limitsPublicAccess } from '../iam/policy.js';
import type { PolicyStatement } from '../iam/types.js';
import type { Val } from '../val.js';
import { explicit, isKnown } from '../val.js';
import type { AccessPoint, Bucket } from './types.js';

/** Canned ACLs that open the bucket to anyone, with what they allow and whether they allow writing. */
const PUBLIC_ACLS: Record<string, { who: string; writes: boolean }> = {
  'public-read-write': { who: 'anyone on the internet to list and write objects', writes: true },
  'public-read': { who: 'anyone on the internet to list objects', writes: false },
};
const AUTHENTICATED_ACL = 'authenticated-read';
const WRITE_GRANT = /^(WRITE|FULL_CONTROL|WRITE_ACP)\b/;
const WRITE_ACTION = /^(\*|s3:\*|s3:put.*|s3:delete.*|s3:.*\*)$/i;

export type Exposure = { at: Val<unknown>; writes: boolean } & (
  | { kind: 'acl'; acl: string; who: string }
  | { kind: 'authenticated-acl' }
  | { kind: 'grant'; grants: string }
  | { kind: 'policy'; statement: string; actions: string; principal: string }
);

export interface Exposures {
  exposures: Exposure[];
  /** Values that could not be read, each with what it leaves undecided. */
  unknown: { at: Val<unknown>; reason: string }[];
}

export function bucketExposures(b: Bucket): Exposures {
  const out: Exposures = { exposures: [], unknown: [] };
  if (b.acl.provenance === 'unknown') out.unknown.push({ at: b.acl, reason: `the canned ACL is unknown: ${b.acl.reason}` });
  else if (PUBLIC_ACLS[b.acl.value]) {
    const p = PUBLIC_ACLS[b.acl.value]!;
    out.exposures.push({ kind: 'acl', at: b.acl, acl: b.acl.value, who: p.who, writes: p.writes });
  } else if (b.acl.value === AUTHENTICATED_ACL) out.exposures.push({ kind: 'authenticated-acl', at: b.acl, writes: false });

  if (b.publicGrants.provenance === 'unknown') out.unknown.push({ at: b.publicGrants, reason: `the grants are unknown: ${b.publicGrants.reason}` });
  else if (b.publicGrants.value.length > 0) {
    const writes = b.publicGrants.value.some((g) => WRITE_GRANT.test(g));
    out.exposures.push({ kind: 'grant', at: b.publicGrants, grants: b.publicGrants.value.join(', '), writes });
  }

  for (const doc of b.policies) {
    if (doc.unknown) out.unknown.push({ at: explicit(true, doc.origin), reason: `part of the bucket policy is unknown: ${doc.unknown}` });
    doc.statements.forEach((s, i) => statementExposure(s, i, out));
  }
  return out;
}

/**
 * How an access point is opened to the public: its policy, whatever the bucket. A VPC access point takes
 * requests from its VPC only, so its policy opens it to no one on the internet.
 */
export function accessPointExposures(ap: AccessPoint): Exposures {
  const out: Exposures = { exposures: [], unknown: [] };
  if (isKnown(ap.vpcOnly) && ap.vpcOnly.value) return out;
  for (const doc of ap.policies) {
    if (doc.unknown) out.unknown.push({ at: explicit(true, doc.origin), reason: `part of the access point policy is unknown: ${doc.unknown}` });
    doc.statements.forEach((s, i) => statementExposure(s, i, out));
  }
  return out;
}

function statementExposure(s: PolicyStatement, index: number, out: Exposures): void {
  if (s.effect.provenance === 'unknown') {
    out.unknown.push({ at: s.effect, reason: `the Effect of a policy statement is unknown: ${s.effect.reason}` });
    return;
  }
  if (s.effect.value !== 'Allow') return; // a Deny is never public
  const who = publicPrincipal(s);
  if (who === 'unknown') {
    out.unknown.push({ at: s.principal ?? s.notPrincipal ?? s.effect, reason: 'the principal of an Allow statement is unknown' });
    return;
  }
  if (!who) return;
  if (s.conditions.provenance === 'unknown') {
    out.unknown.push({ at: s.conditions, reason: `the condition of a public-looking statement is unknown: ${s.conditions.reason}` });
    return;
  }
  if (s.conditions.value.some(limitsPublicAccess)) return;
  const writes = !!s.notActions || (isKnown(s.actions) && s.actions.value.some((a) => WRITE_ACTION.test(a)));
  out.exposures.push({
    kind: 'policy', at: explicit(s.sid ?? index, s.origin), writes,
    statement: s.sid ? `"${s.sid}"` : `#${index + 1}`, actions: describeActions(s), principal: who,
  });
}

/** Who a statement's principal opens it to, `undefined` when it is not public, `'unknown'` when it cannot be told. */
function publicPrincipal(s: PolicyStatement): string | undefined | 'unknown' {
  if (s.notPrincipal) {
    // Allow with NotPrincipal: everyone except the listed principals.
    return s.notPrincipal.provenance === 'unknown' ? 'unknown' : 'everyone but the NotPrincipal list';
  }
  if (!s.principal) return undefined; // not a resource policy statement
  if (s.principal.provenance === 'unknown') return 'unknown';
  return s.principal.value.anyone ? 'any principal ("*")' : undefined;
}

function describeActions(s: PolicyStatement): string {
  if (s.notActions) return isKnown(s.notActions) ? `every action except ${s.notActions.value.join(', ')}` : 'every action but some';
  if (!isKnown(s.actions)) return 'some actions';
  const a = s.actions.value;
  return a.length === 0 ? 'no action' : a.length > 3 ? `${a.slice(0, 3).join(', ')} …` : a.join(', ');
}
