import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { dedent, scanFiles, DEFAULT_FILE } from '../helpers/scan-snippet.js';
import type { InputKind } from '../helpers/scan-snippet.js';

export interface Expected {
  messageId: string;
  line: number;
  column?: number;
  severity?: 'critical' | 'high' | 'medium' | 'low';
}

export interface RuleCase {
  name: string;
  kind: InputKind;
  code: string;
  /** Findings of this rule, in file order; empty means the case passes. */
  errors: Expected[];
  config?: Partial<Config>;
  /** Other files beside the snippet (a module, a second template, tfvars …). */
  files?: Record<string, string>;
}

export function cfn(name: string, code: string, errors: Expected[] = [], extra: Partial<Pick<RuleCase, 'config' | 'files'>> = {}): RuleCase {
  return { name, kind: 'cloudformation', code, errors, ...extra };
}

export function tf(name: string, code: string, errors: Expected[] = [], extra: Partial<Pick<RuleCase, 'config' | 'files'>> = {}): RuleCase {
  return { name, kind: 'terraform', code, errors, ...extra };
}

/**
 * Runs a rule's table of cases through the whole pipeline (parse → graph → model → rules)
 * and compares its findings, with their lines, to the expected ones. It refuses duplicate
 * cases and a table without a failing and a passing case for each input kind it covers.
 */
export function ruleTester(ruleId: string, cases: RuleCase[]): void {
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const c of cases) {
    const key = `${c.kind}: ${c.name}`;
    if (names.has(key)) throw new Error(`${ruleId}: duplicate case name "${key}"`);
    names.add(key);
    const codeKey = `${c.kind}\n${dedent(c.code)}\n${JSON.stringify(c.files ?? {})}\n${JSON.stringify(c.config ?? {})}`;
    if (codes.has(codeKey)) throw new Error(`${ruleId}: duplicate case code in "${key}"`);
    codes.add(codeKey);
  }
  for (const kind of new Set(cases.map((c) => c.kind))) {
    const ofKind = cases.filter((c) => c.kind === kind);
    if (!ofKind.some((c) => c.errors.length > 0)) throw new Error(`${ruleId}: no failing ${kind} case`);
    if (!ofKind.some((c) => c.errors.length === 0)) throw new Error(`${ruleId}: no passing ${kind} case`);
  }

  describe(ruleId, () => {
    for (const c of cases) {
      it(`${c.kind}: ${c.name}`, async () => {
        const files = { ...(c.files ?? {}), [DEFAULT_FILE[c.kind]]: dedent(c.code) };
        const { result } = await scanFiles(files, { rules: [ruleId], ...(c.config ? { config: c.config } : {}) });
        expect(result.errors, 'the snippet must parse').toEqual([]);
        const got = result.findings
          .filter((f) => f.ruleId === ruleId && f.location.span.file === DEFAULT_FILE[c.kind])
          .map((f) => {
            const e = c.errors.find((x) => x.messageId === f.messageId && x.line === f.location.span.start.line);
            const out: Expected = { messageId: f.messageId, line: f.location.span.start.line };
            if (e?.column !== undefined) out.column = f.location.span.start.column;
            if (e?.severity !== undefined) out.severity = f.severity;
            return out;
          });
        const sortKey = (e: Expected): string => `${String(e.line).padStart(6, '0')}:${e.messageId}`;
        expect(got.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...c.errors].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
      });
    }
  });
}
