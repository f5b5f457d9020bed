import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Severity } from '../../src/engine/types.js';
import { dedent, scanFiles, DEFAULT_FILE } from '../helpers/scan-snippet.js';
import type { InputKind } from '../helpers/scan-snippet.js';

/** One expected finding: its message id (checked against the rule's `messages`), line and column. */
export interface Expected<M extends string = string> {
  messageId: M;
  line: number;
  column: number;
  /** The file, when not the case's own snippet (a module, a second template). */
  file?: string;
  severity?: Severity;
}

/** One expected "could not decide" notice of the rule: where it points. */
export interface ExpectedNotice {
  line: number;
  column: number;
  file?: string;
  /** A piece of the notice's text, when the case is about what it says. */
  says?: string;
}

export interface CaseExtra {
  config?: Partial<Config>;
  /** Other files beside the snippet (a module, a second template, tfvars …). */
  files?: Record<string, string>;
  /** The rule's undecidable notices, in file order; given, the case asserts them exactly. */
  undecidable?: ExpectedNotice[];
}

export interface RuleCase<M extends string = string> extends CaseExtra {
  name: string;
  kind: InputKind;
  code: string;
  /** Findings of this rule in every file of the case, in file order; empty means the case passes. */
  errors: Expected<M>[];
}

export function cfn<M extends string = never>(name: string, code: string, errors: Expected<M>[] = [], extra: CaseExtra = {}): RuleCase<M> {
  return { name, kind: 'cloudformation', code, errors, ...extra };
}

export function tf<M extends string = never>(name: string, code: string, errors: Expected<M>[] = [], extra: CaseExtra = {}): RuleCase<M> {
  return { name, kind: 'terraform', code, errors, ...extra };
}

/** When set (`IAC_CHECK_RECORD=file`), every case appends what the rule really reported: used once to convert tables. */
const RECORD = process.env['IAC_CHECK_RECORD'];

/**
 * Runs a rule's table of cases through the whole pipeline (parse → graph → model → rules) and
 * compares every finding of the rule — message id, file, line and column — in every file of the
 * case, and, where the case lists them, its undecidable notices. A message id the rule does not
 * declare does not compile. It refuses duplicate cases and a table without a failing and a passing
 * case for each input kind it covers.
 */
export function ruleTester<M extends string>(rule: Rule<M>, cases: readonly RuleCase<NoInfer<M>>[]): void {
  const ruleId = rule.meta.id;
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
        const main = DEFAULT_FILE[c.kind];
        const files = { ...(c.files ?? {}), [main]: dedent(c.code) };
        const { result } = await scanFiles(files, { rules: [ruleId], ...(c.config ? { config: c.config } : {}) });
        expect(result.errors, 'the snippet must parse').toEqual([]);
        const got = result.findings
          .filter((f) => f.ruleId === ruleId)
          .map((f) => {
            const { file, start } = f.location.span;
            const out: Expected = { messageId: f.messageId, line: start.line, column: start.column };
            if (file !== main) out.file = file;
            if (c.errors.some((x) => x.severity !== undefined && x.messageId === f.messageId && x.line === start.line)) out.severity = f.severity;
            return out;
          });
        const notices = result.notices
          .filter((n) => n.ruleId === ruleId)
          .map((n) => ({ line: n.span.start.line, column: n.span.start.column, ...(n.span.file !== main ? { file: n.span.file } : {}), message: n.message }));
        if (RECORD) appendFileSync(RECORD, `${JSON.stringify({ rule: ruleId, case: `${c.kind}: ${c.name}`, got, notices })}\n`);
        expect(sortExpected(got)).toEqual(sortExpected(c.errors));
        if (c.undecidable) {
          const saw = notices.map((n) => {
            const e = c.undecidable!.find((x) => x.line === n.line && x.column === n.column && (x.file ?? main) === (n.file ?? main));
            return { line: n.line, column: n.column, ...(n.file ? { file: n.file } : {}), ...(e?.says !== undefined && n.message.includes(e.says) ? { says: e.says } : {}) };
          });
          expect(sortExpected(saw)).toEqual(sortExpected(c.undecidable));
        }
      });
    }
  });
}

function sortExpected<T extends { line: number; column: number; file?: string; messageId?: string }>(list: readonly T[]): T[] {
  const key = (e: T): string => `${e.file ?? ''}\u0000${String(e.line).padStart(6, '0')}:${String(e.column).padStart(4, '0')}:${e.messageId ?? ''}`;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}
