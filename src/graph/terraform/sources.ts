import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { posix } from 'node:path';

/**
 * What a module block's `source` names, read the way `terraform init` reads it
 * (developer.hashicorp.com/terraform/language/modules/sources): a local folder, a module
 * registry address, a git repository, an archive over http(s), or something else that only
 * Terraform can fetch (s3::, gcs::, hg::).
 */
export type ModuleSource =
  | { kind: 'local'; path: string }
  | { kind: 'registry'; host: string; namespace: string; name: string; provider: string; subdir: string }
  | { kind: 'git'; url: string; ref?: string; subdir: string }
  | { kind: 'archive'; url: string; subdir: string }
  | { kind: 'other'; reason: string };

export const DEFAULT_REGISTRY = 'registry.terraform.io';

/** How reports name the folder of a module that `--download-modules` fetched (it lives in the cache). */
export const DOWNLOADED_PREFIX = '.iac-check/modules/';

/** Identifies one module call's download: its source as written and its version constraint. */
export function fetchKey(source: string, version: string | undefined): string {
  return `${source}\u0000${version ?? ''}`;
}

const NAMESPACE = /^[0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?$/;
const PROVIDER = /^[0-9a-z]{1,64}$/;
const ARCHIVE = /\.(zip|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|tar)$/i;

/** Terraform's local paths start with `./` or `../` (`.\` and `..\` on Windows). */
export function isLocalSource(s: string): boolean {
  return /^\.\.?(?:[/\\]|$)/.test(s);
}

/** Splits go-getter's `//subdir` off a source: `host/repo.git//sub?ref=x` → (`host/repo.git?ref=x`, `sub`). */
export function splitSubdir(s: string): { base: string; subdir: string } {
  const q = s.indexOf('?');
  const path = q < 0 ? s : s.slice(0, q);
  const query = q < 0 ? '' : s.slice(q);
  const scheme = path.indexOf('://');
  const from = scheme < 0 ? 0 : scheme + 3;
  const i = path.indexOf('//', from);
  if (i < 0) return { base: s, subdir: '' };
  return { base: path.slice(0, i) + query, subdir: path.slice(i + 2).replace(/^\/+|\/+$/g, '') };
}

export function classifySource(raw: string): ModuleSource {
  const s = raw.trim();
  if (isLocalSource(s)) return { kind: 'local', path: s.replace(/\\/g, '/') };
  if (isAbsolute(s) || /^[A-Za-z]:[\\/]/.test(s)) return { kind: 'other', reason: 'an absolute path is not a local module source (Terraform reads it as a remote package)' };
  const forced = /^([a-z0-9]+)::(.*)$/.exec(s);
  if (forced) {
    const [, getter, rest] = forced;
    if (getter === 'git') return gitSource(rest!);
    if (getter === 'http' || getter === 'https') return archiveSource(rest!);
    return { kind: 'other', reason: `${getter}:: sources are fetched only by terraform init` };
  }
  const { base, subdir } = splitSubdir(s);
  // registry: [host/]namespace/name/provider
  const parts = base.split('/');
  if (!base.includes('?') && !base.includes(':') && (parts.length === 3 || parts.length === 4)) {
    const [host, ns, name, provider] = parts.length === 4 ? parts : [DEFAULT_REGISTRY, ...parts];
    const hostOk = parts.length === 3 || (host!.includes('.') && host !== 'github.com' && host !== 'bitbucket.org');
    if (hostOk && NAMESPACE.test(ns!) && NAMESPACE.test(name!) && PROVIDER.test(provider!)) {
      return { kind: 'registry', host: host!.toLowerCase(), namespace: ns!, name: name!, provider: provider!, subdir };
    }
  }
  if (/^github\.com\//.test(s)) return gitSource(`https://${s}`, true);
  if (/^bitbucket\.org\//.test(s)) return gitSource(`https://${s}`, true);
  if (/^git@[^:]+:/.test(s)) return gitSource(s);
  if (/^https?:\/\//.test(s)) return archiveSource(s);
  return { kind: 'other', reason: 'the source is not a local path, registry address, git repository or archive URL' };
}

function gitSource(rest: string, addGitSuffix = false): ModuleSource {
  const { base, subdir } = splitSubdir(rest);
  const q = base.indexOf('?');
  let url = q < 0 ? base : base.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : base.slice(q + 1));
  if (addGitSuffix && !url.endsWith('.git')) url += '.git';
  const ref = params.get('ref') ?? undefined;
  return { kind: 'git', url, subdir, ...(ref ? { ref } : {}) };
}

function archiveSource(rest: string): ModuleSource {
  const { base, subdir } = splitSubdir(rest);
  const q = base.indexOf('?');
  const path = q < 0 ? base : base.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : base.slice(q + 1));
  if (!ARCHIVE.test(path) && !params.get('archive')) return { kind: 'other', reason: 'an http(s) source that is not an archive (.zip, .tar.gz …) is resolved only by terraform init' };
  return { kind: 'archive', url: base, subdir };
}

/** The folder (relative to the scan root, '' for the root itself, may start with `../`) that a local source names. */
export function localModuleDir(fromDir: string, path: string): string {
  const joined = posix.normalize(posix.join(fromDir === '' ? '.' : fromDir, path)).replace(/\/+$/, '');
  return joined === '.' || joined === '' ? '' : joined;
}

/**
 * The folder that local module sources may reach: the git work tree that holds the scan root,
 * else the current folder when it holds the scan root, else the scan root itself. Terraform reads
 * `../../` modules of an example folder from the same repository; nothing beyond it is read.
 */
export function repositoryRoot(scanRoot: string, cwd = process.cwd()): string {
  for (let d = scanRoot; ; d = resolve(d, '..')) {
    if (existsSync(resolve(d, '.git'))) return d;
    if (resolve(d, '..') === d) break;
  }
  return isInside(scanRoot, cwd) ? cwd : scanRoot;
}

export function isInside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !isAbsolute(r));
}
