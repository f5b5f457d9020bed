import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudFormationCorpus, terraformCorpus, writeCorpus } from '../../bench/corpus.js';
import { median, parseArgs } from '../../bench/run.js';
import { scan } from '../../src/scan.js';

describe('benchmark corpus', () => {
  it('is deterministic (same bytes twice)', () => {
    expect(cloudFormationCorpus({ scale: 0.01 })).toEqual(cloudFormationCorpus({ scale: 0.01 }));
    expect(terraformCorpus({ scale: 0.01 })).toEqual(terraformCorpus({ scale: 0.01 }));
    expect(cloudFormationCorpus({ scale: 0.01, seed: 2 }).files).not.toEqual(cloudFormationCorpus({ scale: 0.01 }).files);
  });

  it('grows by adding items: a larger corpus starts with the smaller one', () => {
    const small = cloudFormationCorpus({ scale: 0.01 });
    const large = cloudFormationCorpus({ scale: 0.02 });
    expect(large.files.slice(0, small.files.length)).toEqual(small.files);
    expect(large.files.length).toBe(2 * small.files.length);
  });

  it('has YAML and JSON templates of about 40 resources with short tags', () => {
    const c = cloudFormationCorpus({ scale: 0.01 });
    expect(c.files.length).toBe(5);
    expect(c.files.some((f) => f.path.endsWith('.json'))).toBe(true);
    expect(c.resources / c.files.length).toBeGreaterThan(38);
    expect(c.resources / c.files.length).toBeLessThan(48);
    const yaml = c.files.filter((f) => !f.path.endsWith('.json')).map((f) => f.content).join('\n');
    for (const tag of ['!Ref', '!GetAtt', '!Sub', '!Select', '!GetAZs', '!If', '!Equals', '!FindInMap', '!Cidr', 'Fn::If']) expect(yaml).toContain(tag);
  });

  it('parses: a parse-only scan of the CloudFormation part has no errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iac-check-bench-test-'));
    try {
      const corpus = cloudFormationCorpus({ scale: 0.01 });
      await writeCorpus(corpus, dir);
      const out = await scan([dir], { root: dir, parseOnly: true });
      expect(out.result.errors).toEqual([]);
      expect(out.result.stats.filesScanned).toBe(corpus.files.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads the runner options', () => {
    expect(parseArgs(['--runs', '5', '--only', 'terraform', '--scale=0.5'])).toMatchObject({ runs: 5, only: 'terraform', scale: 0.5 });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
