import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '../src/engine/rule.js';

let loaded: Promise<Rule[]> | undefined;

/**
 * Every rule in `rules/<concern>/<rule-id>.ts`: adding a rule is adding a file.
 * Each file exports its rule as `default`. Sorted by id.
 */
export function loadRules(): Promise<Rule[]> {
  loaded ??= (async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const rules: Rule[] = [];
    for (const concern of (await readdir(here, { withFileTypes: true })).filter((d) => d.isDirectory())) {
      for (const f of await readdir(join(here, concern.name))) {
        if (!f.endsWith(ext) || f.endsWith('.d.ts')) continue;
        const mod = (await import(pathToFileURL(join(here, concern.name, f)).href)) as { default?: Rule };
        if (mod.default?.meta) rules.push(mod.default);
      }
    }
    return rules.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  })();
  return loaded;
}

/** The rule files by id, for the meta tests (file name must equal the id). */
export async function ruleFiles(): Promise<Map<string, string>> {
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const out = new Map<string, string>();
  for (const concern of (await readdir(here, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const f of await readdir(join(here, concern.name))) {
      if (!f.endsWith(ext) || f.endsWith('.d.ts')) continue;
      const mod = (await import(pathToFileURL(join(here, concern.name, f)).href)) as { default?: Rule };
      if (mod.default?.meta) out.set(f.slice(0, -ext.length), mod.default.meta.id);
    }
  }
  return out;
}
