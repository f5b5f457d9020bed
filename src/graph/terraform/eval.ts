import type { Span } from '../../core/source.js';
import { EvalBudget, LIMITS, limitMessage, type LimitName } from '../../core/limits.js';
import { placed } from '../../core/isolate.js';
import type { Expr, TemplatePart, Traverser } from '../../../parsers/terraform/ast.js';
import type { ListValue, MapValue, Value } from '../value.js';
import { UNKNOWN_PART, valueShape } from '../value.js';
import { az, bool, equal, isAzList, isKnown, list, map, nul, num, scalarString, str, toNumber, unk } from './values.js';
import { callFunction } from './functions.js';

/** Answers the root names of references (`var.x`, `local.y`, `aws_s3_bucket.b`, `data.x.y`, `module.m`). */
export interface Resolver {
  variable(name: string, span: Span): Value;
  local(name: string, span: Span): Value;
  /** undefined when no such resource is declared in the module. */
  resource(type: string, name: string, span: Span): Value | undefined;
  data(type: string, name: string, attr: string | undefined, span: Span): Value;
  module(name: string, output: string | undefined, span: Span): Value;
  self(span: Span): Value;
  pathModule(): string;
  pathRoot(): string;
}

export interface Env {
  r: Resolver;
  /** The work this evaluation may still do: one budget per root module, shared by its module instances. */
  budget: EvalBudget;
  count?: number | Value;
  each?: { key: Value; value: Value };
  /** Lexical names: `for` variables, dynamic block iterators. */
  scope?: Map<string, Value>;
}

/** A value over a limit: unknown (so no rule reports on it as bad), and the budget remembers where. */
export function overLimit(b: EvalBudget, limit: LimitName, span: Span): Value {
  b.hit(limit, span);
  return unk(limitMessage(limit), span);
}

let LITERALS = new WeakMap<Expr, Value>();
let OBJECT_KEY_SPANS = new WeakMap<Expr, Map<string, Span>>();

/**
 * Drops the caches of literal values once a build is done. Their entries go with the syntax trees, but
 * a table keeps the room it grew to: 8 MB each after a 220,000-resource scan, held while the model is built.
 */
export function forgetLiterals(): void {
  LITERALS = new WeakMap();
  OBJECT_KEY_SPANS = new WeakMap();
}

/** Evaluates an HCL expression to a Value; never throws, never hangs. */
export function evaluate(e: Expr, env: Env, depth = 0): Value {
  const b = env.budget;
  if (depth > LIMITS.evalDepth) return overLimit(b, 'evalDepth', e.span);
  if (b.frames >= LIMITS.evalFrames) return overLimit(b, 'evalFrames', e.span);
  if (!b.spend()) return overLimit(b, 'evalSteps', e.span);
  b.frames++;
  try {
    return bounded(evaluateInner(e, env, depth), b);
  } catch (err) {
    // An unexpected exception: the innermost expression it left is where the error is reported.
    throw placed(err, e.span);
  } finally {
    b.frames--;
  }
}

/** A value within the size limits, else unknown: checked on every result, so no consumer walks a huge tree. */
export function bounded(v: Value, b: EvalBudget): Value {
  if (v.kind === 'string') return v.value.length > LIMITS.stringChars ? overLimit(b, 'stringChars', v.span) : v;
  if (v.kind === 'list' && v.items.length > LIMITS.collectionItems) return overLimit(b, 'collectionItems', v.span);
  if (v.kind === 'map' && v.entries.size > LIMITS.collectionItems) return overLimit(b, 'collectionItems', v.span);
  if (v.kind === 'list' || v.kind === 'map' || v.kind === 'unknown') {
    const shape = valueShape(v);
    if (shape.size > LIMITS.valueSize) return overLimit(b, 'valueSize', v.span);
    if (shape.depth > LIMITS.evalDepth) return overLimit(b, 'evalDepth', v.span);
  }
  return v;
}

function evaluateInner(e: Expr, env: Env, depth: number): Value {
  const d = depth + 1;
  switch (e.k) {
    case 'lit': {
      // A literal is the same value wherever it is evaluated: one object for every instance (values are never changed).
      let v = LITERALS.get(e);
      if (!v) {
        v = e.value === null ? nul(e.span) : typeof e.value === 'string' ? str(e.value, e.span) : typeof e.value === 'number' ? num(e.value, e.span) : bool(e.value, e.span);
        LITERALS.set(e, v);
      }
      return v;
    }
    case 'template':
      return template(e.parts, env, d, e.span);
    case 'tuple': {
      if (e.items.length > LIMITS.collectionItems) return overLimit(env.budget, 'collectionItems', e.span);
      return list(e.items.map((i) => evaluate(i, env, d)), e.span);
    }
    case 'object': {
      const entries = new Map<string, Value>();
      // with literal keys only, the key spans are the same at every evaluation: one map for all
      const known = OBJECT_KEY_SPANS.get(e);
      const keySpans = known ?? new Map<string, Span>();
      let literal = true;
      for (const it of e.items) {
        if (it.key.k !== 'lit') literal = false;
        const k = evaluate(it.key, env, d);
        const ks = scalarString(k);
        if (ks === undefined) return unk('an object key is not known', e.span, k, ...e.items.map((x) => evaluate(x.value, env, d)));
        entries.set(ks, evaluate(it.value, env, d));
        if (!known) keySpans.set(ks, it.keySpan);
      }
      if (!known && literal) OBJECT_KEY_SPANS.set(e, keySpans);
      return { kind: 'map', entries, keySpans, span: e.span };
    }
    case 'var':
    case 'attr':
    case 'index':
      return traversal(e, env, d);
    case 'splat': {
      const base = evaluate(e.obj, env, d);
      return splat(base, e.path, env, d, e.span);
    }
    case 'call':
      return call(e, env, d);
    case 'cond': {
      const c = evaluate(e.cond, env, d);
      if (c.kind === 'boolean') return evaluate(c.value ? e.then : e.else, env, d);
      const a = evaluate(e.then, env, d);
      const b = evaluate(e.else, env, d);
      const u = unk('the condition is not known', e.span, c, a, b);
      u.options = [a, b];
      return u;
    }
    case 'unary': {
      const v = evaluate(e.operand, env, d);
      if (e.op === '!' && v.kind === 'boolean') return bool(!v.value, e.span);
      if (e.op === '-' && v.kind === 'number') return num(-v.value, e.span);
      return unk(`operator ${e.op} on a value that is not known`, e.span, v);
    }
    case 'binary':
      return binary(e.op, evaluate(e.left, env, d), () => evaluate(e.right, env, d), e.span);
    case 'for':
      return forExpr(e, env, d);
    case 'invalid':
      return unk(e.message, e.span);
  }
}

function template(parts: TemplatePart[], env: Env, d: number, span: Span): Value {
  const out: string[] = [];
  const bad: Value[] = [];
  /** Values that are not known, interpolated at placeholders (for JSON documents written as templates). */
  const holes: Value[] = [];
  let structural = true;
  let size = 0;
  const run = (ps: TemplatePart[], depth: number): void => {
    if (depth > LIMITS.evalDepth) {
      bad.push(overLimit(env.budget, 'evalDepth', span));
      return;
    }
    for (const p of ps) {
      if (p.k === 'text') out.push(p.text);
      else if (p.k === 'interp') {
        const v = evaluate(p.expr, env, depth);
        const s = scalarString(v);
        if (s === undefined) {
          if (v.kind === 'null') {
            bad.push(unk('null in a template', p.span));
            structural = false;
          } else {
            bad.push(v);
            holes.push(v);
            out.push(`__iac_value_${holes.length - 1}__`);
            if (v.kind !== 'ref' && v.kind !== 'unknown' && v.kind !== 'az') structural = false;
          }
        } else out.push(s);
      } else if (p.k === 'if') {
        const c = evaluate(p.cond, env, depth);
        if (c.kind !== 'boolean') {
          bad.push(c);
          structural = false;
        } else run(c.value ? p.then : p.else, depth + 1);
      } else {
        const coll = evaluate(p.coll, env, depth);
        const items = iterate(coll);
        if (!items) {
          bad.push(coll);
          structural = false;
          continue;
        }
        const over = items.length > LIMITS.collectionItems ? 'collectionItems' : !env.budget.spend(items.length) ? 'evalSteps' : undefined;
        if (over) {
          bad.push(overLimit(env.budget, over, p.span));
          structural = false;
          continue;
        }
        for (const [k, v] of items) {
          const scope = new Map(env.scope ?? []);
          if (p.keyVar) scope.set(p.keyVar, k);
          scope.set(p.valVar, v);
          const inner: Env = { ...env, scope };
          const save = env;
          env = inner;
          run(p.body, depth + 1);
          env = save;
        }
      }
      size += out.length ? out[out.length - 1]!.length : 0;
      if (size > LIMITS.stringChars) {
        bad.push(overLimit(env.budget, 'stringChars', span));
        return;
      }
    }
  };
  run(parts, d);
  if (bad.length && structural && holes.length === bad.length) {
    const doc = jsonTemplate(out.join(''), holes, span);
    if (doc) return doc;
  }
  if (bad.length) {
    const u = unk(bad.length === 1 && bad[0]!.kind === 'unknown' ? bad[0]!.reason : 'the template interpolates a value that is not known', span, ...bad);
    // Without directives the known text is kept, unknown parts marked: `arn:aws:iam::${…}:root` is still no wildcard.
    if (structural && holes.length === bad.length) u.pattern = out.join('').replace(/__iac_value_\d+__/g, UNKNOWN_PART);
    return u;
  }
  return str(out.join(''), span);
}

const HOLE = /__iac_value_(\d+)__/g;

/**
 * A JSON document written as a template (a heredoc policy with `${aws_s3_bucket.b.arn}` inside): when the text
 * parses as a JSON object or array with the unknown values at placeholders, the document is kept structured, as
 * `jsonencode()` is, so that adapters can read it. Strings that are exactly one value become that value; strings
 * that contain some become unknown with their refs.
 */
function jsonTemplate(text: string, holes: Value[], span: Span): Value | undefined {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const conv = (x: unknown, depth: number): Value => {
    if (depth > 64) return unk('nested too deeply', span);
    if (typeof x === 'string') {
      const whole = /^__iac_value_(\d+)__$/.exec(x);
      if (whole) return holes[Number(whole[1])] ?? unk('value not known', span);
      if (x.includes('__iac_value_')) {
        const used = [...x.matchAll(HOLE)].map((m) => holes[Number(m[1])]);
        return unk('the string interpolates a value that is not known', span, ...used);
      }
      return str(x, span);
    }
    if (typeof x === 'number') return num(x, span);
    if (typeof x === 'boolean') return bool(x, span);
    if (x === null) return nul(span);
    if (Array.isArray(x)) return list(x.map((i) => conv(i, depth + 1)), span);
    const entries: [string, Value][] = Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, conv(v, depth + 1)]);
    return map(entries, span);
  };
  return conv(parsed, 0);
}

/** [key, value] pairs of a list (index keys) or map. */
export function iterate(v: Value): [Value, Value][] | undefined {
  if (v.kind === 'list') return v.items.map((it, i) => [num(i, it.span), it]);
  if (v.kind === 'map') return [...v.entries].map(([k, it]) => [str(k, v.keySpans.get(k) ?? it.span), it]);
  return undefined;
}

function forExpr(e: Extract<Expr, { k: 'for' }>, env: Env, d: number): Value {
  const coll = evaluate(e.coll, env, d);
  const items = iterate(coll);
  if (!items) return unk(coll.kind === 'unknown' ? coll.reason : 'a for expression over a value that is not a collection', e.span, coll);
  if (items.length > LIMITS.collectionItems) return overLimit(env.budget, 'collectionItems', e.span);
  if (!env.budget.spend(items.length)) return overLimit(env.budget, 'evalSteps', e.span);
  const outList: Value[] = [];
  const outMap = new Map<string, Value>();
  const groups = new Map<string, Value[]>();
  const keySpans = new Map<string, Span>();
  const scope = new Map(env.scope ?? []);
  const inner: Env = { ...env, scope };
  for (const [k, v] of items) {
    if (env.budget.exhausted) break;
    if (e.keyVar) scope.set(e.keyVar, k);
    scope.set(e.valVar, v);
    if (e.cond) {
      const c = evaluate(e.cond, inner, d);
      if (c.kind !== 'boolean') return unk('a for expression condition is not known', e.span, c);
      if (!c.value) continue;
    }
    const val = evaluate(e.value, inner, d);
    if (e.key) {
      const kv = evaluate(e.key, inner, d);
      const ks = scalarString(kv);
      if (ks === undefined) return unk('a for expression key is not known', e.span, kv, val);
      keySpans.set(ks, kv.span);
      if (e.group) {
        const g = groups.get(ks);
        if (g) g.push(val);
        else groups.set(ks, [val]);
      } else outMap.set(ks, val);
    } else outList.push(val);
  }
  if (env.budget.exhausted) return overLimit(env.budget, 'evalSteps', e.span);
  if (!e.key) return list(outList, e.span);
  if (e.group) for (const [k, g] of groups) outMap.set(k, list(g, e.span));
  return { kind: 'map', entries: outMap, keySpans, span: e.span };
}

function binary(op: string, a: Value, bf: () => Value, span: Span): Value {
  if (op === '&&' || op === '||') {
    if (a.kind === 'boolean') {
      if (op === '&&' && !a.value) return bool(false, span);
      if (op === '||' && a.value) return bool(true, span);
      const b = bf();
      if (b.kind === 'boolean') return bool(b.value, span);
      return unk(`operand of ${op} is not known`, span, b);
    }
    return unk(`operand of ${op} is not known`, span, a, bf());
  }
  const b = bf();
  if (op === '==' || op === '!=') {
    if (!isKnown(a) || !isKnown(b)) return unk(`operand of ${op} is not known`, span, a, b);
    const eq = equal(a, b);
    return bool(op === '==' ? eq : !eq, span);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return unk(`operand of ${op} is not a known number`, span, a, b);
  switch (op) {
    case '+': return num(x + y, span);
    case '-': return num(x - y, span);
    case '*': return num(x * y, span);
    case '/': return y === 0 ? unk('division by zero', span) : num(x / y, span);
    case '%': return y === 0 ? unk('division by zero', span) : num(x % y, span);
    case '<': return bool(x < y, span);
    case '<=': return bool(x <= y, span);
    case '>': return bool(x > y, span);
    case '>=': return bool(x >= y, span);
    default: return unk(`unsupported operator ${op}`, span);
  }
}

/** Applies `.name` to a value. */
export function getAttr(v: Value, name: string, span: Span): Value {
  switch (v.kind) {
    case 'map': {
      const e = v.entries.get(name);
      return e ?? unk(`no attribute "${name}"`, span);
    }
    case 'ref':
      return { kind: 'ref', target: v.target, attribute: v.attribute ? `${v.attribute}.${name}` : name, span };
    case 'unknown':
      return { ...unk(v.reason, span, v) };
    default:
      return unk(`cannot read attribute "${name}" of a ${v.kind}`, span, v);
  }
}

/** Applies `[index]` to a value. */
export function getIndex(v: Value, idx: Value, span: Span): Value {
  const azl = isAzList(v);
  if (azl) {
    const n = toNumber(idx);
    return n === undefined ? unk('availability zone index not known', span, idx) : az(n, span, azl.region);
  }
  switch (v.kind) {
    case 'list': {
      const n = toNumber(idx);
      if (n === undefined) return unk('list index not known', span, idx, v);
      return v.items[n] ?? unk(`index ${n} out of range (${v.items.length} items)`, span);
    }
    case 'map': {
      const k = scalarString(idx);
      if (k === undefined) return unk('map key not known', span, idx, v);
      return v.entries.get(k) ?? unk(`no key "${k}"`, span);
    }
    case 'ref':
      // a resource whose count/for_each is unknown stands for its single instance
      if (!v.attribute) return { ...v, span };
      return { kind: 'ref', target: v.target, attribute: `${v.attribute}.${scalarString(idx) ?? '*'}`, span };
    case 'unknown':
      return unk(v.reason, span, v, idx);
    default:
      return unk(`cannot index a ${v.kind}`, span, v);
  }
}

function splat(base: Value, path: Traverser[], env: Env, d: number, span: Span): Value {
  const apply = (v: Value): Value => {
    let cur = v;
    for (const t of path) cur = t.k === 'attr' ? getAttr(cur, t.name, span) : getIndex(cur, evaluate(t.index, env, d), span);
    return cur;
  };
  if (base.kind === 'null') return list([], span);
  if (base.kind === 'list') return list(base.items.map(apply), span);
  if (base.kind === 'map') return list([...base.entries.values()].map(apply), span);
  if (base.kind === 'unknown') return unk(base.reason, span, base);
  return list([apply(base)], span);
}

function traversal(e: Expr, env: Env, d: number): Value {
  // flatten the leading chain of attributes and indexes
  const steps: (Extract<Expr, { k: 'attr' }> | Extract<Expr, { k: 'index' }>)[] = [];
  let cur: Expr = e;
  while (cur.k === 'attr' || cur.k === 'index') {
    steps.push(cur);
    cur = cur.obj;
  }
  steps.reverse();
  if (cur.k !== 'var') {
    let v = evaluate(cur, env, d);
    for (const s of steps) v = s.k === 'attr' ? getAttr(v, s.name, s.span) : getIndex(v, evaluate(s.index, env, d), s.span);
    return v;
  }
  const root = cur;
  const attrAt = (i: number): string | undefined => {
    const s = steps[i];
    if (!s) return undefined;
    if (s.k === 'attr') return s.name;
    if (s.index.k === 'lit' && typeof s.index.value === 'string') return s.index.value;
    return undefined;
  };
  let v: Value;
  let used = 0;
  const spanAt = (i: number): Span => (i > 0 && steps[i - 1] ? steps[i - 1]!.span : root.span);
  const scoped = env.scope?.get(root.name);
  const r = env.r;
  if (scoped) v = scoped;
  else {
    switch (root.name) {
      case 'var':
      case 'local': {
        const n = attrAt(0);
        if (!n) return unk(`incomplete reference ${root.name}`, e.span);
        v = root.name === 'var' ? r.variable(n, spanAt(1)) : r.local(n, spanAt(1));
        used = 1;
        break;
      }
      case 'count': {
        if (attrAt(0) !== 'index') return unk('unsupported count reference', e.span);
        used = 1;
        if (env.count === undefined) return unk('count.index outside a resource with count', e.span);
        v = typeof env.count === 'number' ? num(env.count, spanAt(1)) : { ...env.count, span: spanAt(1) } as Value;
        break;
      }
      case 'each': {
        const n = attrAt(0);
        used = 1;
        if (!env.each) return unk('each outside a resource with for_each', e.span);
        if (n === 'key') v = { ...env.each.key, span: spanAt(1) } as Value;
        else if (n === 'value') v = env.each.value;
        else return unk(`unsupported each.${n ?? ''}`, e.span);
        break;
      }
      case 'path': {
        const n = attrAt(0);
        used = 1;
        if (n === 'module') v = str(r.pathModule(), spanAt(1));
        else if (n === 'root') v = str(r.pathRoot(), spanAt(1));
        else if (n === 'cwd') v = str('.', spanAt(1));
        else return unk(`unsupported path.${n ?? ''}`, e.span);
        break;
      }
      case 'terraform': {
        used = 1;
        if (attrAt(0) === 'workspace') v = str('default', spanAt(1));
        else return unk('unsupported terraform attribute', e.span);
        break;
      }
      case 'self':
        v = r.self(root.span);
        break;
      case 'module': {
        const n = attrAt(0);
        if (!n) return unk('incomplete module reference', e.span);
        const out = steps[1]?.k === 'attr' ? attrAt(1) : undefined;
        v = r.module(n, out, spanAt(out ? 2 : 1));
        used = out ? 2 : 1;
        break;
      }
      case 'data': {
        const t = attrAt(0);
        const n = attrAt(1);
        if (!t || !n) return unk('incomplete data reference', e.span);
        const a = steps[2]?.k === 'attr' ? attrAt(2) : undefined;
        v = r.data(t, n, a, spanAt(a ? 3 : 2));
        used = a ? 3 : 2;
        break;
      }
      default: {
        const n = attrAt(0);
        if (!n) return unk(`unknown name "${root.name}"`, e.span);
        const rv = r.resource(root.name, n, spanAt(1));
        if (!rv) return unk(`reference to undeclared resource ${root.name}.${n}`, e.span);
        v = rv;
        used = 1;
      }
    }
  }
  for (let i = used; i < steps.length; i++) {
    const s = steps[i]!;
    v = s.k === 'attr' ? getAttr(v, s.name, s.span) : getIndex(v, evaluate(s.index, env, d), s.span);
  }
  return v;
}

function call(e: Extract<Expr, { k: 'call' }>, env: Env, d: number): Value {
  if (e.name === 'try' || e.name === 'can') {
    for (const a of e.args) {
      const v = evaluate(a, env, d);
      if (e.name === 'can') return v.kind === 'unknown' ? unk(v.reason, e.span, v) : bool(true, e.span);
      if (v.kind !== 'unknown' || v.refs.length) return v;
    }
    return unk('no argument of try() could be evaluated', e.span);
  }
  let args = e.args.map((a) => evaluate(a, env, d));
  if (e.expand && args.length) {
    const last = args[args.length - 1]!;
    if (last.kind !== 'list') return unk(`${e.name}(...) over a value that is not a known list`, e.span, ...args);
    args = [...args.slice(0, -1), ...last.items];
  }
  return callFunction(e.name, args, e.span, env.budget);
}

export type { ListValue, MapValue };
export { map, scalarString, toNumber, equal };
