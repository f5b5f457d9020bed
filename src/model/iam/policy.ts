import type { Span } from '../../core/source.js';
import type { ResourceGraph, ResourceNode } from '../../graph/graph.js';
import type { Value } from '../../graph/value.js';
import { referencedIds } from '../../graph/value.js';
import type { Path } from '../read.js';
import { PropertyReader, convertValue, toStrList } from '../read.js';
import type { Origin, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import type { PolicyCondition, PolicyDocument, PolicyStatement, Principal } from './types.js';

/*
 * IAM policy documents, read the same way for every input kind.
 *
 * JSON policy grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * (Statement: one object or a list; Action/NotAction/Resource/NotResource: a string or a list;
 * Principal: "*" or a map of AWS/Service/Federated/CanonicalUser → string or list;
 * Condition: operator → key → value or list of values).
 * CloudFormation `PolicyDocument`/`KeyPolicy` maps and Terraform `jsonencode(...)` maps are that
 * shape; a string holding JSON text is parsed.
 *
 * Terraform `aws_iam_policy_document` data source:
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 * (`statement` blocks: `sid`, `effect` (default "Allow"), `actions`, `not_actions`, `resources`,
 * `not_resources`, `principals`/`not_principals` { type, identifiers }, `condition` { test, variable, values }).
 */

// JSON policy spellings.
const STATEMENT = 'Statement';
const SID = 'Sid';
const EFFECT = 'Effect';
const PRINCIPAL = 'Principal';
const NOT_PRINCIPAL = 'NotPrincipal';
const ACTION = 'Action';
const NOT_ACTION = 'NotAction';
const RESOURCE = 'Resource';
const NOT_RESOURCE = 'NotResource';
const CONDITION = 'Condition';
const PRINCIPAL_KEYS: Record<string, keyof Omit<Principal, 'anyone'>> = { AWS: 'aws', Service: 'service', Federated: 'federated', CanonicalUser: 'canonicalUser' };

// aws_iam_policy_document spellings.
const TF_POLICY_DOCUMENT = 'aws_iam_policy_document';
const TF_STATEMENT = 'statement';
const TF_SID = 'sid';
const TF_EFFECT = 'effect';
const TF_ACTIONS = 'actions';
const TF_NOT_ACTIONS = 'not_actions';
const TF_RESOURCES = 'resources';
const TF_NOT_RESOURCES = 'not_resources';
const TF_PRINCIPALS = 'principals';
const TF_NOT_PRINCIPALS = 'not_principals';
const TF_PRINCIPAL_TYPE = 'type';
const TF_PRINCIPAL_IDENTIFIERS = 'identifiers';
const TF_CONDITION = 'condition';
const TF_CONDITION_TEST = 'test';
const TF_CONDITION_VARIABLE = 'variable';
const TF_CONDITION_VALUES = 'values';
const TF_SOURCE_DOCS = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

/** Makes the origin of a value found at `path` (relative to the resource's properties). `PropertyReader` is one. */
export interface OriginMaker {
  origin(path: Path, span?: Span): Origin;
}

type Conv<T> = Parameters<typeof convertValue<T>>[1];

/**
 * Reads an IAM policy document from an evaluated value found at `base` in a resource's properties:
 * a map (CloudFormation, `jsonencode`), or a string of JSON text. Unknown parts stay unknown:
 * a wholly unknown document has no statements and `unknown` set.
 */
export function policyFromValue(v: Value, at: OriginMaker, base: Path = []): PolicyDocument {
  const docOrigin = at.origin(base, v.span);
  let doc = v;
  if (v.kind === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v.value);
    } catch {
      return { statements: [], origin: docOrigin, unknown: 'the policy text is not valid JSON' };
    }
    doc = fromPlain(parsed, v.span);
  }
  if (doc.kind === 'unknown') {
    // An undecided condition whose branches are documents: keep the statements every branch shares? No: unknown.
    return { statements: [], origin: docOrigin, unknown: doc.reason };
  }
  if (doc.kind !== 'map') return { statements: [], origin: docOrigin, unknown: `a ${doc.kind} where a policy document was expected` };
  const st = doc.entries.get(STATEMENT);
  const out: PolicyDocument = { statements: [], origin: docOrigin };
  if (!st) return out;
  const items: { v: Value; path: Path }[] = st.kind === 'list' ? st.items.map((item, i) => ({ v: item, path: [...base, STATEMENT, i] })) : [{ v: st, path: [...base, STATEMENT] }];
  for (const { v: s, path } of items) {
    if (s.kind !== 'map') {
      out.unknown = s.kind === 'unknown' ? s.reason : `a ${s.kind} where a statement was expected`;
      continue;
    }
    out.statements.push(jsonStatement(s, path, at));
  }
  return out;
}

function jsonStatement(s: Extract<Value, { kind: 'map' }>, path: Path, at: OriginMaker): PolicyStatement {
  const origin = at.origin(path, s.span);
  const get = (key: string): Value | undefined => {
    const x = s.entries.get(key);
    return x && x.kind !== 'null' ? x : undefined;
  };
  const read = <T>(key: string, conv: Conv<T>): Val<T> | undefined => {
    const x = get(key);
    return x ? convertValue(x, conv, at.origin([...path, key], x.span)) : undefined;
  };
  const absent = <T>(key: string, value: T, assumed: string): Val<T> => defaulted(value, at.origin([...path, key]), assumed);
  const stmt: PolicyStatement = {
    effect: read(EFFECT, toEffect) ?? unknownVal(at.origin([...path, EFFECT], s.span), 'the statement has no Effect'),
    actions: read(ACTION, toStrList) ?? absent(ACTION, [], 'no Action'),
    resources: read(RESOURCE, toStrList) ?? absent(RESOURCE, [], 'no Resource'),
    conditions: read(CONDITION, toConditions) ?? absent(CONDITION, [], 'no Condition'),
    origin,
  };
  const sid = get(SID);
  if (sid?.kind === 'string') stmt.sid = sid.value;
  const principal = read(PRINCIPAL, toPrincipal);
  if (principal) stmt.principal = principal;
  const notPrincipal = read(NOT_PRINCIPAL, toPrincipal);
  if (notPrincipal) stmt.notPrincipal = notPrincipal;
  const notActions = read(NOT_ACTION, toStrList);
  if (notActions) stmt.notActions = notActions;
  const notResources = read(NOT_RESOURCE, toStrList);
  if (notResources) stmt.notResources = notResources;
  return stmt;
}

const toEffect: Conv<'Allow' | 'Deny'> = (v) => {
  if (v.kind === 'string' && (v.value === 'Allow' || v.value === 'Deny')) return { ok: true, value: v.value };
  return { ok: false, reason: v.kind === 'string' ? `"${v.value}" is not an Effect` : `a ${v.kind} where an Effect was expected` };
};

function emptyPrincipal(): Principal {
  return { anyone: false, aws: [], service: [], federated: [] };
}

const toPrincipal: Conv<Principal> = (v) => {
  const p = emptyPrincipal();
  if (v.kind === 'string') {
    if (v.value === '*') p.anyone = true;
    else p.aws.push(v.value);
    return { ok: true, value: p };
  }
  if (v.kind !== 'map') return { ok: false, reason: `a ${v.kind} where a principal was expected` };
  let unknownReason: string | undefined;
  for (const [key, val] of v.entries) {
    const field = PRINCIPAL_KEYS[key];
    if (!field) continue;
    const items = val.kind === 'list' ? val.items : [val];
    const list: string[] = [];
    for (const item of items) {
      if (item.kind === 'string') list.push(item.value);
      // An ARN whose account or name is known only at deploy time (`arn:aws:iam::${AWS::AccountId}:root`) is still not "*".
      else if (item.kind === 'unknown' && item.pattern?.startsWith('arn:')) list.push(item.pattern);
      else if (item.kind === 'unknown') unknownReason ??= item.reason;
      // The ARN of a resource (`!GetAtt Role.Arn`, `aws_iam_role.app.arn`) names that resource, never "*".
      else if (item.kind === 'ref' && item.attribute && /arn$/i.test(item.attribute)) list.push(`arn of ${item.target}`);
      else if (item.kind === 'ref') unknownReason ??= 'a principal known only after deployment';
      else unknownReason ??= `a ${item.kind} where a principal was expected`;
    }
    if (field === 'aws' && list.includes('*')) p.anyone = true;
    if (field === 'canonicalUser') p.canonicalUser = [...(p.canonicalUser ?? []), ...list];
    else p[field].push(...list);
  }
  // An unknown identifier could be "*": the principal is unknown unless it is already anyone.
  if (unknownReason && !p.anyone) return { ok: false, reason: unknownReason };
  return { ok: true, value: p };
};

const toConditions: Conv<PolicyCondition[]> = (v) => {
  if (v.kind !== 'map') return { ok: false, reason: `a ${v.kind} where a Condition map was expected` };
  const out: PolicyCondition[] = [];
  for (const [operator, keys] of v.entries) {
    if (keys.kind !== 'map') return { ok: false, reason: `the ${operator} condition is a ${keys.kind}, not a map` };
    for (const [key, vals] of keys.entries) out.push(condition(operator, key, vals.kind === 'list' ? vals.items : [vals]));
  }
  return { ok: true, value: out };
};

function condition(operator: string, key: string, items: Value[]): PolicyCondition {
  const c: PolicyCondition = { operator, key, values: [] };
  for (const item of items) {
    if (item.kind === 'string' || item.kind === 'number' || item.kind === 'boolean') c.values.push(String(item.value));
    else c.unknownValues = true;
  }
  return c;
}

/** A plain JSON value as a Value tree, every part spanning `span` (the JSON text it was parsed from). */
function fromPlain(x: unknown, span: Span): Value {
  if (x === null || x === undefined) return { kind: 'null', span };
  if (typeof x === 'string') return { kind: 'string', value: x, span };
  if (typeof x === 'number') return { kind: 'number', value: x, span };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x, span };
  if (Array.isArray(x)) return { kind: 'list', items: x.map((i) => fromPlain(i, span)), span };
  const entries = new Map<string, Value>();
  const keySpans = new Map<string, Span>();
  for (const [k, e] of Object.entries(x as Record<string, unknown>)) {
    entries.set(k, fromPlain(e, span));
    keySpans.set(k, span);
  }
  return { kind: 'map', entries, keySpans, span };
}

/**
 * Reads the `statement` blocks of a Terraform `aws_iam_policy_document` data source
 * (a reader over that data node, prefix ''). Documents it merges in
 * (`source_policy_documents` …) are not followed: the document is then marked unknown.
 */
export function policyFromDocumentBlocks(r: PropertyReader): PolicyDocument {
  const out: PolicyDocument = { statements: [], origin: r.origin([]) };
  const merged = TF_SOURCE_DOCS.find((k) => r.has([k]));
  if (merged) out.unknown = `${merged} of ${r.node.address} is not followed`;
  for (const s of r.each([TF_STATEMENT])) {
    const origin = s.origin();
    const stmt: PolicyStatement = {
      effect: s.parent.read(s.path([TF_EFFECT]), toEffect, { value: 'Allow' as const, assumed: 'effect "Allow"' }) ?? unknownVal(origin, 'no effect'),
      actions: s.strList([TF_ACTIONS]) ?? defaultedAt(r, s.path([TF_ACTIONS]), [] as string[], 'no actions'),
      resources: s.strList([TF_RESOURCES]) ?? defaultedAt(r, s.path([TF_RESOURCES]), [] as string[], 'no resources'),
      conditions: blockConditions(s.parent, s.path([TF_CONDITION])),
      origin,
    };
    const sid = s.str([TF_SID]);
    if (sid?.provenance === 'explicit') stmt.sid = sid.value;
    const principals = blockPrincipals(r, s.path([TF_PRINCIPALS]));
    if (principals) stmt.principal = principals;
    const notPrincipals = blockPrincipals(r, s.path([TF_NOT_PRINCIPALS]));
    if (notPrincipals) stmt.notPrincipal = notPrincipals;
    const notActions = s.strList([TF_NOT_ACTIONS]);
    if (notActions) stmt.notActions = notActions;
    const notResources = s.strList([TF_NOT_RESOURCES]);
    if (notResources) stmt.notResources = notResources;
    out.statements.push(stmt);
  }
  return out;
}

function defaultedAt<T>(r: PropertyReader, path: Path, value: T, assumed: string): Val<T> {
  return defaulted(value, r.origin(path), assumed);
}

/** Principal identifiers; an ARN with parts known only at deploy time is kept as its pattern (it is not "*"). */
const toPrincipalIds: Conv<string[]> = (v) => {
  const items = v.kind === 'list' ? v.items : [v];
  const out: string[] = [];
  for (const item of items) {
    if (item.kind === 'unknown' && item.pattern?.startsWith('arn:')) out.push(item.pattern);
    else {
      const r = toStrList(item);
      if (!r.ok) return r;
      out.push(...r.value);
    }
  }
  return { ok: true, value: out };
};

function blockPrincipals(r: PropertyReader, path: Path): Val<Principal> | undefined {
  const blocks = r.each(path);
  if (blocks.length === 0) return undefined;
  const p = emptyPrincipal();
  const origin = r.origin(path, r.value(path)?.span);
  for (const b of blocks) {
    const type = b.str([TF_PRINCIPAL_TYPE]);
    const ids = b.read([TF_PRINCIPAL_IDENTIFIERS], toPrincipalIds);
    if (!type || type.provenance === 'unknown') return unknownVal(origin, type?.provenance === 'unknown' ? type.reason : 'a principal without a type');
    if (!ids || ids.provenance === 'unknown') {
      if (ids?.provenance === 'unknown') return unknownVal(origin, ids.reason);
      continue;
    }
    if (type.value === '*' && ids.value.includes('*')) { p.anyone = true; continue; }
    const field = PRINCIPAL_KEYS[type.value];
    if (!field) continue;
    if (field === 'aws' && ids.value.includes('*')) p.anyone = true;
    if (field === 'canonicalUser') p.canonicalUser = [...(p.canonicalUser ?? []), ...ids.value];
    else p[field].push(...ids.value);
  }
  return explicit(p, origin);
}

function blockConditions(r: PropertyReader, path: Path): Val<PolicyCondition[]> {
  const blocks = r.each(path);
  if (blocks.length === 0) return defaulted([], r.origin(path), 'no condition');
  const out: PolicyCondition[] = [];
  for (const b of blocks) {
    const test = b.str([TF_CONDITION_TEST]);
    const variable = b.str([TF_CONDITION_VARIABLE]);
    if (!test || test.provenance === 'unknown' || !variable || variable.provenance === 'unknown') {
      return unknownVal(r.origin(path, r.value(path)?.span), 'a condition whose test or variable is unknown');
    }
    const vals = b.value([TF_CONDITION_VALUES]);
    out.push(condition(test.value, variable.value, vals?.kind === 'list' ? vals.items : vals ? [vals] : []));
  }
  return explicit(out, r.origin(path, r.value(path)?.span));
}

/**
 * A policy property of any input kind: a map or JSON text (`policyFromValue`), or, in Terraform, a
 * reference to an `aws_iam_policy_document` data source's `json`. Undefined when the property is absent.
 */
export function policyFromProperty(r: PropertyReader, path: Path): PolicyDocument | undefined {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return undefined;
  const docNode = policyDocumentNode(v, r.graph);
  if (docNode) return policyFromDocumentBlocks(new PropertyReader(docNode, r.graph, ''));
  return policyFromValue(v, r, path);
}

function policyDocumentNode(v: Value, graph: ResourceGraph): ResourceNode | undefined {
  if (v.kind === 'ref') {
    const n = graph.get(v.target);
    return n && n.type === TF_POLICY_DOCUMENT ? n : undefined;
  }
  if (v.kind === 'unknown') {
    const docs = [...new Set(referencedIds(v))].map((id) => graph.get(id)).filter((n): n is ResourceNode => n?.type === TF_POLICY_DOCUMENT);
    return docs.length === 1 ? docs[0] : undefined;
  }
  return undefined;
}

/*
 * When a condition keeps a `Principal: "*"` statement from being public. AWS-DEFAULTS.md "When S3
 * calls a bucket policy public" (S3 user guide, "The meaning of public"): the statement must limit
 * access to fixed values — no wildcard, no policy variable — of one of these keys, or to a set of
 * CIDRs with aws:SourceIp. Keys are matched case-insensitively, as IAM does.
 */
const LIMITING_CONDITION_KEYS = new Set([
  // The caller's network: VPC, VPC endpoint, the endpoint's account and organisation.
  'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourcevpcarn', 'aws:vpceaccount', 'aws:vpceorgid', 'aws:vpceorgpaths',
  'aws:sourceip', 'aws:vpcsourceip',
  // The calling service's resource and owner.
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths',
  // The principal's account and organisation, or the principal itself.
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:userid', 'aws:username',
  'aws:principalservicename',
  // S3's own.
  's3:x-amz-server-side-encryption-aws-kms-key-id', 's3:dataaccesspointaccount', 's3:dataaccesspointarn',
]);
/** Source addresses that let every address in: they narrow nothing. */
const ANY_SOURCE = new Set(['0.0.0.0/0', '::/0']);

/**
 * True when the condition limits who can use a statement whose principal is `*`: a limiting key,
 * an operator that must match (not a negation, not `…IfExists`, not `ForAllValues:` which an
 * absent key satisfies, not `Null`), and fixed values (no `*`/`?` wildcard, no `${…}` variable,
 * no source range that is every address). A value known only at deploy time is taken as fixed.
 */
export function limitsPublicAccess(c: PolicyCondition): boolean {
  const key = c.key.toLowerCase();
  if (!LIMITING_CONDITION_KEYS.has(key)) return false;
  const op = c.operator;
  if (/IfExists$/i.test(op) || /Not/i.test(op) || /^ForAllValues:/i.test(op) || /^Null$/i.test(op)) return false;
  if (c.values.some((v) => ANY_SOURCE.has(v) || /[*?]|\$\{/.test(v))) return false;
  // A wildcard makes a value not fixed, `aws:userid` "AROLEID:*" included: stricter than AWS may be, looser may not.
  return c.values.length > 0 || c.unknownValues === true;
}
