import type { Span } from '../core/source.js';

/**
 * An evaluated expression, the same for every input kind. Graph builders turn
 * CloudFormation intrinsics and Terraform expressions into these; adapters read them.
 * Every value keeps the span of the text it was evaluated from.
 */
export type Value =
  | StringValue
  | NumberValue
  | BooleanValue
  | NullValue
  | ListValue
  | MapValue
  | RefValue
  | AzValue
  | UnknownValue;

export interface StringValue { kind: 'string'; value: string; span: Span }
export interface NumberValue { kind: 'number'; value: number; span: Span }
export interface BooleanValue { kind: 'boolean'; value: boolean; span: Span }
export interface NullValue { kind: 'null'; span: Span }
export interface ListValue { kind: 'list'; items: Value[]; span: Span }
export interface MapValue {
  kind: 'map';
  entries: Map<string, Value>;
  /** Span of each key, for findings that point at a property name. */
  keySpans: Map<string, Span>;
  span: Span;
}

/**
 * A reference to another resource of the graph (CloudFormation `Ref`/`Fn::GetAtt`,
 * Terraform `aws_x.y.attr`): its runtime value is not known, but its target is.
 * `attribute` is undefined for a plain `Ref` (or Terraform `.id`-less use).
 */
export interface RefValue { kind: 'ref'; target: string; attribute?: string; span: Span }

/** The `index`-th Availability Zone of a region (`!Select [i, !GetAZs '']`, `data.aws_availability_zones.x.names[i]`). */
export interface AzValue { kind: 'az'; index: number; region?: string; span: Span }

/**
 * A value that cannot be known before deployment (a parameter without a default,
 * a data source, an undecided condition, an unsupported function). `refs` lists
 * resources it mentions, so that joins still work (`arn:aws:s3:::${Bucket}/*`).
 * `options` holds the possible values of an undecided condition, when there are a few.
 */
export interface UnknownValue {
  kind: 'unknown';
  reason: string;
  refs: string[];
  span: Span;
  options?: Value[];
  /** For a string built from a template with unknown parts: its known text, each unknown part written `${…}`. */
  pattern?: string;
}

/** How an unknown part of a string is written in `UnknownValue.pattern`. */
export const UNKNOWN_PART = '${…}';

export function isScalar(v: Value): v is StringValue | NumberValue | BooleanValue {
  return v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean';
}

export function unknown(reason: string, span: Span, refs: string[] = [], options?: Value[]): UnknownValue {
  return options ? { kind: 'unknown', reason, refs, span, options } : { kind: 'unknown', reason, refs, span };
}

/** Every resource id a value mentions (references, unknowns with refs), depth first. */
export function referencedIds(v: Value, out: string[] = []): string[] {
  switch (v.kind) {
    case 'ref': out.push(v.target); break;
    case 'unknown': out.push(...v.refs); for (const o of v.options ?? []) referencedIds(o, out); break;
    case 'list': for (const i of v.items) referencedIds(i, out); break;
    case 'map': for (const e of v.entries.values()) referencedIds(e, out); break;
    default: break;
  }
  return out;
}

/** Follows a path of map keys and list indexes. Returns undefined when a step is absent. */
export function valueAt(v: Value | undefined, path: readonly (string | number)[]): Value | undefined {
  let cur = v;
  for (const step of path) {
    if (!cur) return undefined;
    if (typeof step === 'number') {
      if (cur.kind !== 'list') return undefined;
      cur = cur.items[step];
    } else {
      if (cur.kind !== 'map') return undefined;
      cur = cur.entries.get(step);
    }
  }
  return cur;
}

/** A plain JavaScript view of a value, for JSON documents such as policies; unknown parts become undefined. */
export function toPlain(v: Value): unknown {
  switch (v.kind) {
    case 'string': case 'number': case 'boolean': return v.value;
    case 'null': return null;
    case 'list': return v.items.map(toPlain);
    case 'map': return Object.fromEntries([...v.entries].map(([k, e]) => [k, toPlain(e)]));
    default: return undefined;
  }
}

/** Size and depth of a value written out as a tree (shared parts counted each time they appear). */
export interface ValueShape {
  /** Nodes plus string characters. */
  size: number;
  depth: number;
}

let shapes = new WeakMap<Value, ValueShape>();

/** Drops the memoized shapes once a build is done (the table keeps the room it grew to, 8 MB after a 220,000-resource scan). */
export function forgetShapes(): void {
  shapes = new WeakMap();
}

/**
 * The shape of a value, memoized per value object: linear in the distinct objects even when a
 * value shares parts (`{a = m, b = m}` forty levels deep is 2^40 nodes as a tree, 80 objects here),
 * so budgets can refuse such a value before anything walks it as a tree.
 */
export function valueShape(v: Value): ValueShape {
  switch (v.kind) {
    case 'string': return { size: 1 + v.value.length, depth: 0 };
    case 'list': case 'map': case 'unknown': {
      const known = shapes.get(v);
      if (known) return known;
      let size = 1;
      let depth = 0;
      const children = v.kind === 'list' ? v.items : v.kind === 'map' ? v.entries.values() : (v.options ?? []);
      for (const c of children) {
        const s = valueShape(c);
        size += s.size;
        if (s.depth + 1 > depth) depth = s.depth + 1;
      }
      const shape = { size, depth };
      shapes.set(v, shape);
      return shape;
    }
    default: return { size: 1, depth: 0 };
  }
}
