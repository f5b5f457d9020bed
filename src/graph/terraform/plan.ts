import { join, posix } from 'node:path';
import type { InputError, Span } from '../../core/source.js';
import { detach, Interner } from '../../core/strings.js';
import { placed } from '../../core/isolate.js';
import { isPlanHead, jsonGet, readJson, type J } from '../../../parsers/terraform/json.js';
import type { DeployContext, Edge, GraphPart, Known, ResourceNode } from '../graph.js';
import type { MapValue, Value } from '../value.js';
import { buildTerraform } from './index.js';
import { list, nul, respan } from './values.js';

export interface PlanConfig {
  /** Nodes built from the `.tf` configuration the plan was made from (from `buildTerraform`). */
  nodes: ResourceNode[];
}

export interface PlanInput {
  /** absolute scan root */
  root: string;
  /** plan file path relative to the scan root */
  file: string;
  text: string;
  parseOnly?: boolean;
  /** The configuration's nodes; when absent, `.tf` files in the plan's folder (and below) are read, if any. */
  config?: PlanConfig;
  /** Exclude globs of the scan, for finding the configuration. */
  exclude?: string[];
}

export interface PlanResult {
  parts: GraphPart[];
  errors: InputError[];
  notes: string[];
}

/** Whether a JSON text looks like `terraform show -json` output (discovery classifies plans with the same test). */
export function isPlanJson(text: string): boolean {
  return isPlanHead(text);
}

/** The configuration the plan was made from: the `.tf` files of its folder and below, found by the scan's own discovery (excludes honoured). */
async function findConfig(input: PlanInput, notes: string[]): Promise<PlanConfig | undefined> {
  const dir = posix.dirname(input.file);
  const { discover } = await import('../../discover.js');
  const found = await discover([join(input.root, dir === '.' ? '' : dir)], { root: input.root, exclude: input.exclude ?? [] });
  const auto = (n: string) => n === 'terraform.tfvars' || n === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(n);
  const files = found.files.flatMap((f) =>
    f.kind === 'terraform' || f.kind === 'terraform-json' || (f.kind === 'tfvars' && posix.dirname(f.rel) === dir && auto(posix.basename(f.rel))) ? [{ path: f.path, rel: f.rel, kind: f.kind }] : [],
  );
  if (!files.some((f) => f.kind !== 'tfvars' && posix.dirname(f.rel) === dir)) return undefined;
  const r = await buildTerraform({ root: input.root, files });
  if (r.errors.length) notes.push(`${input.file}: the configuration beside the plan has errors; findings may point at the plan`);
  return { nodes: r.parts.flatMap((p) => p.nodes) };
}

/** Sections of a plan the model does not read: they repeat the planned values (before/after, prior state) or concern outputs and checks. */
const UNUSED_PLAN_SECTIONS: ReadonlySet<string> = new Set(['resource_changes', 'resource_drift', 'prior_state', 'output_changes', 'relevant_attributes', 'checks', 'deferred_changes']);

/**
 * A resource's `values` are read as text and parsed when the resource is built: every value of it is
 * placed at the `values` object (a plan is one line of JSON: the line is the same, the column of the
 * object instead of the value), and no tree of positions is kept for them.
 */
const RESOURCE_VALUES: ReadonlySet<string> = new Set(['values', 'sensitive_values']);

/** Builds ResourceNodes from `terraform show -json` output, pointing at the `.tf` blocks when the configuration is found. */
export async function buildTerraformPlan(input: PlanInput): Promise<PlanResult> {
  const errors: InputError[] = [];
  const notes: string[] = [];
  const parsed = readJson(input.text, input.file, { skipTopLevel: UNUSED_PLAN_SECTIONS, opaqueKeys: RESOURCE_VALUES });
  if (parsed.error || !parsed.value) return { parts: [], errors: [parsed.error!], notes };
  if (input.parseOnly) return { parts: [], errors, notes };
  const doc = parsed.value;
  const root = jsonGet(jsonGet(doc, 'planned_values'), 'root_module');
  if (!root) {
    errors.push({ file: input.file, line: 1, column: 1, kind: 'syntax', message: 'plan JSON has no planned_values.root_module' });
    return { parts: [], errors, notes };
  }
  const config = input.config ?? (await findConfig(input, notes));
  const byAddress = new Map<string, ResourceNode>();
  for (const n of config?.nodes ?? []) byAddress.set(n.address, n);
  const configRootPrefix = config?.nodes[0]?.id.split('::')[0];

  // configuration section: provider configs and expressions
  const conf = jsonGet(doc, 'configuration');
  const providerConfig = jsonGet(conf, 'provider_config');
  const variables = jsonGet(doc, 'variables');
  const confResources = new Map<string, J>();
  const walkConf = (m: J | undefined, prefix: string, depth: number) => {
    if (!m || depth > 32) return;
    for (const r of jsonGet(m, 'resources')?.items ?? []) {
      const a = jsonGet(r, 'address')?.v;
      if (typeof a === 'string') confResources.set(prefix + a, r);
    }
    for (const e of jsonGet(m, 'module_calls')?.entries ?? []) walkConf(jsonGet(e.value, 'module'), `${prefix}module.${e.key}.`, depth + 1);
  };
  walkConf(jsonGet(conf, 'root_module'), '', 0);

  const constant = (expr: J | undefined): string | undefined => {
    const c = jsonGet(expr, 'constant_value')?.v;
    if (typeof c === 'string') return c;
    const refs = jsonGet(expr, 'references')?.items;
    const first = refs?.[0]?.v;
    if (typeof first === 'string' && first.startsWith('var.')) {
      const v = jsonGet(jsonGet(variables, first.slice(4)), 'value')?.v;
      if (typeof v === 'string') return v;
    }
    return undefined;
  };
  // One context per provider and module, shared by their resources (100,000 resources of one provider need one, not 100,000).
  const providerCtxs = new Map<string, ReturnType<typeof providerCtxOf>>();
  const providerCtx = (key: string | undefined): ReturnType<typeof providerCtxOf> => {
    const k = key ?? '';
    let c = providerCtxs.get(k);
    if (!c) providerCtxs.set(k, (c = providerCtxOf(key)));
    return c;
  };
  const contexts = new Map<string, DeployContext>();
  const providerCtxOf = (key: string | undefined): { region: Known<string>; account: Known<string>; target: DeployContext['target'] } => {
    const pc = key ? (jsonGet(providerConfig, key) ?? jsonGet(providerConfig, key.replace(/^.*:/, ''))) : undefined;
    const ex = jsonGet(pc, 'expressions');
    const region = constant(jsonGet(ex, 'region'));
    let account: string | undefined;
    const ar = jsonGet(ex, 'assume_role');
    for (const a of ar?.items ?? (ar ? [ar] : [])) {
      const arn = constant(jsonGet(a, 'role_arn'));
      const m = arn ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn) : null;
      if (m) account = m[1];
    }
    const ids = jsonGet(ex, 'allowed_account_ids');
    const idList = jsonGet(ids, 'constant_value')?.items;
    if (!account && idList?.length === 1 && typeof idList[0]!.v === 'string') account = idList[0]!.v;
    return {
      region: region ? { known: true, value: region } : { known: false, reason: `the plan does not record a constant region for provider ${key ?? 'aws'}` },
      account: account ? { known: true, value: account } : { known: false, reason: `provider ${key ?? 'aws'} uses the credentials of the deploying identity` },
      target: { id: `${input.file}::provider ${key ?? 'aws'}`, label: `provider ${key ?? 'aws'}` },
    };
  };

  const planned: { r: J; address: string }[] = [];
  const walkPlanned = (m: J, depth: number) => {
    if (depth > 32) return;
    for (const r of jsonGet(m, 'resources')?.items ?? []) {
      const a = jsonGet(r, 'address')?.v;
      // Kept by the node, the model and every finding: a copy, not a slice of the plan's text (which it would keep alive).
      if (typeof a === 'string') planned.push({ r, address: detach(a) });
    }
    for (const c of jsonGet(m, 'child_modules')?.items ?? []) walkPlanned(c, depth + 1);
  };
  walkPlanned(root, 0);
  const allAddresses = new Set(planned.map((p) => p.address));

  const idPrefix = configRootPrefix ?? input.file;
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  const types = new Interner();
  const resource = (r: J, address: string): void => {
    const type = types.intern(String(jsonGet(r, 'type')?.v ?? ''));
    const mode = jsonGet(r, 'mode')?.v === 'data' ? 'data' : 'managed';
    const id = `${idPrefix}::${address}`;
    const cfgNode = byAddress.get(address) ?? byAddress.get(address.replace(/\[[^\]]*\]$/, ''));
    const confAddress = address.replace(/\[[^\]]*\]/g, '');
    const confRes = confResources.get(confAddress);
    const valuesJ = jsonGet(r, 'values');
    let properties = valuesJ ? (fromJson(valuesJ, 0) as MapValue) : emptyMap(r.span);
    if (properties.kind !== 'map') properties = emptyMap(r.span);
    dropNulls(properties);
    if (cfgNode) properties = anchor(properties, cfgNode.properties, cfgNode.span);
    else if (confRes) addReferences(properties, jsonGet(confRes, 'expressions'), address, allAddresses, idPrefix, r.span);
    const pctx = providerCtx(typeof jsonGet(confRes, 'provider_config_key')?.v === 'string' ? (jsonGet(confRes, 'provider_config_key')!.v as string) : undefined);
    const moduleOf = address.replace(/(^|\.)((data\.)?[a-z0-9_]+\.[^.[]+(\[[^\]]*\])?)$/, '');
    const context: DeployContext = cfgNode
      ? { unit: cfgNode.context.unit, region: pctx.region.known ? pctx.region : cfgNode.context.region, account: pctx.account.known ? pctx.account : cfgNode.context.account, target: cfgNode.context.target }
      : sharedContext(contexts, moduleOf ? `${input.file}/${moduleOf}` : input.file, pctx);
    const node: ResourceNode = {
      id,
      address,
      type,
      mode,
      source: 'terraform-plan',
      file: cfgNode ? cfgNode.file : input.file,
      span: cfgNode ? cfgNode.span : r.span,
      properties,
      context,
      dependsOn: cfgNode ? [...cfgNode.dependsOn] : [],
      suppressions: cfgNode ? cfgNode.suppressions : [],
    };
    if (cfgNode?.deletionPolicy) node.deletionPolicy = cfgNode.deletionPolicy;
    nodes.push(node);
    collect(id, properties, '', edges, 0);
    for (const t of node.dependsOn) edges.push({ from: id, to: t, kind: 'depends-on', path: 'depends_on' });
  };
  for (const { r, address } of planned) {
    try {
      resource(r, address);
    } catch (e) {
      // An unexpected exception is reported at the resource in the plan.
      throw placed(e, r.span);
    }
  }
  if (!config) notes.push(`${input.file}: no Terraform configuration beside the plan; findings point at the plan JSON`);
  return { parts: [{ nodes, edges }], errors, notes };
}

function sharedContext(contexts: Map<string, DeployContext>, unit: string, pctx: Pick<DeployContext, 'region' | 'account' | 'target'>): DeployContext {
  const key = `${unit}\u0000${pctx.target?.id ?? ''}`;
  let c = contexts.get(key);
  if (!c) contexts.set(key, (c = { unit: detach(unit), region: pctx.region, account: pctx.account, target: pctx.target }));
  return c;
}

function emptyMap(span: Span): MapValue {
  return { kind: 'map', entries: new Map(), keySpans: new Map(), span };
}

function fromJson(j: J, depth: number): Value {
  if (depth > 100) return { kind: 'unknown', reason: 'nested too deeply', refs: [], span: j.span };
  if (j.raw !== undefined) {
    let x: unknown;
    try {
      x = JSON.parse(j.raw);
    } catch {
      return { kind: 'unknown', reason: 'values that are not valid JSON', refs: [], span: j.span };
    }
    return plainValues(x, j.span, depth);
  }
  if (j.entries) {
    const entries = new Map<string, Value>();
    const keySpans = new Map<string, Span>();
    for (const e of j.entries) {
      entries.set(e.key, fromJson(e.value, depth + 1));
      keySpans.set(e.key, e.keySpan);
    }
    return { kind: 'map', entries, keySpans, span: j.span };
  }
  if (j.items) return list(j.items.map((i) => fromJson(i, depth + 1)), j.span);
  const v = j.v;
  if (v === null || v === undefined) return nul(j.span);
  if (typeof v === 'string') {
    // policies are JSON strings in plans: keep them structured, like jsonencode() in HCL
    const t = v.trimStart();
    if ((t.startsWith('{') && t.includes('"Statement"')) || (t.startsWith('{') && t.includes('"Version"'))) {
      try {
        return plain(JSON.parse(v), j.span, 0);
      } catch {
        /* not JSON */
      }
    }
    return { kind: 'string', value: v, span: j.span };
  }
  if (typeof v === 'number') return { kind: 'number', value: v, span: j.span };
  return { kind: 'boolean', value: Boolean(v), span: j.span };
}

/** Plain JSON values of a resource, all at one span; policy documents (JSON strings) kept structured. */
function plainValues(x: unknown, span: Span, depth: number): Value {
  if (depth > 100) return nul(span);
  if (typeof x === 'string') return fromJson({ v: x, span }, depth);
  if (Array.isArray(x)) return list(x.map((i) => plainValues(i, span, depth + 1)), span);
  if (x !== null && typeof x === 'object') {
    const entries = new Map<string, Value>();
    const keySpans = new Map<string, Span>();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      entries.set(k, plainValues(v, span, depth + 1));
      keySpans.set(k, span);
    }
    return { kind: 'map', entries, keySpans, span };
  }
  return plain(x, span, depth);
}

function plain(x: unknown, span: Span, depth: number): Value {
  if (depth > 100 || x === null || x === undefined) return nul(span);
  if (Array.isArray(x)) return list(x.map((i) => plain(i, span, depth + 1)), span);
  if (typeof x === 'object') {
    const entries = new Map<string, Value>();
    const keySpans = new Map<string, Span>();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      entries.set(k, plain(v, span, depth + 1));
      keySpans.set(k, span);
    }
    return { kind: 'map', entries, keySpans, span };
  }
  if (typeof x === 'string') return { kind: 'string', value: x, span };
  if (typeof x === 'number') return { kind: 'number', value: x, span };
  return { kind: 'boolean', value: Boolean(x), span };
}

/** Plans list every attribute of the schema, unset ones as null: drop those so that "absent" means the same as in HCL. */
function dropNulls(m: MapValue): void {
  for (const [k, v] of m.entries) {
    if (v.kind === 'null') {
      m.entries.delete(k);
      m.keySpans.delete(k);
    } else if (v.kind === 'map') dropNulls(v);
    else if (v.kind === 'list') for (const i of v.items) if (i.kind === 'map') dropNulls(i);
  }
}

/** Resolved plan values anchored at the configuration's spans; values the plan leaves unknown come from the configuration (references). */
function anchor(p: MapValue, c: MapValue, block: Span): MapValue {
  const entries = new Map<string, Value>();
  const keySpans = new Map<string, Span>();
  const head: Span = { file: block.file, start: block.start, end: block.start };
  for (const [k, v] of p.entries) {
    const cv = c.entries.get(k);
    if (!cv) {
      if (v.kind === 'list' && v.items.length === 0) continue;
      entries.set(k, respan(v, head));
      keySpans.set(k, head);
      continue;
    }
    keySpans.set(k, c.keySpans.get(k) ?? cv.span);
    entries.set(k, anchorValue(v, cv));
  }
  for (const [k, cv] of c.entries) {
    if (entries.has(k)) continue;
    entries.set(k, cv);
    keySpans.set(k, c.keySpans.get(k) ?? cv.span);
  }
  return { kind: 'map', entries, keySpans, span: c.span };
}

function anchorValue(v: Value, c: Value): Value {
  if (v.kind === 'map' && c.kind === 'map') return anchor(v, c, c.span);
  if (v.kind === 'list' && c.kind === 'list' && v.items.length === c.items.length) return list(v.items.map((i, n) => anchorValue(i, c.items[n]!)), c.span);
  if (c.kind === 'ref' || (c.kind === 'unknown' && c.refs.length)) {
    // keep the join to the referenced resource
    return c;
  }
  return respan(v, c.span);
}

const REF = /^(data\.)?([a-zA-Z0-9_-]+)\.([a-zA-Z0-9_-]+)(\[[^\]]+\])?(?:\.(.+))?$/;

function addReferences(props: MapValue, exprs: J | undefined, self: string, all: Set<string>, prefix: string, span: Span): void {
  const mod = /^(.*\.)?(?:data\.)?[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]+(\[[^\]]*\])?$/.exec(self);
  const modPrefix = mod?.[1] ?? '';
  const selfIndex = mod?.[2];
  for (const e of exprs?.entries ?? []) {
    if (props.entries.has(e.key)) continue;
    const refs = jsonGet(e.value, 'references')?.items ?? [];
    for (const r of refs) {
      if (typeof r.v !== 'string') continue;
      const m = REF.exec(r.v);
      if (!m || m[2] === 'var' || m[2] === 'local' || m[2] === 'module' || m[2] === 'each' || m[2] === 'count') continue;
      const base = `${modPrefix}${m[1] ?? ''}${m[2]}.${m[3]}`;
      const cands = [m[4] ? base + m[4] : undefined, selfIndex ? base + selfIndex : undefined, base, `${base}[0]`].filter((x): x is string => !!x);
      const target = cands.find((c) => all.has(c));
      if (!target) continue;
      const ref: Value = m[5] ? { kind: 'ref', target: `${prefix}::${target}`, attribute: m[5], span } : { kind: 'ref', target: `${prefix}::${target}`, span };
      props.entries.set(e.key, ref);
      props.keySpans.set(e.key, span);
      break;
    }
  }
}

function collect(from: string, v: Value, path: string, edges: Edge[], depth: number): void {
  if (depth > 32) return;
  if (v.kind === 'ref') edges.push({ from, to: v.target, kind: 'reference', path });
  else if (v.kind === 'unknown') for (const r of new Set(v.refs)) edges.push({ from, to: r, kind: 'reference', path });
  else if (v.kind === 'list') v.items.forEach((i, n) => collect(from, i, path ? `${path}.${n}` : String(n), edges, depth + 1));
  else if (v.kind === 'map') for (const [k, e] of v.entries) collect(from, e, path ? `${path}.${k}` : k, edges, depth + 1);
}
