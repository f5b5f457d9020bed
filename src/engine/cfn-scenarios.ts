/**
 * Findings that appear only under another allowed value of a CloudFormation template's parameters
 * (see `allowedValueScenarios`). Each scenario is one template built again with a few parameter
 * values changed; it is checked only when that changes the model the rules read, and against the
 * same template checked alone, so that only what the other values add is reported, each finding
 * naming the values ("… (when Env is prod)").
 */
import type { Span } from '../core/source.js';
import type { TemplateInput } from '../graph/cloudformation/build.js';
import { buildTemplate } from '../graph/cloudformation/build.js';
import type { KeptKey } from '../graph/cloudformation/build.js';
import { allowedValueScenarios, declaresResourceTwice, resourceParameters, serviceOf } from '../graph/cloudformation/scenarios.js';
import { EvalBudget, LIMITS } from '../core/limits.js';
import type { Scenario } from '../graph/cloudformation/scenarios.js';
import type { GraphPart, ResourceNode } from '../graph/graph.js';
import { ResourceGraph } from '../graph/graph.js';
import type { Adapter } from '../model/adapter.js';
import { buildModel } from '../model/build.js';
import type { ModelPhase } from '../model/build.js';
import type { CloudModel } from '../model/model.js';
import { emptyModel } from '../model/model.js';
import type { Value } from '../graph/value.js';
import type { ModelResource } from '../model/val.js';
import type { EngineOptions } from './engine.js';
import { fingerprint, runRules } from './engine.js';
import type { Rule } from './rule.js';
import type { Finding } from './types.js';

/**
 * A scenario whose changed values more adapters than this were handed goes straight to a model build:
 * each adapter compared is run over the template twice and written out, and with many of them one
 * nearly always makes something else (the bench's templates, whose parameters are read by 6–10
 * adapters, never came out the same; the awslabs templates' scenarios that did were read by 1 or 2).
 */
const MAX_ADAPTERS_COMPARED = 3;

/** A template's graph part as the scan built it, and the evaluation budget it was built within. */
export interface BuiltTemplate {
  part: GraphPart;
  budget: EvalBudget;
}

/**
 * The AllowedValues scenarios of one scan's templates. Each template is checked as soon as it is built
 * (`check`), so that its parsed document need not be kept for the end of the scan; what the scenarios
 * add is told once the scan's own findings are known (`findings`).
 */
export class ScenarioChecks {
  readonly notes: string[] = [];
  /** Scenarios that change the graph, those a model build decided, and templates whose build was watched for the others. */
  readonly counts = { differing: 0, modelBuilds: 0, watched: 0 };
  /** Findings some scenario gives and the template checked alone does not, with the scenarios that give them. */
  private readonly found = new Map<string, { finding: Finding; scenarios: Scenario[] }>();

  constructor(
    private readonly rules: Rule[],
    private readonly options: EngineOptions,
  ) {}

  /**
   * `built` is the template as the scan built it: its nodes are shared with the scenarios' graphs,
   * which nothing changes (a model build only reads the graph), so the template is not built again.
   */
  async check(input: TemplateInput, built: BuiltTemplate): Promise<void> {
    const { scenarios, truncated } = allowedValueScenarios(input.document, input.parameterValues);
    if (truncated) this.notes.push(`${input.file}: only the first ${scenarios.length} other parameter values were checked`);
    if (scenarios.length === 0) return;
    const { part: basePart, budget: baseBudget } = built;
    const variants = scenarios.map((s) => ({ scenario: s, ...scenarioPart(input, s, basePart, baseBudget) }));
    const differing = variants.filter((v) => v.diff.kind !== 'same');
    if (differing.length === 0) return;
    this.counts.differing += differing.length;
    // The template checked alone with the values as given, watching which step of the model build
    // (adapter, linker) and of the rules is handed a value that some scenario changes — of the
    // scenarios that may be decided without a model build: those changing few services' resources.
    const watched = new Set(differing.filter(({ diff }) => diff.kind === 'values' && servicesChanged(basePart, diff.within) <= MAX_ADAPTERS_COMPARED));
    const changed = new Set<object>();
    const within = new Set<object>();
    for (const { diff } of watched) {
      if (diff.kind !== 'values') continue;
      for (const c of diff.changed) changed.add(c);
      for (const w of diff.within) within.add(w);
    }
    const watch = new HandOuts(changed, within);
    if (watched.size) this.counts.watched++;
    const baseModel = watched.size ? await buildModel(watch.graph(basePart), [], (phase) => (watch.phase = phase === 'done' ? undefined : phase)) : await buildModel(graphOf(basePart));
    // The rules over it, run when a scenario needs them — or now, when the model keeps a view: a
    // rule could be handed a changed value through it, which the scenarios must know about.
    let alone: Set<string> | undefined;
    const checkedAlone = (): Set<string> => {
      if (alone) return alone;
      watch.phase = 'rules';
      alone = new Set(runRules(baseModel, this.rules, this.options).findings.map(keyOf));
      watch.phase = undefined;
      return alone;
    };
    if (watched.size && watch.keptIn(baseModel)) checkedAlone();
    const isolated = new IsolatedRuns(basePart);
    for (const v of differing) {
      const { scenario: s, part, diff } = v;
      // The model is the same when no step was handed a changed value, or only adapters were and
      // each of them, run again over the scenario's graph, gives what it gives over the template's.
      if (diff.kind === 'values' && watched.has(v)) {
        const steps = watch.stepsGiven(diff);
        // A per-node adapter (secrets) walks every changed node: the others, which read their services' nodes, may tell the models apart first.
        const adapters = steps && [...steps].filter((a) => typeof a === 'object').sort((a, b) => Number(a.perNode ?? false) - Number(b.perNode ?? false));
        if (adapters && adapters.length <= MAX_ADAPTERS_COMPARED && adapters.every((a) => isolated.same(a, part, diff.within))) continue;
      }
      const keys = checkedAlone();
      // Every rule: telling which model lists the scenario changes (to run only the rules reading them)
      // cost more than the rules it spared (both models written out as text for each scenario).
      this.counts.modelBuilds++;
      const model = await buildModel(graphOf(part));
      for (const f of runRules(model, this.rules, this.options).findings) {
        const key = keyOf(f);
        if (keys.has(key)) continue;
        const entry = this.found.get(key);
        if (entry) entry.scenarios.push(s);
        else this.found.set(key, { finding: f, scenarios: [s] });
      }
    }
  }

  /** The findings the scenarios add to the scan's own (`baseFindings`), each naming the values ("… (when Env is prod)"). */
  findings(baseFindings: readonly Finding[]): Finding[] {
    const reported = new Set(baseFindings.map(keyOf));
    return [...this.found.values()].filter(({ finding }) => !reported.has(keyOf(finding))).map(({ finding, scenarios }) => {
      const labels = simplest(scenarios).map((s) => s.label);
      return {
        ...finding,
        message: `${finding.message} (when ${labels.join(', or when ')})`,
        fingerprint: fingerprint(finding.ruleId, finding.location.span.file, finding.resource.address, `${finding.location.path ?? ''} when ${labels.join(' | ')}`),
      };
    });
  }
}

function valuesOf(input: TemplateInput, s: Scenario): Record<string, string | Value> {
  return { ...(input.parameterValues ?? {}), ...s.overrides };
}

/**
 * How many services' resources (`serviceOf` their types) a scenario changes values of. Each
 * service has its adapter, and the secrets adapter reads every resource: with more services than
 * `MAX_ADAPTERS_COMPARED`, more adapters than that are handed a changed value, and a model build
 * decides. Watching the template's build costs: on the bench's templates, where it never spared a
 * build, the scan took a seventh more CPU with it.
 */
function servicesChanged(base: GraphPart, within: ReadonlySet<object>): number {
  const services = new Set<string>();
  for (const n of base.nodes) if (within.has(n)) services.add(serviceOf(n.type));
  return services.size;
}

/**
 * A scenario's graph and how it differs from the template's. Only the resources that read one of
 * the scenario's parameters, or name a resource whose existence they decide, are evaluated again
 * (those that no longer exist are left out, those that now exist are built); the others are the
 * template's own nodes. When the evaluation budget could run out differently, or the template
 * declares a resource twice, the whole template is built again.
 */
export function scenarioPart(input: TemplateInput, s: Scenario, base: GraphPart, baseBudget: EvalBudget): { part: GraphPart; diff: PartDiff } {
  const whole = (): { part: GraphPart; diff: PartDiff } => {
    const part = buildTemplate({ ...input, parameterValues: valuesOf(input, s) });
    return { part, diff: diffParts(base, part) };
  };
  const names = Object.keys(s.overrides);
  const resources = readsOf(input);
  if (baseBudget.reached || declaresResourceTwice(input.document)) return whole();
  // Resources that may exist under one value and not under the other, and so be referred to or not.
  const decided = new Set<string>();
  for (const [logical, r] of resources) if (names.some((n) => r.existence.has(n))) decided.add(logical);
  const namesDecided = (named: Set<string> | undefined): boolean => decided.size > 0 && named !== undefined && [...named].some((x) => decided.has(x));
  const only = new Set<string>();
  for (const [logical, r] of resources) if (names.some((n) => r.reads.has(n)) || namesDecided(r.names)) only.add(logical);
  const budget = new EvalBudget();
  // A rebuilt resource's DeletionPolicy, UpdateReplacePolicy and Metadata that read none of the scenario's parameters (nor name a resource they decide) are the template's own.
  const keep = {
    from: (logical: string) => nodeByAddress(base).get(logical),
    unchanged: (logical: string, key: KeptKey) => {
      const r = resources.get(logical);
      return !names.some((n) => r?.keys.get(key)?.has(n)) && !namesDecided(r?.keyNames.get(key));
    },
  };
  const some = buildTemplate({ ...input, parameterValues: valuesOf(input, s), only, budget, keep });
  // Within one budget whatever the order: the whole build would not run out either.
  if (budget.reached || LIMITS.evalSteps - baseBudget.steps + (LIMITS.evalSteps - budget.steps) > LIMITS.evalSteps) return whole();
  // In the order a whole build makes them: the template's.
  const rebuilt = new Map(some.nodes.map((n) => [n.address, n]));
  const nodes: ResourceNode[] = [];
  for (const logical of resources.keys()) {
    const n = only.has(logical) ? rebuilt.get(logical) : nodeByAddress(base).get(logical);
    if (n) nodes.push(n);
  }
  const kept = base.nodes.filter((n) => !only.has(n.address));
  if (nodes.length !== kept.length + some.nodes.length) return whole();
  const replaced = new Set(base.nodes.filter((n) => only.has(n.address)).map((n) => n.id));
  const part = { nodes, edges: [...base.edges.filter((e) => !replaced.has(e.from)), ...some.edges] };
  const diff = diffParts(base, part, !deepEqual(base.edges.filter((e) => replaced.has(e.from)), some.edges));
  return { part, diff };
}

const byAddress = new WeakMap<GraphPart, Map<string, GraphPart['nodes'][number]>>();
function nodeByAddress(part: GraphPart): Map<string, GraphPart['nodes'][number]> {
  let m = byAddress.get(part);
  if (!m) byAddress.set(part, (m = new Map(part.nodes.map((n) => [n.address, n]))));
  return m;
}

const reads = new WeakMap<TemplateInput, ReturnType<typeof resourceParameters>>();
function readsOf(input: TemplateInput): ReturnType<typeof resourceParameters> {
  let r = reads.get(input);
  if (!r) reads.set(input, (r = resourceParameters(input.document)));
  return r;
}

/**
 * How a scenario's graph differs from the template's: not at all; in ways only a new model build
 * can tell (other resources, other fixed fields); or in some values, named by the template's value
 * objects that differ (`changed`: kind, scalar, span or key set) and the nodes, maps and lists that
 * hold them (`within`).
 */
export type PartDiff = { kind: 'same' } | { kind: 'other' } | { kind: 'values'; changed: Set<object>; within: Set<object>; edges: boolean };

const VALUE_FIELDS = ['properties', 'deletionPolicy', 'updateReplacePolicy', 'metadata'] as const;

function diffParts(base: GraphPart, part: GraphPart, edges = !deepEqual(base.edges, part.edges)): PartDiff {
  if (base.nodes.length !== part.nodes.length) return { kind: 'other' };
  const changed = new Set<object>();
  const within = new Set<object>();
  for (let i = 0; i < base.nodes.length; i++) {
    const b = base.nodes[i]!;
    const s = part.nodes[i]!;
    if (b === s) continue;
    const keys = Object.keys(b);
    if (keys.length !== Object.keys(s).length) return { kind: 'other' };
    let differs = false;
    for (const k of keys) {
      const bv = (b as unknown as Record<string, unknown>)[k];
      const sv = (s as unknown as Record<string, unknown>)[k];
      if ((VALUE_FIELDS as readonly string[]).includes(k)) {
        if (bv === undefined || sv === undefined) {
          if (bv !== sv) return { kind: 'other' };
          continue;
        }
        if (diffValue(bv as Value, sv as Value, changed, within)) differs = true;
      } else if (!deepEqual(bv, sv)) return { kind: 'other' };
    }
    if (differs) within.add(b);
  }
  if (changed.size === 0 && !edges) return { kind: 'same' };
  return { kind: 'values', changed, within, edges };
}

/** Whether `s` differs from `b`; the highest differing values of `b` go to `changed`, the maps and lists above them to `within`. */
function diffValue(b: Value, s: Value, changed: Set<object>, within: Set<object>): boolean {
  if (b === s) return false;
  if (b.kind !== s.kind || !sameSpan(b.span, s.span)) {
    changed.add(b);
    return true;
  }
  switch (b.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      if (b.value !== (s as typeof b).value) break;
      if (ownKeys(b) === 3 && ownKeys(s) === 3) return false;
      if (deepEqual(b, s)) return false;
      break;
    case 'map': {
      const sm = s as typeof b;
      if (b.entries.size !== sm.entries.size || b.keySpans.size !== sm.keySpans.size || ownKeys(b) !== 4 || ownKeys(sm) !== 4) break;
      const se = sm.entries.entries();
      const sk = sm.keySpans.entries();
      let differs = false;
      for (const [k, span] of b.keySpans) {
        const [k2, span2] = sk.next().value as [string, Span];
        if (k !== k2 || !sameSpan(span, span2)) {
          changed.add(b);
          return true;
        }
      }
      for (const [k, bv] of b.entries) {
        const [k2, sv] = se.next().value as [string, Value];
        if (k !== k2) {
          changed.add(b);
          return true;
        }
        if (diffValue(bv, sv, changed, within)) differs = true;
      }
      if (differs) within.add(b);
      return differs;
    }
    case 'list': {
      const sl = s as typeof b;
      if (b.items.length !== sl.items.length || ownKeys(b) !== 3 || ownKeys(sl) !== 3) break;
      let differs = false;
      for (let i = 0; i < b.items.length; i++) if (diffValue(b.items[i]!, sl.items[i]!, changed, within)) differs = true;
      if (differs) within.add(b);
      return differs;
    }
    default:
      if (deepEqual(b, s)) return false;
  }
  changed.add(b);
  return true;
}

/** How many keys a graph value has (its kind, span and content, or more), without making the list of them: this walk runs over every value of every scenario. */
function ownKeys(v: object): number {
  let n = 0;
  for (const k in v) if (Object.hasOwn(v, k)) n++;
  return n;
}

function sameSpan(a: Span, b: Span): boolean {
  return a === b || deepEqual(a, b);
}

/** Structural equality of graph data (plain objects, arrays, Maps, Sets, scalars), key order included. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map || a instanceof Set) {
    if (!(b instanceof (a instanceof Map ? Map : Set)) || a.size !== (b as Map<unknown, unknown>).size) return false;
    const x = [...a];
    const y = [...(b as Map<unknown, unknown>)];
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!deepEqual((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[ka[i]!])) return false;
  }
  return true;
}

/** A step of the model build or the rules that may be handed a graph value. */
type Step = ModelPhase | 'rules';

/**
 * The template's graph as the model build sees it, with every value some scenario changes handed
 * out through views that record which step (adapter, linker, rules) was handed it. A step that is
 * never handed a value cannot depend on it: it behaves the same, and builds the same, under the
 * scenario. Only the nodes, maps and lists on the way to a changed value are views; everything
 * else is the template's own objects.
 */
class HandOuts {
  phase: Step | undefined;
  private readonly given = new Map<object, Set<Step>>();
  private readonly views = new WeakMap<object, object>();
  /** Every view handed out (of nodes, values, their maps and lists). */
  private readonly isView = new WeakSet<object>();
  private edgesGiven = new Set<Step>();

  constructor(
    private readonly changed: Set<object>,
    private readonly within: Set<object>,
  ) {}

  graph(part: GraphPart): ResourceGraph {
    const g = new ResourceGraph();
    g.add({ nodes: part.nodes.map((n) => this.out(n) as typeof n), edges: part.edges });
    g.sort();
    const edges = g.edges;
    Object.defineProperty(g, 'edges', {
      get: () => {
        if (this.phase !== undefined) this.edgesGiven.add(this.phase);
        return edges;
      },
    });
    return g;
  }

  /** The steps handed a value the scenario changes; undefined when one of them is not an adapter (a new build decides). */
  stepsGiven(diff: { changed: Set<object>; edges: boolean }): Set<Step> | undefined {
    const steps = new Set<Step>();
    for (const c of diff.changed) for (const s of this.given.get(c) ?? []) steps.add(s);
    if (diff.edges) for (const s of this.edgesGiven) steps.add(s);
    for (const s of steps) if (typeof s !== 'object') return undefined;
    return steps;
  }

  /** Whether `model` holds one of the views anywhere (then whoever reads the model may be handed a changed value). */
  keptIn(model: CloudModel): boolean {
    const seen = new Set<object>();
    const stack: unknown[] = [model];
    while (stack.length) {
      const x = stack.pop();
      if (typeof x !== 'object' || x === null || seen.has(x)) continue;
      if (this.isView.has(x)) return true;
      seen.add(x);
      if (Array.isArray(x)) for (const i of x) stack.push(i);
      else if (x instanceof Map) for (const [k, v] of x) stack.push(k, v);
      else if (x instanceof Set) for (const v of x) stack.push(v);
      else for (const k in x) stack.push((x as Record<string, unknown>)[k]);
    }
    return false;
  }

  private out(v: unknown): unknown {
    if (typeof v !== 'object' || v === null) return v;
    if (this.changed.has(v)) {
      if (this.phase !== undefined) {
        const steps = this.given.get(v);
        if (steps) steps.add(this.phase);
        else this.given.set(v, new Set([this.phase]));
      }
      return v;
    }
    return this.within.has(v) ? this.view(v) : v;
  }

  private view(x: object): object {
    const known = this.views.get(x);
    if (known) return known;
    const out = (v: unknown): unknown => this.out(v);
    const views = this.views;
    const isView = this.isView;
    const remember = (of: object, v: object): object => {
      views.set(of, v);
      isView.add(v);
      return v;
    };
    const view = new Proxy(x, {
      get(target, key) {
        const v = (target as Record<string | symbol, unknown>)[key];
        if ((key === 'entries' && v instanceof Map) || (key === 'items' && Array.isArray(v))) return views.get(v) ?? remember(v, v instanceof Map ? mapView(v, out) : listView(v, out));
        return key === 'properties' || key === 'deletionPolicy' || key === 'updateReplacePolicy' || key === 'metadata' ? out(v) : v;
      },
    });
    this.views.set(x, view);
    this.isView.add(view);
    return view;
  }
}

function mapView(m: Map<string, Value>, out: (v: unknown) => unknown): Map<string, Value> {
  const view: Map<string, Value> = new Proxy(m, {
    get(target, key) {
      switch (key) {
        case 'get': return (k: string) => out(target.get(k));
        case 'size': return target.size;
        case 'values': return function* values() { for (const v of target.values()) yield out(v); };
        case 'entries':
        case Symbol.iterator: return function* entries() { for (const [k, v] of target) yield [k, out(v)]; };
        case 'forEach': return (cb: (v: unknown, k: string, m: Map<string, Value>) => void, self?: unknown) => target.forEach((v, k) => cb.call(self, out(v), k, view));
        default: {
          const v = Reflect.get(target, key, target) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        }
      }
    },
  });
  return view;
}

function listView(items: Value[], out: (v: unknown) => unknown): Value[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) return out(target[Number(key)]);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** One adapter run alone over the template's graph and over a scenario's: the same model lists, or not. */
export class IsolatedRuns {
  private readonly base = new Map<Adapter, string | undefined>();
  /** What a per-node adapter makes of each of the template's nodes, as far as asked. */
  private readonly baseNodes = new Map<Adapter, Map<ResourceNode, string | undefined>>();

  constructor(private readonly basePart: GraphPart) {}

  /** `within` holds (among values) the template's nodes whose values the scenario changes: the other nodes are equal. */
  same(a: Adapter, part: GraphPart, within: ReadonlySet<object>): boolean {
    if (!this.base.has(a)) this.base.set(a, adapted(a, this.basePart));
    if (this.base.get(a) === undefined) return false;
    if (!a.perNode) return adapted(a, part) === this.base.get(a);
    // A per-node adapter makes the same of the equal nodes: only what it makes of the changed ones can differ.
    let known = this.baseNodes.get(a);
    if (!known) this.baseNodes.set(a, (known = new Map()));
    return this.basePart.nodes.every((n, i) => {
      if (!within.has(n)) return true;
      if (!known.has(n)) known.set(n, adapted(a, { nodes: [n], edges: [] }));
      const text = adapted(a, { nodes: [part.nodes[i]!], edges: [] });
      return text !== undefined && text === known.get(n);
    });
  }
}

/** What one adapter alone makes of a graph, as a stable text; undefined when it throws (a full build decides). */
function adapted(a: Adapter, part: GraphPart): string | undefined {
  const model = emptyModel();
  try {
    a.adapt(graphOf(part), model);
  } catch {
    return undefined;
  }
  return modelKey(model);
}

/** The scenarios no other one is a part of: "when Env is prod" says all that "when Env is prod and Exposure is public" adds. */
function simplest(scenarios: Scenario[]): Scenario[] {
  const within = (a: Scenario, b: Scenario): boolean => Object.entries(a.overrides).every(([k, v]) => b.overrides[k] === v);
  return scenarios.filter((s) => !scenarios.some((o) => o !== s && within(o, s) && Object.keys(o.overrides).length < Object.keys(s.overrides).length));
}

function keyOf(f: Finding): string {
  return `${f.fingerprint}|${f.messageId}`;
}

function graphOf(part: GraphPart): ResourceGraph {
  const g = new ResourceGraph();
  g.add(part);
  g.sort();
  return g;
}

/**
 * The model as a stable text. Facets point at model resources (their owners, cluster members, Backup
 * plans …): written as those resources' ids, so each resource is written once, in its list, and not
 * again under every facet that names it (which made this text, and the scenarios, several times slower).
 */
function modelKey(model: CloudModel): string | undefined {
  // Only the lists pushed to: most of a hundred are empty, and the same in every model.
  const pushed = (lists: object): object => Object.fromEntries(Object.entries(lists).filter(([, v]) => !Array.isArray(v) || v.length > 0));
  const { facets, ...lists } = model;
  const lean = stable(pushed(lists));
  if (lean === undefined) return undefined;
  try {
    const refs = JSON.stringify(pushed(facets), (key, v: unknown) => {
      if (key !== '' && isModelResource(v)) return `#${v.resource.id}`;
      return v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : typeof v === 'bigint' ? String(v) : v;
    });
    return `${lean}\n${refs}`;
  } catch {
    return undefined;
  }
}

function isModelResource(v: unknown): v is ModelResource {
  const r = (v as { resource?: { id?: unknown; address?: unknown } } | null)?.resource;
  return typeof v === 'object' && v !== null && typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.address === 'string';
}

/** A stable text of a value tree with Maps, or undefined when it cannot be written (then it counts as changed). */
function stable(x: unknown): string | undefined {
  try {
    return JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : typeof v === 'bigint' ? String(v) : v));
  } catch {
    return undefined;
  }
}
