import type { Span } from '../core/source.js';
import type { MapValue, Value } from './value.js';

export type SourceKind = 'cloudformation' | 'terraform' | 'terraform-plan' | 'cdk';

/** Something known, or not known with the reason why. */
export type Known<T> = { known: true; value: T; span?: Span } | { known: false; reason: string };

/**
 * Where a resource will be deployed. Its deployment unit is `target`: resources of one target are
 * deployed together, with one set of credentials. Account-level settings and links by literal name
 * hold only between resources of one account — see `sameAccount` — never between units that are
 * merely scanned together.
 */
export interface DeployContext {
  /** The deployment unit: the CloudFormation template/stack or the Terraform module instance path. */
  unit: string;
  /**
   * Resources with the same target are deployed with the same credentials, into the same account and
   * region, even when those are not known: one CloudFormation stack, or one Terraform provider configuration.
   * `label` names it for messages (`template infra/app.yaml`, `provider aws.dr`).
   */
  target: { id: string; label: string };
  account: Known<string>;
  region: Known<string>;
}

/**
 * Whether two resources are deployed into the same AWS account: the same deployment target (one
 * stack, one Terraform root's provider configuration), or both in one known account (a provider's
 * assumed role, a CDK environment, the `accounts` of `.iac-check.yaml`). Unknown is not the same.
 */
export function sameAccount(a: DeployContext, b: DeployContext): boolean {
  if (a.target.id === b.target.id) return true;
  return a.account.known && b.account.known && a.account.value === b.account.value;
}

/** Whether two resources are deployed into the same account and region (regional settings: EBS encryption by default). */
export function sameAccountAndRegion(a: DeployContext, b: DeployContext): boolean {
  if (a.target.id === b.target.id) return true;
  return sameAccount(a, b) && a.region.known && b.region.known && a.region.value === b.region.value;
}

/**
 * Whether a literal name written in one resource (a bucket name in a trail, a policy, a replication
 * rule) may designate a resource of the other: within one deployment target, or when both accounts
 * are known (an S3 bucket name is global, so with the accounts known the name is that bucket, in
 * whichever account). Between units whose accounts are unknown — two Terraform roots of a monorepo,
 * environments declaring the same name — it may be another deployment's resource, so it is no link.
 */
export function linkableByName(from: DeployContext, to: DeployContext): boolean {
  return from.target.id === to.target.id || (from.account.known && to.account.known);
}

/** A suppression written beside a resource or one of its properties. */
export interface Suppression {
  ruleId: string;
  /** Empty when the author gave none: such a suppression is reported and not honoured. */
  reason: string;
  span: Span;
  /** The property path it is limited to (Terraform attribute comments), else the whole resource. */
  path?: string;
  /**
   * Written above another resource that the model joins into this one (a split Terraform
   * `aws_s3_bucket_acl` of a bucket): it covers only the findings located inside that block.
   */
  within?: Span;
  /** Written in a shape that is not the documented one, so it suppresses nothing: why (shown as a warning). */
  problem?: string;
}

/** For CDK: where the construct that made a resource was written. */
export interface ConstructInfo {
  path: string;
  source?: Span;
  /** Why no source line was found, when none was. */
  unresolved?: string;
  /** Why `source` is not where the engineer would look (compiled JavaScript whose TypeScript was not found): told with each finding. */
  note?: string;
}

export interface ResourceNode {
  /** Unique in the graph: `<file>#<address>` for CloudFormation, the full module address for Terraform. */
  id: string;
  /** The address a user knows: the logical id, or the Terraform address (`module.net.aws_subnet.a[0]`). */
  address: string;
  /** The provider's type name: `AWS::S3::Bucket` or `aws_s3_bucket`. */
  type: string;
  /** `data` for Terraform data sources, `provider` for provider configurations (`ResourceGraph.providers`); everything else is `managed`. */
  mode: 'managed' | 'data' | 'provider';
  source: SourceKind;
  file: string;
  /** The whole resource declaration. */
  span: Span;
  /** Evaluated properties (CloudFormation `Properties`, Terraform block body with nested blocks as lists of maps). */
  properties: MapValue;
  context: DeployContext;
  dependsOn: string[];
  /**
   * Terraform: why `count` / `for_each` could not be evaluated, when it could not: this one node then
   * stands for an unknown number of instances (none, one or many).
   */
  instancesUnknown?: string;
  /** CloudFormation `DeletionPolicy`, Terraform `lifecycle.prevent_destroy`. */
  deletionPolicy?: Value;
  /** CloudFormation `UpdateReplacePolicy` (what a replacing stack update does with the old resource). */
  updateReplacePolicy?: Value;
  metadata?: Value;
  suppressions: Suppression[];
  construct?: ConstructInfo;
  /**
   * Where findings should be shown when the declaration is not in the user's own code (a resource of a
   * downloaded Terraform module: the `module` call that brought it in); the declaration becomes a related location.
   */
  reportAt?: { span: Span; note: string };
}

export type EdgeKind = 'ref' | 'getatt' | 'sub' | 'depends-on' | 'reference';

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The property path of the reference in `from`, dotted. */
  path: string;
}

/** One input file's contribution to the graph. */
export interface GraphPart {
  nodes: ResourceNode[];
  edges: Edge[];
  /** Terraform provider configuration blocks of this part, evaluated (see `ResourceGraph.providers`). */
  providers?: ResourceNode[];
}

export class ResourceGraph {
  readonly nodes: ResourceNode[] = [];
  readonly edges: Edge[] = [];
  /**
   * Terraform `provider` blocks, evaluated like resources (`mode: 'provider'`, address `provider.aws` or
   * `provider.aws.dr`, type the provider's name): kept apart from `nodes`, since they deploy nothing, for the
   * adapters that judge their settings (static credentials).
   */
  readonly providers: ResourceNode[] = [];
  private readonly byId = new Map<string, ResourceNode>();
  private byType: Map<string, ResourceNode[]> | undefined;
  /** Whether `nodes` is in `sort()`'s order (no node added since). */
  private sorted = false;

  add(part: GraphPart): void {
    for (const n of part.nodes) {
      if (this.byId.has(n.id)) continue;
      this.byId.set(n.id, n);
      this.nodes.push(n);
    }
    for (const e of part.edges) this.edges.push(e);
    for (const p of part.providers ?? []) if (!this.providers.some((q) => q.id === p.id)) this.providers.push(p);
    this.byType = undefined;
    this.sorted = false;
  }

  get(id: string): ResourceNode | undefined {
    return this.byId.get(id);
  }

  /**
   * Resources of the given types, in graph order. Terraform data sources share their resource's type
   * name but describe something deployed elsewhere, so they are left out: a data source is read
   * through the reference that names it (`graph.get`), or asked for with `dataOfType`.
   */
  ofType(...types: string[]): ResourceNode[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const n of this.nodes) {
        if (n.mode === 'data') continue;
        const list = this.byType.get(n.type);
        if (list) list.push(n);
        else this.byType.set(n.type, [n]);
      }
    }
    if (types.length === 1) return (this.byType.get(types[0]!) ?? []).slice();
    // Several types, in graph order (an adapter's output follows it): a sorted graph puts the types' own
    // lists back in its order, without walking every node.
    if (this.sorted) return [...new Set(types)].flatMap((t) => this.byType!.get(t) ?? []).sort(graphOrder);
    const wanted = new Set(types);
    return this.nodes.filter((n) => n.mode !== 'data' && wanted.has(n.type));
  }

  /** Terraform data sources of the given types, in graph order. */
  dataOfType(...types: string[]): ResourceNode[] {
    const wanted = new Set(types);
    return this.nodes.filter((n) => n.mode === 'data' && wanted.has(n.type));
  }

  /** Sorts nodes by file and address so that every later stage is deterministic. */
  sort(): void {
    this.byType = undefined;
    this.nodes.sort(graphOrder);
    this.sorted = true;
  }
}

/** By file, then address. The sort is stable: nodes of one file and address (a template read for two stacks) keep the order they were added in. */
function graphOrder(a: ResourceNode, b: ResourceNode): number {
  return a.file === b.file ? cmp(a.address, b.address) : cmp(a.file, b.file);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
