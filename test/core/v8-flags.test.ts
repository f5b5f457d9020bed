import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { v8FlagGiven } from '../../src/core/v8-flags.js';

describe('v8FlagGiven (src/core/v8-flags.ts)', () => {
  it('finds a flag given on the node command line, in either spelling and with its value either way', () => {
    expect(v8FlagGiven(['--interrupt-budget=1000'], 'interrupt-budget')).toBe(true);
    expect(v8FlagGiven(['--interrupt_budget', '1000'], 'interrupt-budget')).toBe(true);
    expect(v8FlagGiven(['--trace-gc', '--heap_growing_percent=30'], 'heap-growing-percent')).toBe(true);
  });

  it('does not take another flag, or a longer flag that starts the same way, for it', () => {
    expect(v8FlagGiven([], 'interrupt-budget')).toBe(false);
    expect(v8FlagGiven(['--max-old-space-size=4096', '--enable-source-maps'], 'interrupt-budget')).toBe(false);
    expect(v8FlagGiven(['--interrupt-budget-for-feedback-allocation=100'], 'interrupt-budget')).toBe(false);
    expect(v8FlagGiven(['--heap-growing-percentage=30'], 'heap-growing-percent')).toBe(false);
  });

  // Why only the command line is read: a user cannot give these flags another way.
  it('matches Node: these V8 flags are refused in NODE_OPTIONS', () => {
    for (const flag of ['--interrupt-budget=1000', '--heap-growing-percent=20']) {
      const r = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS: flag }, encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/not allowed in NODE_OPTIONS/);
    }
  });
});
