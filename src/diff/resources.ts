/**
 * What a change does to the infrastructure: resources added, removed, modified and replaced.
 * CloudFormation and CDK templates go through `@aws-cdk/cloudformation-diff`, which knows from the
 * resource specification which property changes replace a resource; Terraform resources are compared
 * in the graph, with the provider's documented force-new arguments (force-new.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceGraph, ResourceNode } from '../graph/graph.js';
import type { Value } from '../graph/value.js';
import type { DocNode } from '../../parsers/document.js';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { FORCE_NEW } from './force-new.js';

export type ChangeKind = 'added' | 'removed' | 'modified' | 'replaced' | 'may-replace';

export interface PropertyChange {
  path: string;
  change: 'added' | 'removed' | 'modified';
  /** Changing it replaces the resource (`may` when it depends on the values). */
  replaces?: 'yes' | 'may';
}

export interface ResourceChange {
  address: string;
  type: string;
  /** The template or the Terraform deployment unit. */
  where: string;
  /** The file holding the resource (on the head side, else the base). */
  file: string;
  change: ChangeKind;
  properties: PropertyChange[];
  /** The security concerns the change touches: `security group`, `IAM`, `public access` … */
  security: string[];
}

export interface SideGraph {
  root: string;
  graph: ResourceGraph;
}

export async function resourceChanges(base: SideGraph, head: SideGraph): Promise<{ changes: ResourceChange[]; notes: string[] }> {
  const notes: string[] = [];
  const changes = [...(await templateChanges(base, head, notes)), ...terraformChanges(base.graph, head.graph)];
  changes.sort((a, b) => cmp(a.where, b.where) || cmp(a.address, b.address));
  return { changes, notes };
}

// ---- CloudFormation and CDK -------------------------------------------------------------------

function templateFiles(g: ResourceGraph): Map<string, string> {
  const files = new Map<string, string>();
  for (const n of g.nodes) if (n.source === 'cloudformation' || n.source === 'cdk') files.set(n.file, n.context.unit);
  return files;
}

async function templateChanges(base: SideGraph, head: SideGraph, notes: string[]): Promise<ResourceChange[]> {
  const before = templateFiles(base.graph);
  const after = templateFiles(head.graph);
  const files = [...new Set([...before.keys(), ...after.keys()])].sort();
  if (!files.length) return [];
  const { fullDiff } = await import('@aws-cdk/cloudformation-diff');
  const out: ResourceChange[] = [];
  for (const file of files) {
    const oldTemplate = before.has(file) ? await readTemplate(base.root, file, notes) : {};
    const newTemplate = after.has(file) ? await readTemplate(head.root, file, notes) : {};
    if (!oldTemplate || !newTemplate) continue;
    const diff = fullDiff(oldTemplate, newTemplate);
    diff.resources.forEachDifference((logicalId, r) => {
      const type = r.newResourceType ?? r.oldResourceType ?? '?';
      const properties: PropertyChange[] = [];
      for (const [name, p] of Object.entries(r.propertyUpdates)) {
        const change: PropertyChange = { path: name, change: p.isAddition ? 'added' : p.isRemoval ? 'removed' : 'modified' };
        if (p.changeImpact === 'WILL_REPLACE') change.replaces = 'yes';
        else if (p.changeImpact === 'MAY_REPLACE') change.replaces = 'may';
        properties.push(change);
      }
      for (const [name, o] of Object.entries(r.otherChanges)) {
        if (o.isDifferent && name !== 'Type') properties.push({ path: name, change: o.isAddition ? 'added' : o.isRemoval ? 'removed' : 'modified' });
      }
      const impact = r.changeImpact;
      const change: ChangeKind = r.isAddition ? 'added' : r.isRemoval ? 'removed' : r.resourceTypeChanged || impact === 'WILL_REPLACE' ? 'replaced' : impact === 'MAY_REPLACE' ? 'may-replace' : 'modified';
      out.push({ address: logicalId, type, where: after.get(file) ?? before.get(file) ?? file, file, change, properties, security: securityConcerns(type, properties.map((p) => p.path)) });
    });
  }
  return out;
}

/** A template as the plain object CloudFormation reads (short-form tags already in their long form). */
async function readTemplate(root: string, file: string, notes: string[]): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (e) {
    notes.push(`${file}: cannot read (${(e as Error).message})`);
    return undefined;
  }
  const parsed = parseTemplate(file, text);
  if (parsed.kind !== 'template') {
    notes.push(`${file}: not compared (${parsed.kind === 'error' ? parsed.errors[0]?.message ?? 'does not parse' : parsed.reason})`);
    return undefined;
  }
  return plain(parsed.document.root) as Record<string, unknown>;
}

function plain(n: DocNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}

// ---- Terraform --------------------------------------------------------------------------------

function terraformNodes(g: ResourceGraph): Map<string, ResourceNode> {
  const out = new Map<string, ResourceNode>();
  for (const n of g.nodes) if (n.mode === 'managed' && (n.source === 'terraform' || n.source === 'terraform-plan')) out.set(`${n.context.unit}|${n.address}`, n);
  return out;
}

function terraformChanges(base: ResourceGraph, head: ResourceGraph): ResourceChange[] {
  const before = terraformNodes(base);
  const after = terraformNodes(head);
  const out: ResourceChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(key);
    const b = after.get(key);
    const node = (b ?? a)!;
    const entry = { address: node.address, type: node.type, where: node.context.unit, file: node.file };
    if (!a || !b) {
      out.push({ ...entry, change: a ? 'removed' : 'added', properties: [], security: securityConcerns(node.type, []) });
      continue;
    }
    const properties = changedArguments(a, b);
    if (!properties.length) continue;
    const forceNew = new Set(FORCE_NEW[node.type] ?? []);
    for (const p of properties) if (forceNew.has(p.path)) p.replaces = 'yes';
    const replaced = properties.some((p) => p.replaces === 'yes');
    out.push({ ...entry, change: replaced ? 'replaced' : 'modified', properties, security: securityConcerns(node.type, properties.map((p) => p.path)) });
  }
  return out;
}

function changedArguments(a: ResourceNode, b: ResourceNode): PropertyChange[] {
  const keys = [...new Set([...a.properties.entries.keys(), ...b.properties.entries.keys()])].sort();
  const out: PropertyChange[] = [];
  for (const k of keys) {
    const x = a.properties.entries.get(k);
    const y = b.properties.entries.get(k);
    if (x === undefined) out.push({ path: k, change: 'added' });
    else if (y === undefined) out.push({ path: k, change: 'removed' });
    else if (JSON.stringify(comparable(x, a)) !== JSON.stringify(comparable(y, b))) out.push({ path: k, change: 'modified' });
  }
  const protect = (n: ResourceNode): string => JSON.stringify(n.deletionPolicy ? comparable(n.deletionPolicy, n) : null);
  if (protect(a) !== protect(b)) out.push({ path: 'lifecycle.prevent_destroy', change: 'modified' });
  return out;
}

/** A value without its source positions; references by the address they point at, so moved code compares equal. */
function comparable(v: Value, owner: ResourceNode): unknown {
  switch (v.kind) {
    case 'string': case 'number': case 'boolean': return v.value;
    case 'null': return null;
    case 'list': return v.items.map((i) => comparable(i, owner));
    case 'map': return Object.fromEntries([...v.entries].sort(([p], [q]) => cmp(p, q)).map(([k, x]) => [k, comparable(x, owner)]));
    case 'ref': return { ref: v.target.slice(v.target.lastIndexOf('::') + 1), attribute: v.attribute ?? null };
    case 'az': return { az: v.index, region: v.region ?? null };
    case 'unknown': return { unknown: v.pattern ?? v.reason };
  }
}

// ---- Security concerns ------------------------------------------------------------------------

/** The security concerns a change touches, from the resource type and the changed property names (either spelling). */
const CONCERNS: { name: string; types: RegExp; properties: RegExp }[] = [
  { name: 'security group', types: /SecurityGroup|security_group/, properties: /SecurityGroup|security_group|^ingress$|^egress$|CidrIp|cidr_blocks/ },
  { name: 'IAM', types: /::IAM::|^aws_iam_|BucketPolicy|QueuePolicy|TopicPolicy|_policy$/, properties: /PolicyDocument|policy_document|^[Pp]olicy$|^Policies$|AssumeRole|assume_role|Principal|ManagedPolicyArns|managed_policy_arns|KeyPolicy|inline_policy/ },
  { name: 'public access', types: /PublicAccessBlock|public_access_block|_acl$/, properties: /Public|public|AccessControl|^acl$|Scheme|^internal$|PubliclyAccessible|publicly_accessible|MapPublicIpOnLaunch|map_public_ip_on_launch/ },
  { name: 'encryption', types: /::KMS::|^aws_kms_|server_side_encryption/, properties: /Encrypt|encrypt|Kms|kms|SSE|sse_|Certificate|certificate|SslPolicy|ssl_policy|ViewerProtocolPolicy|viewer_protocol_policy|TransitEncryption|transit_encryption/ },
  { name: 'deletion protection', types: /^$/, properties: /DeletionProtection|deletion_protection|DeletionPolicy|UpdateReplacePolicy|prevent_destroy|skip_final_snapshot|TerminationProtection/ },
  { name: 'multi-AZ', types: /^$/, properties: /MultiAZ|multi_az|AvailabilityZone|availability_zone|Subnet|subnet|AutomaticFailover|automatic_failover/ },
  { name: 'logging', types: /::CloudTrail::|^aws_cloudtrail|FlowLog|flow_log|bucket_logging/, properties: /Logging|logging|AccessLog|access_logs|IsLogging|enable_logging/ },
];

export function securityConcerns(type: string, paths: string[]): string[] {
  return CONCERNS.filter((c) => c.types.test(type) || paths.some((p) => c.properties.test(p))).map((c) => c.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
