import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../src/engine/rule.js';
import { ruleFileModules } from './files.js';

const HERE = dirname(fileURLToPath(import.meta.url));

let loaded: Promise<Rule[]> | undefined;

/**
 * The rule files of `dir` (`<concern>/<rule-id>.ts`) with the rule each exports as `default`.
 * A file there that exports no rule is an error, not silently skipped: it is a rule that would never run.
 */
export async function ruleModules(dir = HERE): Promise<{ file: string; rule: Rule }[]> {
  const out: { file: string; rule: Rule }[] = [];
  for (const { rel, file, mod } of await ruleFileModules(dir)) {
    const rule = mod.default as Partial<Rule> | undefined;
    if (!rule?.meta || typeof rule.check !== 'function') {
      throw new Error(`${rel}: a rule file must export its rule as default (export default defineRule({ meta, check }))`);
    }
    out.push({ file, rule: rule as Rule });
  }
  return out;
}

/** Every rule in `rules/<concern>/<rule-id>.ts`, sorted by id: adding a rule is adding a file. */
export function loadRules(): Promise<Rule[]> {
  loaded ??= ruleModules().then((list) => list.map((m) => m.rule).sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)));
  return loaded;
}

/** The rule files by name with the id each declares, for the meta tests (file name must equal the id). */
export async function ruleFiles(): Promise<Map<string, string>> {
  return new Map((await ruleModules()).map((m) => [m.file, m.rule.meta.id]));
}
