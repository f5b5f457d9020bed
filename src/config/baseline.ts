/**
 * Baselines: adopting iac-check in a repository that already has findings. `--write-baseline`
 * records today's findings by fingerprint (stable when lines move); `--baseline` then reports
 * only findings not in it as new, keeps the recorded ones as suppressed (kind `external`, so
 * GitHub closes their alerts rather than losing them) and lists entries that are now fixed.
 */
import { readFile } from 'node:fs/promises';
import type { Finding, ScanResult, Severity } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';

export const BASELINE_VERSION = 1;

/** One recorded finding; everything but the fingerprint is there for the people who read the file. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  resource: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: 'iac-check';
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** Findings a baseline records: the open ones, and those open but for the baseline being refreshed. */
function recordable(f: Finding): boolean {
  return !f.suppression || f.suppression.baseline === true;
}

export function buildBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.filter(recordable).map(
    (f): BaselineEntry => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.location.span.file,
      line: f.location.span.start.line,
      resource: f.resource.address,
      message: f.message,
    }),
  );
  const seen = new Set<string>();
  const unique = entries.filter((e) => !seen.has(e.fingerprint) && seen.add(e.fingerprint));
  unique.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: 'iac-check', findings: unique };
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new BaselineError(`${file}: cannot read the baseline (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  return validateBaseline(raw, file);
}

export function validateBaseline(raw: unknown, file = 'baseline'): Baseline {
  const fail = (what: string): never => {
    throw new BaselineError(`${file}: ${what} (write one with --write-baseline)`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not an iac-check baseline');
  const r = raw as Record<string, unknown>;
  if (r.tool !== 'iac-check') fail('not an iac-check baseline (no "tool": "iac-check")');
  if (r.version !== BASELINE_VERSION) fail(`baseline version ${JSON.stringify(r.version)} is not supported (expected ${BASELINE_VERSION})`);
  if (!Array.isArray(r.findings)) return fail('`findings` must be a list');
  const findings = (r.findings as unknown[]).map((e, i): BaselineEntry => {
    const entry = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    if (typeof entry.fingerprint !== 'string' || entry.fingerprint === '') fail(`findings[${i}].fingerprint is required`);
    const severity = SEVERITIES.includes(entry.severity as Severity) ? (entry.severity as Severity) : 'low';
    return {
      fingerprint: entry.fingerprint as string,
      ruleId: String(entry.ruleId ?? ''),
      severity,
      file: String(entry.file ?? ''),
      line: Number(entry.line ?? 0),
      resource: String(entry.resource ?? ''),
      message: String(entry.message ?? ''),
    };
  });
  return { version: BASELINE_VERSION, tool: 'iac-check', findings };
}

/**
 * The scan seen through a baseline: findings it records become suppressed (`external`, with a
 * justification naming the file), entries no finding matches any more are listed as fixed.
 * Findings already suppressed in the source or the configuration keep their own suppression.
 */
export function applyBaseline(result: ScanResult, baseline: Baseline, file: string): ScanResult {
  const known = new Set(baseline.findings.map((e) => e.fingerprint));
  const present = new Set<string>();
  let matched = 0;
  const findings = result.findings.map((f): Finding => {
    if (!known.has(f.fingerprint)) return f;
    present.add(f.fingerprint);
    if (f.suppression) return f;
    matched++;
    return { ...f, suppression: { kind: 'external' as const, reason: `recorded in the baseline ${file}`, baseline: true as const } };
  });
  const fixed = baseline.findings.filter((e) => !present.has(e.fingerprint));
  return { ...result, findings, baseline: { file, matched, fixed } };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
