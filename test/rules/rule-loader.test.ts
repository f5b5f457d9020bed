import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleModules } from '../../rules/index.js';

describe('rule loader', () => {
  it('refuses a rule file without a default export instead of skipping it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iac-check-rules-'));
    try {
      await mkdir(join(dir, 'security'));
      await writeFile(join(dir, 'security', 'forgotten.ts'), 'export const rule = { meta: { id: "forgotten" }, check() {} };\n');
      await expect(ruleModules(dir)).rejects.toThrow('security/forgotten.ts: a rule file must export its rule as default');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
