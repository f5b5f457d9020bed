import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRules } from '../../rules/index.js';
import { ruleDoc, withRulesTable } from './rule-doc.js';

/** Writes docs/rules/<id>.md for every rule and the README's rules table (run from the project root: `npm run docs`). */
const dir = join(process.cwd(), 'docs', 'rules');
const rules = await loadRules();
await mkdir(dir, { recursive: true });
for (const rule of rules) await writeFile(join(dir, `${rule.meta.id}.md`), ruleDoc(rule));
const readme = join(process.cwd(), 'README.md');
await writeFile(readme, withRulesTable(await readFile(readme, 'utf8'), rules));
process.stdout.write(`wrote ${dir} and the rules table of ${readme}\n`);
