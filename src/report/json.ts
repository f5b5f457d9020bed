/**
 * The JSON report. Its shape is documented in docs/json-output.md and versioned by
 * `schemaVersion`: fields are only added within a version, never renamed or removed.
 */
import type { Span } from '../core/source.js';
import type { Rule } from '../engine/rule.js';
import { docsUrl } from '../engine/rule.js';
import type { Finding, ScanResult, Severity } from '../engine/types.js';
import { TOOL_INFORMATION_URI, TOOL_NAME, countResult, safeRegion, sortErrors, sortFindings, sortNotices } from './common.js';

export const JSON_SCHEMA_VERSION = 1;

export interface JsonOptions {
  /** The tool's version, as `iac-check --version` prints it. */
  toolVersion?: string;
}

export interface JsonRegion {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  controls: string[];
  location: JsonRegion & { path: string | null };
  resource: { address: string; type: string; source: string; constructPath: string | null };
  fingerprint: string;
  /** `baseline`: recorded in the `--baseline` file (then `kind` is `external`). */
  suppression: { kind: 'inSource' | 'external'; reason: string; location: JsonRegion | null; baseline: boolean } | null;
  related: (JsonRegion & { message: string })[];
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: { name: string; version: string; informationUri: string };
  root: string;
  stats: {
    filesDiscovered: number;
    filesScanned: number;
    filesSkipped: number;
    resources: number;
    durationMs: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    suppressed: number;
    errors: number;
    notices: number;
    unresolvedModules: number;
  };
  rules: { id: string; title: string; severity: Severity; controls: string[]; helpUri: string }[];
  findings: JsonFinding[];
  errors: { file: string; line: number; column: number; kind: string; message: string }[];
  notices: { ruleId: string; message: string; resource: string | null; location: JsonRegion; level: 'note' | 'warning'; kind: string | null }[];
  unresolvedModules: { module: string; source: string; message: string; location: JsonRegion }[];
  notes: string[];
  regions: string[];
  /** With `--baseline`: the file, how many of its findings are still there (suppressed), and its entries now fixed. */
  baseline: { file: string; matched: number; fixed: { fingerprint: string; ruleId: string; file: string; line: number; resource: string; message: string }[] } | null;
}

function region(span: Span): JsonRegion {
  return { file: span.file, ...safeRegion(span) };
}

function finding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    messageId: f.messageId,
    controls: [...f.controls],
    location: { ...region(f.location.span), path: f.location.path ?? null },
    resource: {
      address: f.resource.address,
      type: f.resource.type,
      source: f.resource.source,
      constructPath: f.resource.constructPath ?? null,
    },
    fingerprint: f.fingerprint,
    suppression: f.suppression
      ? { kind: f.suppression.kind, reason: f.suppression.reason, location: f.suppression.span ? region(f.suppression.span) : null, baseline: f.suppression.baseline === true }
      : null,
    related: f.related.map((r) => ({ ...region(r.span), message: r.message })),
  };
}

/** Builds the report object (for callers that embed it); `formatJson` serializes it. */
export function buildJsonReport(result: ScanResult, rules: readonly Rule[], options: JsonOptions = {}): JsonReport {
  return { ...reportWithout(result, rules, options), findings: sortFindings(result.findings).map(finding) };
}

/** The report with its findings left out (`findings: []`): what `jsonChunks` writes around them. */
function reportWithout(result: ScanResult, rules: readonly Rule[], options: JsonOptions): JsonReport {
  const c = countResult(result);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion ?? 'unknown', informationUri: TOOL_INFORMATION_URI },
    root: result.root,
    stats: {
      filesDiscovered: result.stats.filesDiscovered,
      filesScanned: result.stats.filesScanned,
      filesSkipped: result.stats.filesSkipped,
      resources: result.stats.resources,
      durationMs: result.stats.durationMs,
      findings: c.findings,
      bySeverity: c.bySeverity,
      suppressed: c.suppressed,
      errors: c.errors,
      notices: c.notices,
      unresolvedModules: result.unresolvedModules.length,
    },
    rules: [...rules]
      .map((r) => ({ id: r.meta.id, title: r.meta.title, severity: r.meta.severity, controls: [...r.meta.controls], helpUri: docsUrl(r.meta.id) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    findings: [],
    errors: sortErrors(result.errors).map((e) => ({ file: e.file, line: e.line, column: e.column, kind: e.kind, message: e.message })),
    notices: sortNotices(result.notices).map((n) => ({ ruleId: n.ruleId, message: n.message, resource: n.resource ?? null, location: region(n.span), level: n.level ?? 'note', kind: n.kind ?? null })),
    unresolvedModules: result.unresolvedModules.map((m) => ({ module: m.module, source: m.source, message: m.message, location: region(m.span) })),
    notes: [...result.notes],
    regions: [...result.regions],
    baseline: result.baseline ? { file: result.baseline.file, matched: result.baseline.matched, fixed: result.baseline.fixed.map((e) => ({ ...e })) } : null,
  };
}

export function formatJson(result: ScanResult, rules: readonly Rule[], options: JsonOptions = {}): string {
  return [...jsonChunks(result, rules, options)].join('');
}

/** Stands for the findings in the serialized report until they are written (a root path or a rule title never holds a NUL). */
const FINDINGS_MARK = '\u0000iac-check findings\u0000';

/**
 * The JSON report as pieces whose concatenation is `JSON.stringify(buildJsonReport(…), null, 2)` + a newline,
 * byte for byte: each finding is converted and serialized on its own, so a report of 400,000 findings is
 * never one object tree nor one string in memory (the CLI writes the pieces as they come).
 */
export function* jsonChunks(result: ScanResult, rules: readonly Rule[], options: JsonOptions = {}): Generator<string> {
  const text = JSON.stringify({ ...reportWithout(result, rules, options), findings: FINDINGS_MARK }, null, 2);
  const mark = JSON.stringify(FINDINGS_MARK);
  const at = text.indexOf(mark);
  const findings = sortFindings(result.findings);
  if (at < 0 || !findings.length) {
    yield `${JSON.stringify(buildJsonReport(result, rules, options), null, 2)}\n`;
    return;
  }
  yield `${text.slice(0, at)}[`;
  // The findings array is at depth 1 of the report: its items are indented by 4 spaces (JSON strings hold no raw newline).
  let batch = '';
  for (let i = 0; i < findings.length; i++) {
    batch += `${i ? ',' : ''}\n    ${JSON.stringify(finding(findings[i]!), null, 2).replace(/\n/g, '\n    ')}`;
    if (batch.length >= 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}\n  ]${text.slice(at + mark.length)}\n`;
}
