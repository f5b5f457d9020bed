import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/inputs/read-ahead.js';

/** A read that resolves when the test says so, recording when it started. */
function controlledReads(n: number) {
  const started: number[] = [];
  const resolvers: ((v: string) => void)[] = [];
  const read = (i: number): Promise<string> => {
    started.push(i);
    return new Promise((resolve) => (resolvers[i] = resolve));
  };
  return { items: Array.from({ length: n }, (_, i) => i), read, started, resolvers };
}

describe('readAhead', () => {
  it('starts at most `window` reads ahead of the file taken, and gives each file its own read in order', async () => {
    const r = controlledReads(6);
    const reads = readAhead(r.items, r.read, 2);
    expect(r.started).toEqual([0, 1]);
    const first = reads.take(0);
    expect(r.started).toEqual([0, 1, 2]);
    // Reads finish in any order; each file still gets its own text.
    r.resolvers[2]!('c');
    r.resolvers[0]!('a');
    expect(await first).toBe('a');
    r.resolvers[1]!('b');
    expect(await reads.take(1)).toBe('b');
    expect(r.started).toEqual([0, 1, 2, 3]);
    expect(await reads.take(2)).toBe('c');
    expect(r.started).toEqual([0, 1, 2, 3, 4]);
    for (const i of [3, 4, 5]) r.resolvers[i]?.(String(i));
    expect(await reads.take(3)).toBe('3');
    expect(await reads.take(4)).toBe('4');
    r.resolvers[5]!('5');
    expect(await reads.take(5)).toBe('5');
    expect(r.started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rejects a failed read only where its file is taken (no unhandled rejection before), and the others go on', async () => {
    const reads = readAhead(['ok', 'bad', 'ok2'], async (s) => {
      if (s === 'bad') throw new Error('EACCES');
      return s.toUpperCase();
    }, 4);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await reads.take(0)).toBe('OK');
    await expect(reads.take(1)).rejects.toThrow('EACCES');
    expect(await reads.take(2)).toBe('OK2');
  });

  it('with window 0 reads each file only when it is taken (the sequential path)', async () => {
    const r = controlledReads(2);
    const reads = readAhead(r.items, r.read, 0);
    expect(r.started).toEqual([]);
    const p = reads.take(0);
    expect(r.started).toEqual([0]);
    r.resolvers[0]!('a');
    expect(await p).toBe('a');
  });

  it('refuses a file taken twice or out of order', () => {
    const reads = readAhead([1, 2, 3], async (x) => x, 1);
    void reads.take(0);
    expect(() => reads.take(0)).toThrow('out of order');
    expect(() => reads.take(2)).toThrow('out of order');
  });
});
