import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { heapCheckpoint, heapGrowthAt, LARGE_HEAP_BYTES, LARGE_HEAP_GROWTH, LARGE_INPUT_BYTES, planHeapGrowth } from '../../src/core/memory.js';

describe('heap growth bound for large scans', () => {
  it('leaves ordinary scans to the default and bounds only a large heap', () => {
    expect(heapGrowthAt(100 * 1024 * 1024)).toBeUndefined();
    expect(heapGrowthAt(LARGE_HEAP_BYTES - 1)).toBeUndefined();
    expect(heapGrowthAt(LARGE_HEAP_BYTES)).toBe(LARGE_HEAP_GROWTH);
    expect(LARGE_HEAP_GROWTH).toBeGreaterThan(0);
    expect(LARGE_HEAP_GROWTH).toBeLessThan(100);
  });

  it('bounds a large plan as soon as its size is known', () => {
    expect(planHeapGrowth(LARGE_INPUT_BYTES - 1)).toBeUndefined();
    expect(planHeapGrowth(LARGE_INPUT_BYTES)).toBe(50);
  });

  // The test files run in processes of their own (vitest's forks pool), so the bound stays in this one.
  it('collects once when a checkpoint first finds the heap large, and not when it is small', async () => {
    const forced = async (work: () => void): Promise<number> => {
      let n = 0;
      const seen = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (((e as { detail?: { flags?: number } }).detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) n++;
      });
      seen.observe({ entryTypes: ['gc'] });
      work();
      await new Promise((r) => setTimeout(r, 50));
      seen.disconnect();
      return n;
    };
    expect(await forced(() => heapCheckpoint(LARGE_HEAP_BYTES - 1))).toBe(0);
    expect(await forced(() => heapCheckpoint(LARGE_HEAP_BYTES))).toBe(1);
    expect(await forced(() => heapCheckpoint(2 * LARGE_HEAP_BYTES))).toBe(0);
  });
});
