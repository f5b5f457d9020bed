/**
 * Discovery: walk the given paths and classify each file the parsers may read.
 *
 * - Each input format of `src/inputs` says which names it reads: `.yaml .yml .json .template` →
 *   `data` (the pipeline parses it and decides whether it is CloudFormation); `*.tf.json` →
 *   `terraform-json`; `*.tfvars.json` and `.tfvars` → `tfvars`; `.tf` → `terraform`; a `.json`
 *   whose first bytes are those of `terraform show -json` → `terraform-plan`. Other files are
 *   ignored (not errors). Every file is classified once, here.
 * - A folder holding a `manifest.json` with an `artifacts` key is a CDK cloud assembly: one
 *   `cdk-assembly` entry for the folder, nothing inside it listed separately.
 * - `.git`, `node_modules` and `.terraform` folders are not entered; `exclude` globs
 *   (picomatch, against `rel`) remove files and whole folders.
 * - Symlinks are followed only to targets inside the root (real paths); a folder reached
 *   twice (a loop or a second link to it) is walked once. Links not followed are listed in
 *   `skipped` as `rel (reason)`.
 * - A given path that does not exist, or a file/folder that cannot be read, is an `InputError`
 *   of kind `read` carrying the OS reason.
 */
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { InputError } from './core/source.js';
import { FORMATS } from './inputs/index.js';

export type DiscoveredKind = 'data' | 'terraform' | 'terraform-json' | 'tfvars' | 'terraform-plan' | 'cdk-assembly';

export interface DiscoveredFile {
  /** Absolute path (for `cdk-assembly`: the assembly folder). */
  path: string;
  /** Relative to the scan root, forward slashes (`.` for the root itself). */
  rel: string;
  kind: DiscoveredKind;
}

export interface DiscoverOptions {
  root: string;
  exclude: string[];
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  errors: InputError[];
  /** Things deliberately not followed, as `rel (reason)`, sorted. */
  skipped: string[];
}

/** Folders never entered. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform']);

/** The kind of a file by its name, or undefined when no input format reads it. */
export function classifyFile(name: string): Exclude<DiscoveredKind, 'cdk-assembly'> | undefined {
  const n = name.toLowerCase();
  for (const f of FORMATS) {
    const kind = f.classify?.(n);
    if (kind) return kind as Exclude<DiscoveredKind, 'cdk-assembly'>;
  }
  return undefined;
}

/** Bytes read to tell a file's format from its content (a plan from another `.json`). */
const HEAD_BYTES = 64 * 1024;

async function readHead(abs: string): Promise<string> {
  const fh = await fs.open(abs, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** The kind of a file once its first bytes are known, when a format takes it over from the kind its name gives. */
async function refineKind(abs: string, name: string, kind: Exclude<DiscoveredKind, 'cdk-assembly'>): Promise<Exclude<DiscoveredKind, 'cdk-assembly'>> {
  const candidates = FORMATS.filter((f) => f.refine?.of === kind);
  if (!candidates.length) return kind;
  const n = name.toLowerCase();
  let head: string | undefined;
  for (const f of candidates) {
    const r = f.refine!;
    if (!r.name(n)) continue;
    head ??= await readHead(abs).catch(() => '');
    if (r.head(head)) return r.kind as Exclude<DiscoveredKind, 'cdk-assembly'>;
  }
  return kind;
}

/** True when a folder is one input as a whole (a CDK cloud assembly). */
export async function isCdkAssembly(dir: string): Promise<boolean> {
  for (const f of FORMATS) if (f.claimsFolder && (await f.claimsFolder(dir))) return true;
  return false;
}

function osReason(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

function isInside(real: string, realRoot: string): boolean {
  if (real === realRoot) return true;
  const base = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  return real.startsWith(base);
}

export async function discover(paths: string[], options: DiscoverOptions): Promise<DiscoverResult> {
  const root = path.resolve(options.root);
  const files: (DiscoveredFile & { real: string })[] = [];
  const errors: InputError[] = [];
  const skipped: string[] = [];
  const visitedDirs = new Set<string>();
  const pendingLinks: { abs: string; rel: string; name: string }[] = [];

  const patterns = options.exclude.map((g) => g.replace(/\\/g, '/').replace(/\/+$/, '')).filter((g) => g !== '');
  const isExcluded = patterns.length > 0 ? picomatch(patterns, { dot: true }) : () => false;

  const relOf = (abs: string): string => {
    const r = path.relative(root, abs).split(path.sep).join('/');
    return r === '' ? '.' : r;
  };
  const readError = (file: string, e: unknown): void => {
    errors.push({ file, line: 1, column: 1, kind: 'read', message: `cannot read: ${osReason(e)}` });
  };

  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (e) {
    readError(options.root, e);
    return { files: [], errors, skipped };
  }

  const addFile = async (abs: string, real: string, rel: string, kind: Exclude<DiscoveredKind, 'cdk-assembly'>): Promise<void> => {
    try {
      await fs.access(abs, fs.constants.R_OK);
    } catch (e) {
      readError(rel, e);
      return;
    }
    files.push({ path: abs, rel, kind: await refineKind(abs, path.basename(abs), kind), real });
  };

  /** Walk a folder whose real path is `real` and which is already known to lie inside the root. */
  const walk = async (abs: string, real: string, rel: string): Promise<void> => {
    if (visitedDirs.has(real)) {
      skipped.push(`${rel} (folder already scanned through another path)`);
      return;
    }
    visitedDirs.add(real);
    if (await isCdkAssembly(abs)) {
      files.push({ path: abs, rel, kind: 'cdk-assembly', real });
      return;
    }
    let entries: Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      readError(rel, e);
      return;
    }
    await Promise.all(
      entries.map(async (ent) => {
        const name = ent.name;
        const childAbs = path.join(abs, name);
        const childRel = rel === '.' ? name : `${rel}/${name}`;
        if (isExcluded(childRel)) return;
        if (ent.isDirectory()) {
          if (SKIPPED_DIRS.has(name)) return;
          await walk(childAbs, path.join(real, name), childRel);
        } else if (ent.isFile()) {
          const kind = classifyFile(name);
          if (kind) await addFile(childAbs, path.join(real, name), childRel, kind);
        } else if (ent.isSymbolicLink()) {
          // Followed after the plain tree, in `rel` order, so the result does not depend on timing.
          pendingLinks.push({ abs: childAbs, rel: childRel, name });
        }
      }),
    );
  };

  const followLink = async (abs: string, rel: string, name: string): Promise<void> => {
    let target: string;
    try {
      target = await fs.realpath(abs);
    } catch (e) {
      // A dangling link: an error only when it would have been read.
      if (classifyFile(name)) readError(rel, e);
      else skipped.push(`${rel} (broken symlink)`);
      return;
    }
    if (!isInside(target, realRoot)) {
      skipped.push(`${rel} (symlink to outside the scan root)`);
      return;
    }
    let st;
    try {
      st = await fs.stat(target);
    } catch (e) {
      readError(rel, e);
      return;
    }
    if (st.isDirectory()) {
      if (SKIPPED_DIRS.has(name)) return;
      if (visitedDirs.has(target)) {
        skipped.push(`${rel} (symlink to a folder already scanned, or a loop)`);
        return;
      }
      await walk(abs, target, rel);
    } else if (st.isFile()) {
      const kind = classifyFile(name);
      if (kind) await addFile(abs, target, rel, kind);
    }
  };

  for (const given of paths) {
    const abs = path.resolve(given);
    const shown = isInside(abs, root) ? relOf(abs) : given;
    let st;
    let real: string;
    try {
      st = await fs.stat(abs);
      real = await fs.realpath(abs);
    } catch (e) {
      const code = (e as { code?: string }).code;
      errors.push({
        file: shown,
        line: 1,
        column: 1,
        kind: 'read',
        message: code === 'ENOENT' ? `path does not exist: ${given}` : `cannot read: ${osReason(e)}`,
      });
      continue;
    }
    if (!isInside(real, realRoot)) {
      errors.push({ file: given, line: 1, column: 1, kind: 'read', message: `path is outside the scan root ${root}: ${given}` });
      continue;
    }
    const rel = relOf(abs);
    if (st.isDirectory()) {
      await walk(abs, real, rel);
      while (pendingLinks.length > 0) {
        const links = pendingLinks.splice(0).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
        for (const l of links) await followLink(l.abs, l.rel, l.name);
      }
    } else if (st.isFile()) {
      const name = path.basename(abs);
      if (name === 'manifest.json' && (await isCdkAssembly(path.dirname(abs)))) {
        const dirReal = path.dirname(real);
        if (!visitedDirs.has(dirReal)) {
          visitedDirs.add(dirReal);
          files.push({ path: path.dirname(abs), rel: relOf(path.dirname(abs)), kind: 'cdk-assembly', real: dirReal });
        }
        continue;
      }
      const kind = classifyFile(name);
      if (kind) await addFile(abs, real, rel, kind);
      else skipped.push(`${rel} (not a CloudFormation, Terraform or CDK file)`);
    } else {
      skipped.push(`${rel} (not a regular file or folder)`);
    }
  }

  // Deterministic order; one entry per real file (the first by `rel`).
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const seen = new Set<string>();
  const out: DiscoveredFile[] = [];
  for (const f of files) {
    if (seen.has(f.real)) continue;
    seen.add(f.real);
    out.push({ path: f.path, rel: f.rel, kind: f.kind });
  }
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  skipped.sort();
  return { files: out, errors, skipped };
}
