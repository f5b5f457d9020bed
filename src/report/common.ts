/** Helpers shared by the reporters. Reporters format; they decide nothing. */
import type { Span } from '../core/source.js';
import type { Finding, Notice, ScanResult, Severity } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import type { InputError } from '../core/source.js';

export const TOOL_NAME = 'iac-check';
export const TOOL_INFORMATION_URI = 'https://github.com/iac-check/iac-check';

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deterministic order: file, line, column, rule id, fingerprint. */
export function compareFindings(a: Finding, b: Finding): number {
  const sa = a.location.span;
  const sb = b.location.span;
  return (
    cmp(sa.file, sb.file) ||
    cmp(sa.start.line, sb.start.line) ||
    cmp(sa.start.column, sb.start.column) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function sortErrors(errors: readonly InputError[]): InputError[] {
  return [...errors].sort((a, b) => cmp(a.file, b.file) || cmp(a.line, b.line) || cmp(a.column, b.column) || cmp(a.message, b.message));
}

export function sortNotices(notices: readonly Notice[]): Notice[] {
  return [...notices].sort(
    (a, b) =>
      cmp(a.span.file, b.span.file) ||
      cmp(a.span.start.line, b.span.start.line) ||
      cmp(a.span.start.column, b.span.start.column) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.message, b.message),
  );
}

export interface Counts {
  /** Unsuppressed findings. */
  findings: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  errors: number;
  notices: number;
  /** Files with at least one unsuppressed finding. */
  filesWithFindings: number;
}

export function countResult(result: ScanResult): Counts {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let findings = 0;
  let suppressed = 0;
  const files = new Set<string>();
  for (const f of result.findings) {
    if (f.suppression) {
      suppressed++;
      continue;
    }
    findings++;
    bySeverity[f.severity]++;
    files.add(f.location.span.file);
  }
  return { findings, bySeverity, suppressed, errors: result.errors.length, notices: result.notices.length, filesWithFindings: files.size };
}

/** A region that is valid everywhere (SARIF, GitHub): 1-based, never empty, never inverted. */
export interface SafeRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function atLeastOne(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

export function safeRegion(span: Span): SafeRegion {
  const startLine = atLeastOne(span.start.line);
  const startColumn = atLeastOne(span.start.column);
  let endLine = atLeastOne(span.end.line);
  let endColumn = atLeastOne(span.end.column);
  if (endLine < startLine) {
    endLine = startLine;
    endColumn = startColumn + 1;
  } else if (endLine === startLine && endColumn <= startColumn) {
    // A zero-width span (the head of a resource) or an inverted one: mark one character.
    endColumn = startColumn + 1;
  }
  return { startLine, startColumn, endLine, endColumn };
}

/** A path relative to the scan root with forward slashes, as a URI reference (each segment percent-encoded). */
export function relativeUri(file: string): string {
  const normalized = file.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  return normalized
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  let cut = text.slice(0, room);
  const space = cut.lastIndexOf(' ');
  if (space > room * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** `s3-public-access` → `S3PublicAccess`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** What the scan could not check, counted: the summary always says so, not only `--verbose`. */
export function notChecked(result: ScanResult, options: { modules?: boolean } = {}): string[] {
  const out: string[] = [];
  const skipped = result.stats.filesSkipped;
  if (skipped > 0) out.push(plural(skipped, 'skipped file'));
  const modules = result.unresolvedModules?.length ?? 0;
  if (modules > 0 && options.modules !== false) out.push(plural(modules, 'unresolved module'));
  const undecidable = result.notices.filter((n) => n.kind === 'undecidable').length;
  if (undecidable > 0) out.push(plural(undecidable, 'undecidable check'));
  return out;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
