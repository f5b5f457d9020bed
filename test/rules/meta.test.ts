import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, ruleFiles } from '../../rules/index.js';
import { ruleDoc, withRulesTable } from '../../src/docs/rule-doc.js';
import { assessControls } from '../../src/report/checklist.js';
import { scanResult } from '../report/fixtures.js';
import { listControls } from '../../src/report/controls.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

const rules = await loadRules();
const controlIds = new Set(listControls().map((c) => c.id));
const sharedControls = join(process.cwd(), '..', 'shared', 'CONTROLS.md');

describe('rule metadata', () => {
  it('has rules', () => {
    expect(rules.length).toBeGreaterThan(5);
  });

  it('ids are unique and equal their file names', async () => {
    const files = await ruleFiles();
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
    for (const [file, id] of files) expect(id).toBe(file);
  });

  it("README's rules table is current (npm run docs)", () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rules));
  });

  it('every rule with controls is in the checklist under each of them (from its metadata alone)', () => {
    const assessed = assessControls(scanResult({ findings: [], errors: [] }), rules, { delivery: 'saas', allRules: rules });
    for (const r of rules) {
      for (const c of r.meta.controls) expect(assessed.find((a) => a.control.id === c)?.ruleIds, `${r.meta.id} under ${c}`).toContain(r.meta.id);
    }
  });

  for (const rule of rules) {
    const m = rule.meta;
    describe(m.id, () => {
      it('names controls that exist in the checklist', () => {
        for (const c of m.controls) expect(controlIds.has(c), `control ${c}`).toBe(true);
        if (existsSync(sharedControls) && m.controls.length) {
          const text = readFileSync(sharedControls, 'utf8');
          for (const c of m.controls) expect(text).toContain(`| ${c} |`);
        }
      });

      it('has complete metadata', () => {
        expect(m.title.length).toBeGreaterThan(5);
        expect(m.rationale.length).toBeGreaterThan(40);
        expect(m.remediation.length).toBeGreaterThan(20);
        expect(Object.keys(m.messages).length).toBeGreaterThan(0);
        // An input kind without examples must say why it cannot express the check.
        expect(m.examples.cloudformation ?? m.notApplicable?.cloudformation, 'CloudFormation examples').toBeDefined();
        expect(m.examples.terraform ?? m.notApplicable?.terraform, 'Terraform examples').toBeDefined();
      });

      it('has a test table with CloudFormation and Terraform cases', () => {
        const file = join(process.cwd(), 'test', 'rules', `${m.id}.test.ts`);
        expect(existsSync(file)).toBe(true);
        // The tester itself requires a failing and a passing case for each kind present.
        const table = readFileSync(file, 'utf8');
        if (!m.notApplicable?.cloudformation) expect(table).toMatch(/\bcfn\(/);
        if (!m.notApplicable?.terraform) expect(table).toMatch(/\btf\(/);
      });

      it('has current generated docs (npm run docs)', () => {
        const file = join(process.cwd(), 'docs', 'rules', `${m.id}.md`);
        expect(existsSync(file), `${file} is missing: run npm run docs`).toBe(true);
        expect(readFileSync(file, 'utf8')).toBe(ruleDoc(rule));
      });

      for (const kind of ['cloudformation', 'terraform'] as const) {
        const ex = m.examples[kind];
        if (!ex) continue;
        it(`${kind} example fails`, async () => {
          const { result } = await scanSnippet(kind, ex.fail, { rules: [m.id] });
          expect(result.errors).toEqual([]);
          expect(result.findings.filter((f) => f.ruleId === m.id && !f.suppression).length).toBeGreaterThan(0);
        });
        it(`${kind} example passes`, async () => {
          const { result } = await scanSnippet(kind, ex.pass, { rules: [m.id] });
          expect(result.errors).toEqual([]);
          expect(result.findings.filter((f) => f.ruleId === m.id && !f.suppression)).toEqual([]);
        });
      }
    });
  }
});
