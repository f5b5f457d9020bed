/**
 * The scan command's flags checked before anything is scanned: a combination that would do
 * nothing, or a path that is not there, is a usage error (exit 2) naming the option and path —
 * never discovered after a long scan, never silently ignored.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FORMATS, OUTPUT_FILE_NAMES } from './options.js';
import type { FailOn, Format } from './options.js';
import { unknownName } from '../config/suggest.js';

export interface ScanFlags {
  format: string;
  output?: string;
  outputDir?: string;
  failOn: FailOn;
  baseline?: string;
  writeBaseline?: string;
  rules?: string;
  skipRules?: string;
  config?: string;
  exclude?: string[];
  foldersOfFiles?: boolean;
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

/** One report to write: a format and its file (undefined: standard output). */
export interface ReportTarget {
  format: Format;
  file?: string;
}

export interface RunPlan {
  paths: string[];
  reports: ReportTarget[];
  /** `--output-dir`, to create before writing. */
  outputDir?: string;
  vars: Record<string, string>;
}

export class UsageError extends Error {}

/** Whether an option was given on the command line (not its default). */
export type Given = (option: keyof ScanFlags) => boolean;

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim());
}

function requireFile(option: string, path: string | undefined): void {
  if (path === undefined) return;
  if (!existsSync(path)) throw new UsageError(`${option} ${path}: no such file`);
  if (!statSync(path).isFile()) throw new UsageError(`${option} ${path}: not a file`);
}

function requireFolder(option: string, path: string | undefined): void {
  if (path === undefined) return;
  if (!existsSync(path)) throw new UsageError(`${option} ${path}: no such folder`);
  if (!statSync(path).isDirectory()) throw new UsageError(`${option} ${path}: not a folder`);
}

/** A file about to be written: its folder must exist (we do not create folders a typo named). */
function requireWritable(option: string, file: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir)) throw new UsageError(`${option} ${file}: the folder ${dirname(file)} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${option} ${file}: is a folder, not a file`);
}

export function planRun(paths: string[], flags: ScanFlags, given: Given): RunPlan {
  // Formats and where each goes.
  const formats = list(flags.format);
  for (const f of formats) {
    if (f === '') throw new UsageError(`--format ${flags.format}: an empty format name`);
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: ${unknownName('format', f, FORMATS)} (expected one of ${FORMATS.join(', ')})`);
  }
  const dup = formats.find((f, i) => formats.indexOf(f) !== i);
  if (dup) throw new UsageError(`--format ${flags.format}: ${dup} is named twice`);
  if (flags.output !== undefined && flags.outputDir !== undefined) throw new UsageError('--output and --output-dir: give one of them');
  let reports: ReportTarget[];
  if (flags.outputDir !== undefined) {
    const dir = flags.outputDir;
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--output-dir ${dir}: not a folder`);
    if (!existsSync(dirname(resolve(dir)))) throw new UsageError(`--output-dir ${dir}: the folder ${dirname(dir)} does not exist`);
    reports = formats.map((format) => ({ format: format as Format, file: join(dir, OUTPUT_FILE_NAMES[format as Format]) }));
  } else if (flags.output !== undefined) {
    const files = list(flags.output);
    if (files.length !== formats.length) {
      throw new UsageError(`--output ${flags.output}: ${files.length} file(s) for ${formats.length} format(s) (${formats.join(', ')}); give one file per format, in the same order`);
    }
    files.forEach((f) => {
      if (f === '') throw new UsageError(`--output ${flags.output}: an empty file name`);
      requireWritable('--output', f);
    });
    const twice = files.find((f, i) => files.findIndex((g) => resolve(g) === resolve(f)) !== i);
    if (twice) throw new UsageError(`--output ${flags.output}: ${twice} is named twice`);
    reports = formats.map((format, i) => ({ format: format as Format, file: files[i]! }));
  } else {
    if (formats.length > 1) throw new UsageError(`--format ${flags.format}: several formats need --output with one file each, or --output-dir`);
    reports = [{ format: formats[0] as Format }];
  }

  // Options that would do nothing with these formats.
  const has = (f: Format) => formats.includes(f);
  if (flags.sarifCategory !== undefined && !has('sarif')) throw new UsageError('--sarif-category applies to the sarif format only (add --format sarif)');
  if (given('delivery') && !has('checklist')) throw new UsageError('--delivery applies to the checklist format only (add --format checklist)');
  if (flags.quiet && flags.verbose) throw new UsageError('--quiet and --verbose: give one of them');
  if (flags.failOn === 'new' && flags.baseline === undefined) throw new UsageError('--fail-on new needs --baseline FILE: new means not in the baseline');

  // Paths, before the scan.
  requireFile('--baseline', flags.baseline);
  if (flags.writeBaseline !== undefined) requireWritable('--write-baseline', flags.writeBaseline);
  for (const f of flags.varFile ?? []) requireFile('--var-file', f);
  for (const f of flags.cfnParams ?? []) if (!f.includes('=')) requireFile('--cfn-params', f);
  requireFile('--config', flags.config);
  requireFolder('--root', flags.root);
  requireFolder('--cdk-source', flags.cdkSource);
  const absolute = paths.map((p) => resolve(p));
  absolute.forEach((p, i) => {
    if (!existsSync(p)) throw new UsageError(`${paths[i]}: no such file or folder`);
  });
  // pre-commit passes changed files; a Terraform module or a CDK app is only whole in its folder.
  const scanPaths = flags.foldersOfFiles ? [...new Set(absolute.map((p) => (statSync(p).isFile() ? dirname(p) : p)))] : absolute;

  const vars: Record<string, string> = {};
  for (const v of flags.var ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var ${v}: expected name=value`);
    vars[v.slice(0, eq)] = v.slice(eq + 1);
  }
  const plan: RunPlan = { paths: scanPaths, reports, vars };
  if (flags.outputDir !== undefined) plan.outputDir = flags.outputDir;
  return plan;
}
