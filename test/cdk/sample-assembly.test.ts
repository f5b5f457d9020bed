import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ASSEMBLY, assemblyFiles, synthSample } from './sample-app.js';

// Refresh the committed assembly: UPDATE_CDK_SAMPLE=1 npx vitest run test/cdk/sample-assembly.test.ts
describe('samples/cdk/cdk.out', () => {
  it('is what the sample app synthesizes today', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'iac-check-cdk-'));
    try {
      await synthSample(tmp);
      if (process.env.UPDATE_CDK_SAMPLE === '1') {
        await fs.rm(SAMPLE_ASSEMBLY, { recursive: true, force: true });
        await fs.cp(tmp, SAMPLE_ASSEMBLY, { recursive: true });
      }
      const fresh = await assemblyFiles(tmp);
      const committed = await assemblyFiles(SAMPLE_ASSEMBLY).catch(() => [] as string[]);
      expect(committed, 'files of samples/cdk/cdk.out (stale? run with UPDATE_CDK_SAMPLE=1)').toEqual(fresh);
      for (const f of fresh) {
        const a = await fs.readFile(path.join(tmp, f), 'utf8');
        const b = await fs.readFile(path.join(SAMPLE_ASSEMBLY, f), 'utf8');
        expect(b, `samples/cdk/cdk.out/${f} is stale: run UPDATE_CDK_SAMPLE=1 npx vitest run test/cdk/sample-assembly.test.ts`).toBe(a);
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
