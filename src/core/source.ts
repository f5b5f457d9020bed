/** Where something is in a scanned file. Lines and columns are 1-based; `end` is inclusive of the last character's column + 1 (exclusive end). */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  /** File path relative to the scan root, with forward slashes. */
  file: string;
  start: Position;
  end: Position;
}

/** A problem with an input file: it could not be read or parsed. Never a stack trace. */
export interface InputError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Short machine-readable kind: `read`, `syntax`, `duplicate-key`, `limit`, `module`, `manifest` … */
  kind: string;
}

export function spanOf(file: string, startLine: number, startColumn: number, endLine: number, endColumn: number): Span {
  return { file, start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } };
}

/** The first line of a span, as a zero-width span (for "the resource starts here"). */
export function headOf(span: Span): Span {
  return { file: span.file, start: span.start, end: span.start };
}

export function formatPosition(e: { file: string; line: number; column: number }): string {
  return `${e.file}:${e.line}:${e.column}`;
}
