import { writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Config } from '../config/config.js';
import type { Severity } from '../engine/types.js';
import { SCAN_OPTIONS } from './options.js';
import type { ScanFormat } from './options.js';
import type { ScanOptions } from '../scan.js';
import { VERSION } from '../version.js';
import { registerGraph } from './graph.js';
import { registerDiff } from './diff.js';

// The scanner, the rules and the reporters are imported when a command runs, not here:
// `--version` and `--help` load only commander, and a scan loads what it needs.

interface ScanFlags {
  format: ScanFormat;
  output?: string;
  failOn: Severity;
  rules?: string;
  skipRules?: string;
  config?: string;
  exclude?: string[];
  varFile?: string[];
  var?: string[];
  cdkSource?: string;
  cfnParams?: string[];
  downloadModules?: boolean;
  moduleCache?: string;
  moduleRegistry?: string;
  sarifCategory?: string;
  delivery: 'saas' | 'customer-deployed';
  root?: string;
  quiet?: boolean;
  verbose?: boolean;
  diagram?: boolean;
  color: boolean;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: process.stdout.isTTY === true,
};

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
  scanCommand.action(async (paths: string[], flags: ScanFlags) => {
    exitCode = await runScan(paths, flags, io);
  });

  program
    .command('rules')
    .description('list every rule: id, severity, controls, title')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: 'text' | 'json' }) => {
      const { loadRules } = await import('../../rules/index.js');
      const rules = await loadRules();
      if (flags.format === 'json') {
        io.out(JSON.stringify(rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, controls: r.meta.controls, title: r.meta.title })), null, 2) + '\n');
      } else {
        const w = Math.max(...rules.map((r) => r.meta.id.length), 2);
        io.out(rules.map((r) => `${r.meta.id.padEnd(w)}  ${r.meta.severity.padEnd(8)}  ${r.meta.controls.join(',').padEnd(12)}  ${r.meta.title}`).join('\n') + '\n');
      }
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

async function runScan(paths: string[], flags: ScanFlags, io: Io): Promise<number> {
  const prepared = await prepareScan(paths, flags, io);
  if (typeof prepared === 'number') return prepared;
  const { config } = prepared;
  const [{ scan }, { loadRules }, { render }, { severityRank }] = await Promise.all([
    import('../scan.js'),
    import('../../rules/index.js'),
    import('../report/index.js'),
    import('../engine/types.js'),
  ]);
  const allRules = await loadRules();
  const scanned = await scan(paths, prepared.options);
  const { result, rules } = scanned;
  const color = flags.color && io.isTTY && !process.env.NO_COLOR && !flags.output && flags.format === 'text';
  const reportOptions = { toolVersion: VERSION, delivery: flags.delivery, allRules };
  // The HTML page and --diagram also need the graph and the diagram, so they are drawn here (src/cli/html-report.ts).
  const drawing = flags.format === 'html' || flags.diagram ? await import('./html-report.js') : undefined;
  const text = flags.format === 'html' ? await drawing!.renderHtmlReport(scanned, reportOptions) : render(flags.format, result, rules, {
    ...(flags.diagram ? { diagram: drawing!.mermaidOf(scanned) } : {}),
    color,
    verbose: flags.verbose === true,
    quiet: flags.quiet === true,
    ...reportOptions,
    ...(flags.sarifCategory ? { category: flags.sarifCategory } : {}),
  });
  if (flags.output) await writeFile(flags.output, text);
  else io.out(text);

  const failOn = config?.failOn && flags.failOn === 'low' ? config.failOn : flags.failOn;
  if (result.errors.length > 0) return 2;
  const failing = result.findings.some((f) => !f.suppression && severityRank(f.severity) >= severityRank(failOn));
  return failing ? 1 : 0;
}

function findConfig(root: string, paths: string[]): string | undefined {
  const candidates = [root, ...paths.filter((p) => existsSync(p) && statSync(p).isDirectory())];
  for (const dir of candidates) {
    const file = join(dir, '.iac-check.yaml');
    if (existsSync(file)) return file;
  }
  return undefined;
}
