import type { Span } from '../../core/source.js';
import type { DocComment, DocMap, DocNode, ParsedDocument } from '../../../parsers/document.js';
import { get, getEntry } from '../../../parsers/document.js';
import type { ConstructInfo, Edge, GraphPart, Known, ResourceNode, Suppression } from '../graph.js';
import type { MapValue, Value } from '../value.js';
import { TemplateEvaluator } from './evaluate.js';
import { placed } from '../../core/isolate.js';
import type { EvalBudget } from '../../core/limits.js';
import { parseIgnoreComment } from '../suppression-comment.js';

export interface TemplateInput {
  file: string;
  document: ParsedDocument;
  account: Known<string>;
  region: Known<string>;
  /** The deployment unit; the file for plain templates, the stack name for CDK. */
  unit?: string;
  stackName?: string;
  /** Prefix that keeps graph ids unique when one template is read for several stacks. */
  idPrefix?: string;
  /** Parameter values given from outside: strings from the configuration, or what a parent stack passes. */
  parameterValues?: Record<string, string | Value>;
  source?: 'cloudformation' | 'cdk';
  /** What the stack is deployed as, for messages and same-account reasoning; default: the template. */
  target?: { id: string; label: string };
  /** For CDK: construct information per logical id. */
  constructs?: Map<string, ConstructInfo>;
  /** The template's evaluation budget (the caller reads `reached` afterwards for a notice). */
  budget?: EvalBudget;
  /** Build only these resources (logical ids); the others are still known to references and conditions. */
  only?: ReadonlySet<string>;
  /**
   * For a build again under other parameter values: a resource's `DeletionPolicy`, `UpdateReplacePolicy`
   * or `Metadata` that reads none of the changed parameters is taken from the earlier build's node
   * (`from`) instead of being evaluated again — the same value, and the same object.
   */
  keep?: { from: (logical: string) => ResourceNode | undefined; unchanged: (logical: string, key: KeptKey) => boolean };
}

/** The parts of a resource declaration `TemplateInput.keep` may take from an earlier build. */
export type KeptKey = 'DeletionPolicy' | 'UpdateReplacePolicy' | 'Metadata';


/** Turns one CloudFormation template into graph nodes and edges. */
export function buildTemplate(input: TemplateInput): GraphPart {
  const root = input.document.root;
  const resourcesNode = get(root, 'Resources');
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  if (!resourcesNode || resourcesNode.kind !== 'map') return { nodes, edges };

  const prefix = input.idPrefix ?? input.file;
  const idOf = (logical: string): string => `${prefix}#${logical}`;
  const resources = new Map<string, string>();
  for (const e of resourcesNode.entries) resources.set(e.key, idOf(e.key));

  const evaluator = new TemplateEvaluator({
    file: input.file,
    parameters: asMap(get(root, 'Parameters')),
    mappings: asMap(get(root, 'Mappings')),
    conditions: asMap(get(root, 'Conditions')),
    resources,
    account: input.account,
    region: input.region,
    stackName: input.stackName ?? input.unit ?? input.file,
    ...(input.parameterValues ? { parameterValues: input.parameterValues } : {}),
  }, input.budget);

  // Resources whose condition is known to be false are never created.
  for (const e of resourcesNode.entries) {
    const cond = get(e.value, 'Condition');
    if (cond?.kind === 'scalar' && evaluator.condition(String(cond.value)) === false) resources.delete(e.key);
  }

  const comments = input.document.comments;
  // A stack is deployed into one account and region, whatever they are.
  const target = input.target ?? { id: `stack:${input.unit ?? input.file}`, label: `template ${input.unit ?? input.file}` };
  const resource = (entry: (typeof resourcesNode.entries)[number]): void => {
    const logical = entry.key;
    const id = resources.get(logical);
    if (!id || (input.only && !input.only.has(logical))) return;
    const decl = entry.value;
    const typeNode = get(decl, 'Type');
    if (decl.kind !== 'map' || typeNode?.kind !== 'scalar' || typeof typeNode.value !== 'string') return;
    const span: Span = { file: input.file, start: entry.keySpan.start, end: decl.span.end };

    const propsNode = get(decl, 'Properties');
    let properties: MapValue = { kind: 'map', entries: new Map(), keySpans: new Map(), span: decl.span };
    if (propsNode) {
      const cond = get(decl, 'Condition');
      const v = evaluator.evaluate(propsNode, cond?.kind === 'scalar' ? String(cond.value) : undefined);
      if (v.kind === 'map') properties = v;
      for (const r of evaluator.refs) edges.push({ from: id, to: r.target, kind: r.kind, path: 'Properties' });
    }

    const dependsOn = dependsOnOf(get(decl, 'DependsOn')).filter((d) => resources.has(d));
    for (const d of dependsOn) edges.push({ from: id, to: resources.get(d)!, kind: 'depends-on', path: 'DependsOn' });

    const node: ResourceNode = {
      id,
      address: logical,
      type: typeNode.value,
      mode: 'managed',
      source: input.source ?? 'cloudformation',
      file: input.file,
      span,
      properties,
      context: { unit: input.unit ?? input.file, account: input.account, region: input.region, target },
      dependsOn: dependsOn.map((d) => resources.get(d)!),
      suppressions: [...metadataSuppressions(get(decl, 'Metadata'), span), ...commentSuppressions(comments, entry.keySpan, decl.span)],
    };
    const earlier = input.keep?.from(logical);
    const value = (key: KeptKey, field: 'deletionPolicy' | 'updateReplacePolicy' | 'metadata'): Value | undefined => {
      const n = get(decl, key);
      if (!n) return undefined;
      const kept = earlier && input.keep!.unchanged(logical, key) ? earlier[field] : undefined;
      return kept ?? evaluator.evaluate(n);
    };
    const deletion = value('DeletionPolicy', 'deletionPolicy');
    if (deletion) node.deletionPolicy = deletion;
    const replace = value('UpdateReplacePolicy', 'updateReplacePolicy');
    if (replace) node.updateReplacePolicy = replace;
    const metadata = value('Metadata', 'metadata');
    if (metadata) node.metadata = metadata;
    const construct = input.constructs?.get(logical);
    if (construct) node.construct = construct;
    nodes.push(node);
  };
  for (const entry of resourcesNode.entries) {
    try {
      resource(entry);
    } catch (e) {
      // An unexpected exception is reported at the resource when no value inside it recorded a closer place.
      throw placed(e, entry.keySpan);
    }
  }
  return { nodes, edges };
}

function asMap(n: DocNode | undefined): DocMap | undefined {
  return n?.kind === 'map' ? n : undefined;
}

function dependsOnOf(n: DocNode | undefined): string[] {
  if (!n) return [];
  if (n.kind === 'scalar') return [String(n.value)];
  if (n.kind === 'seq') return n.items.flatMap((i) => (i.kind === 'scalar' ? [String(i.value)] : []));
  return [];
}

/**
 * `Metadata: { iac-check: { ignore: [{ id, reason }] } }` on a resource. Anything else under
 * `iac-check` would silently suppress nothing, so it becomes a suppression with a `problem`.
 */
function metadataSuppressions(metadata: DocNode | undefined, span: Span): Suppression[] {
  const entry = getEntry(metadata, 'iac-check');
  if (!entry) return [];
  const shape = 'expected `iac-check: { ignore: [{ id: <rule-id>, reason: <why> }] }`';
  const bad = (at: Span | undefined, what: string): Suppression => ({ ruleId: '', reason: '', span: at ?? entry.keySpan ?? span, problem: `${what}; ${shape}` });
  const block = entry.value;
  if (block.kind !== 'map') return [bad(block.span, 'Metadata `iac-check` is not a map')];
  const out: Suppression[] = [];
  for (const e of block.entries) if (e.key !== 'ignore') out.push(bad(e.keySpan, `Metadata \`iac-check.${e.key}\` is not a setting`));
  const list = get(block, 'ignore');
  if (!list) return out;
  if (list.kind !== 'seq') return [...out, bad(list.span, 'Metadata `iac-check.ignore` is not a list')];
  for (const item of list.items) {
    if (item.kind !== 'map') {
      out.push(bad(item.span, 'an `iac-check.ignore` entry is not a map'));
      continue;
    }
    for (const e of item.entries) if (e.key !== 'id' && e.key !== 'rule' && e.key !== 'reason') out.push(bad(e.keySpan, `\`${e.key}\` is not a field of an ignore entry`));
    const id = get(item, 'id') ?? get(item, 'rule');
    const reason = get(item, 'reason');
    if (id?.kind !== 'scalar' || id.value === null || String(id.value).trim() === '') {
      out.push(bad(item.span, 'an `iac-check.ignore` entry has no `id`'));
      continue;
    }
    const at = getEntry(item, 'id')?.keySpan ?? getEntry(item, 'rule')?.keySpan ?? item.span ?? span;
    // `id: a,b` names several rules, as a comment may.
    for (const ruleId of String(id.value).split(',').map((s) => s.trim()).filter(Boolean)) {
      out.push({ ruleId, reason: reason?.kind === 'scalar' && reason.value !== null ? String(reason.value).trim() : '', span: at });
    }
  }
  return out;
}

/** `# iac-check:ignore rule-id reason` on the line above a resource, on its key line, or inside it. */
function commentSuppressions(comments: DocComment[], keySpan: Span, body: Span): Suppression[] {
  const out: Suppression[] = [];
  const first = keySpan.start.line - 1;
  const last = body.end.line;
  for (const c of comments) {
    if (c.span.start.line < first || c.span.start.line > last) continue;
    const m = parseIgnoreComment(c.text);
    if (!m) continue;
    // No id at all stays visible as an unknown (empty) id.
    for (const ruleId of m.ids.length ? m.ids : ['']) out.push({ ruleId, reason: m.reason, span: c.span });
  }
  return out;
}
