/**
 * Other deployments of one template: the values its parameters' `AllowedValues` permit besides the
 * one checked (the given value, else the default). A finding that appears only under another value
 * is worth reporting, named by that value ("… when Env is prod").
 *
 * Combinations are never enumerated. A parameter changes what is deployed in two ways:
 * - directly, where resources use it (`Ref`, `Fn::Sub`): one scenario per other allowed value of
 *   that parameter, the rest as checked;
 * - through the conditions resources use (a resource's `Condition`, `Fn::If`): a condition over one
 *   parameter is flipped by that parameter's own scenarios; for a condition over several, the
 *   values that flip it are searched among those parameters only (at most 256 assignments, else two
 *   probes built from the condition's own `Fn::Equals`), and that one assignment is one more scenario.
 * So the number of scenarios grows with the number of parameters and conditions, not their
 * product: 20 two-valued parameters give at most 20 (+ one per multi-parameter condition).
 * Parameters nothing in `Resources` uses are never tried.
 */
import type { DocMap, DocNode, ParsedDocument } from '../../../parsers/document.js';
import { get } from '../../../parsers/document.js';
import type { Known } from '../graph.js';
import type { Value } from '../value.js';
import { TemplateEvaluator, intrinsic } from './evaluate.js';
import { allowedValues } from './parameters.js';

export interface Scenario {
  /** Parameter values that differ from the checked deployment. */
  overrides: Record<string, string>;
  /** `Env is prod`, `Env is prod and Public is true`. */
  label: string;
}

/** Most assignments tried to flip one condition over several parameters. */
const MAX_JOINT_ASSIGNMENTS = 256;
/** Most scenarios per template: beyond it the rest are not tried, and the caller says so. */
export const MAX_SCENARIOS = 200;

export function allowedValueScenarios(document: ParsedDocument, given: Record<string, string | Value> = {}): { scenarios: Scenario[]; truncated: boolean } {
  const root = document.root;
  const allowed = allowedValues(document);
  for (const name of Object.keys(given)) allowed.delete(name); // a given value fixes that deployment
  if (allowed.size === 0) return { scenarios: [], truncated: false };
  const parameters = asMap(get(root, 'Parameters'));
  const conditions = asMap(get(root, 'Conditions'));
  const resources = get(root, 'Resources');

  const direct = new Set<string>();
  const usedConditions = new Set<string>();
  collect(resources, direct, usedConditions);
  // Conditions used by other conditions, and the parameters each condition reads.
  const paramsOf = new Map<string, Set<string>>();
  const conditionParams = (name: string, seen: Set<string> = new Set()): Set<string> => {
    const cached = paramsOf.get(name);
    if (cached) return cached;
    const out = new Set<string>();
    if (seen.has(name)) return out;
    seen.add(name);
    const refs = new Set<string>();
    const nested = new Set<string>();
    collect(get(conditions, name), refs, nested);
    for (const r of refs) out.add(r);
    for (const c of nested) for (const r of conditionParams(c, seen)) out.add(r);
    paramsOf.set(name, out);
    return out;
  };

  const baseOf = (name: string): string | undefined => {
    const d = get(get(parameters, name), 'Default');
    return d?.kind === 'scalar' && d.value !== null ? (d.raw ?? String(d.value)) : undefined;
  };
  const scenarios: Scenario[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const add = (overrides: Record<string, string>): void => {
    const key = JSON.stringify(Object.entries(overrides).sort());
    if (seen.has(key)) return;
    seen.add(key);
    if (scenarios.length >= MAX_SCENARIOS) {
      truncated = true;
      return;
    }
    scenarios.push({ overrides, label: Object.entries(overrides).map(([k, v]) => `${k} is ${v}`).join(' and ') });
  };

  const varied = new Set<string>(direct);
  for (const c of usedConditions) for (const p of conditionParams(c)) varied.add(p);
  for (const name of [...varied].sort()) {
    const values = allowed.get(name);
    if (!values) continue;
    for (const v of values) if (v !== baseOf(name)) add({ [name]: v });
  }

  // Conditions over several varied parameters: one assignment per outcome the checked values do not give.
  const evaluatorWith = (values: Record<string, string | Value>): TemplateEvaluator =>
    new TemplateEvaluator({ file: '', parameters, mappings: asMap(get(root, 'Mappings')), conditions, resources: new Map(), account: UNKNOWN, region: UNKNOWN, stackName: '', parameterValues: values });
  const base = evaluatorWith(given);
  for (const c of [...usedConditions].sort()) {
    const params = [...conditionParams(c)].filter((p) => allowed.has(p)).sort();
    if (params.length < 2) continue;
    const sizes = params.map((p) => allowed.get(p)!.length);
    const checked = base.condition(c);
    const wanted = new Set([true, false].filter((o) => o !== checked));
    // Outcomes one parameter's own scenarios already reach need no joint assignment.
    for (const sc of scenarios) {
      const [name] = Object.keys(sc.overrides);
      if (Object.keys(sc.overrides).length === 1 && params.includes(name!)) {
        const outcome = evaluatorWith({ ...given, ...sc.overrides }).condition(c);
        if (outcome !== undefined) wanted.delete(outcome);
      }
    }
    // Too many assignments to search: two probes from the condition's own comparisons — every
    // `Fn::Equals [Ref P, v]` made true, and every one made false — flip most And/Or shapes.
    const candidates = sizes.reduce((a, b) => a * b, 1) > MAX_JOINT_ASSIGNMENTS ? probes(equalsLeaves(get(conditions, c), conditions), allowed) : assignments(params, allowed);
    for (const assignment of candidates) {
      if (wanted.size === 0) break;
      const changed = Object.fromEntries(Object.entries(assignment).filter(([k, v]) => v !== baseOf(k)));
      if (Object.keys(changed).length < 2) continue; // one parameter's own scenarios cover it
      const outcome = evaluatorWith({ ...given, ...assignment }).condition(c);
      if (outcome === undefined || !wanted.has(outcome)) continue;
      wanted.delete(outcome);
      add(changed);
    }
  }
  return { scenarios, truncated };
}

/**
 * Per resource of the template: the parameters its declaration reads (`Ref`, `Fn::Sub`, and through
 * the conditions it names, its own `Condition` included), those that decide whether it exists (its
 * own `Condition`), and the other resources it names (`names`: `Ref`, `Fn::GetAtt`, `Fn::Sub`,
 * `DependsOn`; a reference to a resource that does not exist evaluates otherwise). A resource that reads
 * none of a scenario's parameters, and names no resource whose existence they decide, evaluates the
 * same under it. `keys`: the same per part of the declaration (`Properties`, `Metadata` …).
 */
export function resourceParameters(document: ParsedDocument): Map<string, ResourceReads> {
  const root = document.root;
  const conditions = asMap(get(root, 'Conditions'));
  const resources = get(root, 'Resources');
  const out = new Map<string, ResourceReads>();
  if (resources?.kind !== 'map') return out;
  const logicalIds = new Set(resources.entries.map((e) => e.key));
  const paramsOf = new Map<string, Set<string>>();
  const conditionParams = (name: string, seen: Set<string> = new Set()): Set<string> => {
    const cached = paramsOf.get(name);
    if (cached) return cached;
    const params = new Set<string>();
    if (seen.has(name)) return params;
    seen.add(name);
    const nested = new Set<string>();
    collect(get(conditions, name), params, nested);
    for (const c of nested) for (const r of conditionParams(c, seen)) params.add(r);
    paramsOf.set(name, params);
    return params;
  };
  const readsOf = (node: DocNode | undefined): Set<string> => {
    const reads = new Set<string>();
    const used = new Set<string>();
    collect(node, reads, used);
    for (const c of used) for (const p of conditionParams(c)) reads.add(p);
    return reads;
  };
  for (const e of resources.entries) {
    const own = get(e.value, 'Condition');
    const existence = own?.kind === 'scalar' ? new Set(conditionParams(String(own.value))) : new Set<string>();
    // What each part of the declaration reads on its own (DeletionPolicy, Metadata …); the resource as a
    // whole reads all of that and what its own Condition reads (Properties are evaluated under it).
    const keys = new Map<string, Set<string>>();
    const keyNames = new Map<string, Set<string>>();
    if (e.value.kind === 'map') {
      for (const k of e.value.entries) {
        keys.set(k.key, readsOf(k.value));
        keyNames.set(k.key, resourcesNamed(k.value, logicalIds));
      }
    }
    const reads = e.value.kind === 'map' ? new Set([...existence, ...[...keys.values()].flatMap((r) => [...r])]) : readsOf(e.value);
    const names = e.value.kind === 'map' ? new Set([...keyNames.values()].flatMap((r) => [...r])) : resourcesNamed(e.value, logicalIds);
    out.set(e.key, { reads, existence, keys, names, keyNames });
  }
  return out;
}

/** The service a resource type belongs to: `AWS::S3` of `AWS::S3::Bucket`, `Custom` of `Custom::Thing`. */
export function serviceOf(type: string): string {
  const last = type.lastIndexOf('::');
  return last < 0 ? type : type.slice(0, last);
}

/** Whether the template declares a resource twice (an input error): `resourceParameters` then tells of the last declaration only. */
export function declaresResourceTwice(document: ParsedDocument): boolean {
  const resources = get(document.root, 'Resources');
  return resources?.kind === 'map' && new Set(resources.entries.map((e) => e.key)).size !== resources.entries.length;
}

/** What `resourceParameters` tells of one resource. */
export interface ResourceReads {
  reads: Set<string>;
  existence: Set<string>;
  keys: Map<string, Set<string>>;
  names: Set<string>;
  keyNames: Map<string, Set<string>>;
}

/**
 * The resources a declaration may name: every string that is a logical id, or one before `.` (a
 * `Fn::GetAtt` string), or one inside `${…}` (`Fn::Sub`). It takes more than the intrinsics do (any
 * string equal to a logical id), so that no reference is missed.
 */
function resourcesNamed(node: DocNode, logicalIds: Set<string>, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 200) return out;
  if (node.kind === 'seq') for (const item of node.items) resourcesNamed(item, logicalIds, out, depth + 1);
  else if (node.kind === 'map') for (const e of node.entries) resourcesNamed(e.value, logicalIds, out, depth + 1);
  else if (node.value !== null) {
    const s = typeof node.value === 'string' ? node.value : (node.raw ?? String(node.value));
    if (logicalIds.has(s)) out.add(s);
    const dot = s.indexOf('.');
    if (dot > 0 && logicalIds.has(s.slice(0, dot))) out.add(s.slice(0, dot));
    if (s.includes('${')) for (const m of s.matchAll(/\$\{([^}.]*)[.}]/g)) if (logicalIds.has(m[1]!)) out.add(m[1]!);
  }
  return out;
}

/** `Fn::Equals` between a `Ref` and a literal, under a condition and the conditions it names: parameter → compared values. */
function equalsLeaves(node: DocNode | undefined, conditions: DocMap | undefined, seen = new Set<string>(), out = new Map<string, string[]>(), depth = 0): Map<string, string[]> {
  if (!node || depth > 200) return out;
  const fn = intrinsic(node);
  if (fn?.name === 'Condition' && fn.arg.kind === 'scalar') {
    const name = String(fn.arg.value);
    if (!seen.has(name)) {
      seen.add(name);
      equalsLeaves(get(conditions, name), conditions, seen, out, depth + 1);
    }
    return out;
  }
  if (fn?.name === 'Fn::Equals' && fn.arg.kind === 'seq' && fn.arg.items.length === 2) {
    const [a, b] = fn.arg.items as [DocNode, DocNode];
    const refOf = (n: DocNode): string | undefined => {
      const f = intrinsic(n);
      return f?.name === 'Ref' && f.arg.kind === 'scalar' ? String(f.arg.value) : undefined;
    };
    const lit = (n: DocNode): string | undefined => (n.kind === 'scalar' && n.value !== null ? (n.raw ?? String(n.value)) : undefined);
    const [p, v] = refOf(a) !== undefined ? [refOf(a), lit(b)] : [refOf(b), lit(a)];
    if (p !== undefined && v !== undefined) out.set(p, [...(out.get(p) ?? []), v]);
    return out;
  }
  if (node.kind === 'seq') for (const i of node.items) equalsLeaves(i, conditions, seen, out, depth + 1);
  if (node.kind === 'map') for (const e of node.entries) equalsLeaves(e.value, conditions, seen, out, depth + 1);
  return out;
}

/** The two probe assignments: each compared parameter equal to its first compared value, and each different from all of them. */
function probes(leaves: Map<string, string[]>, allowed: Map<string, string[]>): Record<string, string>[] {
  const same: Record<string, string> = {};
  const other: Record<string, string> = {};
  for (const [p, values] of leaves) {
    const list = allowed.get(p);
    if (!list) continue;
    if (list.includes(values[0]!)) same[p] = values[0]!;
    const different = list.find((v) => !values.includes(v));
    if (different !== undefined) other[p] = different;
  }
  return [same, other];
}

const UNKNOWN: Known<string> = { known: false, reason: 'not needed to decide a condition' };

function* assignments(params: string[], allowed: Map<string, string[]>, i = 0, acc: Record<string, string> = {}): Generator<Record<string, string>> {
  if (i === params.length) {
    yield { ...acc };
    return;
  }
  for (const v of allowed.get(params[i]!)!) {
    acc[params[i]!] = v;
    yield* assignments(params, allowed, i + 1, acc);
  }
}

/** Parameter (and pseudo) names used by `Ref` and `Fn::Sub`, and condition names used, anywhere under `node`. */
function collect(node: DocNode | undefined, refs: Set<string>, conditions: Set<string>, depth = 0): void {
  if (!node || depth > 200) return;
  if (node.kind === 'seq') {
    for (const item of node.items) collect(item, refs, conditions, depth + 1);
    return;
  }
  if (node.kind !== 'map') return;
  const fn = intrinsic(node);
  if (fn?.name === 'Ref' && fn.arg.kind === 'scalar') refs.add(String(fn.arg.value));
  if (fn?.name === 'Condition' && fn.arg.kind === 'scalar') conditions.add(String(fn.arg.value));
  if (fn?.name === 'Fn::If' && fn.arg.kind === 'seq' && fn.arg.items[0]?.kind === 'scalar') conditions.add(String(fn.arg.items[0].value));
  if (fn?.name === 'Fn::Sub') {
    const text = fn.arg.kind === 'scalar' ? fn.arg.value : fn.arg.kind === 'seq' && fn.arg.items[0]?.kind === 'scalar' ? fn.arg.items[0].value : undefined;
    if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}.][^}.]*)\}/g)) refs.add(m[1]!);
  }
  for (const e of node.entries) {
    // A resource's own `Condition: Name`.
    if (!fn && e.key === 'Condition' && e.value.kind === 'scalar') conditions.add(String(e.value.value));
    collect(e.value, refs, conditions, depth + 1);
  }
}

function asMap(n: DocNode | undefined): DocMap | undefined {
  return n?.kind === 'map' ? n : undefined;
}
