import { describe, expect, it } from 'vitest';
import { tuneTieringForCli } from '../../src/cli/tiering.js';

describe('CLI tier-up budget (src/cli/tiering.ts)', () => {
  it('is left alone when Node was started with a budget', () => {
    expect(tuneTieringForCli(['--interrupt-budget=70000'])).toBe(false);
    expect(tuneTieringForCli(['--interrupt_budget', '70000'])).toBe(false);
  });

  it('is raised when no budget was chosen, also beside other V8 flags', () => {
    expect(tuneTieringForCli([])).toBe(true);
    expect(tuneTieringForCli(['--max-old-space-size=4096', '--interrupt-budget-for-feedback-allocation=100'])).toBe(true);
  });
});
