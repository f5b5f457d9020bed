/**
 * Strict JSON → positioned data document, in one pass over the text.
 *
 * Every CDK cloud assembly is JSON and JSON is most of a large CDK repository; composing it
 * through the `yaml` package (JSON is YAML) costs about ten times more than reading it here.
 * The result is the document the YAML path gives for the same text — strings, numbers
 * resolved by the YAML 1.2 core schema (`raw` kept when the value does not print back the
 * same), spans from the opening to past the closing character — and duplicate keys are
 * reported with the same messages.
 *
 * This reader only handles what it can answer exactly. It returns `undefined` — and the caller
 * takes the general path, whose messages stay the reference — for invalid JSON, nesting at the
 * depth limit, a lone carriage return (line counting would differ), and the few valid JSON
 * spellings the YAML parser rejects (a key and its `:` on different lines).
 */
import type { InputError, Span } from '../../src/core/source.js';
import type { DocEntry, DocMap, DocNode, DocScalar, DocSeq } from '../document.js';
import { recordKey } from './common.js';
import type { ParseDataResult } from './common.js';

/** Thrown inside the reader: the text needs the general path. */
class NotHandled {}
const NOT_HANDLED = new NotHandled();

/**
 * Parse strict JSON (no byte-order mark: the caller drops it) keeping positions. `maxDepth` is
 * the nesting at which the general path reports a limit error; such text is not handled here.
 */
export function parseJsonDocument(file: string, text: string, maxDepth: number): ParseDataResult | undefined {
  if (hasLoneCarriageReturn(text)) return undefined;
  const reader = new JsonReader(file, text, maxDepth);
  let root: DocNode;
  try {
    reader.skipSpace();
    root = reader.value(0);
    reader.skipSpace();
    if (reader.i < text.length) return undefined;
  } catch (e) {
    if (e === NOT_HANDLED) return undefined;
    throw e;
  }
  if (reader.errors.length > 0) return { errors: reader.errors };
  return { document: { root, comments: [] }, errors: [] };
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

class JsonReader {
  i = 0;
  /** 1-based line of `i` and the offset where that line starts. */
  private line = 1;
  private lineStart = 0;
  readonly errors: InputError[] = [];

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  private at(offset: number): { line: number; column: number } {
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  private span(start: { line: number; column: number }, endOffset: number): Span {
    return { file: this.file, start, end: this.at(endOffset) };
  }

  skipSpace(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 10) {
        i++;
        this.line++;
        this.lineStart = i;
      } else break;
    }
    this.i = i;
  }

  value(depth: number): DocNode {
    const c = this.text.charCodeAt(this.i);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) {
      const start = this.at(this.i);
      const value = this.string();
      return { kind: 'scalar', value, span: this.span(start, this.i) };
    }
    return this.literal();
  }

  private object(depth: number): DocMap {
    if (depth >= this.maxDepth) throw NOT_HANDLED;
    const t = this.text;
    const start = this.at(this.i);
    this.i++;
    const entries: DocEntry[] = [];
    let seen: Map<string, Span> | undefined;
    this.skipSpace();
    if (t.charCodeAt(this.i) === 125 /* } */) {
      this.i++;
      return { kind: 'map', entries, span: this.span(start, this.i) };
    }
    for (;;) {
      if (t.charCodeAt(this.i) !== 34) throw NOT_HANDLED;
      const keyStart = this.at(this.i);
      const keyLine = this.line;
      const key = this.string();
      const keySpan = this.span(keyStart, this.i);
      this.skipSpace();
      // The YAML parser wants an implicit key and its `:` on one line.
      if (t.charCodeAt(this.i) !== 58 /* : */ || this.line !== keyLine) throw NOT_HANDLED;
      this.i++;
      this.skipSpace();
      seen = recordKey(this.errors, this.file, entries, seen, key, keySpan);
      entries.push({ key, keySpan, value: this.value(depth + 1) });
      this.skipSpace();
      const c = t.charCodeAt(this.i++);
      if (c === 125 /* } */) return { kind: 'map', entries, span: this.span(start, this.i) };
      if (c !== 44 /* , */) throw NOT_HANDLED;
      this.skipSpace();
    }
  }

  private array(depth: number): DocSeq {
    if (depth >= this.maxDepth) throw NOT_HANDLED;
    const t = this.text;
    const start = this.at(this.i);
    this.i++;
    const items: DocNode[] = [];
    this.skipSpace();
    if (t.charCodeAt(this.i) === 93 /* ] */) {
      this.i++;
      return { kind: 'seq', items, span: this.span(start, this.i) };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = t.charCodeAt(this.i++);
      if (c === 93 /* ] */) return { kind: 'seq', items, span: this.span(start, this.i) };
      if (c !== 44 /* , */) throw NOT_HANDLED;
      this.skipSpace();
    }
  }

  /** A string at `i` (on its opening quote); leaves `i` past the closing quote. */
  private string(): string {
    const t = this.text;
    const open = this.i;
    let i = open + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        escaped = true;
        i += 2;
        continue;
      }
      // Control characters (and the end of the text: NaN) are not allowed in a JSON string.
      if (!(c >= 32)) throw NOT_HANDLED;
      i++;
    }
    this.i = i + 1;
    if (!escaped) return t.slice(open + 1, i);
    try {
      return JSON.parse(t.slice(open, i + 1)) as string;
    } catch {
      throw NOT_HANDLED;
    }
  }

  /** A number, `true`, `false` or `null`, resolved as the YAML 1.2 core schema resolves it. */
  private literal(): DocScalar {
    const t = this.text;
    const s = this.i;
    const start = this.at(s);
    for (const [word, value] of LITERALS) {
      if (t.startsWith(word, s)) {
        this.i = s + word.length;
        return { kind: 'scalar', value, span: this.span(start, this.i) };
      }
    }
    let i = s;
    if (t.charCodeAt(i) === 45 /* - */) i++;
    const intStart = i;
    if (t.charCodeAt(i) === 48 /* 0 */) i++;
    else i = this.digits(i);
    if (i === intStart) throw NOT_HANDLED;
    let integer = true;
    if (t.charCodeAt(i) === 46 /* . */) {
      integer = false;
      const f = i + 1;
      i = this.digits(f);
      if (i === f) throw NOT_HANDLED;
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69 /* e E */) {
      integer = false;
      i++;
      const sign = t.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      const d = i;
      i = this.digits(d);
      if (i === d) throw NOT_HANDLED;
    }
    this.i = i;
    const src = t.slice(s, i);
    const value = integer ? parseInt(src, 10) : parseFloat(src);
    const out: DocScalar = { kind: 'scalar', value, span: this.span(start, i) };
    if (src !== String(value)) out.raw = src;
    return out;
  }

  private digits(i: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c >= 48 && c <= 57) i++;
      else return i;
    }
  }
}

const LITERALS: ReadonlyArray<[string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
