import type { CloudModel } from '../model.js';
import type { Link, ModelResource, Val } from '../val.js';
import { isKnown } from '../val.js';
import type { IamIdentity, IamPolicy, IdentityKind, IdentityLink, PolicyDocument } from './types.js';

/** A policy document that applies to an identity, with the resource it is written on. */
export interface AppliedPolicy {
  document: PolicyDocument;
  /** Where the document is written: the identity itself (inline), or a policy resource. */
  owner: ModelResource;
}

/** A managed policy named by ARN that the scan does not declare (AWS managed, or another stack's). */
export interface NamedPolicy {
  arn: Val<Link>;
  owner: ModelResource;
}

/** What reaches an identity: documents found in the scan, ARNs of policies outside it, and what could not be followed. */
export interface IdentityPolicies {
  documents: AppliedPolicy[];
  named: NamedPolicy[];
  /** Links that could not be resolved (an unknown name): the picture may be incomplete. */
  unresolved: string[];
}

/**
 * Joins IAM identities with the policies attached to them — inline, on policy resources, through
 * attachment resources — and users with their groups. Links by graph id, or by literal name
 * within the same deployment target (a name is unique per account).
 */
export class IamIndex {
  private readonly byId = new Map<string, IamIdentity>();
  private readonly policiesById = new Map<string, IamPolicy>();

  constructor(private readonly model: CloudModel) {
    for (const i of model.iamIdentities) this.byId.set(i.resource.id, i);
    for (const p of model.iamPolicies) this.policiesById.set(p.resource.id, p);
  }

  /** The identity a link names, when it is in the scan. */
  identity(link: IdentityLink, from: ModelResource): IamIdentity | undefined {
    if (!isKnown(link.to)) return undefined;
    const l = link.to.value;
    if (l.id) {
      const i = this.byId.get(l.id);
      return i && i.kind === link.kind ? i : undefined;
    }
    if (l.literal === undefined) return undefined;
    const name = nameOf(l.literal, link.kind);
    return this.model.iamIdentities.find(
      (i) => i.kind === link.kind && isKnown(i.name) && i.name.value === name && i.resource.context.target.id === from.resource.context.target.id,
    );
  }

  /** The identities a policy resource or attachment reaches. */
  targets(links: IdentityLink[], from: ModelResource): IamIdentity[] {
    return links.map((l) => this.identity(l, from)).filter((i): i is IamIdentity => i !== undefined);
  }

  /** The groups a user belongs to, from the user and from membership resources. */
  groupsOf(user: IamIdentity): { groups: IamIdentity[]; unresolved: string[] } {
    const groups = new Set<IamIdentity>();
    const unresolved: string[] = [];
    for (const g of user.groups) {
      const found = this.identity({ kind: 'group', to: g }, user);
      if (found) groups.add(found);
      else unresolved.push(describe(g));
    }
    for (const m of this.model.iamGroupMemberships) {
      if (!this.targets(m.users.map((to) => ({ kind: 'user', to })), m).includes(user)) continue;
      const found = this.identity({ kind: 'group', to: m.group }, m);
      if (found) groups.add(found);
      else unresolved.push(describe(m.group));
    }
    return { groups: [...groups], unresolved };
  }

  /** Every policy attached to the identity itself (not through its groups). */
  policiesOf(identity: IamIdentity): IdentityPolicies {
    const out: IdentityPolicies = { documents: identity.inlinePolicies.map((document) => ({ document, owner: identity })), named: [], unresolved: [] };
    const addManaged = (arn: Val<Link>, owner: ModelResource): void => {
      const id = isKnown(arn) ? arn.value.id : undefined;
      const policy = id ? this.policiesById.get(id) : undefined;
      if (policy) out.documents.push({ document: policy.document, owner: policy });
      else if (isKnown(arn) && arn.value.literal !== undefined) out.named.push({ arn, owner });
      else out.unresolved.push(describe(arn));
    };
    for (const arn of identity.managedPolicies) addManaged(arn, identity);
    for (const p of this.model.iamPolicies) {
      if (this.targets(p.attachedTo, p).includes(identity)) out.documents.push({ document: p.document, owner: p });
    }
    for (const a of this.model.iamPolicyAttachments) {
      if (this.targets(a.attachedTo, a).includes(identity)) addManaged(a.policy, a);
    }
    return out;
  }

  /** Policies of the identity and, for a user, of every group it is in. */
  effectivePolicies(identity: IamIdentity): IdentityPolicies {
    const own = this.policiesOf(identity);
    if (identity.kind !== 'user') return own;
    const { groups, unresolved } = this.groupsOf(identity);
    for (const g of groups) {
      const p = this.policiesOf(g);
      own.documents.push(...p.documents);
      own.named.push(...p.named);
      own.unresolved.push(...p.unresolved);
    }
    own.unresolved.push(...unresolved);
    return own;
  }
}

/** `arn:aws:iam::123:user/path/name` or a plain name → the name. */
function nameOf(literal: string, kind: IdentityKind): string {
  const m = /^arn:[^:]*:iam::[^:]*:(user|group|role)\/(.*)$/.exec(literal);
  if (!m || m[1] !== kind) return literal;
  return m[2]!.split('/').pop()!;
}

function describe(v: Val<Link>): string {
  if (v.provenance === 'unknown') return v.reason;
  return v.value.literal ?? v.value.id ?? 'nothing';
}
