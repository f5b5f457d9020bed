/** The diff as text, JSON, Markdown (a pull-request comment) and SARIF (only the new findings). */
import type { Finding } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import { docsUrl } from '../engine/rule.js';
import { buildDiagram, toMermaid } from '../diagram/index.js';
import type { Diagram } from '../diagram/index.js';
import { escapeMarkdown, findingLocation, findingResource, row } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { sortFindings } from '../report/common.js';
import type { InfraDiff } from './diff.js';
import { riskyChanges } from './diff.js';
import type { ChangeKind, ResourceChange } from './resources.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const DIFF_JSON_VERSION = 1;

/** GitHub refuses comments over 65,536 characters; stay below with room for a header the CI adds. */
export const COMMENT_LIMIT = 60_000;

const CHANGE_LABEL: Record<ChangeKind, string> = {
  added: 'added',
  removed: 'removed',
  modified: 'modified',
  replaced: 'REPLACED',
  'may-replace': 'may be replaced',
};

export function counts(d: InfraDiff): Record<ChangeKind, number> {
  const c: Record<ChangeKind, number> = { added: 0, removed: 0, modified: 0, replaced: 0, 'may-replace': 0 };
  for (const r of d.resources) c[r.change]++;
  return c;
}

function propertyText(r: ResourceChange): string {
  return r.properties.map((p) => `${p.path}${p.replaces === 'yes' ? ' (replaces)' : p.replaces === 'may' ? ' (may replace)' : ''}`).join(', ');
}

export function formatDiffText(d: InfraDiff): string {
  const c = counts(d);
  const out: string[] = [`iac-check diff ${d.base.name} → ${d.head.name}`, ''];
  out.push(`resources: ${c.added} added, ${c.removed} removed, ${c.modified} modified, ${c.replaced} replaced, ${c['may-replace']} may be replaced`);
  out.push(`findings: ${d.findings.added.length} new, ${d.findings.fixed.length} fixed, ${d.findings.unchanged.length} unchanged`, '');
  if (d.resources.length) {
    out.push('Changes');
    for (const r of d.resources) {
      const props = propertyText(r);
      out.push(`  ${CHANGE_LABEL[r.change].padEnd(15)} ${r.address} (${r.type}) in ${r.where}${props ? `: ${props}` : ''}${r.security.length ? `  [security: ${r.security.join(', ')}]` : ''}`);
    }
    out.push('');
  }
  const list = (title: string, fs: Finding[]): void => {
    if (!fs.length) return;
    out.push(title);
    for (const f of sortFindings(fs)) out.push(`  ${f.location.span.file}:${f.location.span.start.line}:${f.location.span.start.column}  ${f.severity.padEnd(8)}  ${f.message}  ${f.ruleId}`);
    out.push('');
  };
  list('New findings', d.findings.added);
  list('Fixed findings', d.findings.fixed);
  for (const n of d.notes) out.push(`note: ${n}`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

export function formatDiffJson(d: InfraDiff): string {
  const finding = (f: Finding) => ({
    ruleId: f.ruleId, severity: f.severity, message: f.message, fingerprint: f.fingerprint,
    file: f.location.span.file, line: f.location.span.start.line, column: f.location.span.start.column,
    resource: f.resource.address, resourceType: f.resource.type,
  });
  return JSON.stringify({
    version: DIFF_JSON_VERSION,
    base: d.base.name,
    head: d.head.name,
    summary: { resources: counts(d), findings: { added: d.findings.added.length, fixed: d.findings.fixed.length, unchanged: d.findings.unchanged.length } },
    resources: d.resources,
    findings: { added: sortFindings(d.findings.added).map(finding), fixed: sortFindings(d.findings.fixed).map(finding), unchanged: d.findings.unchanged.length },
    notes: d.notes,
  }, null, 2) + '\n';
}

/** SARIF of the head with only the findings the change brings, for code scanning on a pull request. */
export function formatDiffSarif(d: InfraDiff, toolVersion: string): string {
  const added = new Set(d.findings.added.map((f) => f.fingerprint));
  const result = { ...d.head.scan.result, findings: d.head.scan.result.findings.filter((f) => added.has(f.fingerprint)) };
  return formatSarif(result, d.head.scan.rules, { toolVersion });
}

/** The head's diagram around the changed resources, each marked with what happens to it. */
export function changedNeighbourhood(d: InfraDiff): Diagram | undefined {
  const { graph, model, result } = d.head.scan;
  const changed = d.resources.filter((r) => r.change !== 'removed');
  if (!graph || !model || !changed.length) return undefined;
  const diagram = buildDiagram(graph, model, result.findings, { focus: changed.map((r) => r.address), depth: 1, title: 'Changed resources' });
  if (!diagram.nodes.length) return undefined;
  const byAddress = new Map(changed.map((r) => [r.address, r.change]));
  for (const n of diagram.nodes) {
    const change = n.addresses.map((a) => byAddress.get(a)).find((x) => x !== undefined);
    if (change) n.note = [CHANGE_LABEL[change], n.note].filter(Boolean).join(' · ');
  }
  return diagram;
}

export function formatDiffMarkdown(d: InfraDiff, limit = COMMENT_LIMIT): string {
  const neighbourhood = changedNeighbourhood(d);
  const mermaid = neighbourhood ? toMermaid(neighbourhood).trimEnd() : undefined;
  // Lists are cut until the comment fits; the diagram goes first when it alone is too big.
  for (const max of [200, 50, 20, 5]) {
    for (const diagram of [mermaid, undefined]) {
      const text = markdown(d, max, diagram);
      if (text.length <= limit) return text;
    }
  }
  return markdown(d, 0, undefined).slice(0, limit);
}

function markdown(d: InfraDiff, max: number, mermaid: string | undefined): string {
  const c = counts(d);
  const out: string[] = [`## iac-check: what this change does`, ''];
  out.push(`\`${escapeMarkdown(d.base.name)}\` → \`${escapeMarkdown(d.head.name)}\``, '');
  out.push(row(['', 'count']), '| --- | ---: |');
  out.push(row(['resources added', String(c.added)]), row(['resources removed', String(c.removed)]), row(['resources modified', String(c.modified)]));
  out.push(row(['**resources replaced**', `**${c.replaced}**`]), row(['resources that may be replaced', String(c['may-replace'])]));
  out.push(row(['**new findings**', `**${d.findings.added.length}**`]), row(['fixed findings', String(d.findings.fixed.length)]), row(['unchanged findings', String(d.findings.unchanged.length)]), '');

  const cut = <T>(list: T[], render: (x: T) => string): string[] => {
    const shown = list.slice(0, max).map(render);
    if (list.length > max) shown.push(`\n… and ${list.length - max} more (see the JSON or text output)`);
    return shown;
  };
  const added = sortFindings(d.findings.added).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  if (added.length) {
    out.push('### New findings', '');
    out.push(row(['severity', 'location', 'rule', 'resource', 'message']), '| --- | --- | --- | --- | --- |');
    out.push(...cut(added, (f) => row([f.severity, findingLocation(f), `[\`${f.ruleId}\`](${docsUrl(f.ruleId)})`, findingResource(f), escapeMarkdown(f.message)])), '');
  }
  const risky = riskyChanges(d);
  if (risky.length) {
    out.push('### Risky changes', '');
    out.push(row(['change', 'resource', 'where', 'properties', 'security']), '| --- | --- | --- | --- | --- |');
    out.push(...cut(risky, (r) => row([r.change === 'replaced' ? '**replaced**' : CHANGE_LABEL[r.change], escapeMarkdown(`${r.address} (${r.type})`), escapeMarkdown(r.where), escapeMarkdown(propertyText(r)), escapeMarkdown(r.security.join(', '))])), '');
  }
  const others = d.resources.filter((r) => !risky.includes(r));
  if (others.length) {
    out.push('<details><summary>Other changes</summary>', '');
    out.push(row(['change', 'resource', 'where', 'properties']), '| --- | --- | --- | --- |');
    out.push(...cut(others, (r) => row([CHANGE_LABEL[r.change], escapeMarkdown(`${r.address} (${r.type})`), escapeMarkdown(r.where), escapeMarkdown(propertyText(r))])), '', '</details>', '');
  }
  if (d.findings.fixed.length) {
    out.push('<details><summary>Fixed findings</summary>', '');
    out.push(row(['severity', 'location', 'rule', 'message']), '| --- | --- | --- | --- |');
    out.push(...cut(sortFindings(d.findings.fixed), (f) => row([f.severity, findingLocation(f), `\`${f.ruleId}\``, escapeMarkdown(f.message)])), '', '</details>', '');
  }
  if (mermaid) out.push('### The changed resources and their neighbours', '', '```mermaid', mermaid, '```', '');
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
