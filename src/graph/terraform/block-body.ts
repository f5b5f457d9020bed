/**
 * A Terraform block's body evaluated into the properties of its graph node: attributes (anchored where
 * the configuration uses them), nested and `dynamic` blocks as lists of maps, `lifecycle` read aside.
 */
import type { Span } from '../../core/source.js';
import { LIMITS } from '../../core/limits.js';
import type { Attribute, Block, Body, Expr } from '../../../parsers/terraform/ast.js';
import { attributeOf, blocksOf } from '../../../parsers/terraform/ast.js';
import type { MapValue, Value } from '../value.js';
import { evaluate as evaluateExpr, iterate, overLimit, type Env } from './eval.js';
import { list, map, respan, unk, within } from './values.js';

/** Meta-arguments of a resource block: not properties of the resource. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);
/** The most instances a count, a for_each or a dynamic block expands to. */
export const MAX_INSTANCES = 10_000;

/** Evaluates one expression, bounding chains of references across variables, locals and outputs (no stack overflow). */
export function evaluate(e: Expr, env: Env): Value {
  const b = env.budget;
  if (b.chain >= LIMITS.referenceChain) return overLimit(b, 'referenceChain', e.span);
  b.chain++;
  try {
    return evaluateExpr(e, env);
  } finally {
    b.chain--;
  }
}

/** The key spans of each body evaluated as a resource body (`top`) and as a nested block. */
const TOP_KEY_SPANS = new WeakMap<Body, Map<string, Span>>();
const KEY_SPANS = new WeakMap<Body, Map<string, Span>>();

/** Evaluates a block body; a nested block's map spans the whole block (`statement {` … `}`), so findings on it point at its header. */
export function evalBody(body: Body, env: Env, top: boolean, lifecycle: { prevent?: Value }, depth: number, blockSpan?: Span): MapValue {
  const entries = new Map<string, Value>();
  // The key spans depend on the body alone: every instance of the block (count, for_each, each call of
  // its module) shares one map. Nothing changes a map's keySpans after it is built.
  const memo = depth <= 32 ? (top ? TOP_KEY_SPANS : KEY_SPANS) : undefined;
  const known = memo?.get(body);
  const keySpans = known ?? new Map<string, Span>();
  const nested = new Map<string, Value[]>();
  for (const it of body.items) {
    if (it.kind === 'attribute') {
      if (top && META.has(it.name)) continue;
      entries.set(it.name, attrValue(it, env));
      if (!known) keySpans.set(it.name, it.nameSpan);
      continue;
    }
    if (top && it.type === 'lifecycle') {
      const pd = attributeOf(it.body, 'prevent_destroy');
      if (pd) lifecycle.prevent = evaluate(pd.expr, env);
      continue;
    }
    if (top && (it.type === 'provisioner' || it.type === 'connection')) continue;
    if (depth > 32) continue;
    if (it.type === 'dynamic') {
      const name = it.labels[0];
      if (!name) continue;
      if (!keySpans.has(name)) keySpans.set(name, it.typeSpan);
      const arr = nested.get(name) ?? [];
      nested.set(name, arr);
      expandDynamic(it, name, env, arr, lifecycle, depth);
      continue;
    }
    if (!keySpans.has(it.type)) keySpans.set(it.type, it.typeSpan);
    const arr = nested.get(it.type) ?? [];
    nested.set(it.type, arr);
    arr.push(evalBody(it.body, env, false, lifecycle, depth + 1, it.span));
  }
  for (const [k, arr] of nested) {
    if (entries.has(k)) continue;
    entries.set(k, list(arr, keySpans.get(k) ?? body.span));
  }
  if (memo && !known) memo.set(body, keySpans);
  return { kind: 'map', entries, keySpans, span: blockSpan ?? (body === undefined ? nowhere('') : spanOfBlockBody(body)) };
}

function expandDynamic(b: Block, name: string, env: Env, arr: Value[], lifecycle: { prevent?: Value }, depth: number): void {
  const fe = attributeOf(b.body, 'for_each');
  const itAttr = attributeOf(b.body, 'iterator');
  const iterName = itAttr ? traversalName(itAttr.expr) ?? name : name;
  const content = blocksOf(b.body, 'content')[0];
  if (!content) return;
  const coll = fe ? evaluate(fe.expr, env) : unk('dynamic block without for_each', b.span);
  const items = iterate(coll);
  const run = (k: Value, v: Value) => {
    const scope = new Map(env.scope ?? []);
    scope.set(iterName, map([['key', k], ['value', v]], b.span));
    arr.push(evalBody(content.body, { ...env, scope }, false, lifecycle, depth + 1, b.span));
  };
  if (!items) {
    const u = unk(coll.kind === 'unknown' ? `dynamic "${name}": ${coll.reason}` : `dynamic "${name}" for_each is not a collection`, b.span, coll);
    run(u, u);
    return;
  }
  for (const [k, v] of items.slice(0, MAX_INSTANCES)) run(k, v);
}

/**
 * An attribute whose whole value comes from elsewhere (`x = var.y`, `x = local.z`, a module input, a
 * reference that arrives through a module output or a local) is anchored at the attribute's expression; values written inside the expression keep their own span, and
 * an element that comes from a variable inside a literal list keeps the span where that value is written
 * when that is a `.tf` file (a local, a module argument). A part whose value was written outside the
 * configuration — a `.tfvars` file, `--var-file`, `--var` — is anchored at the attribute too, so that
 * `x = [var.y]` and `x = var.y` both point at the `.tf` line that uses the value. A value read from a
 * module output keeps where the module writes it (its span carries the way it came, see `exported`).
 */
function attrValue(a: Attribute, env: Env): Value {
  const v = evaluate(a.expr, env);
  if (!within(v.span, a.span) && !(v.span.via && inConfig(v.span))) return respan(v, a.expr.span);
  return anchorOutsideConfig(v, a.expr.span);
}

/** Whether a span lies in a configuration file (`.tf`, `.tf.json`), not in variable values (`.tfvars`, the command line). */
function inConfig(span: Span): boolean {
  return span.file.endsWith('.tf') || span.file.endsWith('.tf.json');
}

/** `v` with every part that was written outside the configuration re-anchored at `span`. */
function anchorOutsideConfig(v: Value, span: Span, depth = 0): Value {
  if (depth > 64) return v;
  if (!inConfig(v.span) && v.kind !== 'ref') return respan(v, span);
  if (v.kind === 'list') {
    let changed = false;
    const items = v.items.map((i) => {
      const r = anchorOutsideConfig(i, span, depth + 1);
      if (r !== i) changed = true;
      return r;
    });
    return changed ? { ...v, items } : v;
  }
  if (v.kind === 'map') {
    let changed = false;
    const entries = new Map<string, Value>();
    const keySpans = new Map(v.keySpans);
    for (const [k, e] of v.entries) {
      const r = anchorOutsideConfig(e, span, depth + 1);
      if (r !== e) changed = true;
      entries.set(k, r);
      const ks = keySpans.get(k);
      if (ks && !inConfig(ks)) { keySpans.set(k, span); changed = true; }
    }
    return changed ? { ...v, entries, keySpans } : v;
  }
  return v;
}

function spanOfBlockBody(body: Body): Span {
  return body.span;
}

/** A place at the top of a file, for values with no written place of their own. */
export function nowhere(file: string): Span {
  return { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

export function traversalName(e: Expr): string | undefined {
  if (e.k === 'var') return e.name;
  if (e.k === 'attr') {
    const b = traversalName(e.obj);
    return b ? `${b}.${e.name}` : undefined;
  }
  if (e.k === 'lit' && typeof e.value === 'string') return e.value;
  return undefined;
}
