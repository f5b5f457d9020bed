import type { ResourceNode } from '../../graph/graph.js';
import type { Adapter } from '../adapter.js';
import type { Value } from '../../graph/value.js';
import type { Path } from '../read.js';
import { PropertyReader } from '../read.js';
import { policyFromDocumentBlocks, policyFromProperty, policyFromValue } from './policy.js';
import type { IdentityKind, IdentityLink, PasswordPolicy, PolicyDocument, PolicyStatement } from './types.js';

/*
 * Terraform `aws_iam_policy_document` documents that merge other documents in:
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 * - `source_policy_documents` (and the deprecated `source_json`): their statements come first; a
 *   `statement` block of this document with the same `sid` replaces the source statement.
 * - `override_policy_documents` (and the deprecated `override_json`): applied last; a statement with
 *   a non-blank `sid` replaces the statement with that `sid`, the others are added.
 * Each merged document may be another `aws_iam_policy_document`'s `json`, `jsonencode(...)` or JSON
 * text. A part that cannot be read leaves the whole document marked unknown, with the reason.
 */

const TF_POLICY_DOCUMENT = 'aws_iam_policy_document';
const SOURCE_DOCS = 'source_policy_documents';
const SOURCE_JSON = 'source_json';
const OVERRIDE_DOCS = 'override_policy_documents';
const OVERRIDE_JSON = 'override_json';
/** Merging goes no deeper than this (a cycle of documents is not valid Terraform, but is not a hang either). */
const MAX_DEPTH = 8;

/**
 * A Terraform policy property: like `policyFromProperty`, and when it is the `json` of an
 * `aws_iam_policy_document`, the documents that one merges in are followed.
 */
export function terraformPolicyFromProperty(r: PropertyReader, path: Path): PolicyDocument | undefined {
  const v = r.value(path);
  const doc = v ? documentNode(v, r) : undefined;
  if (doc) return readDocument(doc, r, 0);
  return policyFromProperty(r, path);
}

function documentNode(v: Value, r: PropertyReader): ResourceNode | undefined {
  if (v.kind !== 'ref') return undefined;
  const n = r.graph.get(v.target);
  return n && n.type === TF_POLICY_DOCUMENT ? n : undefined;
}

function readDocument(node: ResourceNode, from: PropertyReader, depth: number): PolicyDocument {
  const r = new PropertyReader(node, from.graph, '');
  const own = policyFromDocumentBlocks(r);
  delete own.unknown; // recomputed below, from the merged documents actually followed
  const unknown: string[] = [];
  const parts = (keys: string[]): PolicyDocument[] => {
    const out: PolicyDocument[] = [];
    for (const key of keys) {
      const v = r.value([key]);
      if (!v || v.kind === 'null') continue;
      const items: { v: Value; path: Path }[] = v.kind === 'list' ? v.items.map((item, i) => ({ v: item, path: [key, i] })) : [{ v, path: [key] }];
      if (v.kind === 'unknown') {
        unknown.push(`${key} of ${node.address} is unknown: ${v.reason}`);
        continue;
      }
      for (const item of items) {
        if (item.v.kind === 'null') continue;
        const child = documentNode(item.v, r);
        if (child && depth >= MAX_DEPTH) {
          unknown.push(`${key} of ${node.address} nests documents deeper than ${MAX_DEPTH}`);
          continue;
        }
        const d = child ? readDocument(child, r, depth + 1) : policyFromValue(item.v, r, item.path);
        if (d.unknown) unknown.push(`${key} of ${node.address}: ${d.unknown}`);
        out.push(d);
      }
    }
    return out;
  };
  const sources = parts([SOURCE_DOCS, SOURCE_JSON]);
  const overrides = parts([OVERRIDE_DOCS, OVERRIDE_JSON]);

  const statements: PolicyStatement[] = sources.flatMap((d) => d.statements);
  const put = (s: PolicyStatement) => {
    const i = s.sid ? statements.findIndex((x) => x.sid === s.sid) : -1;
    if (i >= 0) statements[i] = s;
    else statements.push(s);
  };
  for (const s of own.statements) put(s);
  for (const d of overrides) for (const s of d.statements) put(s);

  const out: PolicyDocument = { statements, origin: own.origin };
  if (unknown.length) out.unknown = unknown.join('; ');
  return out;
}

/*
 * IAM identities, policies and credentials in Terraform
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs, resources aws_iam_*):
 * - aws_iam_role / aws_iam_user / aws_iam_group: `name` (generated when absent); roles also
 *   `inline_policy` blocks { name, policy } and `managed_policy_arns`.
 * - aws_iam_policy (managed): `policy`. aws_iam_role_policy / _user_policy / _group_policy (inline):
 *   `policy` and `role` / `user` / `group`.
 * - aws_iam_role_policy_attachment / _user_ / _group_: `policy_arn` and `role` / `user` / `group`;
 *   aws_iam_policy_attachment: `policy_arn`, `roles`, `users`, `groups`.
 * - aws_iam_user_group_membership { user, groups }, aws_iam_group_membership { group, users }.
 * - aws_iam_access_key { user, status (default "Active") }, aws_iam_user_login_profile { user }.
 * - aws_iam_account_password_policy: minimum_password_length (default 6), require_* (default false),
 *   password_reuse_prevention and max_password_age (unset: no limit).
 */
const IDENTITIES: Record<string, IdentityKind> = { aws_iam_role: 'role', aws_iam_user: 'user', aws_iam_group: 'group' };
const NAME = 'name';
const INLINE_POLICY = 'inline_policy';
const POLICY = 'policy';
const MANAGED_POLICY_ARNS = 'managed_policy_arns';
const MANAGED_POLICY = 'aws_iam_policy';
const INLINE_POLICIES: Record<string, IdentityKind> = { aws_iam_role_policy: 'role', aws_iam_user_policy: 'user', aws_iam_group_policy: 'group' };
const ATTACHMENTS: Record<string, IdentityKind> = { aws_iam_role_policy_attachment: 'role', aws_iam_user_policy_attachment: 'user', aws_iam_group_policy_attachment: 'group' };
const SHARED_ATTACHMENT = 'aws_iam_policy_attachment';
const SHARED_TARGETS: { kind: IdentityKind; key: string }[] = [{ kind: 'role', key: 'roles' }, { kind: 'user', key: 'users' }, { kind: 'group', key: 'groups' }];
const POLICY_ARN = 'policy_arn';
const USER_GROUP_MEMBERSHIP = 'aws_iam_user_group_membership';
const GROUP_MEMBERSHIP = 'aws_iam_group_membership';
const USER = 'user';
const GROUP = 'group';
const USERS = 'users';
const GROUPS = 'groups';
const ACCESS_KEY = 'aws_iam_access_key';
const STATUS = 'status';
const LOGIN_PROFILE = 'aws_iam_user_login_profile';
const PASSWORD_POLICY = 'aws_iam_account_password_policy';
// provider "aws" — `access_key` (with `secret_key`): static credentials in the configuration
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs#provider-configuration).
const AWS_PROVIDER = 'aws';
const PROVIDER_ACCESS_KEY = 'access_key';

export const adapter: Adapter = {
  service: 'iam',
  source: 'terraform',
  adapt(graph, model) {
    const reader = (n: ResourceNode): PropertyReader => new PropertyReader(n, graph, '');
    for (const [type, kind] of Object.entries(IDENTITIES)) {
      for (const node of graph.ofType(type)) {
        const r = reader(node);
        model.iamIdentities.push({
          resource: r.info(),
          kind,
          name: r.str([NAME], { value: '', assumed: 'a name generated by Terraform' }),
          inlinePolicies: r.each([INLINE_POLICY]).map((b) => terraformPolicyFromProperty(r, b.path([POLICY]))).filter((d): d is PolicyDocument => d !== undefined),
          managedPolicies: r.links([MANAGED_POLICY_ARNS]),
          groups: [],
        });
      }
    }
    for (const node of graph.ofType(MANAGED_POLICY)) {
      const r = reader(node);
      model.iamPolicies.push({ resource: r.info(), managed: true, document: document(r), attachedTo: [] });
    }
    for (const [type, kind] of Object.entries(INLINE_POLICIES)) {
      for (const node of graph.ofType(type)) {
        const r = reader(node);
        model.iamPolicies.push({ resource: r.info(), managed: false, document: document(r), attachedTo: [{ kind, to: r.linkOr([kind], `no ${kind} named`) }] });
      }
    }
    for (const [type, kind] of Object.entries(ATTACHMENTS)) {
      for (const node of graph.ofType(type)) {
        const r = reader(node);
        model.iamPolicyAttachments.push({ resource: r.info(), policy: r.linkOr([POLICY_ARN], 'no policy named'), attachedTo: [{ kind, to: r.linkOr([kind], `no ${kind} named`) }] });
      }
    }
    for (const node of graph.ofType(SHARED_ATTACHMENT)) {
      const r = reader(node);
      const attachedTo = SHARED_TARGETS.flatMap((t) => r.links([t.key]).map((to): IdentityLink => ({ kind: t.kind, to })));
      model.iamPolicyAttachments.push({ resource: r.info(), policy: r.linkOr([POLICY_ARN], 'no policy named'), attachedTo });
    }
    for (const node of graph.ofType(USER_GROUP_MEMBERSHIP)) {
      const r = reader(node);
      const user = r.linkOr([USER], 'no user named');
      for (const group of r.links([GROUPS])) model.iamGroupMemberships.push({ resource: r.info(), group, users: [user] });
    }
    for (const node of graph.ofType(GROUP_MEMBERSHIP)) {
      const r = reader(node);
      model.iamGroupMemberships.push({ resource: r.info(), group: r.linkOr([GROUP], 'no group named'), users: r.links([USERS]) });
    }
    for (const node of graph.ofType(ACCESS_KEY)) {
      const r = reader(node);
      model.accessKeys.push({ resource: r.info(), user: r.linkOr([USER], 'no user named'), status: r.str([STATUS], { value: 'Active', assumed: 'status Active' }) });
    }
    for (const node of graph.ofType(LOGIN_PROFILE)) {
      const r = reader(node);
      model.loginProfiles.push({ resource: r.info(), user: r.linkOr([USER], 'no user named') });
    }
    for (const node of graph.ofType(PASSWORD_POLICY)) model.passwordPolicies.push(passwordPolicy(reader(node)));
    for (const node of graph.providers) {
      if (node.type !== AWS_PROVIDER) continue;
      const r = reader(node);
      const accessKey = r.str([PROVIDER_ACCESS_KEY]);
      if (accessKey) model.providerKeys.push({ resource: r.info(), accessKey });
    }
  },
};

function document(r: PropertyReader): PolicyDocument {
  return terraformPolicyFromProperty(r, [POLICY]) ?? { statements: [], origin: r.origin([POLICY]) };
}

function passwordPolicy(r: PropertyReader): PasswordPolicy {
  const off = { value: false, assumed: 'not required' };
  return {
    resource: r.info(),
    minimumLength: r.num(['minimum_password_length'], { value: 6, assumed: 'minimum length 6' }),
    requireUppercase: r.bool(['require_uppercase_characters'], off),
    requireLowercase: r.bool(['require_lowercase_characters'], off),
    requireNumbers: r.bool(['require_numbers'], off),
    requireSymbols: r.bool(['require_symbols'], off),
    reusePrevention: r.num(['password_reuse_prevention'], { value: 0, assumed: 'previous passwords may be reused' }),
    maxAge: r.num(['max_password_age'], { value: 0, assumed: 'passwords never expire' }),
  };
}
