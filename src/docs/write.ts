import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRules } from '../../rules/index.js';
import { ruleDoc } from './rule-doc.js';

/** Writes docs/rules/<id>.md for every rule (run from the project root: `npm run docs`). */
const dir = join(process.cwd(), 'docs', 'rules');
await mkdir(dir, { recursive: true });
for (const rule of await loadRules()) await writeFile(join(dir, `${rule.meta.id}.md`), ruleDoc(rule));
process.stdout.write(`wrote ${dir}\n`);
