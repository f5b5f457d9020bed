import type { Rule } from '../engine/rule.js';

/** The Markdown page of a rule, generated from its metadata (docs/rules/<id>.md). */
export function ruleDoc(rule: Rule): string {
  const m = rule.meta;
  const out: string[] = [];
  out.push(`# ${m.id}`, '', `**${m.title}**`, '');
  out.push(`- Severity: ${m.severity}`);
  out.push(`- Checklist controls: ${m.controls.length ? m.controls.join(', ') : 'none (tool hygiene)'}`);
  if (m.precision) out.push(`- Precision: ${m.precision}`);
  out.push('', '## Why', '', m.rationale, '', '## How to fix', '', m.remediation, '', '## Messages', '');
  for (const [id, text] of Object.entries(m.messages as Record<string, string>)) out.push(`- \`${id}\`: ${text}`);
  for (const [kind, label, lang] of [['cloudformation', 'CloudFormation', 'yaml'], ['terraform', 'Terraform', 'hcl']] as const) {
    const ex = m.examples[kind];
    const na = m.notApplicable?.[kind];
    if (na) out.push('', `## ${label}`, '', `Not applicable: ${na}`);
    if (!ex) continue;
    out.push('', `## ${label}`, '', 'Fails:', '', '```' + lang, ex.fail.trimEnd(), '```', '', 'Passes:', '', '```' + lang, ex.pass.trimEnd(), '```');
  }
  out.push('', '_Generated from the rule\'s metadata by `npm run docs`; edit the rule, not this page._', '');
  return out.join('\n');
}
