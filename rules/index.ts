import { readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '../src/engine/rule.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

let loaded: Promise<Rule[]> | undefined;

/**
 * The rule files of `dir` (`<concern>/<rule-id>.ts`) with the rule each exports as `default`.
 * A file there that exports no rule is an error, not silently skipped: it is a rule that would never run.
 */
export async function ruleModules(dir = HERE): Promise<{ file: string; rule: Rule }[]> {
  const out: { file: string; rule: Rule }[] = [];
  for (const concern of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const f of (await readdir(join(dir, concern.name))).sort()) {
      if (!f.endsWith(EXT) || f.endsWith('.d.ts')) continue;
      const path = join(dir, concern.name, f);
      const mod = (await import(pathToFileURL(path).href)) as { default?: Partial<Rule> };
      if (!mod.default?.meta || typeof mod.default.check !== 'function') {
        throw new Error(`${relative(dir, path)}: a rule file must export its rule as default (export default defineRule({ meta, check }))`);
      }
      out.push({ file: f.slice(0, -EXT.length), rule: mod.default as Rule });
    }
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
