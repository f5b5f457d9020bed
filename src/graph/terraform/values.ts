import type { Span } from '../../core/source.js';
import type { AzValue, ListValue, MapValue, UnknownValue, Value } from '../value.js';

export const str = (value: string, span: Span): Value => ({ kind: 'string', value, span });
export const num = (value: number, span: Span): Value => ({ kind: 'number', value, span });
export const bool = (value: boolean, span: Span): Value => ({ kind: 'boolean', value, span });
export const nul = (span: Span): Value => ({ kind: 'null', span });
export const list = (items: Value[], span: Span): ListValue => ({ kind: 'list', items, span });
export function map(entries: [string, Value][], span: Span, keySpans?: Map<string, Span>): MapValue {
  const m = new Map(entries);
  const ks = keySpans ?? new Map(entries.map(([k, v]) => [k, v.span]));
  return { kind: 'map', entries: m, keySpans: ks, span };
}

/** Unknown values that stand for `data.aws_availability_zones.<x>.names`. */
const azLists = new WeakMap<UnknownValue, { region?: string }>();
export function azList(span: Span, region?: string): UnknownValue {
  const u: UnknownValue = { kind: 'unknown', reason: 'the availability zone names of the region are only known at plan time', refs: [], span };
  azLists.set(u, region ? { region } : {});
  return u;
}
export function isAzList(v: Value): { region?: string } | undefined {
  return v.kind === 'unknown' ? azLists.get(v) : undefined;
}
export function az(index: number, span: Span, region?: string): AzValue {
  return region ? { kind: 'az', index, region, span } : { kind: 'az', index, span };
}

/** An unknown that keeps every resource id the inputs mention. */
export function unk(reason: string, span: Span, ...from: (Value | undefined)[]): UnknownValue {
  const refs: string[] = [];
  for (const v of from) if (v) collectRefs(v, refs, 0);
  const uniq = refs.length > 1 ? [...new Set(refs)] : refs;
  return { kind: 'unknown', reason, refs: uniq, span };
}

function collectRefs(v: Value, out: string[], depth: number): void {
  if (depth > 64 || out.length > 1000) return;
  switch (v.kind) {
    case 'ref': out.push(v.target); break;
    case 'unknown': for (const r of v.refs) out.push(r); break;
    case 'list': for (const i of v.items) collectRefs(i, out, depth + 1); break;
    case 'map': for (const e of v.entries.values()) collectRefs(e, out, depth + 1); break;
    default: break;
  }
}

/** Whether a value is fully known (no refs, unknowns or AZs inside). */
export function isKnown(v: Value, depth = 0): boolean {
  if (depth > 64) return false;
  switch (v.kind) {
    case 'ref': case 'unknown': case 'az': return false;
    case 'list': return v.items.every((i) => isKnown(i, depth + 1));
    case 'map': for (const e of v.entries.values()) if (!isKnown(e, depth + 1)) return false; return true;
    default: return true;
  }
}

/** A copy of a value with every span replaced (values that flowed in from elsewhere are anchored to the expression that used them). */
export function respan(v: Value, span: Span, depth = 0): Value {
  if (depth > 64) return v;
  switch (v.kind) {
    case 'list': return { kind: 'list', items: v.items.map((i) => respan(i, span, depth + 1)), span };
    case 'map': {
      const entries = new Map<string, Value>();
      const ks = new Map<string, Span>();
      for (const [k, e] of v.entries) { entries.set(k, respan(e, span, depth + 1)); ks.set(k, span); }
      return { kind: 'map', entries, keySpans: ks, span };
    }
    default: return { ...v, span } as Value;
  }
}

export function within(inner: Span, outer: Span): boolean {
  if (inner.file !== outer.file) return false;
  const a = inner.start, b = outer.start, c = inner.end, d = outer.end;
  if (a.line < b.line || (a.line === b.line && a.column < b.column)) return false;
  if (c.line > d.line || (c.line === d.line && c.column > d.column)) return false;
  return true;
}

export function plainToValue(x: unknown, span: Span, depth = 0): Value {
  if (depth > 100) return unk('nested too deeply', span);
  if (x === null || x === undefined) return nul(span);
  if (typeof x === 'string') return str(x, span);
  if (typeof x === 'number') return num(x, span);
  if (typeof x === 'boolean') return bool(x, span);
  if (Array.isArray(x)) return list(x.map((i) => plainToValue(i, span, depth + 1)), span);
  if (typeof x === 'object') return map(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, plainToValue(v, span, depth + 1)]), span);
  return unk('unsupported value', span);
}

export function typeName(v: Value): string {
  return v.kind;
}

/** A scalar written as Terraform writes it in a string. */
export function scalarString(v: Value): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'boolean') return String(v.value);
  return undefined;
}

export function toNumber(v: Value): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string' && v.value.trim() !== '' && !isNaN(Number(v.value))) return Number(v.value);
  return undefined;
}

export function equal(a: Value, b: Value): boolean {
  if (a === b) return isKnown(a);
  if (a.kind === 'string' || a.kind === 'number' || a.kind === 'boolean') return (b.kind === a.kind) && (b as { value: unknown }).value === a.value;
  if (a.kind === 'null') return b.kind === 'null';
  if (a.kind === 'list') return b.kind === 'list' && a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i]!));
  if (a.kind === 'map') {
    if (b.kind !== 'map' || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) {
      const w = b.entries.get(k);
      if (!w || !equal(v, w)) return false;
    }
    return true;
  }
  return false;
}

