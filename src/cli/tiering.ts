/**
 * How soon V8 hands a function to its optimizing compiler (TurboFan) in a CLI run.
 *
 * A scan is a short process that runs a lot of code a few thousand times each. With Node 20's
 * default budget, a scan of the four CloudFormation repositories of the benchmark corpus (2 s of
 * wall time) asks TurboFan for 233 compilations, 3 s of compile CPU on V8's background threads
 * (`node --trace-opt`): the big walkers (graph building, the YAML reader, the scenario diff) are
 * compiled two or three times each, 50–150 ms a time, before the scan ends. Raising the budget
 * 16-fold leaves only the really hot code to TurboFan. Paired runs on the 2-core bench machine
 * (`npm run bench` figures in the README): CloudFormation scans take about half the CPU and less
 * wall time, Terraform scans about 20 % and CDK scans about 10 % less CPU.
 *
 * Set before the scanner's modules load (bin/iac-check.js imports this first) and only when
 * whoever started Node did not choose a budget on its command line. The bench's own children call
 * it too, so they measure what the CLI runs.
 */
import { setFlagsFromString } from 'node:v8';
import { v8FlagGiven } from '../core/v8-flags.js';

/** V8's `--interrupt-budget` in Node 20 (V8 11.3), in bytes of bytecode run. */
export const NODE20_INTERRUPT_BUDGET = 67_584;
/** What a CLI run uses instead. */
export const CLI_INTERRUPT_BUDGET = 16 * NODE20_INTERRUPT_BUDGET;

/** Raises the tier-up budget for this process, unless Node's command line chose one. Returns whether it did. */
export function tuneTieringForCli(execArgv: readonly string[] = process.execArgv): boolean {
  if (v8FlagGiven(execArgv, 'interrupt-budget')) return false;
  setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  return true;
}
