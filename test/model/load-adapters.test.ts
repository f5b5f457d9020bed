import { describe, expect, it } from 'vitest';
import { loadAdapters } from '../../src/model/build.js';

describe('loadAdapters', () => {
  it('loads the adapters of the kinds asked for, in the order of all of them (folder by folder, CloudFormation first)', async () => {
    const all = await loadAdapters();
    const cfn = await loadAdapters(['cloudformation']);
    const tf = await loadAdapters(new Set(['terraform'] as const));
    expect(cfn.length).toBeGreaterThan(10);
    expect(tf.length).toBeGreaterThan(10);
    expect(cfn).toEqual(all.filter((a) => a.source === 'cloudformation'));
    expect(tf).toEqual(all.filter((a) => a.source === 'terraform'));
    expect(await loadAdapters(['terraform', 'cloudformation'])).toEqual(all);
    expect(await loadAdapters([])).toEqual([]);
  });
});
