/**
 * Findings that appear only under another allowed value of a CloudFormation template's parameters
 * (see `allowedValueScenarios`). Each scenario is one template built again with a few parameter
 * values changed; it is checked only when that changes the model the rules read, and against the
 * same template checked alone, so that only what the other values add is reported, each finding
 * naming the values ("… (when Env is prod)").
 */
import type { TemplateInput } from '../graph/cloudformation/build.js';
import { buildTemplate } from '../graph/cloudformation/build.js';
import { allowedValueScenarios } from '../graph/cloudformation/scenarios.js';
import type { Scenario } from '../graph/cloudformation/scenarios.js';
import type { GraphPart } from '../graph/graph.js';
import { ResourceGraph } from '../graph/graph.js';
import { buildModel } from '../model/build.js';
import type { CloudModel } from '../model/model.js';
import type { ModelResource } from '../model/val.js';
import type { EngineOptions } from './engine.js';
import { fingerprint, runRules } from './engine.js';
import type { Rule } from './rule.js';
import type { Finding } from './types.js';

export interface ScenarioResult {
  findings: Finding[];
  notes: string[];
}

export async function allowedValueFindings(templates: readonly TemplateInput[], baseFindings: readonly Finding[], rules: Rule[], options: EngineOptions): Promise<ScenarioResult> {
  const notes: string[] = [];
  const reported = new Set(baseFindings.map(keyOf));
  const found = new Map<string, { finding: Finding; scenarios: Scenario[] }>();
  for (const input of templates) {
    const { scenarios, truncated } = allowedValueScenarios(input.document, input.parameterValues);
    if (truncated) notes.push(`${input.file}: only the first ${scenarios.length} other parameter values were checked`);
    if (scenarios.length === 0) continue;
    const basePart = buildTemplate(input);
    const baseGraphKey = stable(partShape(basePart));
    let alone: { modelKey: string | undefined; keys: Set<string> } | undefined;
    for (const s of scenarios) {
      const values = { ...(input.parameterValues ?? {}), ...s.overrides };
      const part = buildTemplate({ ...input, parameterValues: values });
      if (baseGraphKey !== undefined && stable(partShape(part)) === baseGraphKey) continue;
      // The template checked alone with the values as given, computed once and only when needed.
      if (!alone) {
        const model = await buildModel(graphOf(basePart));
        alone = { modelKey: modelKey(model), keys: new Set(runRules(model, rules, options).findings.map(keyOf)) };
      }
      const model = await buildModel(graphOf(part));
      if (alone.modelKey !== undefined && modelKey(model) === alone.modelKey) continue;
      for (const f of runRules(model, rules, options).findings) {
        const key = keyOf(f);
        if (alone.keys.has(key) || reported.has(key)) continue;
        const entry = found.get(key);
        if (entry) entry.scenarios.push(s);
        else found.set(key, { finding: f, scenarios: [s] });
      }
    }
  }
  const findings = [...found.values()].map(({ finding, scenarios }) => {
    const labels = simplest(scenarios).map((s) => s.label);
    return {
      ...finding,
      message: `${finding.message} (when ${labels.join(', or when ')})`,
      fingerprint: fingerprint(finding.ruleId, finding.location.span.file, finding.resource.address, `${finding.location.path ?? ''} when ${labels.join(' | ')}`),
    };
  });
  return { findings, notes };
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

function partShape(part: GraphPart): unknown {
  return part.nodes.map((n) => [n.id, n.type, n.properties, n.deletionPolicy ?? null, n.metadata ?? null]);
}

/**
 * The model as a stable text. Facets point at model resources (their owners, cluster members, Backup
 * plans …): written as those resources' ids, so each resource is written once, in its list, and not
 * again under every facet that names it (which made this text, and the scenarios, several times slower).
 */
function modelKey(model: CloudModel): string | undefined {
  const { facets, ...lists } = model;
  const lean = stable(lists);
  if (lean === undefined) return undefined;
  try {
    const refs = JSON.stringify(facets, (key, v: unknown) => {
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
