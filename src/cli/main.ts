import { mkdir, open, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Config } from '../config/config.js';
import { BaselineError, applyBaseline, buildBaseline, formatBaseline, readBaseline } from '../config/baseline.js';
import type { Baseline } from '../config/baseline.js';
import { unknownConfigRuleIds, unknownListedRuleIds } from '../config/rule-ids.js';
import type { ScanResult } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import type { RuleListFormat } from '../report/rules.js';
import { SCAN_OPTIONS } from './options.js';
import type { FailOn } from './options.js';
import { UsageError, planRun } from './usage.js';
import type { Given, ReportTarget, RunPlan, ScanFlags } from './usage.js';
import { VERSION } from '../version.js';
import type { ScanOptions } from '../scan.js';
import { registerGraph } from './graph.js';
import { registerDiff } from './diff.js';
import { progressLine } from './progress.js';
import { processIo } from './io.js';
import type { Io } from './io.js';

// The scanner, the rules and the reporters are imported when a command runs, not here:
// `--version` and `--help` load only commander, and a scan loads what it needs.

export type { Io } from './io.js';

/** Runs the CLI and returns the exit code: 0 clean, 1 findings, 2 usage or input error. Never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('iac-check')
    .description('Checks AWS infrastructure code (CloudFormation, Terraform, CDK) against the AWS Retail Competency architecture controls.')
    .version(VERSION, '--version')
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run iac-check --help for usage)');

  const scanCommand = program.argument('[paths...]', 'files or folders to scan', ['.']);
  for (const spec of SCAN_OPTIONS) {
    const opt = new Option(spec.flags, spec.description);
    if (spec.choices) opt.choices(spec.choices);
    if (spec.default !== undefined) opt.default(spec.default);
    if (spec.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    scanCommand.addOption(opt);
  }
  scanCommand.action(async (paths: string[], flags: ScanFlags, command: Command) => {
    const given: Given = (option) => command.getOptionValueSource(option) === 'cli';
    exitCode = await runScan(paths, flags, given, io);
  });

  program
    .command('rules')
    .description('list every rule: id, severity, controls, title')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (flags: { format: RuleListFormat }) => {
      const [{ loadRules }, { formatRuleList }] = await Promise.all([import('../../rules/index.js'), import('../report/rules.js')]);
      io.out(formatRuleList(await loadRules(), flags.format));
      exitCode = 0;
    });

  registerGraph(program, io, (code) => { exitCode = code; });
  registerDiff(program, io, (code) => { exitCode = code; });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    io.err(`iac-check: internal error: ${(e as Error).message}\n`);
    return 2;
  }
  return exitCode;
}

/** The scan settings common to every command that scans (config, variables, rule selection). */
export type ScanInputFlags = Pick<ScanFlags, 'rules' | 'skipRules' | 'config' | 'exclude' | 'varFile' | 'var' | 'cdkSource' | 'cfnParams' | 'downloadModules' | 'moduleCache' | 'moduleRegistry' | 'root'>;

export interface PreparedScan {
  root: string;
  config?: Config;
  options: ScanOptions;
}

/** Reads the configuration and the variable and rule flags; prints the problem and returns 2 on bad usage. */
export async function prepareScan(paths: string[], flags: ScanInputFlags, io: Io): Promise<PreparedScan | number> {
  const absPaths = paths.map((p) => resolve(p));
  const missing = absPaths.find((p) => !existsSync(p));
  if (missing) {
    io.err(`iac-check: ${missing}: no such file or folder\n`);
    return 2;
  }
  const [{ defaultRoot }, { ConfigError, loadConfig }, { loadRules }] = await Promise.all([
    import('../scan.js'),
    import('../config/config.js'),
    import('../../rules/index.js'),
  ]);
  const root = flags.root ? resolve(flags.root) : defaultRoot(absPaths);
  let config: Config | undefined;
  try {
    const configFile = flags.config ? resolve(flags.config) : findConfig(root, absPaths);
    if (configFile) config = await loadConfig(configFile);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`iac-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const vars: Record<string, string> = {};
  for (const v of flags.var ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) {
      io.err(`iac-check: --var ${v}: expected name=value\n`);
      return 2;
    }
    vars[v.slice(0, eq)] = v.slice(eq + 1);
  }
  const list = (s?: string): string[] | undefined => s?.split(',').map((x) => x.trim()).filter(Boolean);
  const allRules = await loadRules();
  for (const id of [...(list(flags.rules) ?? []), ...(list(flags.skipRules) ?? [])]) {
    if (!allRules.some((r) => r.meta.id === id)) {
      io.err(`iac-check: unknown rule id ${id} (see iac-check rules)\n`);
      return 2;
    }
  }
  const rulesOnly = list(flags.rules);
  const skip = list(flags.skipRules);
  const options: ScanOptions = {
    root,
    ...(config ? { config } : {}),
    ...(flags.exclude ? { exclude: flags.exclude } : {}),
    ...(rulesOnly ? { rules: rulesOnly } : {}),
    ...(skip ? { skipRules: skip } : {}),
    ...(flags.varFile ? { varFiles: flags.varFile } : {}),
    ...(Object.keys(vars).length ? { vars } : {}),
    ...(flags.cdkSource ? { cdkSource: flags.cdkSource } : {}),
    ...(flags.cfnParams ? { cfnParams: flags.cfnParams } : {}),
    ...(flags.downloadModules ? { downloadModules: { ...(flags.moduleCache ? { cacheDir: flags.moduleCache } : {}), ...(flags.moduleRegistry ? { registry: flags.moduleRegistry } : {}) } } : {}),
  };
  return { root, ...(config ? { config } : {}), options };
}

async function runScan(paths: string[], flags: ScanFlags, given: Given, io: Io): Promise<number> {
  let plan: RunPlan;
  try {
    plan = planRun(paths, flags, given);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`iac-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const absPaths = plan.paths;
  const [{ defaultRoot, scan }, { ConfigError, loadConfig }, { loadRules }, { renderChunks }] = await Promise.all([
    import('../scan.js'),
    import('../config/config.js'),
    import('../../rules/index.js'),
    import('../report/index.js'),
  ]);
  const root = flags.root ? resolve(flags.root) : defaultRoot(absPaths);
  let config: Config | undefined;
  let baseline: Baseline | undefined;
  const configFile = flags.config ? resolve(flags.config) : findConfig(root, absPaths);
  try {
    if (configFile) config = await loadConfig(configFile);
    if (flags.baseline) baseline = await readBaseline(flags.baseline);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof BaselineError) {
      io.err(`iac-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const split = (s?: string): string[] | undefined => s?.split(',').map((x) => x.trim()).filter(Boolean);
  const rulesOnly = split(flags.rules);
  const skip = split(flags.skipRules);
  const allRules = await loadRules();
  const knownIds = allRules.map((r) => r.meta.id);
  // A typo in a rule id would switch nothing off or suppress nothing: never accepted.
  const unknown = [
    ...(config ? unknownConfigRuleIds(config, knownIds).map((u) => ({ ...u, where: `${relativeTo(root, configFile!)}: \`${u.where}\`` })) : []),
    ...unknownListedRuleIds('--rules', rulesOnly ?? [], knownIds),
    ...unknownListedRuleIds('--skip-rules', skip ?? [], knownIds),
  ];
  if (unknown.length > 0) {
    for (const u of unknown) io.err(`iac-check: ${u.where}: ${u.message} (see iac-check rules)\n`);
    return 2;
  }
  const failOn: FailOn = given('failOn') ? flags.failOn : (config?.failOn ?? flags.failOn);
  if (failOn === 'new' && !baseline) {
    io.err('iac-check: failOn new (from the configuration) needs --baseline FILE: new means not in the baseline\n');
    return 2;
  }

  // The HTML page and --diagram also need the graph and the diagram, so they are drawn here (src/cli/html-report.ts).
  // Without them the scan lets the graph go before the rules run and keeps no model (a large scan's biggest part).
  const needsDrawing = flags.diagram === true || plan.reports.some((r) => r.format === 'html');
  const progress = progressLine(io, flags.quiet === true);
  let output;
  try {
    output = await scan(absPaths, {
      root,
      ...(config ? { config } : {}),
      ...(flags.exclude ? { exclude: flags.exclude } : {}),
      ...(rulesOnly ? { rules: rulesOnly } : {}),
      ...(skip ? { skipRules: skip } : {}),
      ...(flags.varFile ? { varFiles: flags.varFile } : {}),
      ...(Object.keys(plan.vars).length ? { vars: plan.vars } : {}),
      ...(flags.cdkSource ? { cdkSource: flags.cdkSource } : {}),
      ...(flags.cfnParams ? { cfnParams: flags.cfnParams } : {}),
      ...(flags.downloadModules ? { downloadModules: { ...(flags.moduleCache ? { cacheDir: flags.moduleCache } : {}), ...(flags.moduleRegistry ? { registry: flags.moduleRegistry } : {}) } } : {}),
      onProgress: progress.update,
      keepGraph: needsDrawing,
    });
  } finally {
    progress.done();
  }
  const { rules } = output;
  let result = output.result;
  if (baseline && flags.baseline) result = applyBaseline(result, baseline, relativeTo(root, flags.baseline));

  if (plan.outputDir !== undefined) await mkdir(plan.outputDir, { recursive: true });
  const drawing = needsDrawing ? await import('./html-report.js') : undefined;
  const diagram = flags.diagram ? drawing!.mermaidOf(output) : undefined;
  for (const report of plan.reports) {
    const color = flags.color && io.isTTY && !process.env.NO_COLOR && report.file === undefined && report.format === 'text';
    const chunks = report.format === 'html' ? [await drawing!.renderHtmlReport({ ...output, result }, { toolVersion: VERSION, delivery: flags.delivery, allRules })] : renderChunks(report.format, result, rules, {
      ...(diagram !== undefined ? { diagram } : {}),
      color,
      verbose: flags.verbose === true,
      quiet: flags.quiet === true,
      toolVersion: VERSION,
      delivery: flags.delivery,
      allRules,
      ...(flags.sarifCategory ? { category: flags.sarifCategory } : {}),
      ...(fullReport(plan, report) ? { fullReport: fullReport(plan, report)! } : {}),
      onCut: (message) => io.err(`iac-check: the ${report.format} report was cut: ${message}\n`),
    });
    if (report.file !== undefined) {
      const file = await open(report.file, 'w');
      try {
        for (const chunk of chunks) await file.writeFile(chunk);
      } finally {
        await file.close();
      }
    } else for (const chunk of chunks) io.out(chunk);
  }
  if (flags.writeBaseline) {
    const written = buildBaseline(result.findings);
    await writeFile(flags.writeBaseline, formatBaseline(written));
    if (!flags.quiet) io.err(`iac-check: recorded ${written.findings.length} finding(s) in the baseline ${flags.writeBaseline}\n`);
  }

  if (result.errors.length > 0) return 2;
  return failing(result, failOn) ? 1 : 0;
}

/** Another report of this run that holds every finding, for a cut Markdown report to point at. */
function fullReport(plan: RunPlan, report: ReportTarget): string | undefined {
  if (report.format !== 'markdown') return undefined;
  const other = plan.reports.find((r) => r.file !== undefined && (r.format === 'json' || r.format === 'sarif' || r.format === 'text'));
  return other?.file;
}

/** Whether the findings make the exit code 1 under `--fail-on`. Suppressed and baselined findings never do. */
function failing(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const open = result.findings.filter((f) => !f.suppression);
  if (failOn === 'new') return open.length > 0;
  return open.some((f) => severityRank(f.severity) >= severityRank(failOn));
}

function relativeTo(root: string, file: string): string {
  const rel = relative(root, resolve(file));
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

function findConfig(root: string, paths: string[]): string | undefined {
  const candidates = [root, ...paths.filter((p) => existsSync(p) && statSync(p).isDirectory())];
  for (const dir of candidates) {
    const file = join(dir, '.iac-check.yaml');
    if (existsSync(file)) return file;
  }
  return undefined;
}
