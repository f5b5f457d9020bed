/**
 * The AWS Retail Competency checklist filled in from a scan, as Markdown: every control with a
 * status, the findings behind each failing control, and what still needs evidence.
 * Which rules serve which control is each rule's `meta.controls`; the controls themselves are data
 * (controls.ts). This file only maps results onto them.
 */
import type { Rule } from '../engine/rule.js';
import type { Finding, ScanResult, Severity } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import { TOOL_NAME, sortFindings } from './common.js';
import type { Control } from './controls.js';
import { CHECKLIST_NAME, CHECKLIST_VERSION, CONTROL_GROUPS, controlApplies, listControls, rulesFor } from './controls.js';
import { escapeMarkdown, findingLocation, findingResource, row } from './markdown.js';

export type Delivery = 'saas' | 'customer-deployed';

export interface ChecklistOptions {
  delivery: Delivery;
  /**
   * Every rule iac-check has, run or not. With it, a control's rules that did not run
   * (`--skip-rules`, `--rules`, turned off in the config) are named, and a control no rule serves yet is told apart.
   */
  allRules?: readonly Rule[];
  /** The architecture diagram as Mermaid (`--diagram`): the checklist asks for one before its controls. */
  diagram?: string;
}

export type ControlStatus = 'fail' | 'not checked' | 'needs evidence' | 'pass' | 'met by code' | 'not applicable';
/** The order of the status counts in the header. */
export const CONTROL_STATUSES: readonly ControlStatus[] = ['fail', 'not checked', 'needs evidence', 'pass', 'met by code', 'not applicable'];

export interface ControlAssessment {
  control: Control;
  status: ControlStatus;
  /** Unsuppressed findings of the control's rules, sorted (listed only when the status is `fail`). */
  findings: Finding[];
  /** The worst severity among `findings`. */
  worst?: Severity;
  /** Suppressed findings of the control's rules. */
  suppressed: number;
  /** Ids of the rules that serve the control (their `meta.controls` name it), sorted. */
  ruleIds: string[];
  /** The control's rules that ran. */
  ran: string[];
  /** The control's rules that did not run (known only with `allRules`). */
  notRun: string[];
  /** Short remarks shown beside the status. */
  notes: string[];
}

function worstOf(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (worst === undefined || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  return worst;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Every control of the checklist with its status for this scan and delivery model, in checklist order. */
export function assessControls(result: ScanResult, rules: readonly Rule[], options: ChecklistOptions): ControlAssessment[] {
  const ranIds = new Set(rules.map((r) => r.meta.id));
  const every = [...rules, ...(options.allRules ?? []).filter((r) => !ranIds.has(r.meta.id))];
  return listControls().map((control) => {
    const ruleIds = rulesFor(control, every).map((r) => r.meta.id);
    const ids = new Set(ruleIds);
    const mine = result.findings.filter((f) => ids.has(f.ruleId));
    const findings = sortFindings(mine.filter((f) => !f.suppression));
    const suppressed = mine.length - findings.length;
    const ran = ruleIds.filter((id) => ranIds.has(id));
    const notRun = ruleIds.filter((id) => !ranIds.has(id));
    const notes: string[] = [];
    const base = { control, findings: [] as Finding[], suppressed, ruleIds, ran, notRun, notes };

    if (!controlApplies(control, options.delivery)) {
      if (findings.length > 0) notes.push(`${plural(findings.length, 'finding')} of its rules not counted`);
      return { ...base, status: 'not applicable' };
    }
    if (control.metByCode) {
      notes.push('the infrastructure is provisioned from the scanned code');
      return { ...base, status: 'met by code' };
    }
    if (control.static === 'no') {
      notes.push('not decidable from code');
      return { ...base, status: 'needs evidence' };
    }

    if (control.static === 'partly') notes.push('evidence is also needed: code covers only part of it');
    if (suppressed > 0) notes.push(`${suppressed} suppressed`);
    if (notRun.length > 0) notes.push(`not run: ${notRun.join(', ')}`);

    if (findings.length > 0) return { ...base, findings, worst: worstOf(findings)!, status: 'fail' };
    if (ruleIds.length === 0) {
      // Code could decide it, but no rule does yet (or, without the list of every rule, none of those that ran).
      notes.push(options.allRules ? 'no rule yet' : 'no rule that ran serves it');
      return { ...base, status: 'not checked' };
    }
    if (notRun.length > 0) {
      // Passing needs every rule of the control to have run.
      if (ran.length > 0) notes.push(`ran without findings: ${ran.join(', ')}`);
      return { ...base, status: 'not checked' };
    }
    return { ...base, status: 'pass' };
  });
}

function statusCell(a: ControlAssessment): string {
  switch (a.status) {
    case 'fail':
      return `**fail**: ${plural(a.findings.length, 'finding')}, worst ${a.worst}`;
    case 'pass':
      return 'pass';
    default:
      return a.status;
  }
}

const DELIVERY_LABEL: Record<Delivery, string> = {
  saas: 'SaaS (run by the partner)',
  'customer-deployed': "customer-deployed (installed in the customer's AWS account)",
};

function groupTitle(group: string): string {
  return group[0]!.toUpperCase() + group.slice(1);
}

export function formatChecklist(result: ScanResult, rules: readonly Rule[], options: ChecklistOptions): string {
  const assessed = assessControls(result, rules, options);
  const counts = Object.fromEntries(CONTROL_STATUSES.map((s) => [s, 0])) as Record<ControlStatus, number>;
  for (const a of assessed) counts[a.status]++;
  const out: string[] = [];

  out.push(`## ${CHECKLIST_NAME}`, '');
  out.push(`Version ${CHECKLIST_VERSION}, filled in by ${TOOL_NAME} from infrastructure code.`, '');
  out.push(`Delivery model: **${DELIVERY_LABEL[options.delivery]}**`, '');
  if (result.errors.length > 0) {
    out.push(
      `> **${plural(result.errors.length, 'input file')} could not be read or parsed** and ${result.errors.length === 1 ? 'was' : 'were'} not checked: a control marked pass may still fail there.`,
      '',
    );
  }
  out.push('### Architecture diagram', '');
  if (options.diagram) {
    out.push('The checklist asks for an architecture diagram of the solution; this one is drawn from the scanned code by `iac-check graph` (one per stack or Terraform root: `--per-unit`).', '');
    out.push('```mermaid', options.diagram.trimEnd(), '```', '');
  } else {
    out.push('The checklist asks for an architecture diagram of the solution: draw it from the scanned code with `iac-check graph <paths> -o architecture.svg` (one per stack or Terraform root: `--per-unit`), or add `--diagram` to include it here.', '');
  }
  out.push(row(['status', 'controls']), '| --- | ---: |');
  for (const s of CONTROL_STATUSES) out.push(row([s, String(counts[s])]));
  out.push(row(['**total**', `**${assessed.length}**`]), '');

  for (const group of CONTROL_GROUPS) {
    const list = assessed.filter((a) => a.control.group === group);
    if (list.length === 0) continue;
    out.push(`### ${groupTitle(group)}`, '');
    out.push(row(['control', 'summary', 'status', 'rules', 'notes']), '| --- | --- | --- | --- | --- |');
    for (const a of list) {
      const ruleCell = a.ruleIds.length > 0 ? a.ruleIds.map((id) => `\`${id}\``).join(', ') : '—';
      out.push(row([a.control.id, escapeMarkdown(a.control.summary), statusCell(a), ruleCell, escapeMarkdown(a.notes.join('; '))]));
    }
    out.push('');
  }

  const failing = assessed.filter((a) => a.status === 'fail');
  if (failing.length > 0) {
    out.push('### Findings behind failing controls', '');
    for (const a of failing) {
      out.push(`#### ${a.control.id} ${escapeMarkdown(a.control.summary)}`, '');
      out.push(row(['location', 'severity', 'rule', 'resource', 'message']), '| --- | --- | --- | --- | --- |');
      for (const f of a.findings) out.push(row([findingLocation(f), f.severity, `\`${f.ruleId}\``, findingResource(f), escapeMarkdown(f.message)]));
      out.push('');
    }
  }

  const evidence = assessed.filter((a) => a.status === 'needs evidence' || (a.control.static === 'partly' && a.status !== 'not applicable'));
  if (evidence.length > 0) {
    out.push('### Evidence to gather outside the code', '');
    out.push(evidence.map((a) => `- [ ] ${a.control.id} ${escapeMarkdown(a.control.summary)}`).join('\n'), '');
  }

  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
