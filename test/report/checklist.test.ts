import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/core/source.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Rule } from '../../src/engine/rule.js';
import { assessControls, formatChecklist } from '../../src/report/checklist.js';
import type { ControlAssessment } from '../../src/report/checklist.js';
import { controlApplies, findControl, listControls } from '../../src/report/controls.js';
import { render } from '../../src/report/index.js';
import { RULES, finding, scanResult } from './fixtures.js';

function fakeRule(id: string, controls: string[]): Rule {
  return defineRule({
    meta: { id, title: id, severity: 'high', controls, rationale: '', remediation: '', messages: { m: 'm' }, examples: {} },
    check() {},
  });
}

/** The fixtures' rules (by id, so their findings count), serving the controls of this test. */
const CONTROLS: Record<string, string[]> = { 's3-public-access': ['1.16', '1.17'], 'sg-restricted-ingress': ['1.15'], 'multi-az': ['2.8'] };
// Ran: s3-public-access, sg-restricted-ingress, multi-az and encryption-at-rest.
// sg-restricted-egress and cloudtrail-enabled exist but were skipped.
const RAN: Rule[] = [...RULES.map((r) => fakeRule(r.meta.id, CONTROLS[r.meta.id] ?? [])), fakeRule('encryption-at-rest', ['1.21'])];
const ALL: Rule[] = [...RAN, fakeRule('sg-restricted-egress', ['1.15']), fakeRule('cloudtrail-enabled', ['1.12'])];

function byId(list: ControlAssessment[], id: string): ControlAssessment {
  const a = list.find((x) => x.control.id === id);
  expect(a, id).toBeDefined();
  return a!;
}

function tableRow(out: string, id: string): string[] {
  const line = out.split('\n').find((l) => l.startsWith(`| ${id} | `));
  expect(line, id).toBeDefined();
  return line!.slice(2, -2).split(' | ');
}

describe('controls', () => {
  it('lists every control of the checklist once, in order', () => {
    const ids = listControls().map((c) => c.id);
    const expected = [
      ...Array.from({ length: 28 }, (_, i) => `1.${i + 1}`),
      ...Array.from({ length: 13 }, (_, i) => `2.${i + 1}`),
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
    ];
    expect(ids).toEqual(expected);
  });

  it('keeps the data consistent', () => {
    for (const c of listControls()) {
      const group = { '1': 'security', '2': 'reliability', '3': 'operational excellence', '4': 'performance efficiency' }[c.id[0]!];
      expect(c.group, c.id).toBe(group);
      expect(c.appliesTo.saas || c.appliesTo.customerDeployed, c.id).toBe(true);
      expect(c.summary.length, c.id).toBeGreaterThan(10);
    }
    expect(listControls().filter((c) => c.metByCode).map((c) => c.id)).toEqual(['2.5']);
    expect(listControls().filter((c) => !c.appliesTo.customerDeployed)).toHaveLength(26);
    expect(listControls().filter((c) => !c.appliesTo.saas)).toHaveLength(0);
    expect(findControl('1.15')).not.toHaveProperty('ruleIds');
    expect(controlApplies(findControl('1.12')!, 'customer-deployed')).toBe(false);
    expect(controlApplies(findControl('1.12')!, 'saas')).toBe(true);
    expect(findControl('9.9')).toBeUndefined();
  });
});

describe('assessControls', () => {
  const saas = assessControls(scanResult(), RAN, { delivery: 'saas', allRules: ALL });

  it('fails a control with unsuppressed findings of any of its rules, with the count and worst severity', () => {
    const sg = byId(saas, '1.15');
    expect(sg.status).toBe('fail');
    expect(sg.findings.map((f) => f.message)).toEqual(['Port 8080 is open to 0.0.0.0/0.', 'Port 22 is open to 0.0.0.0/0.']);
    expect(sg.worst).toBe('critical');
    // Its other rule did not run; that is said, but a finding still fails it.
    expect(sg.ruleIds).toEqual(['sg-restricted-egress', 'sg-restricted-ingress']);
    expect(sg.notes).toContain('not run: sg-restricted-egress');
    for (const id of ['1.16', '1.17']) {
      expect(byId(saas, id).status).toBe('fail');
      expect(byId(saas, id).findings).toHaveLength(1);
    }
  });

  it('takes the worst severity of the findings, not of the rule', () => {
    const result = scanResult({ findings: [finding({ severity: 'low' }), finding({ severity: 'medium', fingerprint: 'x' })] });
    const a = byId(assessControls(result, RAN, { delivery: 'saas' }), '1.16');
    expect(a.status).toBe('fail');
    expect(a.worst).toBe('medium');
  });

  it('passes a control whose rules all ran and found nothing; suppressed findings do not fail it', () => {
    expect(byId(saas, '1.21').status).toBe('pass');
    const az = byId(saas, '2.8');
    expect(az.status).toBe('pass');
    expect(az.suppressed).toBe(1);
    expect(az.notes).toContain('1 suppressed');
  });

  it('does not pass a control when only some of its rules ran', () => {
    const result = scanResult({ findings: [] });
    const a = byId(assessControls(result, RAN, { delivery: 'saas', allRules: ALL }), '1.15');
    expect(a.status).toBe('not checked');
    expect(a.ran).toEqual(['sg-restricted-ingress']);
    expect(a.notRun).toEqual(['sg-restricted-egress']);
  });

  it('marks a control not checked when its rule exists but did not run', () => {
    const a = byId(saas, '1.12');
    expect(a.status).toBe('not checked');
    expect(a.notRun).toEqual(['cloudtrail-enabled']);
    expect(a.notes).toContain('not run: cloudtrail-enabled');
    expect(a.notes.join()).not.toContain('no rule yet');
  });

  it('marks a control not checked with "no rule yet" when no rule serves it', () => {
    const a = byId(saas, '1.9');
    expect(a.status).toBe('not checked');
    expect(a.ruleIds).toEqual([]);
    expect(a.notes).toEqual(['no rule yet']);
    // Without the list of every rule it cannot tell skipped from missing.
    const b = byId(assessControls(scanResult(), RAN, { delivery: 'saas' }), '1.12');
    expect(b.status).toBe('not checked');
    expect(b.notes).toEqual(['no rule that ran serves it']);
  });

  it('takes the rules of a control from their metadata: a new rule is in the checklist without any other edit', () => {
    const added = fakeRule('cloudtrail-new-check', ['1.12']);
    const a = byId(assessControls(scanResult({ findings: [] }), [...RAN, added], { delivery: 'saas', allRules: [...ALL, added] }), '1.12');
    expect(a.ruleIds).toEqual(['cloudtrail-enabled', 'cloudtrail-new-check']);
    expect(a.ran).toEqual(['cloudtrail-new-check']);
  });

  it('marks controls without rules as needing evidence, and 2.5 as met by code', () => {
    for (const id of ['1.1', '1.20', '2.7', '3.3', '4.1']) expect(byId(saas, id).status, id).toBe('needs evidence');
    expect(byId(saas, '2.5').status).toBe('met by code');
  });

  it('notes that partly static controls also need evidence', () => {
    for (const id of ['1.4', '1.18', '2.1', '2.10']) expect(byId(saas, id).notes.join(), id).toContain('evidence is also needed');
    expect(byId(saas, '1.16').notes.join()).not.toContain('evidence');
  });

  it('makes SaaS-only controls not applicable to a customer-deployed solution, even with findings', () => {
    const trailFinding = finding({ ruleId: 'cloudtrail-enabled', controls: ['1.12'], fingerprint: 'trail' });
    const result = scanResult({ findings: [...scanResult().findings, trailFinding] });
    const rules = [...RAN, fakeRule('cloudtrail-enabled', ['1.12'])];
    expect(byId(assessControls(result, rules, { delivery: 'saas' }), '1.12').status).toBe('fail');
    const customer = assessControls(result, rules, { delivery: 'customer-deployed' });
    const trail = byId(customer, '1.12');
    expect(trail.status).toBe('not applicable');
    expect(trail.findings).toEqual([]);
    expect(trail.notes).toContain('1 finding of its rules not counted');
    expect(byId(customer, '1.1').status).toBe('not applicable');
    expect(byId(customer, '1.16').status).toBe('fail');
    expect(byId(customer, '2.5').status).toBe('met by code');
  });
});

describe('formatChecklist', () => {
  function counts(out: string): Record<string, number> {
    const result: Record<string, number> = {};
    for (const s of ['fail', 'not checked', 'needs evidence', 'pass', 'met by code', 'not applicable']) {
      const m = out.match(new RegExp(`^\\| ${s} \\| (\\d+) \\|$`, 'm'));
      expect(m, s).not.toBeNull();
      result[s] = Number(m![1]);
    }
    return result;
  }

  it('has a header with the delivery model and the count of controls per status', () => {
    const out = formatChecklist(scanResult(), RAN, { delivery: 'saas', allRules: ALL });
    expect(out.split('\n')[0]).toBe('## AWS Retail Competency technical validation checklist');
    expect(out).toContain('Delivery model: **SaaS (run by the partner)**');
    expect(counts(out)).toEqual({ fail: 3, 'not checked': 26, 'needs evidence': 14, pass: 2, 'met by code': 1, 'not applicable': 0 });
    expect(out).toContain('| **total** | **46** |');
    expect(out).toContain('**1 input file could not be read or parsed**');
  });

  it('counts differently for a customer-deployed solution', () => {
    const out = formatChecklist(scanResult(), RAN, { delivery: 'customer-deployed', allRules: ALL });
    expect(out).toContain("Delivery model: **customer-deployed (installed in the customer's AWS account)**");
    expect(counts(out)).toEqual({ fail: 3, 'not checked': 11, 'needs evidence': 3, pass: 2, 'met by code': 1, 'not applicable': 26 });
    expect(tableRow(out, '1.12')[2]).toBe('not applicable');
  });

  it('has one row per control with id, summary, status, rules and notes, under its group', () => {
    const out = formatChecklist(scanResult(), RAN, { delivery: 'saas', allRules: ALL });
    const rows = out.split('\n').filter((l) => /^\| \d\.\d+ \| /.test(l));
    expect(rows).toHaveLength(46);
    expect(tableRow(out, '1.15')).toEqual([
      '1.15',
      'Security groups allow only the traffic they need',
      '**fail**: 2 findings, worst critical',
      '`sg-restricted-egress`, `sg-restricted-ingress`',
      'not run: sg-restricted-egress',
    ]);
    expect(tableRow(out, '1.21')[2]).toBe('pass');
    expect(tableRow(out, '1.12')[2]).toBe('not checked');
    expect(tableRow(out, '1.12')[4]).toBe('not run: cloudtrail-enabled');
    expect(tableRow(out, '1.1')[2]).toBe('needs evidence');
    expect(tableRow(out, '1.1')[3]).toBe('—');
    expect(tableRow(out, '2.5')[2]).toBe('met by code');
    expect(tableRow(out, '1.4')[4]).toContain('evidence is also needed');
    const sec = out.indexOf('### Security');
    const rel = out.indexOf('### Reliability');
    const ops = out.indexOf('### Operational excellence');
    const perf = out.indexOf('### Performance efficiency');
    expect(sec).toBeGreaterThan(0);
    expect(rel).toBeGreaterThan(sec);
    expect(ops).toBeGreaterThan(rel);
    expect(perf).toBeGreaterThan(ops);
    expect(out.indexOf('| 1.28 |')).toBeLessThan(rel);
    expect(out.indexOf('| 2.1 |')).toBeGreaterThan(rel);
    expect(out.indexOf('| 4.2 |')).toBeGreaterThan(perf);
  });

  it('lists the findings behind each failing control', () => {
    const out = formatChecklist(scanResult(), RAN, { delivery: 'saas', allRules: ALL });
    const start = out.indexOf('### Findings behind failing controls');
    expect(start).toBeGreaterThan(out.indexOf('| 4.2 |'));
    const part = out.slice(start);
    const sg = part.indexOf('#### 1.15 Security groups allow only the traffic they need');
    const s3 = part.indexOf('#### 1.16 ');
    expect(sg).toBeGreaterThan(0);
    expect(s3).toBeGreaterThan(sg);
    expect(part.indexOf('#### 1.17 ')).toBeGreaterThan(s3);
    const sgPart = part.slice(sg, s3);
    expect(sgPart).toContain(
      '| infra/network.yaml:9 | high | `sg-restricted-ingress` | AppSg (AWS::EC2::SecurityGroup) · construct App/Stack/AppSg | Port 8080 is open to 0.0.0.0/0. |',
    );
    expect(sgPart).toContain('| infra/network.yaml:30 | critical | `sg-restricted-ingress` | WebSg (AWS::EC2::SecurityGroup) | Port 22 is open to 0.0.0.0/0. |');
    expect(sgPart).not.toContain('storage.yaml');
    // Suppressed findings are not behind any failing control.
    expect(part).not.toContain('Database is in one AZ.');
    expect(part).not.toContain('#### 2.8');
  });

  it('has no findings section when nothing fails, and lists evidence to gather', () => {
    const out = formatChecklist(scanResult({ findings: [], errors: [] }), RAN, { delivery: 'saas' });
    expect(out).not.toContain('Findings behind failing controls');
    expect(out).not.toContain('could not be read');
    expect(counts(out).fail).toBe(0);
    expect(out).toContain('- [ ] 1.1 The root user is kept out of day-to-day work');
    expect(out).toContain('- [ ] 1.4 Every IAM user who signs in interactively uses MFA');
    expect(out).not.toContain('- [ ] 1.16');
  });

  it('escapes scanned content in the findings tables', () => {
    const nasty = finding({
      message: 'grants `*` | <img src=x>',
      resource: { address: 'A|B', type: 'AWS::S3::Bucket', source: 'cloudformation' },
      span: spanOf('x|y.yaml', 3, 1, 3, 2),
    });
    const out = formatChecklist(scanResult({ findings: [nasty] }), RAN, { delivery: 'saas' });
    const line = out.split('\n').find((l) => l.startsWith('| x&#124;y.yaml:3 |'));
    expect(line).toBeDefined();
    expect(line!.slice(2, -2).split(' | ')).toHaveLength(5);
    expect(line).toContain('A&#124;B (AWS::S3::Bucket)');
    expect(line).toContain('grants &#96;\\*&#96; &#124; &lt;img src=x&gt;');
    expect(out).not.toContain('<img');
  });

  it('is what render() returns for the checklist format, SaaS unless told otherwise', () => {
    const result = scanResult();
    expect(render('checklist', result, RAN, { toolVersion: '0' })).toBe(formatChecklist(result, RAN, { delivery: 'saas' }));
    expect(render('checklist', result, RAN, { toolVersion: '0', delivery: 'customer-deployed', allRules: ALL })).toBe(
      formatChecklist(result, RAN, { delivery: 'customer-deployed', allRules: ALL }),
    );
  });
});
