/**
 * One benchmark measurement, run in its own process so peak memory is this scan's only:
 *
 *   node dist/bench/measure.js <parse|full> <dir>
 *
 * Prints one JSON line (`Measurement`) on stdout. The time covers the `scan()` call only
 * (not Node start-up nor loading the analyzer's modules); peak RSS is the process's.
 */
import { tuneTieringForCli } from '../src/cli/tiering.js';
import { scan } from '../src/scan.js';

export type MeasureMode = 'parse' | 'full';

export interface Measurement {
  mode: MeasureMode;
  /** Milliseconds spent in `scan()`. */
  ms: number;
  /** CPU milliseconds (user + system) of this process during `scan()`: steadier than wall time on a busy machine. */
  cpuMs: number;
  filesScanned: number;
  /** `stats.resources` as the pipeline reports it (0 in parse-only mode for CloudFormation: no graph is built). */
  resources: number;
  findings: number;
  errors: number;
  /** The first few errors, as `file:line:column: message`. */
  firstErrors: string[];
  /** Peak resident set size, KiB (`process.resourceUsage().maxRSS`). */
  maxRssKiB: number;
}

export async function measure(mode: MeasureMode, dir: string): Promise<Measurement> {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const out = await scan([dir], { root: dir, parseOnly: mode === 'parse', keepGraph: false });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const { result } = out;
  return {
    mode,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    filesScanned: result.stats.filesScanned,
    resources: result.stats.resources,
    findings: result.findings.length,
    errors: result.errors.length,
    firstErrors: result.errors.slice(0, 5).map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`),
    maxRssKiB: process.resourceUsage().maxRSS,
  };
}

async function main(argv: string[]): Promise<void> {
  const [mode, dir] = argv;
  if ((mode !== 'parse' && mode !== 'full') || !dir) {
    process.stderr.write('usage: node dist/bench/measure.js <parse|full> <dir>\n');
    process.exit(2);
  }
  tuneTieringForCli(); // as bin/iac-check.js does, so both modes measure what the CLI runs
  const m = await measure(mode, dir);
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

const invoked = process.argv[1] ?? '';
if (/[\\/]measure\.js$/.test(invoked)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
