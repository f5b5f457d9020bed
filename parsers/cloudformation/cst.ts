/**
 * YAML → positioned data document, built straight from the `yaml` package's concrete syntax
 * tree (its Lexer and Parser) instead of composing a `Document` and converting that.
 *
 * The walk follows the package's composer step by step (resolve-props, resolve-block-map,
 * resolve-block-seq, resolve-flow-collection, compose-node) so that every range it computes —
 * and so every span, and which `#` are comments — is the one composing would give. It only
 * takes the shapes CloudFormation templates are made of: block and flow maps and sequences,
 * plain, quoted and block scalars, and the short-form intrinsic tags. Anything else (anchors and
 * aliases, other tags, explicit `?` keys, directives, several documents, an empty stream, the
 * depth limit) and every place where the composer would report an error or a warning-free
 * oddity makes the walk give up: the caller then composes the text, whose documents and
 * messages stay the reference. Giving up costs one extra parse; it never changes a result.
 */
import type { CST, LineCounter } from 'yaml';
import type { InputError, Span } from '../../src/core/source.js';
import type { DocEntry, DocMap, DocNode, DocScalar, DocSeq } from '../document.js';
import { CommentScanner, MAX_DEPTH, SHORT_FORM_TAGS, recordKey, yamlPackage } from './common.js';
import type { ParseDataResult } from './common.js';

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** Thrown inside the walk: the text needs the composing path. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

/** What resolve-props finds in the tokens before a node (the parts this walk needs). */
interface Props {
  comma: SourceToken | null;
  found: SourceToken | null;
  hasNewline: boolean;
  /** Some comment was among the tokens. */
  comment: boolean;
  tag: SourceToken | null;
  newlineAfterProp: SourceToken | null;
  end: number;
  start: number;
}

/**
 * Parse YAML text (no byte-order mark) into a document, or undefined when the text needs the
 * composing path (see the module comment).
 */
export function parseYamlCst(file: string, text: string): ParseDataResult | undefined {
  const { LineCounter, Parser } = yamlPackage();
  const lc = new LineCounter();
  const parser = new Parser(lc.addNewLine);
  let doc: CST.Document | undefined;
  try {
    for (const token of parser.parse(text)) {
      switch (token.type) {
        case 'document':
          if (doc) return undefined; // several documents: an error the composer words
          doc = token;
          break;
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          break;
        default:
          return undefined; // directives, `...`, error tokens
      }
    }
  } catch {
    return undefined;
  }
  if (!doc) return undefined;
  const walk = new CstWalk(file, text, lc);
  try {
    const root = walk.document(doc);
    if (walk.errors.length > 0) return { errors: walk.errors };
    return { document: { root, comments: walk.comments.finish() }, errors: [] };
  } catch (e) {
    if (e === GIVE_UP || e instanceof RangeError) return undefined;
    throw e;
  }
}

class CstWalk {
  readonly errors: InputError[] = [];
  readonly comments: CommentScanner;
  /** range[0], range[1] and range[2] of the node the last `node` call composed. */
  private r0 = 0;
  private r1 = 0;
  private r2 = 0;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly lc: LineCounter,
  ) {
    this.comments = new CommentScanner(text, (start, end) => this.span(start, end));
  }

  private pos(offset: number): { line: number; column: number } {
    const p = this.lc.linePos(offset);
    return { line: p.line, column: p.col };
  }

  private span(start: number, end: number): Span {
    return { file: this.file, start: this.pos(start), end: this.pos(end < start ? start : end) };
  }

  document(doc: CST.Document): DocNode {
    const { offset, start, value, end } = doc;
    const props = resolveProps(start, false, 'doc-start', value ?? end?.[0], offset, 0, true);
    if (props.tag) giveUp();
    if (props.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) giveUp();
    const root = value ? this.node(value, props, 0) : this.empty(props.end, start, props, 0);
    resolveEnd(end, this.r2, false);
    return root;
  }

  private node(token: Token, props: Props, depth: number): DocNode {
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, props, depth);
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        return this.collection(token, props, depth);
      default:
        return giveUp(); // aliases, error tokens
    }
  }

  /** The long-form key a short-form tag stands for; gives up on any other tag. */
  private tagKey(tag: SourceToken | null, depth: number): string | undefined {
    if (!tag) return undefined;
    const key = /^![A-Za-z0-9]+$/.test(tag.source) ? SHORT_FORM_TAGS.get(tag.source.slice(1)) : undefined;
    if (!key || depth >= MAX_DEPTH) giveUp();
    return key;
  }

  /** `{ "Fn::X": inner }` for a tagged node, spanning the tag (found as the composer path finds it). */
  private tagged(tag: SourceToken, key: string, inner: DocNode): DocMap {
    const name = tag.source;
    const window = Math.max(0, this.r0 - 512);
    const rel = this.text.slice(window, this.r0).lastIndexOf(name);
    const tagStart = rel >= 0 ? window + rel : this.r0;
    return {
      kind: 'map',
      fromTag: true,
      span: this.span(tagStart, this.r1),
      entries: [{ key, keySpan: this.span(tagStart, tagStart + name.length), value: inner }],
    };
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar, props: Props, depth: number): DocNode {
    const longKey = this.tagKey(props.tag, depth);
    const r = yamlPackage().CST.resolveAsScalar(token, true, giveUp);
    if (!r) return giveUp();
    const [start, end, tail] = r.range;
    this.r0 = start;
    this.r1 = end;
    this.r2 = tail;
    this.comments.scalar(start, end);
    let value: DocScalar['value'] = r.value;
    const plain = r.type === 'PLAIN';
    if (!longKey && plain) value = coreValue(r.value);
    const out: DocScalar = { kind: 'scalar', value, span: this.span(start, end) };
    if (typeof value === 'number' || typeof value === 'boolean' || (value === null && plain)) {
      const src = this.text.slice(start, end);
      if (src !== String(value) && src !== '') out.raw = src;
    }
    return longKey ? this.tagged(props.tag!, longKey, out) : out;
  }

  /** An absent value (`Key:` with nothing after it): an empty plain scalar, as composeEmptyNode places it. */
  private empty(offset: number, before: SourceToken[] | undefined, props: Props, depth: number): DocNode {
    const longKey = this.tagKey(props.tag, depth);
    const at = emptyScalarPosition(offset, before);
    this.r0 = at;
    this.r1 = at;
    this.r2 = props.comment ? props.end : at;
    this.comments.scalar(at, at);
    const out: DocScalar = { kind: 'scalar', value: longKey ? '' : null, span: this.span(at, at) };
    return longKey ? this.tagged(props.tag!, longKey, out) : out;
  }

  private collection(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, props: Props, depth: number): DocNode {
    const tag = props.tag;
    const longKey = this.tagKey(tag, depth);
    if (token.type === 'block-seq' && tag && (!props.newlineAfterProp || props.newlineAfterProp.offset < tag.offset)) giveUp();
    const inner = longKey ? depth + 1 : depth;
    if (inner >= MAX_DEPTH) giveUp();
    const out = token.type === 'block-map' ? this.blockMap(token, inner) : token.type === 'block-seq' ? this.blockSeq(token, inner) : this.flow(token, inner);
    this.r0 = token.offset;
    return longKey ? this.tagged(tag!, longKey, out) : out;
  }

  /** A key: a single-line flow scalar without props. Returns its string and span; leaves r2 at its end. */
  private key(key: Token | null | undefined): { key: string; keySpan: Span; tail: number } {
    if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) return giveUp();
    const r = yamlPackage().CST.resolveAsScalar(key, true, giveUp);
    if (!r) return giveUp();
    const [start, end, tail] = r.range;
    this.comments.scalar(start, end);
    let k = r.value;
    if (r.type === 'PLAIN' && typeof coreValue(k) !== 'string') k = this.text.slice(start, end);
    return { key: k, keySpan: this.span(start, end), tail };
  }


  private blockMap(bm: CST.BlockMap, depth: number): DocMap {
    const entries: DocEntry[] = [];
    let seen: Map<string, Span> | undefined;
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const { start, key, sep, value } of bm.items) {
      const keyProps = resolveProps(start, false, 'explicit-key-ind', key ?? sep?.[0], offset, bm.indent, true);
      if (keyProps.found) giveUp(); // explicit key
      if (key && (key.type === 'block-seq' || ('indent' in key && key.indent !== bm.indent))) giveUp();
      if (!keyProps.tag && !sep) {
        commentEnd = keyProps.end;
        continue;
      }
      if (keyProps.tag || keyProps.newlineAfterProp || containsNewline(key)) giveUp();
      const k = this.key(key);
      const valueProps = resolveProps(sep ?? [], false, 'map-value-ind', value, k.tail, bm.indent, false);
      offset = valueProps.end;
      if (!valueProps.found) giveUp(); // an implicit key needs a value
      if (value?.type === 'block-map' && !valueProps.hasNewline) giveUp();
      if (keyProps.start < valueProps.found.offset - 1024) giveUp();
      seen = recordKey(this.errors, this.file, entries, seen, k.key, k.keySpan);
      const v = value ? this.node(value, valueProps, depth + 1) : this.empty(offset, sep, valueProps, depth + 1);
      offset = this.r2;
      entries.push({ key: k.key, keySpan: k.keySpan, value: v });
    }
    if (commentEnd && commentEnd < offset) giveUp();
    this.r1 = offset;
    this.r2 = commentEnd ?? offset;
    return { kind: 'map', entries, span: this.span(bm.offset, offset) };
  }

  private blockSeq(bs: CST.BlockSequence, depth: number): DocSeq {
    const items: DocNode[] = [];
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of bs.items) {
      const props = resolveProps(start, false, 'seq-item-ind', value, offset, bs.indent, true);
      if (!props.found) {
        if (props.tag || value) giveUp();
        commentEnd = props.end;
        continue;
      }
      items.push(value ? this.node(value, props, depth + 1) : this.empty(props.end, start, props, depth + 1));
      offset = this.r2;
    }
    this.r1 = offset;
    this.r2 = commentEnd ?? offset;
    return { kind: 'seq', items, span: this.span(bs.offset, offset) };
  }

  private flow(fc: CST.FlowCollection, depth: number): DocMap | DocSeq {
    const isMap = fc.start.source === '{';
    const entries: DocEntry[] = [];
    const items: DocNode[] = [];
    let seen: Map<string, Span> | undefined;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
      const { start, key, sep, value } = fc.items[i]!;
      const props = resolveProps(start, true, 'explicit-key-ind', key ?? sep?.[0], offset, fc.indent, false);
      if (props.found) giveUp();
      if (!props.tag && !sep && !value) {
        if ((i === 0 && props.comma) || i < fc.items.length - 1) giveUp(); // empty item
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) giveUp(); // a leading or a missing comma
      if (!isMap && !sep) {
        if (isBlock(value)) giveUp();
        items.push(value ? this.node(value, props, depth + 1) : this.empty(props.end, sep, props, depth + 1));
        offset = this.r2;
        continue;
      }
      if (!isMap || props.tag || isBlock(key)) giveUp(); // `[a: 1]`, a tagged key
      const k = this.key(key);
      const valueProps = resolveProps(sep ?? [], true, 'map-value-ind', value, k.tail, fc.indent, false);
      if (!valueProps.found || isBlock(value)) giveUp(); // `{a}`, `{a b}`
      seen = recordKey(this.errors, this.file, entries, seen, k.key, k.keySpan);
      const v = value ? this.node(value, valueProps, depth + 1) : this.empty(valueProps.end, sep, valueProps, depth + 1);
      offset = this.r2;
      entries.push({ key: k.key, keySpan: k.keySpan, value: v });
    }
    const [ce, ...ee] = fc.end;
    if (ce?.source !== (isMap ? '}' : ']')) giveUp();
    const cePos = ce.offset + ce.source.length;
    this.r1 = cePos;
    this.r2 = ee.length > 0 ? resolveEnd(ee, cePos, true) : cePos;
    const span = this.span(fc.offset, cePos);
    return isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span };
  }
}

const isBlock = (token: Token | null | undefined): boolean => !!token && (token.type === 'block-map' || token.type === 'block-seq');

/** The composer's resolve-props, giving up where it would report an error or meet an anchor. */
function resolveProps(
  tokens: SourceToken[],
  flow: boolean,
  indicator: 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind',
  next: Token | null | undefined,
  offset: number,
  parentIndent: number,
  startOnNewline: boolean,
): Props {
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = false;
  let hasNewline = false;
  let reqSpace = false;
  let tab: SourceToken | null = null;
  let tag: SourceToken | null = null;
  let newlineAfterProp: SourceToken | null = null;
  let comma: SourceToken | null = null;
  let found: SourceToken | null = null;
  let start: number | null = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') giveUp();
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== 'comment' && token.type !== 'newline') giveUp();
      tab = null;
    }
    const type = token.type;
    if (type === 'space') {
      if (!flow && (indicator !== 'doc-start' || next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
      hasSpace = true;
    } else if (type === 'comment') {
      if (!hasSpace) giveUp();
      comment = true;
      atNewline = false;
    } else if (type === 'newline') {
      atNewline = true;
      hasNewline = true;
      if (tag) newlineAfterProp = token;
      hasSpace = true;
    } else if (type === 'tag') {
      if (tag) giveUp();
      tag = token;
      start ??= token.offset;
      atNewline = false;
      hasSpace = false;
      reqSpace = true;
    } else if (type === indicator) {
      if (tag || found) giveUp();
      found = token;
      atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
      hasSpace = false;
    } else if (type === 'comma' && flow) {
      if (comma) giveUp();
      comma = token;
      atNewline = false;
      hasSpace = false;
    } else giveUp(); // anchors, unexpected tokens
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || next.source !== '')) giveUp();
  if (tab && ((atNewline && tab.indent <= parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) giveUp();
  return { comma, found, hasNewline, comment, tag, newlineAfterProp, end, start: start ?? end };
}

/** The composer's resolve-end: the offset after trailing space, comments and line breaks. */
function resolveEnd(end: SourceToken[] | undefined, offset: number, reqSpace: boolean): number {
  if (!end) return offset;
  let hasSpace = false;
  for (const { source, type } of end) {
    if (type === 'space' || type === 'newline') hasSpace = true;
    else if (type === 'comment') {
      if (reqSpace && !hasSpace) giveUp();
    } else giveUp();
    offset += source.length;
  }
  return offset;
}

/** The composer's util-empty-scalar-position. */
function emptyScalarPosition(offset: number, before: SourceToken[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    let st = before[i]!;
    if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
      offset -= st.source.length;
      continue;
    }
    st = before[++i]!;
    while (st?.type === 'space') {
      offset += st.source.length;
      st = before[++i]!;
    }
    break;
  }
  return offset;
}

/** The composer's util-contains-newline (for implicit keys). */
function containsNewline(key: Token | null | undefined): boolean {
  if (!key) return false;
  switch (key.type) {
    case 'alias':
    case 'scalar':
    case 'double-quoted-scalar':
    case 'single-quoted-scalar':
      if (key.source.includes('\n')) return true;
      if (key.end) for (const st of key.end) if (st.type === 'newline') return true;
      return false;
    case 'flow-collection':
      for (const it of key.items) {
        for (const st of it.start) if (st.type === 'newline') return true;
        if (it.sep) for (const st of it.sep) if (st.type === 'newline') return true;
        if (containsNewline(it.key) || containsNewline(it.value)) return true;
      }
      return false;
    default:
      return true;
  }
}

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function coreValue(s: string): string | number | boolean | null {
  if (s === '') return null;
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, a boolean or a number.
  const maybe = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybe) return s;
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return c === 116 || c === 84;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
