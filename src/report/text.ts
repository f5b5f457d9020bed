/** The terminal report: errors first, then findings grouped by file, then a summary. */
import { formatPosition } from '../core/source.js';
import type { Finding, ScanResult, Severity } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import { countResult, notChecked, sortErrors, sortFindings, sortNotices } from './common.js';

export interface TextOptions {
  /** ANSI colours; the CLI turns them on for a TTY without NO_COLOR. */
  color: boolean;
  /** Also list undecidable checks (notices), related locations and `result.notes`. */
  verbose: boolean;
  /** Only findings and errors: no summary, no notices, no notes. */
  quiet?: boolean;
}

type Style = (text: string) => string;

interface Palette {
  bold: Style;
  dim: Style;
  underline: Style;
  error: Style;
  warn: Style;
  ok: Style;
  severity: Record<Severity, Style>;
}

function ansi(open: string, close: string): Style {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity: Style = (text) => text;

function palette(color: boolean): Palette {
  if (!color) {
    return {
      bold: identity,
      dim: identity,
      underline: identity,
      error: identity,
      warn: identity,
      ok: identity,
      severity: { critical: identity, high: identity, medium: identity, low: identity },
    };
  }
  const red = ansi('31', '39');
  const bold = ansi('1', '22');
  return {
    bold,
    dim: ansi('2', '22'),
    underline: ansi('4', '24'),
    error: (t) => bold(red(t)),
    warn: ansi('33', '39'),
    ok: ansi('32', '39'),
    severity: {
      critical: (t) => bold(red(t)),
      high: red,
      medium: ansi('33', '39'),
      low: ansi('36', '39'),
    },
  };
}

/**
 * Scanned files name the resources and values that messages quote; a control character in them
 * (an ANSI escape in a logical id, say) must not reach the terminal. Shown as `\xNN` instead.
 */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function resourceLine(f: Finding): string {
  let text = `${f.resource.address} (${f.resource.type})`;
  if (f.resource.constructPath) text += ` · construct ${f.resource.constructPath}`;
  if (f.location.path) text += ` · ${f.location.path}`;
  return clean(text);
}

export function formatText(result: ScanResult, options: TextOptions): string {
  const p = palette(options.color);
  const quiet = options.quiet === true;
  const verbose = options.verbose && !quiet;
  const lines: string[] = [];

  const errors = sortErrors(result.errors);
  if (errors.length > 0) {
    for (const e of errors) lines.push(`${clean(formatPosition(e))}  ${p.error('error')}  ${clean(e.message)}`);
    lines.push('');
  }

  // Module calls whose code is not on disk: what was not checked, said every time (not only with --verbose).
  if (!quiet && result.unresolvedModules.length > 0) {
    for (const m of result.unresolvedModules) {
      lines.push(`${clean(formatPosition({ file: m.span.file, line: m.span.start.line, column: m.span.start.column }))}  ${p.warn('unresolved')}  ${clean(m.message)}`);
    }
    lines.push('');
  }

  const findings = sortFindings(result.findings.filter((f) => !f.suppression));
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.location.span.file);
    if (list) list.push(f);
    else byFile.set(f.location.span.file, [f]);
  }

  // Columns are aligned over the whole report, so files read alike.
  const posWidth = Math.max(0, ...findings.map((f) => `${f.location.span.start.line}:${f.location.span.start.column}`.length));
  const sevWidth = Math.max(0, ...findings.map((f) => f.severity.length));
  const msgWidth = Math.max(0, ...findings.map((f) => clean(f.message).length));
  const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);

  for (const [file, list] of byFile) {
    lines.push(p.underline(clean(file)));
    for (const f of list) {
      const pos = `${f.location.span.start.line}:${f.location.span.start.column}`.padEnd(posWidth);
      const sev = p.severity[f.severity](f.severity.padEnd(sevWidth));
      const msg = clean(f.message).padEnd(Math.min(msgWidth, 100));
      lines.push(`  ${p.dim(pos)}  ${sev}  ${msg}  ${p.dim(f.ruleId)}`.trimEnd());
      lines.push(`${indent}${p.dim(resourceLine(f))}`);
      if (verbose) {
        for (const r of f.related) {
          const where = formatPosition({ file: r.span.file, line: r.span.start.line, column: r.span.start.column });
          lines.push(`${indent}${p.dim(clean(`related: ${where} ${r.message}`))}`);
        }
      }
    }
    lines.push('');
  }

  // Suppressions that suppress nothing (an unknown rule id, a wrong shape): always shown, a typo must not pass silently.
  const warnings = sortNotices(result.notices.filter((n) => n.level === 'warning'));
  if (warnings.length > 0) {
    for (const n of warnings) {
      const pos = formatPosition({ file: n.span.file, line: n.span.start.line, column: n.span.start.column });
      lines.push(`${clean(pos)}  ${p.severity.medium('warning')}  ${clean(n.message)}`);
    }
    lines.push('');
  }

  const fixed = result.baseline?.fixed ?? [];
  if (verbose && fixed.length > 0) {
    lines.push(p.bold(`Fixed since the baseline ${clean(result.baseline!.file)}:`));
    for (const e of fixed) lines.push(`  ${clean(`${e.file}:${e.line}`)}  ${clean(e.message)}  ${p.dim(e.ruleId)}`);
    lines.push('');
  }

  const others = result.notices.filter((n) => n.level !== 'warning');
  if (verbose && others.length > 0) {
    lines.push(p.bold('Notices (undecidable checks and unused suppressions; not findings):'));
    for (const n of sortNotices(others)) {
      const pos = formatPosition({ file: n.span.file, line: n.span.start.line, column: n.span.start.column });
      const res = n.resource ? ` (${n.resource})` : '';
      lines.push(`  ${clean(pos)}  ${clean(n.message + res)}  ${p.dim(n.ruleId)}`);
    }
    lines.push('');
  }

  if (verbose && result.notes.length > 0) {
    lines.push(p.bold('Notes:'));
    for (const note of result.notes) lines.push(`  ${clean(note)}`);
    lines.push('');
  }

  if (!quiet) lines.push(summary(result, p));

  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function summary(result: ScanResult, p: Palette): string {
  const c = countResult(result);
  const head =
    c.findings === 0
      ? p.ok('No findings')
      : p.bold(`${plural(c.findings, 'finding')} in ${plural(c.filesWithFindings, 'file')}`) +
        ` (${SEVERITIES.map((s) => p.severity[s](`${c.bySeverity[s]} ${s}`)).join(', ')})`;
  const parts = [
    head,
    `${plural(result.stats.filesScanned, 'file')} scanned`,
    plural(result.stats.resources, 'resource'),
    c.errors > 0 ? p.error(plural(c.errors, 'error')) : plural(c.errors, 'error'),
    `${c.suppressed} suppressed`,
  ];
  if (result.baseline) {
    const fixed = result.baseline.fixed.length;
    parts.push(`${result.baseline.matched} in the baseline${fixed > 0 ? `, ${fixed} of its entries fixed` : ''}`);
  }
  const unchecked = notChecked(result);
  if (unchecked.length > 0) parts.push(`not checked: ${unchecked.join(', ')} (--verbose lists them)`);
  // A solution spread over regions (DR, CDK stages) is worth saying: reviewers check that the copies are where they think.
  if (result.regions.length > 1) parts.push(`${result.regions.length} regions: ${result.regions.join(', ')}`);
  return parts.join(' · ');
}
