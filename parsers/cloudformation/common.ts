/** What the CloudFormation data parsers (composing, CST walk, JSON reader) share. */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { InputError, Span } from '../../src/core/source.js';
import type { DocComment, DocEntry, ParsedDocument } from '../document.js';
import { LIMITS } from '../../src/core/limits.js';

let yamlModule: typeof Yaml | undefined;
/**
 * The `yaml` package, loaded on first use (it is CommonJS under Node, so this is the module an
 * `import` would give): a scan without YAML — only JSON templates, or only Terraform — never
 * loads it.
 */
export function yamlPackage(): typeof Yaml {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/** Maps with more entries than this look duplicate keys up in a Map instead of scanning. */
const LINEAR_KEY_SCAN = 12;

/**
 * Records the key of the entry about to be added to a map, with a duplicate-key error (naming the
 * first occurrence) when an earlier entry has it. Every reader of templates reports duplicates
 * this one way. Short maps are scanned; `seen` is the lookup built once a map grows past
 * LINEAR_KEY_SCAN entries (or given from the start): pass back what this returns.
 */
export function recordKey(errors: InputError[], file: string, entries: readonly DocEntry[], seen: Map<string, Span> | undefined, key: string, keySpan: Span): Map<string, Span> | undefined {
  const first = seen ? seen.get(key) : entries.find((e) => e.key === key)?.keySpan;
  if (first) {
    errors.push({
      file,
      line: keySpan.start.line,
      column: keySpan.start.column,
      kind: 'duplicate-key',
      message: `duplicate key "${key}" (first defined at line ${first.start.line}, column ${first.start.column})`,
    });
  } else if (seen) seen.set(key, keySpan);
  if (!seen && entries.length >= LINEAR_KEY_SCAN) {
    seen = new Map();
    for (const e of entries) if (!seen.has(e.key)) seen.set(e.key, e.keySpan);
    if (!seen.has(key)) seen.set(key, keySpan);
  }
  return seen;
}

/** Maximum nesting of maps and sequences (tags count as a level, like the map they stand for). */
export const MAX_DEPTH = LIMITS.nesting;
/** Short-form tag (without `!`) → the long-form key it stands for. */
export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ...[
    'Base64',
    'Cidr',
    'Equals',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'If',
    'ImportValue',
    'Join',
    'Length',
    'Not',
    'And',
    'Or',
    'Select',
    'Split',
    'Sub',
    'ToJsonString',
    'Transform',
  ].map((n) => [n, `Fn::${n}`] as [string, string]),
]);

export interface ParseDataResult {
  document?: ParsedDocument;
  errors: InputError[];
}

/**
 * Comments of a YAML text: a `#` at the start of a line or after white space that lies inside
 * no scalar. Scalars are reported in source order (`scalar`), so finding the comments is a
 * single merge with the sorted list of `#` candidates.
 */
export class CommentScanner {
  /** Offsets of `#` that may start a comment, ascending; `ci` is the merge cursor. */
  private readonly hashes: number[] = [];
  private ci = 0;
  private readonly comments: DocComment[] = [];

  constructor(
    private readonly text: string,
    private readonly span: (start: number, end: number) => Span,
  ) {
    let i = text.indexOf('#');
    while (i >= 0) {
      const prev = i === 0 ? '\n' : text[i - 1];
      if (prev === ' ' || prev === '\t' || prev === '\n' || prev === '\r' || prev === '\uFEFF') this.hashes.push(i);
      i = text.indexOf('#', i + 1);
    }
  }

  /** Account for a scalar occupying [start, end): `#` before it are comments, inside it are not. */
  scalar(start: number, end: number): void {
    const h = this.hashes;
    while (this.ci < h.length && h[this.ci]! < start) this.take(h[this.ci++]!);
    while (this.ci < h.length && h[this.ci]! < end) this.ci++;
  }

  private take(at: number): void {
    let end = at;
    const t = this.text;
    while (end < t.length && t[end] !== '\n' && t[end] !== '\r') end++;
    this.comments.push({ text: t.slice(at, end), span: this.span(at, end) });
  }

  finish(): DocComment[] {
    while (this.ci < this.hashes.length) this.take(this.hashes[this.ci++]!);
    return this.comments;
  }
}
