import type { Span } from '../../core/source.js';
import { toPlain, type Value } from '../value.js';
import { az, bool, isAzList, isKnown, list, map, nul, num, plainToValue, str, unk } from './values.js';
import { equal, scalarString, toNumber } from './eval.js';

type Fn = (args: Value[], span: Span) => Value;

const MAX_ITEMS = 10_000;

function needKnown(name: string, args: Value[], span: Span): Value | undefined {
  for (const a of args) if (!isKnown(a)) return unk(`${name}() of a value that is not known`, span, ...args);
  return undefined;
}

function items(v: Value): Value[] | undefined {
  if (v.kind === 'list') return v.items;
  return undefined;
}

const fns: Record<string, Fn> = {
  jsonencode: ([x], span) => (x ? x : unk('jsonencode() without argument', span)),
  jsondecode: ([x], span) => {
    if (!x || x.kind !== 'string') return unk('jsondecode() of a value that is not a known string', span, x);
    try {
      return plainToValue(JSON.parse(x.value), x.span);
    } catch {
      return unk('jsondecode() of invalid JSON', span);
    }
  },
  merge: (args, span) => {
    const entries = new Map<string, Value>();
    const keySpans = new Map<string, Span>();
    for (const a of args) {
      if (a.kind === 'null') continue;
      if (a.kind !== 'map') return unk('merge() of a value that is not a known map', span, ...args);
      for (const [k, v] of a.entries) {
        entries.set(k, v);
        keySpans.set(k, a.keySpans.get(k) ?? v.span);
      }
    }
    return { kind: 'map', entries, keySpans, span };
  },
  concat: (args, span) => {
    const out: Value[] = [];
    for (const a of args) {
      if (a.kind !== 'list') return unk('concat() of a value that is not a known list', span, ...args);
      out.push(...a.items);
      if (out.length > MAX_ITEMS) return unk('concat() result too large', span);
    }
    return list(out, span);
  },
  lookup: ([m, k, def], span) => {
    if (!m || !k) return unk('lookup() needs two arguments', span);
    const ks = scalarString(k);
    if (m.kind !== 'map' || ks === undefined) return unk('lookup() in a value that is not known', span, m, k, def);
    return m.entries.get(ks) ?? def ?? unk(`lookup() of missing key "${ks}"`, span);
  },
  coalesce: (args, span) => {
    for (const a of args) {
      if (a.kind === 'unknown' || a.kind === 'ref' || a.kind === 'az') return unk('coalesce() of a value that is not known', span, ...args);
      if (a.kind === 'null' || (a.kind === 'string' && a.value === '')) continue;
      return a;
    }
    return unk('coalesce() with no non-empty argument', span);
  },
  format: (args, span) => {
    const [f, ...rest] = args;
    if (!f || f.kind !== 'string') return unk('format() with a format that is not known', span, ...args);
    let i = 0;
    let bad: Value | undefined;
    const out = f.value.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdvqftbeEgGxXo])/g, (m, spec: string) => {
      if (spec === '%') return '%';
      const a = rest[i++];
      if (!a) return m;
      const conv = spec[spec.length - 1];
      if (conv === 'q') return a.kind === 'string' ? JSON.stringify(a.value) : (bad = a, '');
      if (conv === 'v' && isKnown(a) && (a.kind === 'list' || a.kind === 'map')) return JSON.stringify(toPlain(a));
      const n = toNumber(a);
      if ((conv === 'd') && n !== undefined) return String(Math.trunc(n));
      if (conv === 'f' && n !== undefined) {
        const p = /\.(\d+)/.exec(spec);
        return n.toFixed(p ? Number(p[1]) : 6);
      }
      if (conv === 'x' && n !== undefined) return Math.trunc(n).toString(16);
      const s = scalarString(a);
      if (s === undefined) {
        bad = a;
        return '';
      }
      return s;
    });
    if (bad) return unk('format() of a value that is not known', span, ...args);
    return str(out, span);
  },
  join: ([sep, l], span) => {
    if (!sep || sep.kind !== 'string' || !l || l.kind !== 'list') return unk('join() of a value that is not known', span, sep, l);
    const parts: string[] = [];
    for (const i of l.items) {
      const s = scalarString(i);
      if (s === undefined) return unk('join() of a value that is not known', span, l);
      parts.push(s);
    }
    return str(parts.join(sep.value), span);
  },
  split: ([sep, s], span) => {
    if (!sep || sep.kind !== 'string' || !s || s.kind !== 'string') return unk('split() of a value that is not known', span, sep, s);
    const parts = s.value.split(sep.value);
    if (parts.length > MAX_ITEMS) return unk('split() result too large', span);
    return list(parts.map((p) => str(p, span)), span);
  },
  element: ([l, i], span) => {
    if (!l || !i) return unk('element() needs two arguments', span);
    const n = toNumber(i);
    const azl = isAzList(l);
    if (azl) return n === undefined ? unk('element() index not known', span, i) : az(n, span, azl.region);
    if (l.kind !== 'list' || n === undefined) return unk('element() of a value that is not known', span, l, i);
    if (l.items.length === 0) return unk('element() of an empty list', span);
    return l.items[((n % l.items.length) + l.items.length) % l.items.length]!;
  },
  slice: ([l, a, b], span) => {
    const x = a ? toNumber(a) : undefined;
    const y = b ? toNumber(b) : undefined;
    if (!l || x === undefined || y === undefined) return unk('slice() of a value that is not known', span, l, a, b);
    const azl = isAzList(l);
    if (azl) {
      if (y - x > MAX_ITEMS) return unk('slice() too large', span);
      const out: Value[] = [];
      for (let k = x; k < y; k++) out.push(az(k, span, azl.region));
      return list(out, span);
    }
    if (l.kind !== 'list') return unk('slice() of a value that is not known', span, l);
    return list(l.items.slice(x, y), span);
  },
  length: ([x], span) => {
    if (!x) return unk('length() needs an argument', span);
    if (x.kind === 'list') return num(x.items.length, span);
    if (x.kind === 'map') return num(x.entries.size, span);
    if (x.kind === 'string') return num([...x.value].length, span);
    return unk('length() of a value that is not known', span, x);
  },
  tolist: ([x], span) => (x && x.kind === 'list' ? { ...x, span } : x && x.kind === 'map' ? list([...x.entries.values()], span) : unk('tolist() of a value that is not known', span, x)),
  toset: ([x], span) => (x && x.kind === 'list' ? distinctList(x.items, span) : unk('toset() of a value that is not known', span, x)),
  tomap: ([x], span) => (x && x.kind === 'map' ? { ...x, span } : unk('tomap() of a value that is not known', span, x)),
  flatten: ([x], span) => {
    if (!x || x.kind !== 'list') return unk('flatten() of a value that is not known', span, x);
    const out: Value[] = [];
    let bad: Value | undefined;
    const walk = (l: Value[], depth: number) => {
      for (const i of l) {
        if (i.kind === 'list' && depth < 64) walk(i.items, depth + 1);
        else if (i.kind === 'unknown') bad = i;
        else out.push(i);
        if (out.length > MAX_ITEMS) return;
      }
    };
    walk(x.items, 0);
    if (bad) return unk('flatten() of a value that is not known', span, x);
    if (out.length > MAX_ITEMS) return unk('flatten() result too large', span);
    return list(out, span);
  },
  distinct: ([x], span) => (x && x.kind === 'list' ? distinctList(x.items, span) : unk('distinct() of a value that is not known', span, x)),
  contains: ([l, v], span) => {
    if (!l || !v || l.kind !== 'list' || !isKnown(v)) return unk('contains() of a value that is not known', span, l, v);
    if (l.items.some((i) => isKnown(i) && equal(i, v))) return bool(true, span);
    if (!isKnown(l)) return unk('contains() of a value that is not known', span, l);
    return bool(false, span);
  },
  keys: ([m], span) => (m && m.kind === 'map' ? list([...m.entries.keys()].sort().map((k) => str(k, m.keySpans.get(k) ?? span)), span) : unk('keys() of a value that is not known', span, m)),
  values: ([m], span) => (m && m.kind === 'map' ? list([...m.entries.keys()].sort().map((k) => m.entries.get(k)!), span) : unk('values() of a value that is not known', span, m)),
  cidrsubnet: ([p, nb, nn], span) => {
    const bad = needKnown('cidrsubnet', [p ?? nul(span), nb ?? nul(span), nn ?? nul(span)], span);
    if (bad) return bad;
    const r = cidrsubnet(scalarString(p!) ?? '', toNumber(nb!), toNumber(nn!));
    return r === undefined ? unk('cidrsubnet() with invalid arguments', span) : str(r, span);
  },
  replace: ([s, a, b], span) => {
    if (!s || !a || !b || s.kind !== 'string' || a.kind !== 'string' || b.kind !== 'string') return unk('replace() of a value that is not known', span, s, a, b);
    const re = /^\/(.*)\/$/s.exec(a.value);
    if (re) {
      try {
        return str(s.value.replace(new RegExp(re[1]!, 'g'), b.value.replace(/\$\{(\d+)\}/g, '$$$1')), span);
      } catch {
        return unk('replace() with an unsupported regular expression', span);
      }
    }
    return str(s.value.split(a.value).join(b.value), span);
  },
  lower: ([s], span) => (s && s.kind === 'string' ? str(s.value.toLowerCase(), span) : unk('lower() of a value that is not known', span, s)),
  upper: ([s], span) => (s && s.kind === 'string' ? str(s.value.toUpperCase(), span) : unk('upper() of a value that is not known', span, s)),
  compact: ([l], span) => {
    if (!l || l.kind !== 'list') return unk('compact() of a value that is not known', span, l);
    if (l.items.some((i) => i.kind === 'unknown' || i.kind === 'ref')) return unk('compact() of a value that is not known', span, l);
    return list(l.items.filter((i) => !(i.kind === 'null' || (i.kind === 'string' && i.value === ''))), span);
  },
  tostring: ([x], span) => {
    const s = x ? scalarString(x) : undefined;
    return s !== undefined ? str(s, span) : x && x.kind === 'null' ? x : unk('tostring() of a value that is not known', span, x);
  },
  tonumber: ([x], span) => {
    const n = x ? toNumber(x) : undefined;
    return n !== undefined ? num(n, span) : unk('tonumber() of a value that is not known', span, x);
  },
  tobool: ([x], span) => (x && x.kind === 'boolean' ? x : x && x.kind === 'string' && (x.value === 'true' || x.value === 'false') ? bool(x.value === 'true', span) : unk('tobool() of a value that is not known', span, x)),
  trimspace: ([s], span) => (s && s.kind === 'string' ? str(s.value.trim(), span) : unk('trimspace() of a value that is not known', span, s)),
  zipmap: ([k, v], span) => {
    if (!k || !v || k.kind !== 'list' || v.kind !== 'list') return unk('zipmap() of a value that is not known', span, k, v);
    const entries: [string, Value][] = [];
    for (let i = 0; i < k.items.length; i++) {
      const ks = scalarString(k.items[i]!);
      if (ks === undefined) return unk('zipmap() key not known', span, k);
      entries.push([ks, v.items[i] ?? nul(span)]);
    }
    return map(entries, span);
  },
  sensitive: ([x], span) => x ?? unk('sensitive() without argument', span),
  nonsensitive: ([x], span) => x ?? unk('nonsensitive() without argument', span),
  one: ([l], span) => {
    if (!l || l.kind !== 'list') return unk('one() of a value that is not a known list', span, l);
    if (l.items.length === 0) return nul(span);
    return l.items.length === 1 ? l.items[0]! : unk('one() of a list with several items', span);
  },
  coalescelist: (args, span) => {
    for (const a of args) {
      if (a.kind !== 'list') return unk('coalescelist() of a value that is not a known list', span, ...args);
      if (a.items.length) return a;
    }
    return unk('coalescelist() with only empty lists', span);
  },
  startswith: ([s, p], span) => (s?.kind === 'string' && p?.kind === 'string' ? bool(s.value.startsWith(p.value), span) : unk('startswith() of a value that is not known', span, s, p)),
  endswith: ([s, p], span) => (s?.kind === 'string' && p?.kind === 'string' ? bool(s.value.endsWith(p.value), span) : unk('endswith() of a value that is not known', span, s, p)),
  trimprefix: ([s, p], span) => (s?.kind === 'string' && p?.kind === 'string' ? str(s.value.startsWith(p.value) ? s.value.slice(p.value.length) : s.value, span) : unk('trimprefix() of a value that is not known', span, s, p)),
  trimsuffix: ([s, p], span) => (s?.kind === 'string' && p?.kind === 'string' ? str(p.value && s.value.endsWith(p.value) ? s.value.slice(0, -p.value.length) : s.value, span) : unk('trimsuffix() of a value that is not known', span, s, p)),
  min: (args, span) => numeric('min', args, span, (ns) => Math.min(...ns)),
  max: (args, span) => numeric('max', args, span, (ns) => Math.max(...ns)),
  abs: (args, span) => numeric('abs', args, span, (ns) => Math.abs(ns[0]!)),
  ceil: (args, span) => numeric('ceil', args, span, (ns) => Math.ceil(ns[0]!)),
  floor: (args, span) => numeric('floor', args, span, (ns) => Math.floor(ns[0]!)),
  alltrue: ([l], span) => (l?.kind === 'list' && l.items.every((i) => i.kind === 'boolean' || (i.kind === 'string' && (i.value === 'true' || i.value === 'false'))) ? bool(l.items.every((i) => (i.kind === 'boolean' ? i.value : i.kind === 'string' && i.value === 'true')), span) : unk('alltrue() of a value that is not known', span, l)),
  anytrue: ([l], span) => (l?.kind === 'list' && l.items.every((i) => i.kind === 'boolean' || (i.kind === 'string' && (i.value === 'true' || i.value === 'false'))) ? bool(l.items.some((i) => (i.kind === 'boolean' ? i.value : i.kind === 'string' && i.value === 'true')), span) : unk('anytrue() of a value that is not known', span, l)),
  reverse: ([l], span) => (l?.kind === 'list' ? list([...l.items].reverse(), span) : unk('reverse() of a value that is not known', span, l)),
  substr: ([s, o, n], span) => {
    const off = o ? toNumber(o) : undefined;
    const len = n ? toNumber(n) : undefined;
    if (s?.kind !== 'string' || off === undefined || len === undefined) return unk('substr() of a value that is not known', span, s, o, n);
    const chars = [...s.value];
    const start = off < 0 ? chars.length + off : off;
    return str(chars.slice(start, len < 0 ? undefined : start + len).join(''), span);
  },
  range: (args, span) => {
    const ns = args.map(toNumber);
    if (ns.some((n) => n === undefined)) return unk('range() of a value that is not known', span, ...args);
    let [a, b, s] = ns as number[];
    if (ns.length === 1) [a, b, s] = [0, ns[0]!, 1];
    s ??= 1;
    if (s === 0 || Math.abs((b! - a!) / s) > MAX_ITEMS) return unk('range() too large', span);
    const out: Value[] = [];
    for (let x = a!; s > 0 ? x < b! : x > b!; x += s) out.push(num(x, span));
    return list(out, span);
  },
};

function numeric(name: string, args: Value[], span: Span, f: (ns: number[]) => number): Value {
  const ns = args.map(toNumber);
  if (ns.length === 0 || ns.some((n) => n === undefined)) return unk(`${name}() of a value that is not a known number`, span, ...args);
  return num(f(ns as number[]), span);
}

function distinctList(itemsIn: Value[], span: Span): Value {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const i of itemsIn) {
    if (!isKnown(i)) {
      out.push(i);
      continue;
    }
    const key = JSON.stringify(toPlain(i));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return list(out, span);
}

export function cidrsubnet(prefix: string, newbits: number | undefined, netnum: number | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!m || newbits === undefined || netnum === undefined) return undefined;
  const len = Number(m[5]);
  const nl = len + newbits;
  if (nl > 32 || newbits < 0 || netnum < 0 || netnum >= 2 ** newbits) return undefined;
  const ip = ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  const base = (ip & mask) >>> 0;
  const sub = (base + netnum * 2 ** (32 - nl)) >>> 0;
  return `${sub >>> 24}.${(sub >>> 16) & 255}.${(sub >>> 8) & 255}.${sub & 255}/${nl}`;
}

export function callFunction(name: string, args: Value[], span: Span): Value {
  const f = Object.prototype.hasOwnProperty.call(fns, name) ? fns[name] : undefined;
  if (!f) return unk(`function ${name}() is not evaluated`, span, ...args);
  return f(args, span);
}

export const SUPPORTED_FUNCTIONS = Object.keys(fns);
export { items };
