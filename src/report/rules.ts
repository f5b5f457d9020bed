/** `iac-check rules`: the rule list as text, JSON, or a Markdown table for docs and wikis. */
import type { Rule } from '../engine/rule.js';
import { docsUrl } from '../engine/rule.js';
import { escapeMarkdown, row } from './markdown.js';

export type RuleListFormat = 'text' | 'json' | 'markdown';

export function formatRuleList(rules: readonly Rule[], format: RuleListFormat): string {
  const sorted = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  if (format === 'json') {
    return `${JSON.stringify(sorted.map((r) => ({ id: r.meta.id, severity: r.meta.severity, controls: r.meta.controls, title: r.meta.title, helpUri: docsUrl(r.meta.id) })), null, 2)}\n`;
  }
  if (format === 'markdown') {
    const lines = [row(['id', 'severity', 'controls', 'title']), '| --- | --- | --- | --- |'];
    for (const r of sorted) {
      const m = r.meta;
      lines.push(row([`[\`${m.id}\`](${docsUrl(m.id)})`, m.severity, m.controls.length ? m.controls.join(', ') : '—', escapeMarkdown(m.title)]));
    }
    return `${lines.join('\n')}\n`;
  }
  const w = Math.max(...sorted.map((r) => r.meta.id.length), 2);
  return `${sorted.map((r) => `${r.meta.id.padEnd(w)}  ${r.meta.severity.padEnd(8)}  ${r.meta.controls.join(',').padEnd(12)}  ${r.meta.title}`).join('\n')}\n`;
}
