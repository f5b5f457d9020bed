import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { formatRulesRows, rulesCorpus } from '../../bench/rules-corpus.js';
import { scan } from '../../src/scan.js';
import { loadRules } from '../../rules/index.js';

describe('benchmark rules corpus', () => {
  it('is deterministic and grows by adding copies', () => {
    const small = rulesCorpus('terraform', { scale: 0.05 });
    expect(rulesCorpus('terraform', { scale: 0.05 })).toEqual(small);
    const large = rulesCorpus('terraform', { scale: 0.1 });
    expect(large.files.slice(0, small.files.length)).toEqual(small.files);
    expect(large.files.length).toBe(2 * small.files.length);
    expect(new Set(small.files.map((f) => f.content)).size).toBe(small.files.length);
  });

  it.each(['cloudformation', 'terraform'] as const)('trips nearly every rule on %s, without input errors', async (kind) => {
    const dir = await mkdtemp(join(tmpdir(), 'iac-check-rules-corpus-'));
    try {
      await writeCorpus(rulesCorpus(kind, { scale: 1 / 40 }), dir);
      const { result } = await scan([dir], { root: dir });
      expect(result.errors).toEqual([]);
      const fired = new Set(result.findings.map((f) => f.ruleId));
      // Nearly every rule: a few cannot fire on one kind (iam-password-policy: CloudFormation has no password policy resource).
      expect(fired.size).toBeGreaterThanOrEqual((await loadRules()).length - 4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints the full-vs-parse-only row with its verdict', () => {
    const text = formatRulesRows([{ kind: 'terraform', copies: 40, files: 1040, resources: 5640, findings: 6500, rulesFired: 44, errors: 0, parseMs: 2000, fullMs: 2600, parseCpuMs: 1800, fullCpuMs: 3000 }], 1.5);
    expect(text).toContain('full/parse 1.30 wall, 1.67 CPU — target ≤ 1.5× (CPU): NOT MET');
  });
});
