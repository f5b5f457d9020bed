import type { InputError, Span } from '../../src/core/source.js';
import type { Attribute, Block, Body, Expr, HclFile } from './ast.js';
import { position } from './position.js';

/** Block types and how many labels they take in Terraform's JSON syntax. */
const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0, moved: 0, import: 0, check: 1 };
/** Nested block types known inside resources (JSON objects under other keys are attribute maps). */
const NESTED_IN_BODY = new Set(['lifecycle', 'provisioner', 'connection', 'dynamic', 'content']);
/** Attribute names whose object value is a map, not a nested block. */
const MAP_ATTRS = new Set(['tags', 'tags_all', 'default_tags', 'variables', 'environment', 'triggers', 'labels', 'parameters', 'options', 'providers']);

/** A JSON value with the span of every value and key. `entries` for objects, `items` for arrays, else `v`. */
export interface J {
  v: unknown;
  span: Span;
  entries?: { key: string; keySpan: Span; value: J }[];
  items?: J[];
  /** For a value read as opaque (`readJson`'s `opaqueKeys`): its text, parsed only when it is used. */
  raw?: string;
}

/** Where a value was read: numbers only, turned into a Span when asked (a span object per value is most of a large plan's memory). */
class Located {
  constructor(
    readonly file: string,
    readonly sl: number,
    readonly sc: number,
    readonly el: number,
    readonly ec: number,
  ) {}
  get span(): Span {
    return { file: this.file, start: position(this.sl, this.sc), end: position(this.el, this.ec) };
  }
}

class JNode extends Located implements J {
  entries?: { key: string; keySpan: Span; value: J }[];
  items?: J[];
  raw?: string;
  constructor(readonly v: unknown, file: string, sl: number, sc: number, el: number, ec: number) {
    super(file, sl, sc, el, ec);
  }
}

class JEntry {
  constructor(
    readonly key: string,
    private readonly at: Located,
    readonly value: J,
  ) {}
  get keySpan(): Span {
    return this.at.span;
  }
}

export interface ReadJsonOptions {
  /** Keys of the top-level object whose values are passed over without being built. */
  skipTopLevel?: ReadonlySet<string>;
  /** Keys (at any depth) whose values are kept as text (`J.raw`), with one span, instead of a tree with a span per value. */
  opaqueKeys?: ReadonlySet<string>;
}

/**
 * Reads JSON keeping positions. Options let a reader take only what it uses (a plan's
 * `resource_changes` and `prior_state` repeat what `planned_values` holds, and a span object per
 * value of 100,000 resources is most of a gigabyte).
 */
export function readJson(text: string, rel: string, options: ReadJsonOptions = {}): { value?: J; error?: InputError } {
  const p = new JsonReader(text, rel, options.skipTopLevel, options.opaqueKeys);
  try {
    const value = p.value(0);
    p.ws();
    if (p.i < text.length) p.fail('unexpected text after the JSON value');
    return { value };
  } catch (e) {
    const pos = (e as { pos?: { line: number; column: number } }).pos ?? { line: 1, column: 1 };
    return { error: { file: rel, line: pos.line, column: pos.column, message: (e as Error).message, kind: 'syntax' } };
  }
}

export function jsonGet(j: J | undefined, key: string): J | undefined {
  if (!j?.entries) return undefined;
  for (const e of j.entries) if (e.key === key) return e.value;
  return undefined;
}

/** Parses `.tf.json` / `.tfvars.json` into the HCL syntax tree (Terraform's JSON syntax). */
export function parseTfJson(text: string, rel: string, mode: 'config' | 'tfvars'): { file?: HclFile; error?: InputError } {
  const p = new JsonReader(text, rel);
  let root: J;
  try {
    root = p.value(0);
    p.ws();
    if (p.i < text.length) p.fail('unexpected text after the JSON value');
  } catch (e) {
    const pos = (e as { pos?: { line: number; column: number } }).pos ?? { line: 1, column: 1 };
    return { error: { file: rel, line: pos.line, column: pos.column, message: (e as Error).message, kind: 'syntax' } };
  }
  if (!root.entries) return { error: { file: rel, line: root.span.start.line, column: root.span.start.column, message: 'expected a JSON object at the top level', kind: 'syntax' } };
  const items: (Attribute | Block)[] = [];
  for (const e of root.entries) {
    if (mode === 'tfvars') {
      items.push({ kind: 'attribute', name: e.key, nameSpan: e.keySpan, expr: toExpr(e.value, false), span: e.value.span });
      continue;
    }
    const n = LABELS[e.key];
    if (n === undefined) continue;
    for (const obj of asList(e.value)) collectBlocks(e.key, n, obj, [], [], e.keySpan, items);
  }
  return { file: { file: rel, body: { items, span: root.span }, comments: [] } };
}

function asList(j: J): J[] {
  return j.items ?? [j];
}

function collectBlocks(type: string, labelsLeft: number, j: J, labels: string[], labelSpans: Span[], typeSpan: Span, out: (Attribute | Block)[]): void {
  if (labelsLeft === 0) {
    out.push({ kind: 'block', type, typeSpan, labels, labelSpans, body: body(j, type === 'locals' || type === 'terraform' ? 'plain' : 'resource'), span: j.span });
    return;
  }
  for (const e of j.entries ?? []) for (const x of asList(e.value)) collectBlocks(type, labelsLeft - 1, x, [...labels, e.key], [...labelSpans, e.keySpan], typeSpan, out);
}

function body(j: J, mode: 'plain' | 'resource'): Body {
  const items: (Attribute | Block)[] = [];
  for (const e of j.entries ?? []) {
    if (e.key === '//') continue;
    const isObj = !!e.value.entries;
    const isObjList = !!e.value.items && e.value.items.length > 0 && e.value.items.every((i) => !!i.entries);
    if (mode === 'resource' && (NESTED_IN_BODY.has(e.key) || (!MAP_ATTRS.has(e.key) && (isObj || isObjList)))) {
      if (e.key === 'dynamic') {
        for (const d of asList(e.value)) for (const de of d.entries ?? []) for (const x of asList(de.value)) items.push({ kind: 'block', type: 'dynamic', typeSpan: e.keySpan, labels: [de.key], labelSpans: [de.keySpan], body: body(x, 'resource'), span: x.span });
        continue;
      }
      for (const x of asList(e.value)) items.push({ kind: 'block', type: e.key, typeSpan: e.keySpan, labels: [], labelSpans: [], body: body(x, 'resource'), span: x.span });
      continue;
    }
    items.push({ kind: 'attribute', name: e.key, nameSpan: e.keySpan, expr: toExpr(e.value, true), span: { file: e.keySpan.file, start: e.keySpan.start, end: e.value.span.end } });
  }
  return { items, span: j.span };
}

/** Strings are templates in Terraform's JSON syntax: `${…}` is evaluated (only plain references are understood here). */
function toExpr(j: J, templates: boolean): Expr {
  if (j.entries) return { k: 'object', span: j.span, items: j.entries.map((e) => ({ key: { k: 'lit', value: e.key, span: e.keySpan }, value: toExpr(e.value, templates), keySpan: e.keySpan })) };
  if (j.items) return { k: 'tuple', items: j.items.map((i) => toExpr(i, templates)), span: j.span };
  if (typeof j.v === 'string' && templates && j.v.includes('${')) return jsonTemplate(j.v, j.span);
  return { k: 'lit', value: j.v as string | number | boolean | null, span: j.span };
}

function jsonTemplate(s: string, span: Span): Expr {
  const parts: Extract<Expr, { k: 'template' }>['parts'] = [];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m.index > last) parts.push({ k: 'text', text: s.slice(last, m.index), span });
    parts.push({ k: 'interp', expr: simpleTraversal(m[1]!.trim(), span), span });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ k: 'text', text: s.slice(last), span });
  if (parts.length === 1 && parts[0]!.k === 'interp') return parts[0]!.expr;
  return { k: 'template', parts, span };
}

function simpleTraversal(t: string, span: Span): Expr {
  const m = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]|\.\d+)*$/.exec(t);
  if (!m) return { k: 'invalid', message: `expression "${t}" in JSON syntax is not evaluated`, span };
  const toks = t.match(/[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]|\d+/g) ?? [];
  let e: Expr = { k: 'var', name: toks[0]!, span };
  for (const tok of toks.slice(1)) {
    if (tok.startsWith('[')) {
      const inner = tok.slice(1, -1);
      e = { k: 'index', obj: e, index: { k: 'lit', value: inner.startsWith('"') ? (JSON.parse(inner) as string) : Number(inner), span }, span };
    } else if (/^\d+$/.test(tok)) e = { k: 'index', obj: e, index: { k: 'lit', value: Number(tok), span }, span };
    else e = { k: 'attr', obj: e, name: tok, span };
  }
  return e;
}

class JsonReader {
  i = 0;
  line = 1;
  col = 1;
  constructor(
    private readonly s: string,
    private readonly file: string,
    private readonly skipTopLevel?: ReadonlySet<string>,
    private readonly opaqueKeys?: ReadonlySet<string>,
  ) {}
  /** Passes over one value (balanced brackets, strings, scalars) without building it. */
  skip(): void {
    let depth = 0;
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === undefined) this.fail('unexpected end of file');
      if (c === '"') this.string();
      else if (c === '{' || c === '[') {
        depth++;
        this.adv();
        continue;
      } else if (c === '}' || c === ']') {
        depth--;
        this.adv();
      } else if (c === ',' || c === ':') {
        this.adv();
        continue;
      } else {
        const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(this.s.slice(this.i, this.i + 64));
        if (!m) this.fail(`unexpected '${c}'`);
        this.adv(m[0].length);
      }
      if (depth <= 0) return;
    }
  }
  fail(msg: string): never {
    const e = new Error(msg) as Error & { pos: { line: number; column: number } };
    e.pos = { line: this.line, column: this.col };
    throw e;
  }
  adv(n = 1): void {
    for (let k = 0; k < n; k++) {
      if (this.s.charCodeAt(this.i) === 10) {
        this.line++;
        this.col = 1;
      } else this.col++;
      this.i++;
    }
  }
  ws(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') this.adv();
      else break;
    }
  }
  pos() {
    return { line: this.line, column: this.col };
  }
  value(depth: number): J {
    if (depth > 200) this.fail('JSON nested too deeply');
    this.ws();
    const sl = this.line;
    const sc = this.col;
    const c = this.s[this.i];
    const done = (v: unknown, extra?: { entries?: { key: string; keySpan: Span; value: J }[]; items?: J[] }): J => {
      const n = new JNode(v, this.file, sl, sc, this.line, this.col);
      if (extra?.entries) n.entries = extra.entries;
      if (extra?.items) n.items = extra.items;
      return n;
    };
    if (c === '{') {
      this.adv();
      const entries: { key: string; keySpan: Span; value: J }[] = [];
      this.ws();
      if (this.s[this.i] === '}') {
        this.adv();
        return done(null, { entries });
      }
      for (;;) {
        this.ws();
        const ksl = this.line;
        const ksc = this.col;
        if (this.s[this.i] !== '"') this.fail(`expected a string key, found ${this.s[this.i] === undefined ? 'end of file' : `'${this.s[this.i]}'`}`);
        const key = this.string();
        const keyAt = new Located(this.file, ksl, ksc, this.line, this.col);
        this.ws();
        if (this.s[this.i] !== ':') this.fail("expected ':'");
        this.adv();
        if (depth === 0 && this.skipTopLevel?.has(key)) this.skip();
        else if (this.opaqueKeys?.has(key)) {
          this.ws();
          const sl = this.line;
          const sc = this.col;
          const from = this.i;
          this.skip();
          const n = new JNode(undefined, this.file, sl, sc, this.line, this.col);
          n.raw = this.s.slice(from, this.i);
          entries.push(new JEntry(key, keyAt, n));
        } else entries.push(new JEntry(key, keyAt, this.value(depth + 1)));
        this.ws();
        if (this.s[this.i] === ',') {
          this.adv();
          continue;
        }
        if (this.s[this.i] === '}') {
          this.adv();
          return done(null, { entries });
        }
        this.fail(this.s[this.i] === undefined ? "missing '}'" : `unexpected '${this.s[this.i]}'`);
      }
    }
    if (c === '[') {
      this.adv();
      const items: J[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.adv();
        return done(null, { items });
      }
      for (;;) {
        items.push(this.value(depth + 1));
        this.ws();
        if (this.s[this.i] === ',') {
          this.adv();
          continue;
        }
        if (this.s[this.i] === ']') {
          this.adv();
          return done(null, { items });
        }
        this.fail(this.s[this.i] === undefined ? "missing ']'" : `unexpected '${this.s[this.i]}'`);
      }
    }
    if (c === '"') return done(this.string());
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(this.s.slice(this.i, this.i + 64));
    if (!m) this.fail(c === undefined ? 'unexpected end of file' : `unexpected '${c}'`);
    this.adv(m[0].length);
    const t = m[0];
    return done(t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : Number(t));
  }
  string(): string {
    const start = this.i;
    this.adv();
    let raw = false;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      if (c === '\\') {
        raw = true;
        this.adv(2);
        continue;
      }
      this.adv();
      if (c === '"') break;
    }
    const lit = this.s.slice(start, this.i);
    if (!raw) return lit.slice(1, -1);
    try {
      return JSON.parse(lit) as string;
    } catch {
      return this.fail('invalid escape in string');
    }
  }
}

/** Whether the first bytes of a JSON file are those of `terraform show -json` output of a plan (discovery reads 64 KB). */
export function isPlanHead(head: string): boolean {
  return head.slice(0, 4096).includes('"format_version"') && head.includes('"planned_values"');
}
