import { readdir, readFile, realpath } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import type { InputError } from '../../core/source.js';
import type { UnresolvedModule } from '../../engine/types.js';
import type { HclFile } from '../../../parsers/terraform/ast.js';
import { parseHcl } from '../../../parsers/terraform/hcl.js';
import { parseTfJson } from '../../../parsers/terraform/json.js';
import type { Edge, GraphPart, Known, ResourceNode } from '../graph.js';
import { forgetShapes, type Value } from '../value.js';
import { buildConfig, moduleSource, moduleVersion, type ModuleConfig } from './config.js';
import { ModuleDownloader, type DownloadOptions } from './download.js';
import { classifySource, DOWNLOADED_PREFIX, fetchKey, isInside, localModuleDir, repositoryRoot } from './sources.js';
import { evaluate, forgetLiterals, type Resolver } from './eval.js';
import { EvalBudget, LIMITS, limitMessage } from '../../core/limits.js';
import { readSourceText } from '../../core/source.js';
import { errorText, placeOf, REPORT_BUG } from '../../core/isolate.js';
import { ModuleInstance, type World } from './instance.js';
import { Interner } from '../../core/strings.js';
import { heapCheckpoint } from '../../core/memory.js';
import { str, unk } from './values.js';

export type TerraformFileKind = 'terraform' | 'terraform-json' | 'tfvars';

export interface TerraformInput {
  /** absolute scan root */
  root: string;
  files: { path: string /* absolute */; rel: string; kind: TerraformFileKind }[];
  /** absolute paths of `--var-file`s, in order */
  varFiles?: string[];
  vars?: Record<string, string>;
  /**
   * Absolute folder that local module sources may reach outside the scan root (`../../` of an
   * example folder); default: the enclosing git work tree, else the current folder, else the scan root.
   */
  repositoryRoot?: string;
  /** Account and region that `.iac-check.yaml` names for a file: used where a provider does not say. */
  contextFor?: (file: string) => { account: Known<string>; region: Known<string> };
  /** `--download-modules`: fetch registry, git and archive modules that are not on disk. */
  download?: DownloadOptions;
  /** Parse only (benchmark): no graph is built. */
  parseOnly?: boolean;
  /** Bytes of text read in full before files keep only their module calls until evaluated (default `LAZY_BYTES`; tests). */
  lazyBytes?: number;
}

export interface TerraformResult {
  parts: GraphPart[];
  errors: InputError[];
  notes: string[];
  unresolvedModules: UnresolvedModule[];
  /** Milliseconds spent parsing. */
  parseOnly?: number;
}

interface Parsed {
  rel: string;
  dir: string;
  kind: TerraformFileKind;
  file?: HclFile;
}

function dirOf(rel: string): string {
  const d = posix.dirname(rel);
  return d === '.' ? '' : d;
}

async function parseOne(path: string, rel: string, kind: TerraformFileKind, errors: InputError[], read_?: { bytes: number }): Promise<HclFile | undefined> {
  const read = await readSourceText(path, rel, LIMITS.terraformBytes);
  if ('error' in read) {
    errors.push(read.error);
    return undefined;
  }
  const text = read.text;
  if (read_) read_.bytes += text.length;
  const json = kind === 'terraform-json' || rel.endsWith('.json');
  try {
    const r = json ? parseTfJson(text, rel, kind === 'tfvars' ? 'tfvars' : 'config') : await parseHcl(text, rel);
    if (r.error) errors.push(r.error);
    return r.file;
  } catch (e) {
    errors.push({ file: rel, line: 1, column: 1, kind: 'internal', message: `parsing failed unexpectedly: ${errorText(e)} (${REPORT_BUG})` });
    return undefined;
  }
}

/** Parses every file (for the parse-only benchmark figure). */
export async function parseTerraformFiles(input: TerraformInput): Promise<{ files: HclFile[]; errors: InputError[]; ms: number }> {
  const t0 = performance.now();
  const errors: InputError[] = [];
  const files: HclFile[] = [];
  for (const f of input.files) {
    const h = await parseOne(f.path, f.rel, f.kind, errors);
    if (h) files.push(h);
  }
  return { files, errors, ms: performance.now() - t0 };
}

const EMPTY_RESOLVER: Resolver = {
  variable: (n, s) => unk(`var.${n} cannot be used here`, s),
  local: (n, s) => unk(`local.${n} cannot be used here`, s),
  resource: () => undefined,
  data: (t, n, _a, s) => unk(`data.${t}.${n} cannot be used here`, s),
  module: (n, _o, s) => unk(`module.${n} cannot be used here`, s),
  self: (s) => unk('self cannot be used here', s),
  pathModule: () => '.',
  pathRoot: () => '.',
};

/** Builds the resource graph of every Terraform root module among the files. */
export async function buildTerraform(input: TerraformInput): Promise<TerraformResult> {
  const errors: InputError[] = [];
  const notes: string[] = [];
  const t0 = performance.now();
  const parsed: Parsed[] = [];
  // Past LAZY_BYTES of text, a configuration file keeps only its module calls until its folder is
  // evaluated (then it is parsed again): every file's syntax tree alive at once was most of a large
  // scan's memory. Smaller scans parse each file once.
  const read = { bytes: 0 };
  const partial = new Set<string>();
  const sources = new Map<string, TerraformInput['files']>();
  for (const f of input.files) {
    let file = await parseOne(f.path, f.rel, f.kind, errors, read);
    const dir = dirOf(f.rel);
    if (f.kind !== 'tfvars') {
      const l = sources.get(dir) ?? [];
      l.push(f);
      sources.set(dir, l);
      if (file && read.bytes > (input.lazyBytes ?? LAZY_BYTES)) {
        file = moduleCallsOnly(file);
        partial.add(dir);
      }
    }
    parsed.push({ rel: f.rel, dir, kind: f.kind, ...(file ? { file } : {}) });
  }
  const parseMs = performance.now() - t0;
  if (input.parseOnly) return { parts: [], errors, notes, unresolvedModules: [], parseOnly: parseMs };

  // module folders
  const byDir = new Map<string, HclFile[]>();
  const tfvarsByDir = new Map<string, Parsed[]>();
  for (const p of parsed) {
    if (p.kind === 'tfvars') {
      const l = tfvarsByDir.get(p.dir) ?? [];
      l.push(p);
      tfvarsByDir.set(p.dir, l);
      continue;
    }
    const l = byDir.get(p.dir) ?? [];
    byDir.set(p.dir, l);
    if (p.file) l.push(p.file);
  }
  const configs = new Map<string, ModuleConfig>();
  for (const [dir, files] of byDir) configs.set(dir, buildConfig(dir, files));
  // From here on only the configs hold the syntax trees (so that a config let go frees its files).
  const dirs = [...byDir.keys()];
  byDir.clear();
  for (const p of parsed) if (p.kind !== 'tfvars') delete p.file;

  // folders used as local module sources are not roots
  const used = new Set<string>();
  for (const cfg of configs.values()) {
    for (const b of cfg.modules) {
      const s = moduleSource(b);
      const src = s && classifySource(s.value);
      if (!src || src.kind !== 'local') continue;
      const dir = localModuleDir(cfg.dir, src.path);
      if (dir !== cfg.dir) used.add(dir);
    }
  }
  const isDownloaded = (d: string) => d.split('/').includes('.terraform');
  const roots = [...configs.keys()].filter((d) => !used.has(d) && !isDownloaded(d)).sort();

  const world: World = { scanRootRel: (p) => relative(input.root, p).split(sep).join('/'), configs, downloaded: new Map(), refused: new Map(), fetched: new Map(), ...(input.contextFor ? { contextFor: input.contextFor } : {}), errors, notes, unresolved: new Map(), errorKeys: new Set(), noteKeys: new Set(), budget: new EvalBudget(), names: new Interner() };
  const repoRoot = input.repositoryRoot ?? repositoryRoot(input.root);
  const reach: Reach = { scanRoot: input.root, repoRoot, realRepo: await realpath(repoRoot).catch(() => repoRoot), loaded: new Set(), mounts: new Map() };

  // local modules that discovery did not list: above the scan root, or beside the scanned paths
  await loadLocalModules(reach, world);
  // modules that `terraform init` downloaded
  for (const root of roots) await loadDownloaded(input.root, root, world, configs);
  await loadLocalModules(reach, world);
  if (input.download) await downloadModules(reach, world, new ModuleDownloader(input.download));

  const rootSet = new Set(roots);
  const passed = new Set((input.varFiles ?? []).map((v) => relative(input.root, v).split(sep).join('/')));
  for (const [dir, list] of tfvarsByDir) {
    for (const p of list) {
      const b = posix.basename(p.rel);
      const auto = b === 'terraform.tfvars' || b === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(b);
      if ((!auto || !rootSet.has(dir)) && !passed.has(p.rel)) notes.push(`${p.rel} is not loaded automatically (pass it with --var-file)`);
    }
  }

  const parts: GraphPart[] = [];
  const reached = new Set<string>();
  /** Parses again, whole, the folders that a root may instantiate and that kept only their module calls. */
  const complete = async (root: string) => {
    if (partial.size === 0) return;
    const stack = [root, ...(world.downloaded.get(root)?.values() ?? [])];
    for (const f of world.fetched.values()) if ('dir' in f) stack.push(f.dir);
    const seen = new Set<string>();
    while (stack.length) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      if (partial.has(d)) {
        partial.delete(d);
        const files: HclFile[] = [];
        const again: InputError[] = []; // reported when the folder was first read
        for (const f of sources.get(d) ?? []) {
          const h = await parseOne(f.path, f.rel, f.kind, again);
          if (h) files.push(h);
        }
        configs.set(d, buildConfig(d, files));
      }
      const cfg = configs.get(d);
      if (!cfg) continue;
      for (const b of cfg.modules) {
        const s = moduleSource(b);
        const src = s && classifySource(s.value);
        if (src && src.kind === 'local') stack.push(localModuleDir(cfg.dir, src.path));
      }
    }
  };
  const evalRoot = async (root: string) => {
    await complete(root);
    const cfg = configs.get(root)!;
    const inputs = await rootInputs(input, root, cfg, tfvarsByDir.get(root) ?? [], errors);
    world.budget = new EvalBudget();
    const nodes: ResourceNode[] = [];
    const edges: Edge[] = [];
    const providers: ResourceNode[] = [];
    // Each module instance is one unit: one that fails unexpectedly is an error at its call, the others are built.
    const unit = (at: { file: string; line: number; column: number }, what: string, work: () => void): void => {
      try {
        work();
      } catch (e) {
        errors.push({ ...placeOf(e, at), kind: 'internal', message: `building ${what} failed unexpectedly: ${errorText(e)} (${REPORT_BUG})` });
      }
    };
    const rootAt = { file: cfg.files[0]?.file ?? (root || '.'), line: 1, column: 1 };
    let inst: ModuleInstance | undefined;
    unit(rootAt, `the root module ${root || '.'}`, () => void (inst = new ModuleInstance(world, cfg, root, '', [], [], inputs, new Map())));
    const stack = inst ? [inst] : [];
    let guard = 0;
    while (stack.length && guard++ < 100_000) {
      const m = stack.pop()!;
      reached.add(m.cfg.dir);
      const at = m.callSite ? { file: m.callSite.file, line: m.callSite.start.line, column: m.callSite.start.column } : { file: m.cfg.files[0]?.file ?? rootAt.file, line: 1, column: 1 };
      const before = { nodes: nodes.length, edges: edges.length };
      unit(at, m.prefix ? `module instance ${m.prefix.slice(0, -1)}` : `the root module ${root || '.'}`, () => {
        try {
          m.nodes(nodes, edges, providers);
        } catch (e) {
          nodes.length = before.nodes;
          edges.length = before.edges;
          throw e;
        }
      });
      unit(at, `the module calls of ${m.prefix ? m.prefix.slice(0, -1) : root || '.'}`, () => stack.push(...m.allChildren().reverse()));
    }
    parts.push({ nodes, edges, providers });
    const over = world.budget.reached;
    if (over) notes.push(`${over.at ? `${over.at.file}:${over.at.line}:${over.at.column}` : root || '.'}: ${limitMessage(over.limit)}; the values over it are unknown`);
  };
  const release = releaser(roots, world);
  for (const [i, root] of roots.entries()) {
    await evalRoot(root);
    release(i, reached);
    heapCheckpoint();
  }
  // Folders that only call each other (a cycle) have no root: start from one, so the cycle is reported, not silently dropped.
  for (const dir of dirs.sort()) {
    if (!reached.has(dir) && !isDownloaded(dir) && configs.has(dir)) await evalRoot(dir);
  }
  forgetLiterals();
  forgetShapes();
  const unresolvedModules = [...world.unresolved.values()].sort((a, b) => (a.span.file === b.span.file ? a.span.start.line - b.span.start.line : a.span.file < b.span.file ? -1 : 1));
  return { parts, errors, notes, unresolvedModules, parseOnly: parseMs };
}

/**
 * Lets go of the module folders (their syntax trees, comments and indexes) that the roots still to be
 * evaluated cannot use: after root `i`, a folder goes when it was evaluated (so the cycle pass will not
 * start from it), no later root reaches it through local module sources, and no folder that is not a
 * root calls it (a module that a cycle pass might evaluate). Folders reached otherwise (downloaded,
 * `.terraform`) stay. Without this every file's tree lived until the last root was built, beside the graph.
 */
function releaser(roots: string[], world: World): (i: number, reached: Set<string>) => void {
  const configs = world.configs;
  const callees = new Map<string, string[]>();
  for (const cfg of configs.values()) {
    const out: string[] = [];
    for (const b of cfg.modules) {
      const s = moduleSource(b);
      const src = s && classifySource(s.value);
      if (src && src.kind === 'local') out.push(localModuleDir(cfg.dir, src.path));
    }
    callees.set(cfg.dir, out);
  }
  const rootSet = new Set(roots);
  const keep = new Set<string>();
  for (const [dir, out] of callees) if (!rootSet.has(dir)) for (const d of out) keep.add(d);
  // folders that a registry or git call resolves to (modules.json, --download-modules) may be any folder
  for (const m of world.downloaded.values()) for (const d of m.values()) keep.add(d);
  for (const f of world.fetched.values()) if ('dir' in f) keep.add(f.dir);
  /** The last root (by index) whose local module calls reach each folder. */
  const lastUse = new Map<string, number>();
  for (const [i, root] of roots.entries()) {
    const stack = [root];
    const seen = new Set<string>();
    while (stack.length) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      lastUse.set(d, i);
      for (const c of callees.get(d) ?? []) stack.push(c);
    }
  }
  const byLast = new Map<number, string[]>();
  for (const [d, i] of lastUse) {
    if (keep.has(d) || !configs.has(d)) continue;
    const l = byLast.get(i) ?? [];
    l.push(d);
    byLast.set(i, l);
  }
  return (i, reached) => {
    for (const d of byLast.get(i) ?? []) if (reached.has(d)) configs.delete(d);
  };
}

/** Terraform text read in full before files keep only their module calls until they are evaluated (see `buildTerraform`). */
export const LAZY_BYTES = 16 * 1024 * 1024;

/** A parsed file reduced to its module calls: all that discovery and the choice of roots read before evaluation. */
function moduleCallsOnly(f: HclFile): HclFile {
  return { file: f.file, comments: [], body: { span: f.body.span, items: f.body.items.filter((i) => i.kind === 'block' && i.type === 'module') } };
}

interface Reach {
  scanRoot: string;
  /** The folder local sources may reach (see `repositoryRoot`). */
  repoRoot: string;
  realRepo: string;
  /** Module folders whose calls were already followed. */
  loaded: Set<string>;
  /** Downloaded packages (`--download-modules`): their folder name in reports → where they are in the cache. */
  mounts: Map<string, { abs: string; real: string }>;
}

/** Where a module folder (as reports name it) is on disk, and the real folder it may not leave. */
function locate(reach: Reach, dir: string): { abs: string; bound: string; realBound: string; beyond: string } {
  for (const [label, m] of reach.mounts) {
    if (dir === label || dir.startsWith(`${label}/`)) return { abs: join(m.abs, dir.slice(label.length)), bound: m.abs, realBound: m.real, beyond: 'downloaded module' };
  }
  const beyond = reach.repoRoot === reach.scanRoot ? 'scan root' : 'repository being scanned';
  return { abs: resolve(reach.scanRoot, dir), bound: reach.repoRoot, realBound: reach.realRepo, beyond };
}

/**
 * Reads, from disk, every folder that a local module source names and that is not among the
 * discovered files, following the calls of what it reads. A folder whose real path (symlinks
 * followed) leaves the repository — or its downloaded package — is refused and not read; the
 * module call reports it.
 */
async function loadLocalModules(reach: Reach, world: World): Promise<void> {
  const queue = [...world.configs.values()];
  while (queue.length) {
    const cfg = queue.shift()!;
    if (reach.loaded.has(cfg.dir)) continue;
    reach.loaded.add(cfg.dir);
    for (const b of cfg.modules) {
      const s = moduleSource(b);
      const src = s && classifySource(s.value);
      if (!src || src.kind !== 'local') continue;
      const dir = localModuleDir(cfg.dir, src.path);
      if (world.configs.has(dir) || world.refused.has(dir)) continue;
      const from = locate(reach, cfg.dir);
      const at = locate(reach, dir);
      if (!isInside(at.abs, from.bound)) {
        world.refused.set(dir, from.beyond === 'repository being scanned' ? `is outside the repository being scanned (${reach.repoRoot})` : `is outside the ${from.beyond}`);
        continue;
      }
      let real: string;
      try {
        real = await realpath(at.abs);
      } catch {
        continue; // no such folder: the call reports that it has no Terraform files
      }
      if (!isInside(real, from.realBound)) {
        world.refused.set(dir, `is a symlink to outside the ${from.beyond}`);
        continue;
      }
      const loaded = await readModuleDir(at.abs, dir, from.realBound, world.errors);
      if (!loaded) continue;
      world.configs.set(dir, loaded);
      queue.push(loaded);
    }
  }
}

/** `--download-modules`: fetches every non-local module call (and what those modules call), then reads the packages. */
async function downloadModules(reach: Reach, world: World, downloader: ModuleDownloader): Promise<void> {
  for (let round = 0; round < 32; round++) {
    const pending = new Map<string, { source: string; version: string | undefined }>();
    for (const cfg of world.configs.values()) {
      for (const b of cfg.modules) {
        const s = moduleSource(b);
        if (!s || classifySource(s.value).kind === 'local') continue;
        const version = moduleVersion(b);
        const key = fetchKey(s.value, version);
        if (!world.fetched.has(key)) pending.set(key, { source: s.value, version });
      }
    }
    if (pending.size === 0) return;
    for (const [key, { source, version }] of pending) {
      const got = await downloader.fetch(source, version);
      if ('error' in got) {
        world.fetched.set(key, { error: got.error });
        continue;
      }
      const subdir = posix.normalize(got.subdir || '.');
      if (subdir === '..' || subdir.startsWith('../') || posix.isAbsolute(subdir)) {
        world.fetched.set(key, { error: `the //${got.subdir} part leaves the downloaded package` });
        continue;
      }
      const label = `${DOWNLOADED_PREFIX}${got.label.replace(/[^A-Za-z0-9._@/-]/g, '_')}`;
      let real: string;
      try {
        real = await realpath(got.dir);
      } catch {
        world.fetched.set(key, { error: 'the downloaded package vanished from the cache' });
        continue;
      }
      reach.mounts.set(label, { abs: got.dir, real });
      const dir = subdir === '.' ? label : `${label}/${subdir}`;
      if (!world.configs.has(dir)) world.configs.set(dir, (await readModuleDir(join(got.dir, subdir), dir, real, world.errors)) ?? buildConfig(dir, []));
      world.fetched.set(key, { dir });
    }
    await loadLocalModules(reach, world);
  }
}

/** Parses the `.tf` and `.tf.json` files of one folder (not its subfolders, as Terraform reads a module). */
async function readModuleDir(absDir: string, dir: string, realBound: string, errors: InputError[]): Promise<ModuleConfig | undefined> {
  let names: string[];
  try {
    names = (await readdir(absDir)).sort();
  } catch {
    return undefined;
  }
  const files: HclFile[] = [];
  for (const n of names) {
    if (!n.endsWith('.tf') && !n.endsWith('.tf.json')) continue;
    const abs = join(absDir, n);
    try {
      if (!isInside(await realpath(abs), realBound)) continue;
    } catch {
      continue;
    }
    const rel = dir === '' ? n : posix.join(dir, n);
    const h = await parseOne(abs, rel, n.endsWith('.json') ? 'terraform-json' : 'terraform', errors);
    if (h) files.push(h);
  }
  if (files.length === 0) return undefined;
  return buildConfig(dir, files);
}

/**
 * Reads `.terraform/modules/modules.json`, which `terraform init` wrote, defensively: it is data
 * from the scanned repository like any other file. A malformed manifest or entry is an error on
 * the manifest; a module folder that leaves the scan root (by its path or through a symlink) is
 * refused, as the folder walk refuses such symlinks.
 */
async function loadDownloaded(scanRoot: string, root: string, world: World, configs: Map<string, ModuleConfig>): Promise<void> {
  const manifestAbs = resolve(scanRoot, root, '.terraform/modules/modules.json');
  let text: string;
  try {
    text = await readFile(manifestAbs, 'utf8');
  } catch {
    return;
  }
  const rel = posix.join(root, '.terraform/modules/modules.json');
  const fail = (message: string) => world.errors.push({ file: rel, line: 1, column: 1, kind: 'manifest', message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`modules.json is not valid JSON (${(e as Error).message}); run terraform init again`);
    return;
  }
  const modules = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { Modules?: unknown }).Modules : undefined;
  if (!Array.isArray(modules)) {
    fail('modules.json should be an object with a "Modules" list (as terraform init writes it); its modules are not read');
    return;
  }
  let realRoot: string;
  try {
    realRoot = await realpath(scanRoot);
  } catch {
    realRoot = scanRoot;
  }
  const m = new Map<string, string>();
  for (const [i, e] of modules.entries()) {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) {
      fail(`modules.json entry ${i} is not an object`);
      continue;
    }
    const { Key: key, Dir: raw } = e as { Key?: unknown; Dir?: unknown };
    if (typeof key !== 'string' || typeof raw !== 'string') {
      fail(`modules.json entry ${i} needs a string "Key" and "Dir"`);
      continue;
    }
    if (key === '') continue; // the root module itself
    const dir = localModuleDir(root, raw.replace(/\\/g, '/'));
    const abs = resolve(scanRoot, dir);
    let real: string | undefined;
    try {
      real = await realpath(abs);
    } catch {
      real = undefined; // missing folder: the module call reports that it has no Terraform files
    }
    if (dir === '..' || dir.startsWith('../') || posix.isAbsolute(raw) || (real !== undefined && !isInside(real, realRoot))) {
      world.errors.push({ file: rel, line: 1, column: 1, kind: 'module', message: `module ${key} directory ${raw} is outside the scan root${real !== undefined && isInside(abs, scanRoot) ? ' (through a symlink)' : ''}; it is not read` });
      continue;
    }
    m.set(key, dir);
    if (!configs.has(dir) && real !== undefined) configs.set(dir, (await readModuleDir(abs, dir, realRoot, world.errors)) ?? buildConfig(dir, []));
  }
  world.downloaded.set(root, m);
}

/** Variable values of a root module: defaults < terraform.tfvars(.json) < *.auto.tfvars(.json) < --var-file < --var. */
async function rootInputs(input: TerraformInput, root: string, cfg: ModuleConfig, tfvars: Parsed[], errors: InputError[]): Promise<Map<string, () => Value>> {
  const values = new Map<string, Value>();
  const budget = new EvalBudget();
  const apply = (f: HclFile | undefined) => {
    if (!f) return;
    for (const it of f.body.items) if (it.kind === 'attribute') values.set(it.name, evaluate(it.expr, { r: EMPTY_RESOLVER, budget }));
  };
  const base = (p: Parsed) => posix.basename(p.rel);
  const order = [
    ...tfvars.filter((p) => base(p) === 'terraform.tfvars'),
    ...tfvars.filter((p) => base(p) === 'terraform.tfvars.json'),
    ...tfvars.filter((p) => /\.auto\.tfvars(\.json)?$/.test(base(p))).sort((a, b) => (base(a) < base(b) ? -1 : 1)),
  ];
  for (const p of order) apply(p.file);
  for (const vf of input.varFiles ?? []) {
    const rel = relative(input.root, vf).split(sep).join('/');
    apply(await parseOne(vf, rel, vf.endsWith('.json') ? 'terraform-json' : 'tfvars', errors));
  }
  for (const [k, raw] of Object.entries(input.vars ?? {})) {
    const decl = cfg.variables.get(k);
    const span = decl?.span ?? { file: '<command line>', start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const typeAttr = decl?.body.items.find((i) => i.kind === 'attribute' && i.name === 'type');
    // Terraform reads a -var value as a literal string for `string`, `any` or no type, and as an
    // HCL expression for collection and structural types (`list(string)`, `map(...)`, `object({...})` …).
    const typeExpr = typeAttr && typeAttr.kind === 'attribute' ? typeAttr.expr : undefined;
    const typeName = !typeExpr ? 'string' : typeExpr.k === 'var' ? (typeExpr.name === 'any' ? 'string' : typeExpr.name) : typeExpr.k === 'call' ? 'complex' : 'string';
    let v: Value = str(raw, span);
    if (typeName === 'number' && raw.trim() !== '' && !isNaN(Number(raw))) v = { kind: 'number', value: Number(raw), span };
    else if (typeName === 'bool' && (raw === 'true' || raw === 'false')) v = { kind: 'boolean', value: raw === 'true', span };
    else if (typeName !== 'string') {
      const r = await parseHcl(`v = ${raw}\n`, '<command line>');
      const a = r.file?.body.items[0];
      if (a && a.kind === 'attribute') v = evaluate(a.expr, { r: EMPTY_RESOLVER, budget });
    }
    values.set(k, v);
  }
  void root;
  const out = new Map<string, () => Value>();
  for (const [k, v] of values) out.set(k, () => v);
  return out;
}

