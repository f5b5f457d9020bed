import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runIsolated } from '../../src/core/isolate.js';

interface Item { name: string }
const a: Item = { name: 'a' };
const b: Item = { name: 'b' };
const c: Item = { name: 'c' };

/** Walks the list as an adapter does, throwing on the item named `bad`; returns what it kept and how each attempt viewed the list. */
function walk(list: Item[], bad?: string): { out: string[]; failures: (string | undefined)[]; proxied: boolean[] } {
  let out: string[] = [];
  const proxied: boolean[] = [];
  const { failures } = runIsolated<Item>(
    (tracker) => {
      const view = tracker.view(list);
      proxied.push(types.isProxy(view));
      for (const item of view) {
        if (item.name === bad) throw new Error(`bad ${item.name}`);
        out.push(item.name);
      }
    },
    () => (out = []),
  );
  return { out, failures: failures.map((f) => f.item?.name), proxied };
}

describe('runIsolated', () => {
  it('runs a walk that throws nowhere once, on a plain copy', () => {
    expect(walk([a, b, c])).toEqual({ out: ['a', 'b', 'c'], failures: [], proxied: [false] });
  });

  it('runs a walk that threw again, tracked, to blame the item; the rest is kept as a walk without it gives', () => {
    const r = walk([a, b, c], 'b');
    expect(r).toEqual({ out: ['a', 'c'], failures: ['b'], proxied: [false, true, true] });
    expect(r.out).toEqual(walk([a, c]).out);
  });
});
