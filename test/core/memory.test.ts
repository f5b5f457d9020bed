import { describe, expect, it } from 'vitest';
import { heapGrowthFor, LARGE_INPUT_BYTES, LARGE_TERRAFORM_BYTES } from '../../src/core/memory.js';

describe('heap growth bound for large inputs', () => {
  it('leaves ordinary scans to the default and bounds only very large inputs', () => {
    expect(heapGrowthFor('terraform', 30 * 1024 * 1024)).toBeUndefined();
    expect(heapGrowthFor('terraform', LARGE_TERRAFORM_BYTES - 1)).toBeUndefined();
    expect(heapGrowthFor('terraform', LARGE_TERRAFORM_BYTES)).toBe(10);
    expect(heapGrowthFor('plan', LARGE_INPUT_BYTES - 1)).toBeUndefined();
    expect(heapGrowthFor('plan', LARGE_INPUT_BYTES)).toBe(50);
  });
});
