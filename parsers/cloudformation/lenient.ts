/**
 * A lenient retry for one YAML shape that CloudFormation accepts and YAML 1.2 does not:
 * a quoted scalar spread over several lines whose continuation lines sit at (or left of)
 * the indentation of the key that holds it:
 *
 *     Value: 'Log in to the web console, …, select
 *     your instance from the list …'
 *
 * The YAML loaders of the AWS CLI and cfn-lint (PyYAML) read this as one string; AWS ships
 * such templates in its own samples. When strict parsing fails, the continuation lines of
 * such scalars are indented one column past their key and the text parsed again. Leading
 * white space of a continuation line is folded away inside a quoted scalar, so the value is
 * the same; the columns on the shifted lines are moved back so positions match the file.
 * Nothing else is relaxed: duplicate keys and every other error stay errors.
 */
import type { DocNode } from '../document.js';
import type { Span } from '../../src/core/source.js';
import type { ParseDataResult } from './yaml.js';

/** Lines (0-based) and how many spaces were added at their start. */
type Shifts = Map<number, number>;

/**
 * Parse with `parse`; if that fails and the text has under-indented quoted continuation
 * lines, parse the re-indented text and return that document with the file's positions.
 * Otherwise the first result (with its errors) is returned unchanged.
 */
export function parseWithLenientRetry(file: string, text: string, parse: (file: string, text: string) => ParseDataResult): ParseDataResult {
  const strict = parse(file, text);
  if (strict.document || !strict.errors.some((e) => e.kind === 'syntax')) return strict;
  const fixed = reindentQuotedContinuations(text);
  if (!fixed) return strict;
  const retry = parse(file, fixed.text);
  // A retry that still has syntax errors explains nothing: the errors of the text as written are
  // the honest ones. Without syntax errors, its document — or its duplicate keys — are the answer.
  if (retry.errors.some((e) => e.kind === 'syntax')) return strict;
  const seen = new Set<object>();
  if (retry.document) {
    shiftNode(retry.document.root, fixed.shifts, seen);
    for (const c of retry.document.comments) shiftSpan(c.span, fixed.shifts, seen);
  }
  for (const e of retry.errors) e.column = Math.max(1, e.column - (fixed.shifts.get(e.line - 1) ?? 0));
  return retry;
}

const BLOCK_SCALAR = /:\s*[|>][0-9+-]*\s*(#.*)?$|^\s*-\s+[|>][0-9+-]*\s*(#.*)?$/;
/** `key: '…` or `key: "…` (key plain or quoted), or `- '…`, with the indentation of the key or dash. */
const QUOTED_START = /^( *)(?:(?:- +)*(?:[^\s#'"][^#]*?|'[^']*'|"(?:[^"\\]|\\.)*")\s*:\s+|(?:- +)+)(['"])/;

/**
 * The re-indented text and the shifts, or undefined when there is no under-indented
 * continuation line of a quoted scalar (so the retry would change nothing).
 */
export function reindentQuotedContinuations(text: string): { text: string; shifts: Shifts } | undefined {
  const lines = text.split('\n');
  const shifts: Shifts = new Map();
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (BLOCK_SCALAR.test(line)) {
      blockIndent = indent;
      continue;
    }
    const m = QUOTED_START.exec(line);
    if (!m) continue;
    const keyIndent = m[1]!.length;
    const quote = m[2]!;
    const open = m[0].length; // index just past the opening quote
    let close = closingQuote(line, open, quote);
    let j = i;
    while (close < 0 && j + 1 < lines.length) {
      j++;
      const next = lines[j]!;
      const nextIndent = next.length - next.trimStart().length;
      if (next.trim() !== '' && nextIndent <= keyIndent) {
        const add = keyIndent + 1 - nextIndent;
        lines[j] = ' '.repeat(add) + next;
        shifts.set(j, add);
      }
      close = closingQuote(lines[j]!, 0, quote);
    }
    i = j;
  }
  if (shifts.size === 0) return undefined;
  return { text: lines.join('\n'), shifts };
}

/** Index of the quote that closes a scalar opened before `from`, or -1 when it stays open past this line. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let k = from; k < line.length; k++) {
    const c = line[k];
    if (quote === '"' && c === '\\') {
      k++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && line[k + 1] === "'") {
      k++;
      continue;
    }
    return k;
  }
  return -1;
}

function shiftNode(node: DocNode, shifts: Shifts, seen: Set<object>): void {
  if (seen.has(node)) return; // aliases share nodes
  seen.add(node);
  shiftSpan(node.span, shifts, seen);
  if (node.kind === 'map') {
    for (const e of node.entries) {
      shiftSpan(e.keySpan, shifts, seen);
      shiftNode(e.value, shifts, seen);
    }
  } else if (node.kind === 'seq') for (const item of node.items) shiftNode(item, shifts, seen);
}

function shiftSpan(span: Span, shifts: Shifts, seen: Set<object>): void {
  for (const p of [span.start, span.end]) {
    if (seen.has(p)) continue;
    seen.add(p);
    const add = shifts.get(p.line - 1);
    if (add) p.column = Math.max(1, p.column - add);
  }
}
