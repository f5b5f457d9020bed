/**
 * The figures behind src/core/limits.ts, measured on a real-world corpus (run with
 * `IAC_CHECK_CORPUS=/path/to/corpus npx vitest run test/hostile/corpus-limits.test.ts`): for every
 * source folder, the largest string, collection and value that evaluation produced, the most
 * evaluation steps one budget used, and whether any limit was reached. Skipped without a corpus.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvalBudget, LIMITS } from '../../src/core/limits.js';
import { scan } from '../../src/scan.js';
import type { Value } from '../../src/graph/value.js';
import { valueShape } from '../../src/graph/value.js';

const corpus = process.env.IAC_CHECK_CORPUS;

describe.skipIf(!corpus)('limits against a real-world corpus', () => {
  it('real code stays far below every limit', async () => {
    let maxSteps = 0;
    const spend = EvalBudget.prototype.spend;
    const start = new WeakMap<EvalBudget, number>();
    EvalBudget.prototype.spend = function (this: EvalBudget, n = 1) {
      if (!start.has(this)) start.set(this, this.steps);
      const ok = spend.call(this, n);
      maxSteps = Math.max(maxSteps, start.get(this)! - this.steps);
      return ok;
    };
    const rows: string[] = [];
    const totals = { string: 0, items: 0, size: 0, depth: 0 };
    try {
      for (const source of readdirSync(corpus!).filter((d) => !d.includes('.')  || d.includes('+')).sort()) {
        const dir = join(corpus!, source);
        maxSteps = 0;
        const out = await scan([dir], { root: dir });
        const m = { string: 0, items: 0, size: 0, depth: 0 };
        const walk = (v: Value, d: number): void => {
          if (d > 64) return;
          if (v.kind === 'string') m.string = Math.max(m.string, v.value.length);
          if (v.kind === 'list' || v.kind === 'map') {
            m.items = Math.max(m.items, v.kind === 'list' ? v.items.length : v.entries.size);
            const s = valueShape(v);
            m.size = Math.max(m.size, s.size);
            m.depth = Math.max(m.depth, s.depth);
            for (const c of v.kind === 'list' ? v.items : v.entries.values()) walk(c, d + 1);
          }
        };
        for (const n of out.graph?.nodes ?? []) walk(n.properties, 0);
        const limitNotes = out.result.notes.filter((t) => t.includes('evaluation limit reached'));
        rows.push(`${source}: ${out.result.stats.resources} resources, longest string ${m.string}, largest collection ${m.items}, largest value ${m.size}, deepest value ${m.depth}, most steps ${maxSteps}, limit notes ${limitNotes.length}`);
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] = Math.max(totals[k], m[k]);
        expect(limitNotes).toEqual([]);
      }
    } finally {
      EvalBudget.prototype.spend = spend;
    }
    console.log(rows.join('\n'));
    expect(totals.string * 10).toBeLessThan(LIMITS.stringChars);
    expect(totals.items * 10).toBeLessThan(LIMITS.collectionItems);
    expect(totals.size * 10).toBeLessThan(LIMITS.valueSize);
  }, 600_000);
});
