import { RE2JS } from 're2js';
import type { Span } from '../../core/source.js';
import { EvalBudget, LIMITS, limitMessage, type LimitName } from '../../core/limits.js';
import { toPlain, valueShape, type Value } from '../value.js';
import { az, bool, equal, isAzList, isKnown, list, map, nul, num, plainToValue, scalarString, str, toNumber, unk } from './values.js';

/** A Terraform function: known arguments give a value, anything else an unknown; never throws. */
type Fn = (args: Value[], span: Span, budget: EvalBudget) => Value;

const MAX_ITEMS = LIMITS.collectionItems;
const MAX_CHARS = LIMITS.stringChars;

function over(b: EvalBudget, limit: LimitName, span: Span): Value {
  b.hit(limit, span);
  return unk(limitMessage(limit), span);
}

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
    // JSON.parse recurses natively: refuse nesting deeper than values may be before it runs.
    if (jsonNesting(x.value) > LIMITS.evalDepth) return unk('jsondecode() of JSON nested too deeply', span);
    try {
      return plainToValue(JSON.parse(x.value), x.span);
    } catch {
      return unk('jsondecode() of invalid JSON', span);
    }
  },
  merge: (args, span, b) => {
    const entries = new Map<string, Value>();
    const keySpans = new Map<string, Span>();
    for (const a of args) {
      if (a.kind === 'null') continue;
      if (a.kind !== 'map') return unk('merge() of a value that is not a known map', span, ...args);
      for (const [k, v] of a.entries) {
        entries.set(k, v);
        keySpans.set(k, a.keySpans.get(k) ?? v.span);
      }
      if (entries.size > MAX_ITEMS) return over(b, 'collectionItems', span);
    }
    return { kind: 'map', entries, keySpans, span };
  },
  concat: (args, span, b) => {
    const out: Value[] = [];
    for (const a of args) {
      if (a.kind !== 'list') return unk('concat() of a value that is not a known list', span, ...args);
      out.push(...a.items);
      if (out.length > MAX_ITEMS) return over(b, 'collectionItems', span);
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
  format: (args, span, b) => {
    const [f, ...rest] = args;
    if (!f || f.kind !== 'string') return unk('format() with a format that is not known', span, ...args);
    let i = 0;
    let bad: Value | undefined;
    let invalid = false;
    let size = 0;
    const out = f.value.replace(/%(%|([-+ #0]*)(\d*)(?:\.(\d+))?[sdvqftbeEgGxXo])/g, (m, spec: string, flags: string, width: string, precision: string | undefined) => {
      if (spec === '%') return '%';
      if (bad || invalid) return '';
      const a = rest[i++];
      // Go's fmt writes `%!s(MISSING)`; Terraform rejects the call: not a value we can know.
      if (!a) {
        invalid = true;
        return '';
      }
      const w = width === '' ? 0 : Number(width);
      const p = precision === undefined ? undefined : Number(precision);
      if (w > 1000 || (p !== undefined && p > 100)) {
        invalid = true;
        return '';
      }
      const piece = formatVerb(spec[spec.length - 1]!, a, p);
      if (piece === undefined) {
        bad = a;
        return '';
      }
      const padded = piece.length >= w ? piece : flags.includes('-') ? piece.padEnd(w) : flags.includes('0') && /^[-+]?\d/.test(piece) ? piece.padStart(w, '0') : piece.padStart(w);
      size += padded.length;
      if (size > MAX_CHARS) {
        invalid = true;
        return '';
      }
      return padded;
    });
    if (size > MAX_CHARS) return over(b, 'stringChars', span);
    if (invalid) return unk('format() with a verb it cannot apply (a missing argument, or a width or precision too large)', span, ...args);
    if (bad) return unk('format() of a value that is not known', span, ...args);
    return str(out, span);
  },
  join: ([sep, l, ...more], span, b) => {
    if (!sep || sep.kind !== 'string' || !l || l.kind !== 'list' || more.some((m) => m.kind !== 'list')) return unk('join() of a value that is not known', span, sep, l, ...more);
    const parts: string[] = [];
    let size = 0;
    for (const i of [l, ...more].flatMap((x) => (x.kind === 'list' ? x.items : []))) {
      const s = scalarString(i);
      if (s === undefined) return unk('join() of a value that is not known', span, l);
      parts.push(s);
      size += s.length + sep.value.length;
      if (size > MAX_CHARS) return over(b, 'stringChars', span);
    }
    return str(parts.join(sep.value), span);
  },
  split: ([sep, s], span, b) => {
    if (!sep || sep.kind !== 'string' || !s || s.kind !== 'string') return unk('split() of a value that is not known', span, sep, s);
    const parts = s.value.split(sep.value);
    if (parts.length > MAX_ITEMS) return over(b, 'collectionItems', span);
    return list(parts.map((p) => str(p, span)), span);
  },
  element: ([l, i], span) => {
    if (!l || !i) return unk('element() needs two arguments', span);
    const n = toNumber(i);
    const azl = isAzList(l);
    if (azl) return n === undefined ? unk('element() index not known', span, i) : az(n, span, azl.region);
    if (l.kind !== 'list' || n === undefined) return unk('element() of a value that is not known', span, l, i);
    if (l.items.length === 0) return unk('element() of an empty list', span);
    if (!Number.isSafeInteger(Math.trunc(n)) || n < 0) return unk('element() with an index that is not a whole number of 0 or more', span);
    return l.items[Math.trunc(n) % l.items.length]!;
  },
  slice: ([l, a, b], span) => {
    const x = a ? toNumber(a) : undefined;
    const y = b ? toNumber(b) : undefined;
    if (!l || x === undefined || y === undefined) return unk('slice() of a value that is not known', span, l, a, b);
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y) || x < 0 || y < x) return unk('slice() with indexes out of range', span);
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
    if (!p || !nb || !nn) return unk('cidrsubnet() needs three arguments', span, p, nb, nn);
    const bad = needKnown('cidrsubnet', [p, nb, nn], span);
    if (bad) return bad;
    const r = cidrsubnet(scalarString(p) ?? '', toNumber(nb), toNumber(nn));
    return r === undefined ? unk('cidrsubnet() with invalid arguments', span) : str(r, span);
  },
  replace: ([s, a, r], span, b) => {
    if (!s || !a || !r || s.kind !== 'string' || a.kind !== 'string' || r.kind !== 'string') return unk('replace() of a value that is not known', span, s, a, r);
    // Terraform: a substring written between slashes is a regular expression (RE2 syntax).
    if (a.value.length > 1 && a.value.startsWith('/') && a.value.endsWith('/')) {
      const re = compileRegex(a.value.slice(1, -1));
      if (typeof re === 'string') return unk(`replace(): ${re}`, span);
      const out = regexReplace(re, s.value, r.value);
      return out === undefined ? over(b, 'stringChars', span) : str(out, span);
    }
    const parts = s.value.split(a.value);
    if (s.value.length + (parts.length - 1) * (r.value.length - a.value.length) > MAX_CHARS) return over(b, 'stringChars', span);
    return str(parts.join(r.value), span);
  },
  regex: ([p, s], span) => {
    if (p?.kind !== 'string' || s?.kind !== 'string') return unk('regex() of a value that is not known', span, p, s);
    const re = compileRegex(p.value);
    if (typeof re === 'string') return unk(`regex(): ${re}`, span);
    const m = re.matcher(s.value);
    if (!m.find()) return unk('regex() found no match (Terraform stops with an error)', span);
    return regexResult(re, m, span);
  },
  regexall: ([p, s], span, b) => {
    if (p?.kind !== 'string' || s?.kind !== 'string') return unk('regexall() of a value that is not known', span, p, s);
    const re = compileRegex(p.value);
    if (typeof re === 'string') return unk(`regexall(): ${re}`, span);
    const m = re.matcher(s.value);
    const out: Value[] = [];
    while (m.find()) {
      if (out.length >= MAX_ITEMS) return over(b, 'collectionItems', span);
      out.push(regexResult(re, m, span));
    }
    return list(out, span);
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
  range: (args, span, budget) => {
    const ns = args.map(toNumber);
    if (ns.length === 0 || ns.length > 3 || ns.some((n) => n === undefined || !Number.isFinite(n))) return unk('range() of a value that is not a known number', span, ...args);
    const [start, end, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? (ns[1]! >= ns[0]! ? 1 : -1)];
    if (step === 0 || (step > 0 && end < start) || (step < 0 && end > start)) return unk('range() with a step that never reaches the end', span);
    const count = Math.ceil((end - start) / step);
    if (!(count <= MAX_ITEMS)) return over(budget, 'collectionItems', span);
    const out: Value[] = [];
    // start + k * step, not repeated addition: past 2^53 adding 1 changes nothing.
    for (let k = 0; k < count; k++) out.push(num(start + k * step, span));
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

/** The verb of a `format()` directive applied to one argument, or undefined when the argument is not known. */
function formatVerb(verb: string, a: Value, precision: number | undefined): string | undefined {
  if (verb === 'q') return a.kind === 'string' ? JSON.stringify(a.value) : undefined;
  if (verb === 'v' && (a.kind === 'list' || a.kind === 'map')) return isKnown(a) ? JSON.stringify(toPlain(a)) : undefined;
  const n = toNumber(a);
  if (n !== undefined && Number.isFinite(n)) {
    if (verb === 'd') return String(Math.trunc(n));
    if (verb === 'f') return n.toFixed(precision ?? 6);
    if (verb === 'e' || verb === 'E') { const t = n.toExponential(precision ?? 6); return verb === 'E' ? t.toUpperCase() : t; }
    if (verb === 'x' || verb === 'X') { const t = Math.trunc(n).toString(16); return verb === 'X' ? t.toUpperCase() : t; }
    if (verb === 'o') return Math.trunc(n).toString(8);
    if (verb === 'b') return Math.trunc(n).toString(2);
  }
  return scalarString(a);
}

/** Nesting depth of JSON text (brackets outside strings), without parsing it. */
function jsonNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/**
 * Terraform's regular expressions are Go's RE2: linear time, and a syntax of their own (no
 * backreferences or lookaround; `(?P<name>…)` groups). re2js is a JavaScript port of RE2, so a
 * pattern means what it means to Terraform and no input can make matching backtrack.
 */
function compileRegex(pattern: string): RE2JS | string {
  if (pattern.length > LIMITS.regexPatternChars) return 'regular expression too long';
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    return `invalid regular expression (${(e as Error).message})`;
  }
}

type Matcher = ReturnType<RE2JS['matcher']>;

/** One match as Terraform's `regex` returns it: the match, the list of groups, or the map of named groups. */
function regexResult(re: RE2JS, m: Matcher, span: Span): Value {
  const groups = re.groupCount();
  if (groups === 0) return str(m.group(0) ?? '', span);
  const named = Object.entries(re.namedGroups());
  if (named.length) return map(named.map(([name, i]) => [name, m.group(i) === null ? nul(span) : str(m.group(i)!, span)]), span);
  const out: Value[] = [];
  for (let i = 1; i <= groups; i++) out.push(str(m.group(i) ?? '', span));
  return list(out, span);
}

/** `replace` with a pattern: Go's `ReplaceAllString`, `$1`, `${1}`, `$name`, `${name}` and `$$` in the replacement; undefined past the string limit. */
function regexReplace(re: RE2JS, s: string, replacement: string): string | undefined {
  const named = re.namedGroups();
  const m = re.matcher(s);
  const out: string[] = [];
  let size = 0;
  let last = 0;
  const push = (t: string): boolean => {
    out.push(t);
    size += t.length;
    return size <= MAX_CHARS;
  };
  while (m.find()) {
    if (!push(s.slice(last, m.start()))) return undefined;
    const expanded = replacement.replace(/\$(?:\$|\{(\w+)\}|(\w+))/g, (tok, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare;
      if (name === undefined) return '$';
      const i = /^\d+$/.test(name) ? Number(name) : named[name];
      return i !== undefined && i <= re.groupCount() ? (m.group(i) ?? '') : '';
    });
    if (!push(expanded)) return undefined;
    last = m.end();
  }
  if (!push(s.slice(last))) return undefined;
  return out.join('');
}

export function callFunction(name: string, args: Value[], span: Span, budget: EvalBudget): Value {
  const f = Object.prototype.hasOwnProperty.call(fns, name) ? fns[name] : undefined;
  if (!f) return unk(`function ${name}() is not evaluated`, span, ...args);
  const v = f(args, span, budget);
  // What a call builds is work too: a join of 10,000 long strings is not one step.
  budget.spend(Math.ceil(valueShape(v).size / 64));
  return v;
}

export const SUPPORTED_FUNCTIONS = Object.keys(fns);
export { items };
