import { describe, expect, it } from 'vitest';
import { budgetChosen, tuneTieringForCli } from '../../src/cli/tiering.js';

describe('CLI tier-up budget (src/cli/tiering.ts)', () => {
  it('is left alone when Node was started with a budget, in either spelling or place', () => {
    expect(budgetChosen(['--interrupt-budget=1000'], undefined)).toBe(true);
    expect(budgetChosen(['--interrupt_budget', '1000'], undefined)).toBe(true);
    expect(budgetChosen([], '--max-old-space-size=4096 --interrupt-budget=5000')).toBe(true);
  });

  it('is raised when no budget was chosen, also beside other V8 flags', () => {
    expect(budgetChosen([], undefined)).toBe(false);
    expect(budgetChosen(['--max-old-space-size=4096', '--enable-source-maps'], '--no-warnings')).toBe(false);
    // a longer flag that only starts the same way is not a budget
    expect(budgetChosen(['--interrupt-budget-for-feedback-allocation=100'], undefined)).toBe(false);
  });

  it('sets the flag, or reports that Node already had one', () => {
    const saved = process.env.NODE_OPTIONS;
    try {
      process.env.NODE_OPTIONS = '--interrupt-budget=70000';
      expect(tuneTieringForCli()).toBe(false);
      delete process.env.NODE_OPTIONS;
      expect(tuneTieringForCli()).toBe(process.execArgv.every((a) => !/interrupt[-_]budget/.test(a)));
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
  });
});
