import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** A rule file and what it exports, before anyone checks that it exports a rule. */
export interface RuleFileModule {
  /** `<concern>/<rule-id>.ts` (or `.js` once compiled), relative to the rules folder. */
  rel: string;
  /** The file name without its extension: the rule id it must declare. */
  file: string;
  mod: { default?: unknown };
}

/**
 * Every rule file of `dir` (`<concern>/<rule-id>.ts`), found by folder, and its module.
 * The CLI bundle (scripts/bundle.mjs) replaces this module with the same list found when it is
 * built, so that the rules are compiled into the bundle; rules/index.ts checks both the same way.
 */
export async function ruleFileModules(dir: string): Promise<RuleFileModule[]> {
  const out: RuleFileModule[] = [];
  for (const concern of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const f of (await readdir(join(dir, concern.name))).sort()) {
      if (!f.endsWith(EXT) || f.endsWith('.d.ts')) continue;
      const mod = (await import(pathToFileURL(join(dir, concern.name, f)).href)) as RuleFileModule['mod'];
      out.push({ rel: `${concern.name}/${f}`, file: f.slice(0, -EXT.length), mod });
    }
  }
  return out;
}
