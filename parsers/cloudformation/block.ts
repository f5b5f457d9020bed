/**
 * YAML as CloudFormation templates are written → positioned data document, in one pass over the
 * text, without the `yaml` package: block maps and sequences, one-line plain and quoted scalars,
 * literal and folded block scalars, flow collections, the short-form intrinsic tags, comments.
 *
 * The documents are those the other two readers give (cst.ts, and composing in yaml.ts): every
 * value, span and comment, and the same duplicate-key errors. Spans follow the `yaml` package: a
 * scalar spans its source; a block collection runs from its first key or `-` to past the line
 * break of its last line (which the package reaches through its tokens' trailing space, comment
 * and line break); a flow collection from its opening to past its closing bracket; a block scalar
 * to the end of its source as the package's lexer delimits it (`blockScalarEnd` is its rule).
 *
 * It takes only what it can answer exactly, and gives up on the rest — then the caller tries the
 * CST walk, then composing, so giving up never changes a result: tabs and carriage returns,
 * anchors, aliases, other tags, `?` and `%`, several documents, plain scalars over several lines,
 * quoted ones over several lines or with unusual escapes, explicit indentation indicators, empty
 * values with comments, comment or blank-but-spaced lines indented deeper than the line after them
 * (the package hands those to the node before them, which can move where a collection ends), and
 * every place the package would report an error.
 */
import type { InputError, Span } from '../../src/core/source.js';
import type { DocEntry, DocMap, DocNode, DocScalar, DocSeq } from '../document.js';
import { CommentScanner, MAX_DEPTH, SHORT_FORM_TAGS, recordKey } from './common.js';
import type { ParseDataResult } from './common.js';
import { coreValue } from './cst.js';

/** Thrown inside the reader: the text needs the other readers. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

/** The nesting this reader goes to (the limit itself is the other readers' to report). */
const DEPTH = MAX_DEPTH - 8;

const SPACE = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Short-form tag → long-form key, by the whole tag text (`!Ref`). */
const TAGS = new Map([...SHORT_FORM_TAGS].map(([short, long]) => [`!${short}`, long]));

/** Parse YAML text (no byte-order mark), or undefined when the other readers must (see the module comment). */
export function parseYamlBlock(file: string, source: string): ParseDataResult | undefined | typeof COMPOSE_ONLY {
  if (source.indexOf('\t') >= 0) return undefined;
  let text = source;
  if (source.indexOf('\r') >= 0) {
    // Line breaks written CR LF: the package reads them as LF everywhere (scalars end before the CR, comments
    // too, folding drops it), and lines are counted by LF, so reading the text with LF gives the same document.
    if (/\r(?!\n)/.test(source)) return undefined;
    text = source.replace(/\r\n/g, '\n');
  }
  const reader = new BlockReader(file, text);
  try {
    const root = reader.document();
    if (reader.errors.length > 0) return { errors: reader.errors };
    return { document: { root, comments: reader.comments.finish() }, errors: [] };
  } catch (e) {
    if (e === GIVE_UP) return reader.cstGivesUp ? COMPOSE_ONLY : undefined;
    // Anything else (a stack overflow, a case this reader gets wrong): the other readers answer, as the reference.
    return undefined;
  }
}

/** What `parseYamlBlock` gives when the CST walk would give up too (another tag, an anchor, several documents): compose. */
export const COMPOSE_ONLY = 'compose-only';

/** A parsed value and where it ends: `end` its span's end, `tail` past what the package gives it after (the rest of its last line). */
interface Read {
  node: DocNode;
  /** Offset where the node's source starts (after any tag). */
  start: number;
  end: number;
  tail: number;
  /** A block scalar (`|`, `>`): the package gives it no trailing comments. */
  blockScalar?: true;
}

/** A block collection being read, for the span ends of those that close together (see `closedEnd`). */
interface Open {
  start: number;
  indent: number;
  /** A sequence at its parent map's indentation (`Key:` then `- a` under `Key`): a key at that indentation closes it. */
  compact: boolean;
}

/** Where the block collections that close at one point end, keyed by their start offset. */
interface Closing {
  tail: number;
  ends: Map<number, number>;
}

class BlockReader {
  readonly errors: InputError[] = [];
  /** Set on meeting what the CST walk gives up on (cst.ts): then the text goes straight to composing. */
  cstGivesUp = false;
  readonly comments: CommentScanner;
  private readonly lineStarts: number[] = [0];
  private hint = 0;
  private readonly n: number;
  /** The block collections being read, outermost first. */
  private readonly open: Open[] = [];
  private closing: Closing | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.n = text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.comments = new CommentScanner(text, (start, end) => this.span(start, end));
  }

  /** 1-based line and column, as the package's LineCounter gives them. */
  private pos(offset: number): { line: number; column: number } {
    const ls = this.lineStarts;
    let h = this.hint;
    if (!(ls[h]! <= offset && (h + 1 >= ls.length || ls[h + 1]! > offset))) {
      let lo = 0;
      let hi = ls.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ls[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      h = this.hint = lo;
    }
    return { line: h + 1, column: offset - ls[h]! + 1 };
  }

  private span(start: number, end: number): Span {
    return { file: this.file, start: this.pos(start), end: this.pos(end < start ? start : end) };
  }

  /** Offset of the first character that is not a space, from `i`. */
  private spaces(i: number): number {
    const t = this.text;
    while (t.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** Offset past the end of the line `i` is on (past its line break, or the end of the text). */
  private lineEnd(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl < 0 ? this.n : nl + 1;
  }

  /**
   * From `i`, at the start of a line: the next line with content (not blank, not only a comment),
   * as the offset of its first character and its indentation; `at` is the text's length at the end.
   * Gives up when a skipped comment is indented deeper than that next line (the package may give
   * such a comment to the node before it, which moves where a collection ends) — unless `lenient`:
   * then `deepest` says how deep the deepest skipped comment is, for `closedEnd`.
   */
  private nextContent(i: number, lenient = false): { at: number; indent: number; comment: boolean; deepest: number } {
    const t = this.text;
    let deepest = -1;
    let comment = false;
    while (i < this.n) {
      const s = this.spaces(i);
      const c = t.charCodeAt(s);
      if (c === NL || s >= this.n) {
        i = s + 1;
        continue;
      }
      if (c === HASH) {
        comment = true;
        deepest = Math.max(deepest, s - i);
        i = this.lineEnd(s);
        continue;
      }
      if (deepest > s - i && !lenient) giveUp();
      return { at: s, indent: s - i, comment, deepest };
    }
    if (deepest > 0 && !lenient) giveUp();
    return { at: this.n, indent: -1, comment, deepest };
  }

  /**
   * Where the block collection starting at `start` ends, as the package gives it, when it closes at
   * `next` (the next content, or the end of the text) after its last value `last`, whose line ends
   * at `tail`. Without comments deeper than `next` it ends at `tail`. Otherwise, as the package's
   * parser places the comment lines in between: those indented deeper than the innermost closing
   * collection C, before any other comment, go to `last` (its trailing tokens; not for a block
   * scalar: give up) and C ends after them; the lines from the first other comment on, up to `next`,
   * stay with C, or are handed up to each closing collection in turn while every comment among them
   * is less indented than it (always from the indentation 0) — the one that keeps them, H, ends
   * where C does, and every closing collection around H ends at `next`. Computed once per `tail` by
   * C (the first to close there), read by the others as they close.
   */
  private closedEnd(tail: number, next: { at: number; indent: number; deepest: number }, last: Read, start: number): number {
    if (next.deepest <= next.indent && next.at < this.n) return tail;
    if (this.closing?.tail !== tail) this.closing = { tail, ends: this.closingEnds(tail, next, last) };
    return this.closing.ends.get(start) ?? giveUp();
  }

  private closingEnds(tail: number, next: { at: number; indent: number }, last: Read): Map<number, number> {
    const t = this.text;
    const nextIsDash = next.at < this.n && t.charCodeAt(next.at) === DASH && isBlank(t, next.at + 1);
    // The collections that close at `next`, innermost first.
    const closing: Open[] = [];
    for (let k = this.open.length - 1; k >= 0; k--) {
      const o = this.open[k]!;
      if (!(o.indent > next.indent || (o.compact && o.indent === next.indent && !nextIsDash))) break;
      closing.push(o);
    }
    const inner = closing[0]!;
    let valueEnd = tail;
    let kept = -1; // the deepest comment from the first one `last` does not take
    for (let i = tail; i < next.at; ) {
      const s = this.spaces(i);
      if (s >= this.n) break;
      if (t.charCodeAt(s) === HASH) {
        const indent = s - i;
        if (kept < 0 && indent > inner.indent) {
          if (last.blockScalar) giveUp();
          valueEnd = this.lineEnd(s);
        } else kept = Math.max(kept, indent);
      }
      i = this.lineEnd(s);
    }
    const ends = new Map<number, number>();
    let held = false;
    for (const o of closing) {
      ends.set(o.start, held ? next.at : valueEnd);
      if (!held && kept >= 0 && o.indent !== 0 && kept >= o.indent) held = true;
    }
    return ends;
  }

  /** After a value at `i` on its line: spaces, maybe a comment, then the line break. Returns the offset past it. */
  private endOfLine(i: number): number {
    const s = this.spaces(i);
    const c = this.text.charCodeAt(s);
    if (s >= this.n) return this.n;
    if (c === NL) return s + 1;
    if (c === HASH && s > i) return this.lineEnd(s);
    return giveUp();
  }

  document(): DocNode {
    const t = this.text;
    let first = this.nextContent(0);
    if (first.at >= this.n) giveUp(); // an empty stream
    const c = t.charCodeAt(first.at);
    if (c === 37 /* % */) {
      this.cstGivesUp = true;
      giveUp();
    }
    if (first.indent === 0 && t.startsWith('---', first.at) && isBlank(t, first.at + 3)) {
      // A document start marker alone on its line.
      const after = this.endOfLine(first.at + 3);
      first = this.nextContent(after);
      if (first.at >= this.n) giveUp();
    }
    const root = this.blockMap(first.at, first.indent, 0);
    if (root.tail < this.n) {
      const rest = this.nextContent(root.tail, true);
      if (rest.at < this.n) {
        // Content after the root map: a second document or `...` (which the CST walk leaves to composing), or an error.
        if (rest.indent === 0 && (t.startsWith('---', rest.at) || t.startsWith('...', rest.at))) this.cstGivesUp = true;
        giveUp();
      }
    }
    return root.node;
  }

  /** The long-form key of the short-form tag at `i` (undefined for another `!Name` tag), and the offset past it. */
  private tag(i: number): { key: string | undefined; name: string; after: number } {
    const t = this.text;
    let j = i + 1;
    for (;;) {
      const c = t.charCodeAt(j);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) j++;
      else break;
    }
    const name = t.slice(i, j);
    if (j === i + 1) giveUp(); // `!` alone, `!!str`, `!<…>`
    // Another tag (`!ValueOf`, a macro's): the package keeps the node as if untagged, a scalar as a string.
    const key = TAGS.get(name);
    if (key === undefined) this.cstGivesUp = true;
    const c = t.charCodeAt(j);
    if (!(c === SPACE || c === NL || j >= this.n)) giveUp();
    return { key, name, after: j };
  }

  /** `{ "Fn::X": inner }` for a tagged node, spanning the tag (found as the composer path finds it). */
  private tagged(name: string, key: string, inner: Read): DocMap {
    const window = Math.max(0, inner.start - 512);
    const rel = this.text.slice(window, inner.start).lastIndexOf(name);
    const tagStart = rel >= 0 ? window + rel : inner.start;
    return {
      kind: 'map',
      fromTag: true,
      span: this.span(tagStart, inner.end),
      entries: [{ key, keySpan: this.span(tagStart, tagStart + name.length), value: inner.node }],
    };
  }


  /**
   * A key at `i` followed by `:` and a space or line break: its text, span and the offset past the
   * `:`; undefined when `i` does not start a key on this line.
   */
  private keyAt(i: number): { key: string; start: number; end: number; after: number } | undefined {
    const t = this.text;
    const c = t.charCodeAt(i);
    let key: string;
    let end: number;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = c === 34 ? this.doubleQuoted(i, -1) : this.singleQuoted(i, -1);
      if (!q) return undefined;
      const colon = this.spaces(q.end); // `"Fn::If" : [...]`
      if (t.charCodeAt(colon) !== COLON) return undefined;
      const after = t.charCodeAt(colon + 1);
      if (!(after === SPACE || after === NL || colon + 1 >= this.n)) return undefined;
      if (colon - i > 1000) giveUp(); // the package's implicit-key length limit
      return { key: q.value, start: i, end: q.end, after: colon + 1 };
    } else {
      if (!plainStart(t, i, false)) return undefined;
      const lineEnd = this.lineEnd(i);
      let j = i;
      for (;;) {
        const k = t.indexOf(':', j);
        if (k < 0 || k >= lineEnd) return undefined;
        const next = t.charCodeAt(k + 1);
        if (next === SPACE || next === NL || k + 1 >= this.n) {
          end = k;
          break;
        }
        j = k + 1;
      }
      const colon = end;
      while (t.charCodeAt(end - 1) === SPACE) end--; // `Key : value`: the key ends before the spaces
      key = t.slice(i, end);
      if (key.includes(' #')) return undefined;
      if (colon - i > 1000) giveUp(); // the package's implicit-key length limit
      return { key, start: i, end, after: colon + 1 };
    }
    const next = t.charCodeAt(end + 1);
    if (!(next === SPACE || next === NL || end + 1 >= this.n)) return undefined;
    if (end - i > 1000) giveUp(); // the package's implicit-key length limit
    return { key, start: i, end, after: end + 1 };
  }

  /** A block map whose first key is at `i` (at column `indent`). */
  private blockMap(i: number, indent: number, depth: number): Read {
    if (depth >= DEPTH) giveUp();
    const t = this.text;
    const entries: DocEntry[] = [];
    let seen: Map<string, Span> | undefined;
    const start = i;
    let tail = i;
    let end = i;
    this.open.push({ start, indent, compact: false });
    for (;;) {
      const k = this.keyAt(i);
      if (!k) giveUp();
      this.comments.scalar(k.start, k.end);
      const keySpan = this.span(k.start, k.end);
      seen = recordKey(this.errors, this.file, entries, seen, k.key, keySpan);
      const v = this.value(k.after, indent, indent + 1, depth + 1, true);
      entries.push({ key: k.key, keySpan, value: v.node });
      end = tail = v.tail;
      if (tail >= this.n) break;
      const next = this.nextContent(tail, true);
      if (next.indent < indent) {
        end = this.closedEnd(tail, next, v, start);
        break;
      }
      if (next.indent > indent) giveUp();
      if (t.charCodeAt(next.at) === DASH && isBlank(t, next.at + 1)) giveUp(); // a `- ` at a map's own indentation
      // `---` or `...` at the left margin ends the document (the caller decides what follows).
      if (next.indent === 0 && (t.startsWith('---', next.at) || t.startsWith('...', next.at)) && isBlank(t, next.at + 3)) break;
      i = next.at;
    }
    this.open.pop();
    return { node: { kind: 'map', entries, span: this.span(start, end) }, start, end, tail };
  }

  /** A block sequence whose first `-` is at `i` (at column `indent`). */
  private blockSeq(i: number, indent: number, depth: number, parentMapIndent: number): Read {
    if (depth >= DEPTH) giveUp();
    const t = this.text;
    const items: DocNode[] = [];
    const start = i;
    let tail = i;
    let end = i;
    this.open.push({ start, indent, compact: parentMapIndent === indent });
    for (;;) {
      // `i` is at a `-` followed by a space or line break.
      const after = this.spaces(i + 1);
      const k = this.keyAt(after);
      let v: Read;
      if (k) v = this.blockMap(after, after - this.lineStartOf(after), depth + 1);
      else v = this.value(i + 1, indent, indent + 1, depth + 1, false);
      items.push(v.node);
      end = tail = v.tail;
      if (tail >= this.n) break;
      const next = this.nextContent(tail, true);
      if (next.indent < indent) {
        end = this.closedEnd(tail, next, v, start);
        break;
      }
      if (next.indent > indent) giveUp();
      if (!(t.charCodeAt(next.at) === DASH && isBlank(t, next.at + 1))) {
        // A key at the sequence's indentation ends a compact sequence (`Key:\n- a\nOther: b`).
        if (parentMapIndent === indent) {
          end = this.closedEnd(tail, next, v, start);
          break;
        }
        giveUp();
      }
      i = next.at;
    }
    this.open.pop();
    return { node: { kind: 'seq', items, span: this.span(start, end) }, start, end, tail };
  }

  private lineStartOf(i: number): number {
    const nl = this.text.lastIndexOf('\n', i - 1);
    return nl + 1;
  }

  /**
   * The value after a `:` or `-` at `i` - 1 (so `i` is past the indicator): on the same line, or a
   * block on the lines after. `indent` is the collection's column, `next` the lexer's minimum
   * indentation for what continues the value (the key's or the dash's column + 1).
   */
  private value(i: number, indent: number, next: number, depth: number, inMap: boolean): Read {
    const t = this.text;
    const s = this.spaces(i);
    const c = t.charCodeAt(s);
    if (s >= this.n || c === NL || c === HASH) {
      const lineEnd = c === HASH ? this.lineEnd(s) : s >= this.n ? this.n : s + 1;
      const below = lineEnd >= this.n ? { at: this.n, indent: -1, comment: false } : this.nextContent(lineEnd);
      const isDash = below.at < this.n && t.charCodeAt(below.at) === DASH && isBlank(t, below.at + 1);
      if (below.at < this.n && (below.indent > indent || (inMap && below.indent === indent && isDash))) {
        if (isDash) return this.blockSeq(below.at, below.indent, depth, inMap ? indent : -1);
        if (this.keyAt(below.at)) return this.blockMap(below.at, below.indent, depth);
        // A value on the next line (`Key:` then `  !Join [...]` or a scalar).
        if (c === HASH || below.comment || !inMap) giveUp();
        return this.valueAt(below.at, indent, next, depth, false);
      }
      // An empty value: a null scalar just past the `:` and the spaces after it.
      if (!inMap || c === HASH || below.comment) giveUp(); // the package may give the comments to the empty value
      this.comments.scalar(s, s);
      return { node: { kind: 'scalar', value: null, span: this.span(s, s) }, start: s, end: s, tail: s };
    }
    if (!inMap && c === DASH && isBlank(t, s + 1)) {
      // `- - a`: a sequence in a sequence item, its items at this column.
      return this.blockSeq(s, s - this.lineStartOf(s), depth, -1);
    }
    return this.valueAt(s, indent, next, depth, inMap);
  }

  /** A value starting at `s`: a short-form tag and what it tags, or an untagged value on this line. */
  private valueAt(s: number, indent: number, next: number, depth: number, inMap: boolean): Read {
    const t = this.text;
    if (t.charCodeAt(s) !== 33 /* ! */) return this.inline(s, next, depth, false);
    const tg = this.tag(s);
    if (depth >= DEPTH) giveUp();
    const v = this.spaces(tg.after);
    const vc = t.charCodeAt(v);
    let inner: Read;
    if (v >= this.n || vc === HASH) return giveUp();
    if (vc === NL) {
      // The tagged value is a block on the lines after.
      const below = this.nextContent(v + 1);
      const isDash = below.at < this.n && t.charCodeAt(below.at) === DASH && isBlank(t, below.at + 1);
      // A sequence may sit at the key's own indentation (`Key: !If` then `- …` under `Key`).
      if (below.at >= this.n || below.indent < indent || (below.indent === indent && !(isDash && inMap))) giveUp();
      if (isDash) inner = this.blockSeq(below.at, below.indent, depth + 1, inMap ? indent : -1);
      else if (this.keyAt(below.at)) inner = this.blockMap(below.at, below.indent, depth + 1);
      else {
        // A scalar or flow collection on the next line (`command: !Sub` then `  'text …'`), as for an untagged value.
        const bc = t.charCodeAt(below.at);
        if (below.indent === indent || below.comment || !inMap || bc === 124 /* | */ || bc === 62 /* > */) giveUp();
        inner = this.inline(below.at, next, depth + 1, true);
      }
    } else {
      inner = this.inline(v, next, depth + 1, true);
    }
    if (tg.key === undefined) return inner;
    return { node: this.tagged(tg.name, tg.key, inner), start: s, end: inner.end, tail: inner.tail, ...(inner.blockScalar ? { blockScalar: true as const } : {}) };
  }

  /** A value that starts on this line at `s`: quoted, flow, block scalar or plain. */
  private inline(s: number, next: number, depth: number, taggedValue: boolean): Read {
    const t = this.text;
    const c = t.charCodeAt(s);
    if (c === 34 || c === 39) {
      const q = c === 34 ? this.doubleQuoted(s, next) : this.singleQuoted(s, next);
      if (!q) giveUp();
      this.comments.scalar(s, q.end);
      const tail = this.endOfLine(q.end);
      return { node: { kind: 'scalar', value: q.value, span: this.span(s, q.end) }, start: s, end: q.end, tail };
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const f = this.flow(s, next, depth);
      const tail = this.endOfLine(f.end);
      return { node: f.node, start: s, end: f.end, tail };
    }
    if (c === 124 /* | */ || c === 62 /* > */) return { ...this.blockScalar(s, next), blockScalar: true };
    if (c === 38 || c === 42) this.cstGivesUp = true; // an anchor or an alias
    if (!plainStart(t, s, false)) giveUp();
    // A plain scalar: to a ` #` or the end of the line, without trailing spaces; a `: ` in it is a map on this line (an error).
    const lineEnd = t.indexOf('\n', s);
    let stop = lineEnd < 0 ? this.n : lineEnd;
    let end = this.plainLine(s, stop);
    let lines = false;
    for (let more = this.continuation(end, stop, next); more >= 0; more = this.continuation(end, stop, next)) {
      // The scalar goes on over the next line (indented `next` or more): its lines are folded.
      const e = t.indexOf('\n', more);
      stop = e < 0 ? this.n : e;
      end = this.plainLine(more, stop);
      lines = true;
    }
    this.comments.scalar(s, end);
    const src = t.slice(s, end);
    const text = lines ? unfoldLines(src) : src;
    const value = taggedValue ? text : coreValue(text);
    const node: DocScalar = { kind: 'scalar', value, span: this.span(s, end) };
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      if (src !== String(value) && src !== '') node.raw = src;
    }
    return { node, start: s, end, tail: this.endOfLine(end) };
  }

  /** The end of a plain scalar's text on the line from `s` to `stop`: before a ` #`, without trailing spaces; a `: ` in it is a map on this line (an error). */
  private plainLine(s: number, stop: number): number {
    const t = this.text;
    let end = s;
    for (let j = s; j < stop; j++) {
      const ch = t.charCodeAt(j);
      if (ch === SPACE) {
        if (t.charCodeAt(j + 1) === HASH) return end;
        continue;
      }
      if (ch === COLON && (j + 1 >= stop || t.charCodeAt(j + 1) === SPACE)) giveUp();
      end = j + 1;
    }
    return end;
  }

  /**
   * Whether a plain scalar ending at `end` (its line ends at `stop`) goes on over a later line, as
   * the lexer decides: the first later line with content, indented `next` or more and not a
   * comment. Returns where that line's text starts, or -1.
   */
  private continuation(end: number, stop: number, next: number): number {
    const t = this.text;
    if (stop >= this.n) return -1;
    // A comment after the scalar on its line ends it.
    if (this.spaces(end) < stop) return -1;
    let i = stop + 1;
    while (i < this.n) {
      const s = this.spaces(i);
      const c = t.charCodeAt(s);
      if (c === NL) {
        i = s + 1;
        continue;
      }
      if (s >= this.n || s - i < next || c === HASH) return -1;
      if (t.startsWith('---', s) || t.startsWith('...', s)) giveUp();
      return s;
    }
    return -1;
  }

  /**
   * A line break inside a quoted scalar at `nl`: gives up unless the scalar may go on over lines
   * (`next` ≥ 1, the lexer's minimum indentation: then the next line must be indented that much, or be blank).
   */
  private quotedLineBreak(nl: number, next: number): void {
    const s = this.spaces(nl + 1);
    if (!(this.text.charCodeAt(s) === NL || s - (nl + 1) >= next)) giveUp();
  }

  /** A double-quoted scalar at `i`, with the escapes CloudFormation templates use (over lines when `next` ≥ 1). */
  private doubleQuoted(i: number, next: number): { value: string; end: number } | undefined {
    const t = this.text;
    let out = '';
    let from = i + 1;
    let lines = false;
    for (let j = i + 1; ; j++) {
      const c = t.charCodeAt(j);
      if (j >= this.n) return giveUp();
      if (c === NL) {
        if (next < 1) return undefined; // a key, on one line
        this.quotedLineBreak(j, next);
        lines = true;
      } else if (c === 34) {
        if (lines) return { value: doubleQuotedValue(t.slice(i, j + 1)), end: j + 1 };
        out += t.slice(from, j);
        return { value: out, end: j + 1 };
      } else if (c === 92 /* \ */) {
        const e = ESCAPES[t[j + 1] ?? ''];
        if (e === undefined) giveUp();
        out += t.slice(from, j) + e;
        j++;
        from = j + 1;
      }
    }
  }

  /** A single-quoted scalar at `i` (over lines when `next` ≥ 1). */
  private singleQuoted(i: number, next: number): { value: string; end: number } | undefined {
    const t = this.text;
    let out = '';
    let from = i + 1;
    let lines = false;
    for (let j = i + 1; ; j++) {
      const c = t.charCodeAt(j);
      if (j >= this.n) return giveUp();
      if (c === NL) {
        if (next < 1) return undefined; // a key, on one line
        this.quotedLineBreak(j, next);
        lines = true;
      } else if (c === 39) {
        if (t.charCodeAt(j + 1) === 39) {
          out += t.slice(from, j + 1);
          j++;
          from = j + 1;
          continue;
        }
        if (lines) return { value: unfoldLines(t.slice(i + 1, j)).replace(/''/g, "'"), end: j + 1 };
        out += t.slice(from, j);
        return { value: out, end: j + 1 };
      }
    }
  }

  /**
   * A flow collection at `i`, possibly over several lines (each indented `next` or more), without
   * comments; its span runs to past the closing bracket.
   */
  private flow(i: number, next: number, depth: number): { node: DocMap | DocSeq; end: number } {
    if (depth >= DEPTH) giveUp();
    const t = this.text;
    const isMap = t.charCodeAt(i) === 123;
    const close = isMap ? 125 : 93;
    const entries: DocEntry[] = [];
    const items: DocNode[] = [];
    let seen: Map<string, Span> | undefined;
    let j = this.flowSpace(i + 1, next);
    if (t.charCodeAt(j) === close) {
      const span = this.span(i, j + 1);
      return { node: isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span }, end: j + 1 };
    }
    for (;;) {
      if (isMap) {
        const k = this.flowKey(j);
        this.comments.scalar(k.start, k.end);
        const keySpan = this.span(k.start, k.end);
        seen = recordKey(this.errors, this.file, entries, seen, k.key, keySpan);
        const v = this.flowSpace(k.after, next);
        const item = this.flowItem(v, next, depth + 1);
        entries.push({ key: k.key, keySpan, value: item.node });
        j = item.end;
      } else {
        const item = this.flowItem(j, next, depth + 1, false, true);
        items.push(item.node);
        j = item.end;
      }
      j = this.flowSpace(j, next);
      const c = t.charCodeAt(j);
      if (c === close) break;
      if (c !== 44 /* , */) giveUp();
      j = this.flowSpace(j + 1, next);
      if (t.charCodeAt(j) === close) giveUp(); // a trailing comma
    }
    const span = this.span(i, j + 1);
    return { node: isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span }, end: j + 1 };
  }

  /** Past spaces and line breaks inside a flow collection; gives up on comments and on lines indented less than `next`. */
  private flowSpace(j: number, next: number): number {
    const t = this.text;
    for (;;) {
      j = this.spaces(j);
      const c = t.charCodeAt(j);
      if (c === NL) {
        const s = this.spaces(j + 1);
        const sc = t.charCodeAt(s);
        if (sc !== NL && s - (j + 1) < next) giveUp();
        j = s;
        continue;
      }
      if (c === HASH || j >= this.n) giveUp();
      return j;
    }
  }

  /** A flow map key: a plain or quoted scalar and its `:` (followed by a space, or directly for a quoted key). */
  private flowKey(j: number): { key: string; start: number; end: number; after: number } {
    const t = this.text;
    const c = t.charCodeAt(j);
    if (c === 34 || c === 39) {
      const q = c === 34 ? this.doubleQuoted(j, -1) : this.singleQuoted(j, -1);
      if (!q) return giveUp();
      const colon = this.spaces(q.end);
      if (t.charCodeAt(colon) !== COLON) return giveUp();
      return { key: q.value, start: j, end: q.end, after: colon + 1 };
    }
    if (!plainStart(t, j, true)) giveUp();
    const end = this.flowPlainEnd(j);
    const colon = this.spaces(end);
    if (t.charCodeAt(colon) !== COLON) giveUp();
    const after = t.charCodeAt(colon + 1);
    if (!(after === SPACE || after === NL)) giveUp();
    return { key: t.slice(j, end), start: j, end, after: colon + 1 };
  }

  /**
   * Where a plain scalar in a flow collection at `j` ends: before `,[]{}`, `: ` or ` #`, without
   * trailing spaces; over a line break when `next` ≥ 1 and the next line goes on as the lexer has
   * it (indented `next` or more, or blank, and not starting with a comment or an indicator).
   */
  private flowPlainEnd(j: number, next = 0): number {
    const t = this.text;
    let end = j;
    for (let k = j; k < this.n; k++) {
      const c = t.charCodeAt(k);
      if (c === NL) {
        if (next < 1) break;
        const s = this.spaces(k + 1);
        const sc = t.charCodeAt(s);
        if (sc === NL) {
          k = s - 1;
          continue;
        }
        if (s >= this.n || s - (k + 1) < next || sc === HASH || sc === 44 || sc === 91 || sc === 93 || sc === 123 || sc === 125) break;
        if (t.startsWith('---', s) || t.startsWith('...', s)) giveUp();
        k = s - 1;
        continue;
      }
      if (c === SPACE) {
        if (t.charCodeAt(k + 1) === HASH) break;
        continue;
      }
      if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125) break;
      if (c === COLON) {
        const n = t.charCodeAt(k + 1);
        if (n === SPACE || n === NL || n === 44 || n === 91 || n === 93 || n === 123 || n === 125 || k + 1 >= this.n) break;
      }
      end = k + 1;
    }
    return end;
  }

  /** `[a: 1]`: a map of one pair inside a flow sequence, spanning its key and value. */
  private pair(j: number, next: number, depth: number): { node: DocMap; end: number } {
    const k = this.flowKey(j);
    this.comments.scalar(k.start, k.end);
    const keySpan = this.span(k.start, k.end);
    const v = this.flowSpace(k.after, next);
    const c = this.text.charCodeAt(v);
    if (c === 44 || c === 93 || c === 125) giveUp(); // `[a: ]`
    const item = this.flowItem(v, next, depth + 2);
    return { node: { kind: 'map', entries: [{ key: k.key, keySpan, value: item.node }], span: this.span(k.start, item.end) }, end: item.end };
  }

  /** One value inside a flow collection at `j`. */
  private flowItem(j: number, next: number, depth: number, taggedValue = false, inSeq = false): { node: DocNode; end: number } {
    const t = this.text;
    const c = t.charCodeAt(j);
    if (c === 33) {
      if (taggedValue) giveUp();
      const tg = this.tag(j);
      const v = this.spaces(tg.after);
      const vc = t.charCodeAt(v);
      if (vc === NL || v >= this.n) giveUp();
      if ((vc === 44 || vc === 93 || vc === 125) && v > tg.after) {
        if (tg.key === undefined) giveUp();
        // A tag with nothing after it (`!GetAZs ]`): an empty string, placed past the tag and its spaces.
        this.comments.scalar(v, v);
        const empty: DocScalar = { kind: 'scalar', value: '', span: this.span(v, v) };
        return { node: this.tagged(tg.name, tg.key, { node: empty, start: v, end: v, tail: v }), end: v };
      }
      const inner = this.flowItem(v, next, depth + 1, true);
      if (tg.key === undefined) return inner;
      return { node: this.tagged(tg.name, tg.key, { node: inner.node, start: v, end: inner.end, tail: inner.end }), end: inner.end };
    }
    if (c === 34 || c === 39) {
      const q = c === 34 ? this.doubleQuoted(j, next) : this.singleQuoted(j, next);
      if (!q) giveUp();
      if (t.charCodeAt(this.spaces(q.end)) === COLON) {
        if (!inSeq || taggedValue) giveUp();
        return this.pair(j, next, depth);
      }
      this.comments.scalar(j, q.end);
      return { node: { kind: 'scalar', value: q.value, span: this.span(j, q.end) }, end: q.end };
    }
    if (c === 91 || c === 123) {
      const f = this.flow(j, next, depth);
      return f;
    }
    if (c === 38 || c === 42) this.cstGivesUp = true; // an anchor or an alias
    if (!plainStart(t, j, true)) giveUp();
    const end = this.flowPlainEnd(j, next);
    if (end === j) giveUp();
    if (t.charCodeAt(this.spaces(end)) === COLON) {
      if (!inSeq || taggedValue || t.slice(j, end).includes('\n')) giveUp();
      return this.pair(j, next, depth);
    }
    this.comments.scalar(j, end);
    const src = t.slice(j, end);
    const text = src.includes('\n') ? unfoldLines(src) : src;
    // A tagged plain scalar keeps its text (no core-schema resolution).
    const value = taggedValue ? text : coreValue(text);
    const node: DocScalar = { kind: 'scalar', value, span: this.span(j, end) };
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      if (src !== String(value) && src !== '') node.raw = src;
    }
    return { node, end };
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `s`, with clip, strip (`-`) or
   * keep (`+`) chomping; `next` is the lexer's minimum indentation of its content. Its source ends
   * where the package's lexer ends it, and its value is what the package resolves from that source.
   */
  private blockScalar(s: number, next: number): Read {
    const t = this.text;
    const literal = t.charCodeAt(s) === 124;
    let h = s + 1;
    let chomp = '';
    const hc = t.charCodeAt(h);
    if (hc === DASH || hc === 43 /* + */) {
      chomp = t[h]!;
      h++;
    }
    const hc2 = t.charCodeAt(h);
    if (!(hc2 === SPACE || hc2 === NL || h >= this.n)) giveUp(); // an indentation indicator, or more
    const headerEnd = this.endOfLine(h);
    if (headerEnd >= this.n) giveUp();
    const pos = headerEnd;
    // The lexer: past blank lines to the first content line, whose indentation is the scalar's.
    let nl = pos - 1;
    let indent = 0;
    let i = pos;
    for (; i < this.n; i++) {
      const c = t.charCodeAt(i);
      if (c === SPACE) indent++;
      else if (c === NL) {
        nl = i;
        indent = 0;
      } else break;
    }
    if (i >= this.n) giveUp();
    // Content at `next` or deeper: the lines that go on at its indentation (or are blank). Less: an empty scalar.
    if (indent >= next) for (;;) {
      const from = nl + 1;
      let k = from;
      while (t.charCodeAt(k) === SPACE) k++;
      const c = t.charCodeAt(k);
      if (!(c === NL || k - from >= indent)) break;
      if (k >= this.n) {
        if (k - from < indent) break;
      }
      const nn = t.indexOf('\n', k);
      if (nn < 0) {
        nl = this.n;
        break;
      }
      nl = nn;
    }
    if (chomp !== '+') {
      // Trailing lines not more indented than the content go back to what follows.
      for (;;) {
        let k = nl - 1;
        const lastChar = k;
        while (t.charCodeAt(k) === SPACE) k--;
        if (t.charCodeAt(k) === NL && k >= pos && k + 1 + indent > lastChar) nl = k;
        else break;
      }
    }
    const end = nl >= this.n ? this.n : nl + 1;
    const source = t.slice(pos, end);
    const value = blockValue(source, literal, chomp, indent >= next ? indent : -1);
    this.comments.scalar(s, end);
    return { node: { kind: 'scalar', value, span: this.span(s, end) }, start: s, end, tail: end };
  }
}

/** The package's folding of a plain or single-quoted scalar's lines (no tabs or carriage returns here). */
function unfoldLines(source: string): string {
  const lines = source.split('\n');
  if (lines.length === 1) return source;
  let res = lines[0]!.replace(/ +$/, '');
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const lm = lines[i]!.replace(/^ +| +$/g, '');
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
  }
  return res + sep + lines[lines.length - 1]!.replace(/^ +/, '');
}

/** The package's value of a double-quoted scalar over lines (`source` with its quotes), for the escapes taken here. */
function doubleQuotedValue(source: string): string {
  let res = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i]!;
    if (ch === '\n') {
      let fold = '';
      let c = source[i + 1];
      while (c === ' ' || c === '\n') {
        if (c === '\n') fold += '\n';
        i += 1;
        c = source[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      const e = ESCAPES[source[i + 1] ?? ''];
      if (e === undefined) giveUp();
      res += e;
      i++;
    } else if (ch === ' ') {
      // Spaces before a line break are dropped.
      const ws = i;
      let c = source[i + 1];
      while (c === ' ') c = source[++i + 1];
      if (c !== '\n') res += source.slice(ws, i + 1);
    } else res += ch;
  }
  return res;
}

/** The double-quoted escapes taken here (the package knows more; those give up). */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

/** A space, a line break or the end after offset `i`. */
function isBlank(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c === SPACE || c === NL || i >= t.length;
}

/** Whether a plain scalar may start at `i` (taken conservatively: no indicator characters but a `-` before a digit or letter). */
function plainStart(t: string, i: number, inFlow: boolean): boolean {
  const c = t.charCodeAt(i);
  if (i >= t.length) return false;
  switch (c) {
    case 45: { // -
      const n = t.charCodeAt(i + 1);
      return (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 46;
    }
    case 58: { // `:` followed by a safe character starts a plain scalar outside flow (`::template-export.yml`)
      const n = t.charCodeAt(i + 1);
      return !inFlow && ((n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 46 || n === 58 || n === 47);
    }
    case 63: case 44: case 91: case 93: case 123: case 125: case 35: case 38: case 42: case 33:
    case 124: case 62: case 39: case 34: case 37: case 64: case 96: case SPACE: case NL:
      return false;
    default:
      return !inFlow || c !== 44;
  }
}

/** The package's resolve-block-scalar for a header without indentation indicator (the lines' indentation is `indent`, the first content line's). */
function blockValue(source: string, literal: boolean, chomp: string, contentIndent: number): string {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i]![1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (contentIndent >= 0) giveUp(); // not reached: the lexer found content
    return chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
  }
  if (contentIndent < 0) giveUp();
  let trimIndent = 0;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [ind, content] = lines[i]!;
    if (content === '') {
      if (ind.length > trimIndent) trimIndent = ind.length;
    } else {
      if (ind.length < trimIndent) giveUp(); // more-indented leading empty lines need an indicator (an error)
      trimIndent = ind.length;
      contentStart = i;
      break;
    }
  }
  if (trimIndent !== contentIndent) giveUp();
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]![0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i]![0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [ind, content] = lines[i]!;
    if (content && ind.length < trimIndent) giveUp(); // less indented than the first line (an error)
    if (literal) {
      value += sep + ind.slice(trimIndent) + content;
      sep = '\n';
    } else if (ind.length > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + ind.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  switch (chomp) {
    case '-':
      break;
    case '+':
      for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i]![0].slice(trimIndent);
      if (value[value.length - 1] !== '\n') value += '\n';
      break;
    default:
      value += '\n';
  }
  return value;
}

/** The package's split of a block scalar's source into [indentation, content] lines. */
function splitLines(source: string): [string, string][] {
  const split = source.split(/\n( *)/);
  const first = split[0]!;
  const m = /^( *)/.exec(first);
  const line0: [string, string] = m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first];
  const lines: [string, string][] = [line0];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!]);
  return lines;
}
