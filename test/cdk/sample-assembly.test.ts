import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ASSEMBLY, assemblyFiles, synthSample } from './sample-app.js';

/** `npm run test:update` (vitest --update) rewrites snapshots, and this committed assembly with them. */
function updating(): boolean {
  return (expect.getState().snapshotState as unknown as { _updateSnapshot?: string })._updateSnapshot === 'all';
}

describe('samples/cdk/cdk.out', () => {
  it('is what the sample app synthesizes today', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'iac-check-cdk-'));
    try {
      await synthSample(tmp);
      const fresh = await assemblyFiles(tmp);
      const committed = await assemblyFiles(SAMPLE_ASSEMBLY).catch(() => [] as string[]);
      if (updating()) {
        for (const f of committed.filter((x) => !fresh.includes(x))) await fs.rm(path.join(SAMPLE_ASSEMBLY, f));
      } else {
        expect(committed, 'files of samples/cdk/cdk.out (stale? run npm run test:update)').toEqual(fresh);
      }
      // Each file is a file snapshot: compared byte for byte, rewritten by --update.
      for (const f of fresh) await expect(await fs.readFile(path.join(tmp, f), 'utf8')).toMatchFileSnapshot(path.join(SAMPLE_ASSEMBLY, f));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
