import { homedir } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { InputError } from './core/source.js';
import { errorText, placeOf, REPORT_BUG } from './core/isolate.js';
import { discover } from './discover.js';
import type { DiscoveredFile } from './discover.js';
import type { Config } from './config/config.js';
import { ConfigError, defaultConfig, loadConfig } from './config/config.js';
import type { ScenarioChecks } from './engine/cfn-scenarios.js';
import type { TemplateParameters } from './graph/cloudformation/parameters.js';
import { FORMATS, type FormatContext } from './inputs/index.js';
import type { Known } from './graph/graph.js';
import type { DownloadOptions } from './graph/terraform/download.js';
import { ResourceGraph } from './graph/graph.js';
import { buildModel } from './model/build.js';
import type { CloudModel } from './model/model.js';
import { compareFindings, runRules } from './engine/engine.js';
import type { EngineOptions, IgnoreEntry } from './engine/engine.js';
import type { Rule } from './engine/rule.js';
import type { Notice, ScanResult, UnresolvedModule } from './engine/types.js';
import { loadRules } from '../rules/index.js';
import { unknownConfigRuleIds } from './config/rule-ids.js';
import { unknownName } from './config/suggest.js';

export interface ScanOptions {
  /** Folder that reported paths are relative to; default: the current folder when it holds every path. */
  root?: string;
  config?: Config;
  /** Extra exclude globs (added to the configuration's). */
  exclude?: string[];
  /** Only these rule ids. */
  rules?: string[];
  skipRules?: string[];
  /** Terraform `--var-file` and `--var`. */
  varFiles?: string[];
  vars?: Record<string, string>;
  /** CloudFormation parameter files (`--cfn-params`), applied to every template in order. */
  cfnParams?: string[];
  /**
   * `--download-modules`: fetch Terraform modules that are not on disk (the only network use).
   * `cacheDir` defaults to `~/.cache/iac-check/modules` (`$XDG_CACHE_HOME` honoured).
   */
  downloadModules?: { cacheDir?: string; registry?: string; gitProtocols?: string[] };
  /** CDK app source folder, when it is not found from `cdk.json`. */
  cdkSource?: string;
  /** Stop after parsing (for the benchmark). */
  parseOnly?: boolean;
  /**
   * `false`: the output holds no `graph` and no `model`, and the graph is let go before the rules run
   * (a large scan's biggest part; the CLI keeps them only to draw). Default: both are returned.
   */
  keepGraph?: boolean;
  /** Called as the scan goes (files read of those discovered, and the phase), for a progress line. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress {
  phase: 'discovering' | 'parsing' | 'checking';
  /** Files read so far, of `total` discovered. */
  done: number;
  total: number;
}

export interface ScanOutput {
  result: ScanResult;
  /** The rules that ran, for reporters. */
  rules: Rule[];
  model?: CloudModel;
  graph?: ResourceGraph;
}

/** Scans paths and returns the findings the CLI prints. Never throws for bad input: errors are in the result. */
export async function scan(paths: string[], options: ScanOptions = {}): Promise<ScanOutput> {
  const started = performance.now();
  const absPaths = (paths.length ? paths : ['.']).map((p) => resolve(p));
  const root = options.root ? resolve(options.root) : defaultRoot(absPaths);
  const config = options.config ?? defaultConfig();
  const errors: InputError[] = [];
  const notes: string[] = [];
  const unresolvedModules: UnresolvedModule[] = [];

  const exclude = [...config.exclude, ...(options.exclude ?? [])];
  const progress = (phase: ScanProgress['phase'], done: number, total: number): void => options.onProgress?.({ phase, done, total });
  progress('discovering', 0, 0);
  const found = await discover(absPaths, { root, exclude });
  const allRules = await loadRules();
  const knownIds = allRules.map((r) => r.meta.id);
  errors.push(...found.errors);
  for (const s of found.skipped) notes.push(`skipped ${s}`);

  let graph: ResourceGraph | undefined = new ResourceGraph();
  const nested = await nestedConfigs(root, found.files, errors, knownIds);
  const configFile = config.configFile ? relPath(root, config.configFile) : CONFIG_FILE;
  // No parameter file nor values: no template is given any, and the parameter reader (with the YAML parser it needs) is not loaded.
  const cfnParameters = options.cfnParams?.length || config.cfnParameters.length
    ? await (await import('./graph/cloudformation/parameters.js')).loadTemplateParameters(root, options.cfnParams ?? [], config.cfnParameters, config.configFile ? dirname(config.configFile) : undefined, configFile)
    : NO_PARAMETERS;
  errors.push(...cfnParameters.errors);
  const rules = selectRules(allRules, config, options);
  const engineOptions: EngineOptions = {
    settings: { publicPorts: config.publicPorts, ...(config.logArchiveAccount ? { logArchiveAccount: config.logArchiveAccount } : {}) },
    ignores: [...config.ignore, ...nestedIgnores(nested)],
    matchPath: (file, glob) => picomatch(glob, { dot: true })(file),
  };
  // What the templates' other AllowedValues would add: loaded with the first template.
  let scenarioChecks: Promise<ScenarioChecks> | undefined;
  const scenarios = (): Promise<ScenarioChecks> => (scenarioChecks ??= import('./engine/cfn-scenarios.js').then((m) => new m.ScenarioChecks(rules, engineOptions)));
  let scanned = 0;
  let skipped = found.skipped.length;
  const ctx: FormatContext = {
    root,
    exclude,
    ...(options.varFiles ? { varFiles: options.varFiles } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
    ...(options.cdkSource ? { cdkSource: options.cdkSource } : {}),
    ...(options.downloadModules ? { downloadModules: downloadOptions(options.downloadModules) } : {}),
    parseOnly: options.parseOnly === true,
    contextFor: contextResolver(config, nested),
    add: (part) => graph!.add(part),
    errors,
    notes,
    scanned: (n = 1) => void (scanned += n),
    skipped: (file, reason) => {
      skipped++;
      notes.push(`skipped ${file}: ${reason}`);
    },
    unit: (file, work) => isolateUnit(file, work, errors),
    templateParameters: (file, document) => cfnParameters.parameters.forTemplate(file, document),
    checkScenarios: async (input, built) => (await scenarios()).check(input, built),
    terraformRoots: new Map(),
    unresolvedModules,
  };
  // Progress counts files read, one input format at a time (Terraform is evaluated as a whole).
  let read = 0;
  for (const format of FORMATS) {
    const files = found.files.filter((f) => format.kinds.includes(f.kind));
    if (!files.length) continue;
    progress('parsing', read, found.files.length);
    await isolateUnit('.', () => format.build(files, ctx), errors);
    read += files.length;
  }
  // The plan input's view of the Terraform nodes is done with: it would keep every node alive past the graph.
  ctx.terraformRoots.clear();
  progress('checking', found.files.length, found.files.length);
  errors.push(...cfnParameters.parameters.unusedCliNames());

  const stats = { filesDiscovered: found.files.length + found.skipped.length, filesScanned: scanned, filesSkipped: skipped, resources: graph.nodes.filter((n) => n.mode !== 'data').length, durationMs: 0 };
  if (options.parseOnly) {
    stats.durationMs = performance.now() - started;
    return { result: { root, findings: [], errors, notices: [], unresolvedModules, notes, stats, regions: [] }, rules, graph };
  }

  graph.sort();
  // No adapter reads the edges (they are for the graph and diff commands): a kept graph keeps them, otherwise they go before the model is built.
  if (options.keepGraph === false) graph.edges.length = 0;
  let model: CloudModel | undefined = await buildModel(graph, errors);
  // What the end of the scan reads of the graph; the graph itself may go now.
  const nodes = graph.nodes.map((n): SuppressionsOf => ({ address: n.address, suppressions: n.suppressions, context: n.context }));
  const kept = options.keepGraph === false ? undefined : graph;
  graph = undefined;
  const engine = runRules(model, rules, engineOptions);
  const keptModel = options.keepGraph === false ? undefined : model;
  model = undefined;
  errors.push(...engine.errors);
  if (scenarioChecks) {
    const checks = await scenarioChecks;
    engine.findings.push(...checks.findings(engine.findings));
    notes.push(...checks.notes);
  }
  engine.findings.sort(compareFindings);
  const notices: Notice[] = [...engine.notices, ...unusedSuppressions(nodes, engine.findings, rules), ...unknownSuppressions(nodes, knownIds)];
  const regions = [...new Set(nodes.flatMap((n) => (n.context.region.known ? [n.context.region.value] : [])))].sort();
  stats.durationMs = performance.now() - started;
  return { result: { root, findings: engine.findings, errors: sortErrors(errors), notices, unresolvedModules, notes, stats, regions }, rules, ...(keptModel ? { model: keptModel } : {}), ...(kept ? { graph: kept } : {}) };
}

/** What `loadTemplateParameters` gives for no parameter file and no values: every template is given nothing. */
const NO_PARAMETERS: { parameters: Pick<TemplateParameters, 'forTemplate' | 'unusedCliNames'>; errors: InputError[] } = {
  parameters: { forTemplate: () => ({ errors: [] }), unusedCliNames: () => [] },
  errors: [],
};

/** What the suppression notices and the regions read of a graph node. */
type SuppressionsOf = Pick<ResourceGraph['nodes'][number], 'address' | 'suppressions' | 'context'>;

/** Suppressions that matched no finding of a rule that ran: worth a notice, so stale ones get removed. */
function unusedSuppressions(nodes: readonly SuppressionsOf[], findings: ScanResult['findings'], rules: Rule[]): Notice[] {
  const ran = new Set(rules.map((r) => r.meta.id));
  // By where the comment is: a comment above a split resource (aws_s3_bucket_acl) suppresses findings of its bucket.
  const used = new Set(findings.filter((f) => f.suppression?.kind === 'inSource').map((f) => `${f.suppression?.span?.file}|${f.ruleId}|${f.suppression?.span?.start.line}`));
  const out: Notice[] = [];
  for (const n of nodes) {
    for (const s of n.suppressions) {
      if (s.reason === '' || !ran.has(s.ruleId)) continue;
      if (!used.has(`${s.span.file}|${s.ruleId}|${s.span.start.line}`)) {
        out.push({ ruleId: s.ruleId, message: `unused suppression of ${s.ruleId}: the rule finds nothing here`, span: s.span, resource: n.address, kind: 'suppression' });
      }
    }
  }
  return out;
}

/**
 * Suppressions in the source that name no rule (a typo, or a rule id that never existed) or are
 * not written in the documented shape: they suppress nothing, which must not go unnoticed.
 */
function unknownSuppressions(nodes: readonly SuppressionsOf[], knownIds: string[]): Notice[] {
  const known = new Set(knownIds);
  const out: Notice[] = [];
  for (const n of nodes) {
    for (const s of n.suppressions) {
      let message: string | undefined;
      if (s.problem) message = `suppression not honoured: ${s.problem}`;
      else if (s.ruleId === '') message = 'suppression not honoured: it names no rule id (iac-check:ignore <rule-id>[,<rule-id>…] <reason>)';
      else if (!known.has(s.ruleId)) message = `suppression not honoured: ${unknownName('rule id', s.ruleId, knownIds)}`;
      if (message) out.push({ ruleId: s.ruleId, message, span: s.span, resource: n.address, level: 'warning', kind: 'suppression' });
    }
  }
  return out;
}

/** The rules to run; a severity the configuration gives a rule becomes the rule's, so reporters see the one that applies. */
function selectRules(all: Rule[], config: Config, options: ScanOptions): Rule[] {
  return all
    .filter((r) => {
      const id = r.meta.id;
      if (options.rules?.length && !options.rules.includes(id)) return false;
      if (options.skipRules?.includes(id)) return false;
      return config.rules[id] !== 'off';
    })
    .map((r) => {
      const setting = config.rules[r.meta.id];
      return setting === undefined || setting === 'on' || setting === 'off' || setting === r.meta.severity ? r : { ...r, meta: { ...r.meta, severity: setting } };
    });
}

const CONFIG_FILE = '.iac-check.yaml';

/**
 * `.iac-check.yaml` files in folders below the root, by folder (relative, '' for the root).
 * Each applies its `accounts`, `regions` and `ignore` entries to its own folder, with globs
 * relative to that folder, so a sample or a team's folder carries its own deployment facts.
 */
async function nestedConfigs(root: string, files: DiscoveredFile[], errors: InputError[], knownIds: string[]): Promise<Map<string, Config>> {
  const found = new Map<string, Config>();
  const checked = new Set<string>();
  for (const f of files) {
    let dir = f.kind === 'cdk-assembly' ? f.rel : posix.dirname(f.rel);
    while (!checked.has(dir)) {
      checked.add(dir);
      const file = join(root, dir, CONFIG_FILE);
      if (dir !== '.' && dir !== '' && existsSync(file)) {
        try {
          const config = await loadConfig(file);
          for (const u of unknownConfigRuleIds(config, knownIds)) {
            errors.push({ file: posix.join(dir, CONFIG_FILE), line: 1, column: 1, kind: 'config', message: `\`${u.where}\`: ${u.message}` });
          }
          found.set(dir, config);
        } catch (e) {
          errors.push({ file: posix.join(dir, CONFIG_FILE), line: 1, column: 1, kind: 'config', message: e instanceof ConfigError ? e.message.replace(/^[^:]*: /, '') : String(e) });
        }
      }
      if (dir === '.' || dir === '') break;
      dir = posix.dirname(dir);
    }
  }
  return found;
}

/** The nearest folder configuration of a file, and the file's path relative to that folder. */
function nearestConfig(nested: Map<string, Config>, file: string): { config: Config; rel: string } | undefined {
  let dir = posix.dirname(file);
  while (dir !== '.' && dir !== '') {
    const config = nested.get(dir);
    if (config) return { config, rel: posix.relative(dir, file) };
    dir = posix.dirname(dir);
  }
  return undefined;
}

function nestedIgnores(nested: Map<string, Config>): IgnoreEntry[] {
  return [...nested].flatMap(([dir, c]) => c.ignore.map((i) => ({ ...i, path: posix.join(dir, i.path ?? '**') })));
}

function contextResolver(config: Config, nested: Map<string, Config>): (file: string) => { account: Known<string>; region: Known<string> } {
  const pick = (map: Record<string, string>, file: string): string | undefined => {
    for (const [glob, value] of Object.entries(map)) if (picomatch(glob, { dot: true })(file)) return value;
    return undefined;
  };
  return (file) => {
    const near = nearestConfig(nested, file);
    const account = (near && pick(near.config.accounts, near.rel)) ?? pick(config.accounts, file);
    const region = (near && pick(near.config.regions, near.rel)) ?? pick(config.regions, file);
    return {
      account: account ? { known: true, value: account } : { known: false, reason: 'no account in the template or the configuration' },
      region: region ? { known: true, value: region } : { known: false, reason: 'no region in the template or the configuration' },
    };
  };
}

function downloadOptions(o: NonNullable<ScanOptions['downloadModules']>): DownloadOptions {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return {
    cacheDir: resolve(o.cacheDir ?? join(cacheHome, 'iac-check', 'modules')),
    ...(o.registry ? { registry: o.registry } : {}),
    ...(o.gitProtocols ? { gitProtocols: o.gitProtocols } : {}),
  };
}

export function defaultRoot(paths: string[]): string {
  const cwd = process.cwd();
  if (paths.every((p) => p === cwd || (!relative(cwd, p).startsWith('..') && !isAbsolute(relative(cwd, p))))) return cwd;
  // Outside the current folder: the deepest folder that holds every path.
  const dirs = paths.map((p) => (existsSync(p) && statSync(p).isFile() ? dirname(p) : p));
  let common = dirs[0]!;
  for (const p of dirs.slice(1)) {
    while (!(p === common || p.startsWith(common.endsWith(sep) ? common : common + sep))) common = resolve(common, '..');
  }
  return common;
}

/**
 * Runs one unit of the scan (a file, a stack, a format's whole build): an unexpected exception
 * becomes an error on that unit, with the closest position the exception carries, and the scan goes on.
 */
async function isolateUnit<T>(file: string, work: () => Promise<T>, errors: InputError[]): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    errors.push({ ...placeOf(e, { file, line: 1, column: 1 }), kind: 'internal', message: `unexpected failure: ${errorText(e)} (${REPORT_BUG})` });
    return undefined;
  }
}

function relPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

function sortErrors(errors: InputError[]): InputError[] {
  return [...errors].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
