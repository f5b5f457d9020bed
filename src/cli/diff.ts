/** `iac-check diff <base> <head> [paths]`: what a change does to the infrastructure and its findings. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Severity } from '../engine/types.js';
import type { Side } from '../diff/sides.js';
import type { DiffFormat } from '../diff/report.js';
import { VERSION } from '../version.js';
import { addInputOptions } from './graph.js';
import type { Io, ScanInputFlags } from './main.js';
import { prepareScan } from './main.js';

// Declared here so that registering the command loads nothing heavy (the diff code loads when it runs).
const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown', 'sarif'];

interface DiffFlags extends ScanInputFlags {
  format: DiffFormat;
  output?: string;
  failOn: Severity;
}

export function registerDiff(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command('diff')
    .description('what a change does: resources added, removed, modified and replaced, and the findings it brings or fixes')
    .argument('<base>', 'the folder or git ref before the change')
    .argument('<head>', 'the folder or git ref after the change')
    .argument('[paths...]', 'files or folders inside both to scan (default: all)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .addOption(new Option('-o, --output <file>', 'write the report to a file instead of standard output'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity of a new finding that makes the exit code 1').choices(['critical', 'high', 'medium', 'low']).default('low'));
  addInputOptions(cmd).action(async (base: string, head: string, paths: string[], flags: DiffFlags) => {
    done(await runDiff(base, head, paths, flags, io));
  });
}

async function runDiff(baseName: string, headName: string, paths: string[], flags: DiffFlags, io: Io): Promise<number> {
  const [{ scan }, { severityRank }, { diffScans }, { openSide, SideError }, report] = await Promise.all([
    import('../scan.js'),
    import('../engine/types.js'),
    import('../diff/diff.js'),
    import('../diff/sides.js'),
    import('../diff/report.js'),
  ]);
  const { formatDiffJson, formatDiffMarkdown, formatDiffSarif, formatDiffText } = report;
  const sides: Side[] = [];
  try {
    for (const name of [baseName, headName]) sides.push(await openSide(name));
    const scanned = [];
    for (const side of sides) {
      const inside = (paths.length ? paths : ['.']).map((p) => join(side.dir, p));
      const prepared = await prepareScan(inside, { ...flags, root: side.dir }, io);
      if (typeof prepared === 'number') return prepared;
      scanned.push({ name: side.name, root: prepared.root, scan: await scan(inside, prepared.options) });
    }
    const [base, head] = scanned as [typeof scanned[number], typeof scanned[number]];
    for (const e of head.scan.result.errors) io.err(`${headName}: ${e.file}:${e.line}:${e.column}: ${e.message}\n`);
    const d = await diffScans(base, head);
    const text =
      flags.format === 'json' ? formatDiffJson(d)
      : flags.format === 'markdown' ? formatDiffMarkdown(d)
      : flags.format === 'sarif' ? formatDiffSarif(d, VERSION)
      : formatDiffText(d);
    if (flags.output) await writeFile(flags.output, text);
    else io.out(text);
    if (head.scan.result.errors.length) return 2;
    return d.findings.added.some((f) => severityRank(f.severity) >= severityRank(flags.failOn)) ? 1 : 0;
  } catch (e) {
    if (e instanceof SideError) {
      io.err(`iac-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    for (const s of sides) await s.cleanup();
  }
}
