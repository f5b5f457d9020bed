/**
 * YAML and JSON (JSON is YAML) → a positioned data document.
 *
 * Three readers give the same documents and errors, cheapest first:
 * - `.json` (and `{`-led) text: a strict JSON reader (json.ts);
 * - YAML: a walk of the `yaml` package's concrete syntax tree (cst.ts);
 * - anything either hands back (anchors, unusual syntax, every error they would have to word):
 *   the general path below, whose messages are the reference. The `yaml` package composes the
 *   text (with a LineCounter for 1-based positions); we then convert its node tree into our own
 *   `DocNode` tree in one document-order pass that:
 *   - turns every CloudFormation short-form tag into the long-form map it stands for
 *     (`!Ref X` → `{ Ref: X }`, `!Sub s` → `{ "Fn::Sub": s }`), spanning the tag;
 *   - reports duplicate keys (naming the first occurrence);
 *   - bounds nesting depth and alias expansion (an anchored node is converted once and
 *     shared; each alias charges the size of its target against a budget);
 *   - finds comments (CommentScanner): a `#` at the start of a line or after whitespace that
 *     lies inside no scalar.
 */
import { LIMITS } from '../../src/core/limits.js';
import type { Node as YamlNode, Pair, Scalar, ScalarTag, CollectionTag } from 'yaml';
import type { InputError, Span } from '../../src/core/source.js';
import type { DocComment, DocEntry, DocMap, DocNode, DocScalar, DocSeq } from '../document.js';
import { parseJsonDocument } from './json.js';
import { parseYamlCst } from './cst.js';
import { COMPOSE_ONLY, parseYamlBlock } from './block.js';
import { CommentScanner, MAX_DEPTH, SHORT_FORM_TAGS, recordKey, yamlPackage } from './common.js';
import type { ParseDataResult } from './common.js';

export { CommentScanner, MAX_DEPTH, SHORT_FORM_TAGS } from './common.js';
export type { ParseDataResult } from './common.js';

/** Maximum number of nodes that aliases may expand to, summed over all aliases of a file. */
export const MAX_ALIAS_EXPANSION = LIMITS.yamlAliasNodes;
/**
 * Largest text parsed, in characters. CloudFormation accepts templates of at most 1 MB; the
 * yaml package needs roughly 90 bytes of heap per byte of source, so this bounds memory.
 */
export const MAX_TEXT_LENGTH = LIMITS.templateChars;
/** A NUL byte within this many leading characters marks the file as binary. */
const BINARY_PROBE = 8192;

let customTags: (ScalarTag | CollectionTag)[] | undefined;
/** Custom tags for the `yaml` package: accept each short form on scalars, sequences and maps, unchanged. */
function shortFormTags(): (ScalarTag | CollectionTag)[] {
  if (customTags) return customTags;
  const { YAMLMap, YAMLSeq } = yamlPackage();
  customTags = [];
  for (const name of SHORT_FORM_TAGS.keys()) {
    const tag = `!${name}`;
    customTags.push({ tag, resolve: (str: string) => str } as ScalarTag);
    customTags.push({ tag, collection: 'map', nodeClass: YAMLMap, resolve: (m: unknown) => m } as unknown as CollectionTag);
    customTags.push({ tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (s: unknown) => s } as unknown as CollectionTag);
  }
  return customTags;
}

class LimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The offset of the first NUL byte in the first 8 KB, or -1. */
export function binaryOffset(text: string): number {
  const i = text.indexOf('\0');
  return i >= 0 && i < BINARY_PROBE ? i : -1;
}

/**
 * Parse YAML or JSON text. On success `document` is set and `errors` is empty; otherwise
 * `errors` holds one error per problem (one for a syntax error: the first, since later ones
 * are usually its echoes; one per duplicate key) and `document` is undefined.
 */
export function parseDataDocument(file: string, source: string): ParseDataResult {
  // A byte-order mark is invisible in editors: drop it so first-line columns match them.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;

  const nul = binaryOffset(text);
  if (nul >= 0) {
    const { line, column } = offsetPosition(text, nul);
    return { errors: [{ file, line, column, kind: 'binary', message: 'binary file (NUL byte), not YAML or JSON text' }] };
  }

  if (text.length > MAX_TEXT_LENGTH) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return {
      errors: [
        {
          file,
          line: 1,
          column: 1,
          kind: 'limit',
          message: `file too large to parse: ${mb(text.length)} MB, the limit is ${mb(MAX_TEXT_LENGTH)} MB (CloudFormation itself accepts templates up to 1 MB)`,
        },
      ],
    };
  }

  if (looksLikeJson(file, text)) {
    const fast = parseJsonDocument(file, text, MAX_DEPTH);
    if (fast) return fast;
  } else {
    const block = parseYamlBlock(file, text);
    const fast = block === COMPOSE_ONLY ? undefined : (block ?? parseYamlCst(file, text));
    if (fast) return fast;
  }
  return composeDataDocument(file, text);
}

/**
 * The general path: compose the text with the `yaml` package and convert its node tree. The
 * fast readers above fall back to it for anything they do not answer exactly, so its messages
 * are the reference. `text` has no byte-order mark and has passed the binary and size checks.
 */
export function composeDataDocument(file: string, text: string): ParseDataResult {
  const { LineCounter, parseDocument } = yamlPackage();
  const lc = new LineCounter();
  const pos = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };

  if (looksLikeJson(file, text)) {
    // YAML accepts more than JSON (trailing commas, comments, single quotes); hold JSON files
    // to JSON, as CloudFormation does. The yaml package still parses them below, for positions.
    const bad = jsonError(text);
    if (bad) {
      const p = offsetPosition(text, bad.offset);
      return { errors: [{ file, line: p.line, column: p.column, kind: 'syntax', message: `invalid JSON: ${bad.message}` }] };
    }
  }

  let doc;
  try {
    doc = parseDocument(text, {
      lineCounter: lc,
      customTags: shortFormTags(),
      uniqueKeys: false,
      prettyErrors: false,
      keepSourceTokens: false,
      version: '1.2',
      schema: 'core',
    });
  } catch (e) {
    // The yaml package catches stack exhaustion itself; this is a last resort.
    return { errors: [{ file, line: 1, column: 1, kind: 'limit', message: `cannot parse: ${e instanceof Error ? e.message : String(e)}` }] };
  }

  if (doc.errors.length > 0) {
    let first = doc.errors[0]!;
    for (const e of doc.errors) if (e.pos[0] < first.pos[0]) first = e;
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    const err = exhausted ?? first;
    const p = pos(err.pos[0]);
    const message = exhausted ? `nesting deeper than ${MAX_DEPTH} levels (the YAML parser ran out of stack)` : syntaxMessage(err.code, err.message);
    return { errors: [{ file, line: p.line, column: p.column, kind: exhausted ? 'limit' : 'syntax', message }] };
  }

  const converter = new Converter(file, text, pos);
  let root: DocNode;
  try {
    const contents = doc.contents as YamlNode | null;
    root = contents ? converter.convert(contents, 0) : converter.scalarAt(null, 0, 0);
  } catch (e) {
    if (e instanceof LimitError) {
      const p = pos(e.offset);
      return { errors: [{ file, line: p.line, column: p.column, kind: 'limit', message: e.message }] };
    }
    if (e instanceof RangeError) {
      return { errors: [{ file, line: 1, column: 1, kind: 'limit', message: `document too deeply nested (${e.message})` }] };
    }
    throw e;
  }
  if (converter.errors.length > 0) return { errors: converter.errors };
  return { document: { root, comments: converter.finishComments() }, errors: [] };
}

/** 1-based line and column of an offset, for errors found before the yaml LineCounter runs. */
function offsetPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A `.json` file, or a file that is not named YAML and starts with `{`. */
function looksLikeJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.ya?ml$/i.test(file)) return false;
  return /^\uFEFF?\s*\{/.test(text);
}

/** Validate strict JSON with the native parser; on failure, where and why. */
function jsonError(text: string): { offset: number; message: string } | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const attempt = (t: string): string | undefined => {
    try {
      JSON.parse(t);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  const msg = attempt(body);
  if (msg === undefined) return undefined;
  const clean = msg
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const at = /at position (\d+)/.exec(msg);
  if (at) return { offset: bom + Number(at[1]), message: clean };
  if (/Unexpected end of JSON input/.test(msg)) return { offset: text.length, message: 'unexpected end of input' };
  // V8 names no position for some errors: find the shortest prefix failing the same way.
  const sameKind = (p: number): boolean => {
    const m = attempt(body.slice(0, p));
    return m !== undefined && !/at position|Unexpected end|Unterminated/.test(m);
  };
  let lo = 0;
  let hi = body.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (sameKind(mid)) hi = mid;
    else lo = mid;
  }
  return { offset: bom + Math.max(0, hi - 1), message: clean };
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'invalid YAML/JSON: more than one YAML document (`---`) in the file; a template is a single document (MULTIPLE_DOCS)';
  const m = message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim();
  return `invalid YAML/JSON: ${m} (${code})`;
}

class Converter {
  readonly errors: InputError[] = [];
  private readonly anchors = new Map<string, { node: DocNode; size: number }>();
  private aliasBudget = MAX_ALIAS_EXPANSION;
  /** Nodes produced by the last `convert` call (for anchor sizes). */
  private count = 0;
  private readonly comments: CommentScanner;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly pos: (offset: number) => { line: number; column: number },
  ) {
    this.comments = new CommentScanner(text, (start, end) => this.span(start, end));
  }

  span(start: number, end: number): Span {
    return { file: this.file, start: this.pos(start), end: this.pos(end < start ? start : end) };
  }

  private scalarRange(start: number, end: number): void {
    this.comments.scalar(start, end);
  }

  finishComments(): DocComment[] {
    return this.comments.finish();
  }

  scalarAt(value: DocScalar['value'], start: number, end: number): DocScalar {
    this.count++;
    return { kind: 'scalar', value, span: this.span(start, end) };
  }

  convert(node: YamlNode, depth: number): DocNode {
    const y = yamlPackage();
    if (y.isAlias(node)) {
      const target = this.anchors.get(node.source);
      const at = node.range?.[0] ?? 0;
      if (!target) throw new LimitError(`alias *${node.source} refers to no complete anchor before it`, at);
      this.aliasBudget -= target.size;
      if (this.aliasBudget < 0) {
        throw new LimitError(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (alias bomb?); refusing to expand`, at);
      }
      this.count += target.size;
      return target.node;
    }
    const before = this.count;
    const out = this.convertTagged(node, depth);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, { node: out, size: this.count - before });
    return out;
  }

  private convertTagged(node: YamlNode, depth: number): DocNode {
    const tag = node.tag;
    const longKey = tag && tag.charCodeAt(0) === 33 /* ! */ ? SHORT_FORM_TAGS.get(tag.slice(1)) : undefined;
    if (!longKey) return this.convertPlain(node, depth);
    if (depth >= MAX_DEPTH) throw this.tooDeep(node);
    const range = node.range ?? [0, 0, 0];
    // Find the tag itself just before the value (possibly with an anchor or line break between).
    const window = Math.max(0, range[0] - 512);
    const rel = this.text.slice(window, range[0]).lastIndexOf(tag!);
    const tagStart = rel >= 0 ? window + rel : range[0];
    const inner = this.convertPlain(node, depth + 1);
    this.count++;
    const map: DocMap = {
      kind: 'map',
      fromTag: true,
      span: this.span(tagStart, range[1]),
      entries: [{ key: longKey, keySpan: this.span(tagStart, tagStart + tag!.length), value: inner }],
    };
    return map;
  }

  private tooDeep(node: YamlNode): LimitError {
    return new LimitError(`nesting deeper than ${MAX_DEPTH} levels`, node.range?.[0] ?? 0);
  }

  private convertPlain(node: YamlNode, depth: number): DocNode {
    const y = yamlPackage();
    const range = node.range ?? [0, 0, 0];
    if (y.isScalar(node)) {
      this.scalarRange(range[0], range[1]);
      return this.scalarNode(node, range);
    }
    if (depth >= MAX_DEPTH) throw this.tooDeep(node);
    if (y.isMap(node)) {
      const entries: DocEntry[] = [];
      const seen = new Map<string, Span>();
      const map: DocMap = { kind: 'map', entries, span: this.span(range[0], range[1]) };
      this.count++;
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const k = pair.key as YamlNode | null;
        let key: string;
        let keySpan: Span;
        if (k && y.isScalar(k)) {
          const kr = k.range ?? [0, 0, 0];
          this.scalarRange(kr[0], kr[1]);
          key = this.keyString(k, kr);
          keySpan = this.span(kr[0], kr[1]);
        } else if (k) {
          const kr = k.range ?? [0, 0, 0];
          // A complex key (`? [a, b]`): keep its source text; comment scanning skips it.
          this.scalarRange(kr[0], kr[1]);
          key = this.text.slice(kr[0], kr[1]).trim();
          keySpan = this.span(kr[0], kr[1]);
        } else {
          const at = (pair.value as YamlNode | null)?.range?.[0] ?? range[0];
          key = '';
          keySpan = this.span(at, at);
        }
        recordKey(this.errors, this.file, entries, seen, key, keySpan);
        const v = pair.value as YamlNode | null;
        const value = v ? this.convert(v, depth + 1) : this.scalarAt(null, k?.range?.[1] ?? range[0], k?.range?.[1] ?? range[0]);
        entries.push({ key, keySpan, value });
      }
      return map;
    }
    if (y.isSeq(node)) {
      const items: DocNode[] = [];
      const seq: DocSeq = { kind: 'seq', items, span: this.span(range[0], range[1]) };
      this.count++;
      for (const item of node.items as (YamlNode | null)[]) {
        if (item == null) continue;
        if (y.isPair(item)) {
          // `[a: 1]` — a single-pair map inside a flow sequence.
          const m = new y.YAMLMap();
          m.items.push(item as Pair<unknown, unknown>);
          const k = (item as Pair<YamlNode, YamlNode>).key;
          const v = (item as Pair<YamlNode, YamlNode>).value;
          m.range = [k?.range?.[0] ?? range[0], v?.range?.[1] ?? k?.range?.[1] ?? range[0], v?.range?.[2] ?? range[0]];
          items.push(this.convert(m as unknown as YamlNode, depth + 1));
        } else items.push(this.convert(item, depth + 1));
      }
      return seq;
    }
    // Not reachable for composed documents; keep a null scalar rather than guess.
    return this.scalarAt(null, range[0], range[1]);
  }

  private scalarNode(node: Scalar, range: [number, number, number]): DocScalar {
    this.count++;
    const v = node.value;
    let value: DocScalar['value'];
    let raw: string | undefined;
    if (v === null || v === undefined) value = null;
    else if (typeof v === 'string' || typeof v === 'boolean') value = v;
    else if (typeof v === 'number') value = v;
    else if (typeof v === 'bigint') value = Number(v);
    else value = String(v);
    if (typeof value === 'number' || typeof value === 'boolean' || (value === null && node.type === 'PLAIN')) {
      const src = this.text.slice(range[0], range[1]);
      if (src !== String(value) && src !== '') raw = src;
    }
    const out: DocScalar = { kind: 'scalar', value, span: this.span(range[0], range[1]) };
    if (raw !== undefined) out.raw = raw;
    return out;
  }

  private keyString(k: Scalar, kr: [number, number, number]): string {
    const v = k.value;
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return k.type === 'PLAIN' ? this.text.slice(kr[0], kr[1]) : '';
    // `1.0:` or `true:` — keep what was written.
    if (k.type === 'PLAIN') return this.text.slice(kr[0], kr[1]);
    return String(v);
  }
}

