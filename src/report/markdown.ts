/**
 * The Markdown report, for pull-request comments and CI job summaries (GitHub-flavoured Markdown).
 * Everything that comes from scanned files (paths, resource names, messages, reasons) goes through
 * `escapeMarkdown`, so a `|` cannot break a table and a `<script>` or a backtick cannot change the markup.
 */
import { formatPosition } from '../core/source.js';
import type { Rule } from '../engine/rule.js';
import { docsUrl } from '../engine/rule.js';
import type { Finding, ScanResult, Severity } from '../engine/types.js';
import { SEVERITIES, severityRank } from '../engine/types.js';
import { TOOL_NAME, countResult, notChecked, sortErrors, sortFindings, sortNotices } from './common.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  // No @-mentions of people from scanned content in a pull-request comment.
  '@': '&#64;',
  '\\': '\\\\',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
};

/**
 * Text from a scanned file as inline Markdown that renders as itself, on one line and safe in a table cell:
 * `|`, `<`, `>`, backticks, `&` and `@` become HTML entities, emphasis and link characters are
 * backslash-escaped, line breaks become spaces and other control characters are shown as `\xNN`.
 */
export function escapeMarkdown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>|`@\\*_[\]~]|\r\n|[\r\n\t]|[\u0000-\u001f\u007f-\u009f]/g, (ch) => {
    const entity = ENTITIES[ch];
    if (entity !== undefined) return entity;
    if (ch === '\r\n' || ch === '\r' || ch === '\n' || ch === '\t') return ' ';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** `file:line` of a finding, escaped. */
export function findingLocation(f: Finding): string {
  return escapeMarkdown(`${f.location.span.file}:${f.location.span.start.line}`);
}

/** `Address (Type)`, escaped; with the CDK construct path when known. */
export function findingResource(f: Finding): string {
  let text = `${f.resource.address} (${f.resource.type})`;
  if (f.resource.constructPath) text += ` · construct ${f.resource.constructPath}`;
  return escapeMarkdown(text);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** One table row; the cells must already be escaped. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
}

interface RuleGroup {
  ruleId: string;
  rule: Rule | undefined;
  findings: Finding[];
  worst: Severity;
}

function worstOf(findings: readonly Finding[]): Severity {
  let worst: Severity = 'low';
  for (const f of findings) if (severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  return worst;
}

/** Unsuppressed findings grouped by rule: worst severity first, then more findings first, then rule id. */
function groupByRule(findings: readonly Finding[], rules: readonly Rule[]): RuleGroup[] {
  const byId = new Map<string, Finding[]>();
  for (const f of sortFindings(findings)) {
    const list = byId.get(f.ruleId);
    if (list) list.push(f);
    else byId.set(f.ruleId, [f]);
  }
  const groups = [...byId].map(([ruleId, list]) => ({
    ruleId,
    rule: rules.find((r) => r.meta.id === ruleId),
    findings: list,
    worst: worstOf(list),
  }));
  return groups.sort(
    (a, b) =>
      severityRank(b.worst) - severityRank(a.worst) ||
      b.findings.length - a.findings.length ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** GitHub's limit for a pull-request comment (and a comfortable size for a job summary). */
export const MARKDOWN_LIMIT = 65_536;
/** Input errors listed at most; the rest are counted. */
const MAX_ERROR_ROWS = 200;

export interface MarkdownOptions {
  /** Largest report in characters (default: GitHub's comment limit). */
  limit?: number;
  /** Where the complete report is, named in the line that says what was cut (`results.sarif`, "the code scanning alerts"). */
  fullReport?: string;
  /** Told what was cut, so the CLI can say it too. */
  onCut?: (message: string) => void;
  /** The architecture as Mermaid (`--diagram`), appended as its own section (GitHub renders it). */
  diagram?: string;
}

interface Budget {
  /** Unsuppressed findings listed, in report order. */
  findings: number;
  suppressed: boolean;
  notices: boolean;
}

/**
 * The report: a summary table first, then the findings by rule (worst severity first), input
 * errors, and suppressed findings and undecidable checks folded away. Over `limit` it is cut —
 * first the folded details, then the least severe findings — with a line saying how many were
 * left out and where the complete report is.
 */
export function formatMarkdown(result: ScanResult, rules: readonly Rule[], options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const groups = groupByRule(
    result.findings.filter((f) => !f.suppression),
    rules,
  );
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  const full = build(result, groups, { findings: total, suppressed: true, notices: true }, options);
  if (full.length <= limit) return full;

  let budget: Budget = { findings: total, suppressed: false, notices: false };
  let out = build(result, groups, budget, options);
  if (out.length > limit) {
    // The most findings that fit: binary search over how many are listed.
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (build(result, groups, { ...budget, findings: mid }, options).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    budget = { ...budget, findings: lo };
    out = build(result, groups, budget, options);
  }
  const cut = [
    budget.findings < total ? `${total - budget.findings} of ${total} findings` : '',
    countResult(result).suppressed > 0 ? 'the suppressed findings' : '',
    result.notices.length > 0 ? 'the undecidable checks' : '',
  ].filter(Boolean);
  options.onCut?.(`cut to ${out.length} characters (limit ${limit}): left out ${cut.join(', ')}`);
  return out;
}

function build(result: ScanResult, groups: RuleGroup[], budget: Budget, options: MarkdownOptions): string {
  const c = countResult(result);
  const out: string[] = [];

  out.push(`## ${TOOL_NAME} report`, '');
  out.push(
    c.findings === 0
      ? '**No findings.**'
      : `**${plural(c.findings, 'finding')}** in ${plural(c.filesWithFindings, 'file')}: ` +
          SEVERITIES.filter((s) => c.bySeverity[s] > 0)
            .map((s) => `${c.bySeverity[s]} ${s}`)
            .join(', ') +
          '.',
  );
  if (result.unresolvedModules.length > 0) out.push('', `**${plural(result.unresolvedModules.length, 'module call')} not checked**: the module's code is not on disk (see Modules not checked).`);
  if (c.errors > 0) out.push('', `**${plural(c.errors, 'file')} could not be read or parsed**: ${c.errors === 1 ? 'it was' : 'they were'} not checked (see Input errors).`);
  if (result.baseline) {
    const fixed = result.baseline.fixed.length;
    out.push('', `Baseline \`${escapeCode(result.baseline.file)}\`: ${plural(result.baseline.matched, 'known finding')} not counted above${fixed > 0 ? `, ${fixed} of its entries fixed` : ''}.`);
  }
  // Module calls have their own line and section.
  const unchecked = notChecked(result, { modules: false });
  if (unchecked.length > 0) out.push('', `Not checked: ${unchecked.join(', ')}.`);
  out.push('');

  out.push(row(['summary', 'count']), '| --- | ---: |');
  for (const s of SEVERITIES) out.push(row([s, String(c.bySeverity[s])]));
  out.push(row(['**findings**', `**${c.findings}**`]));
  out.push(row(['files scanned', String(result.stats.filesScanned)]));
  out.push(row(['files with findings', String(c.filesWithFindings)]));
  out.push(row(['resources', String(result.stats.resources)]));
  out.push(row(['input errors', String(c.errors)]));
  out.push(row(['suppressed', String(c.suppressed)]));
  out.push('');

  const warnings = sortNotices(result.notices.filter((n) => n.level === 'warning'));
  if (warnings.length > 0) {
    out.push('### Suppressions not honoured', '');
    out.push(row(['location', 'problem']), '| --- | --- |');
    for (const n of warnings.slice(0, MAX_ERROR_ROWS)) out.push(row([escapeMarkdown(`${n.span.file}:${n.span.start.line}`), escapeMarkdown(n.message)]));
    if (warnings.length > MAX_ERROR_ROWS) out.push('', `… and ${warnings.length - MAX_ERROR_ROWS} more.`);
    out.push('');
  }

  let left = budget.findings;
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  if (groups.length > 0) {
    out.push('### Findings', '');
    for (const g of groups) {
      if (left <= 0) break;
      const shown = g.findings.slice(0, left);
      left -= shown.length;
      const title = g.rule ? escapeMarkdown(g.rule.meta.title) : escapeMarkdown(g.ruleId);
      out.push(`#### ${title} (\`${escapeCode(g.ruleId)}\`)`, '');
      const controls = g.rule?.meta.controls ?? [...new Set(g.findings.flatMap((f) => f.controls))];
      const facts = [
        `Severity: **${g.worst}**`,
        `Controls: ${controls.length > 0 ? controls.map(escapeMarkdown).join(', ') : '—'}`,
        plural(g.findings.length, 'finding'),
      ];
      if (g.rule) facts.push(`[rule documentation](${docsUrl(g.ruleId)})`);
      out.push(facts.join(' · '), '');
      out.push(row(['location', 'severity', 'resource', 'message']), '| --- | --- | --- | --- |');
      for (const f of shown) out.push(row([findingLocation(f), f.severity, findingResource(f), escapeMarkdown(f.message)]));
      out.push('');
    }
    if (budget.findings < total) {
      const where = options.fullReport ? ` The full report: ${escapeMarkdown(options.fullReport)}.` : ' Run iac-check with `--format json` or `--format sarif` for the full list.';
      out.push(`**${total - budget.findings} of ${total} findings are not listed** (the least severe), to keep this report under ${MARKDOWN_LIMIT.toLocaleString('en-US')} characters.${where}`, '');
    }
  }

  const errors = sortErrors(result.errors);
  if (errors.length > 0) {
    out.push('### Input errors', '');
    out.push(row(['location', 'kind', 'message']), '| --- | --- | --- |');
    for (const e of errors.slice(0, MAX_ERROR_ROWS)) out.push(row([escapeMarkdown(formatPosition(e)), escapeMarkdown(e.kind), escapeMarkdown(e.message)]));
    if (errors.length > MAX_ERROR_ROWS) out.push('', `… and ${errors.length - MAX_ERROR_ROWS} more input errors.`);
    out.push('');
  }

  if (result.unresolvedModules.length > 0) {
    out.push('### Modules not checked', '');
    out.push(row(['location', 'module', 'source', 'message']), '| --- | --- | --- | --- |');
    for (const m of result.unresolvedModules) {
      out.push(row([escapeMarkdown(formatPosition({ file: m.span.file, line: m.span.start.line, column: m.span.start.column })), `\`${escapeCode(m.module)}\``, `\`${escapeCode(m.source)}\``, escapeMarkdown(m.message)]));
    }
    out.push('');
  }

  const suppressed = sortFindings(result.findings.filter((f) => f.suppression));
  if (suppressed.length > 0 && budget.suppressed) {
    out.push('<details>', `<summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, '');
    out.push(row(['location', 'rule', 'resource', 'message', 'reason']), '| --- | --- | --- | --- | --- |');
    for (const f of suppressed) {
      const reason = f.suppression!.reason.trim() === '' ? '(no reason given)' : escapeMarkdown(f.suppression!.reason);
      out.push(row([findingLocation(f), `\`${escapeCode(f.ruleId)}\``, findingResource(f), escapeMarkdown(f.message), reason]));
    }
    out.push('', '</details>', '');
  }

  const notices = sortNotices(result.notices.filter((n) => n.level !== 'warning'));
  if (notices.length > 0 && budget.notices) {
    out.push('<details>', `<summary>${plural(notices.length, 'undecidable check')} (not findings)</summary>`, '');
    out.push(row(['location', 'rule', 'resource', 'what could not be decided']), '| --- | --- | --- | --- |');
    for (const n of notices) {
      out.push(
        row([
          escapeMarkdown(`${n.span.file}:${n.span.start.line}`),
          `\`${escapeCode(n.ruleId)}\``,
          n.resource ? escapeMarkdown(n.resource) : '',
          escapeMarkdown(n.message),
        ]),
      );
    }
    out.push('', '</details>', '');
  }

  if (options.diagram) out.push('### Architecture', '', '```mermaid', options.diagram.trimEnd(), '```', '');

  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** A rule id inside a code span: ids are `[a-z0-9-]`, but never let one close the span or a table cell. */
function escapeCode(id: string): string {
  return id.replace(/[^A-Za-z0-9._:/-]/g, '');
}
