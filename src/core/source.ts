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
  /**
   * For a value that travelled to where it is used (a Terraform module output): the places it passed,
   * from its origin outwards (the output, the module call, where it is read). Findings show them as related locations.
   */
  via?: readonly Hop[];
}

/** One place a value passed on its way from where it is written to where it is used. */
export interface Hop {
  span: Span;
  message: string;
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

/** A file's text, or why it cannot be read as text. */
export type SourceText = { text: string } | { error: InputError };

/**
 * Reads a scanned file as UTF-8 text (a byte-order mark is dropped). CloudFormation and Terraform
 * read UTF-8 only: UTF-16 (by its byte-order mark) is refused with a clear message, and invalid
 * UTF-8 is an error at the line and column of the first bad byte, never silently replaced.
 * `maxBytes` refuses larger files before they are read.
 */
export async function readSourceText(path: string, rel: string, maxBytes: number, what = 'file'): Promise<SourceText> {
  const { readFile, stat } = await import('node:fs/promises');
  const fail = (message: string, kind: string, line = 1, column = 1): SourceText => ({ error: { file: rel, line, column, kind, message } });
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > maxBytes) return fail(`the ${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB (${(st.size / 1024 / 1024).toFixed(1)} MB); it is not read`, 'limit');
    bytes = await readFile(path);
  } catch (e) {
    return fail(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'read');
  }
  return decodeSource(bytes, rel);
}

/** UTF-8 bytes → text, as `readSourceText` reads them. */
export function decodeSource(bytes: Uint8Array, rel: string): SourceText {
  const fail = (message: string, line = 1, column = 1): SourceText => ({ error: { file: rel, line, column, kind: 'encoding', message } });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('UTF-16 is not supported, save the file as UTF-8 (CloudFormation and Terraform read UTF-8 only)');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = start ? bytes.subarray(start) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const offset = invalidUtf8Offset(body);
    const before = new TextDecoder('utf-8').decode(body.subarray(0, offset));
    const lines = before.split('\n');
    return fail(`invalid UTF-8 (byte 0x${(body[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset + start}); save the file as UTF-8`, lines.length, [...lines[lines.length - 1]!].length + 1);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong three-byte forms, surrogates, and code points past U+10FFFF.
    if (n === 3 && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! >= 0xa0))) return i;
    if (n === 4 && ((c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! >= 0x90))) return i;
    i += n;
  }
  return b.length;
}
