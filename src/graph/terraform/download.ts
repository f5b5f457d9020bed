import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { archiveKindOf, extractTerraformFiles } from './archive.js';
import { classifySource, DEFAULT_REGISTRY, type ModuleSource } from './sources.js';
import { pickVersion } from './versions.js';

/**
 * `--download-modules`: fetches what `terraform init` would for module calls that are not on
 * disk — registry modules through the module registry protocol (service discovery, the version
 * list, the download location), git repositories (a shallow clone with the system `git`, no hooks,
 * no submodules) and http(s) archives — into a cache reused across runs. The files are data: only
 * `.tf` / `.tf.json` are ever read, nothing is run.
 */
export interface DownloadOptions {
  /** Absolute cache folder (default `~/.cache/iac-check/modules`). */
  cacheDir: string;
  /** Base URL of a registry that answers for registry.terraform.io (a mirror or private registry). */
  registry?: string;
  /** Git transports allowed (GIT_ALLOW_PROTOCOL); default https and ssh. */
  gitProtocols?: string[];
  /** Per request; default 60 s. */
  timeoutMs?: number;
}

/** A downloaded module package: its folder in the cache, the `//subdir` the call asks for, and a name for reports. */
export interface Fetched {
  dir: string;
  subdir: string;
  /** `terraform-aws-modules/vpc/aws@5.1.0`: what the cache entry holds. */
  label: string;
}

const MAX_ARCHIVE = 200 * 1024 * 1024;
const COMPLETE = '.iac-check-source.json';

export class ModuleDownloader {
  private readonly memo = new Map<string, Promise<Fetched | { error: string }>>();

  constructor(private readonly options: DownloadOptions) {}

  /** The module a call's `source` (and `version`) names, downloaded or found in the cache; never throws. */
  fetch(source: string, version: string | undefined): Promise<Fetched | { error: string }> {
    const key = `${source}\u0000${version ?? ''}`;
    let p = this.memo.get(key);
    if (!p) {
      p = this.fetchSource(classifySource(source), version).catch((e: unknown) => ({ error: (e as Error).message }));
      this.memo.set(key, p);
    }
    return p;
  }

  private async fetchSource(src: ModuleSource, version: string | undefined): Promise<Fetched | { error: string }> {
    switch (src.kind) {
      case 'registry': return this.registry(src, version);
      case 'git': {
        const pkg = await this.cached(`git:${src.url}?ref=${src.ref ?? ''}`, (dir) => this.clone(src.url, src.ref, dir));
        return { ...pkg, subdir: src.subdir, label: `${src.url.replace(/^[a-z+]+:\/\/|^git@/, '')}${src.ref ? `@${src.ref}` : ''}` };
      }
      case 'archive': {
        const pkg = await this.cached(`archive:${src.url}`, (dir) => this.unpack(src.url, dir));
        return { ...pkg, subdir: src.subdir, label: src.url.replace(/^https?:\/\//, '').split('?')[0]! };
      }
      case 'local': return { error: 'a local source is not downloaded' };
      case 'other': return { error: src.reason };
    }
  }

  // ---- registry ----

  private async registry(src: Extract<ModuleSource, { kind: 'registry' }>, constraint: string | undefined): Promise<Fetched | { error: string }> {
    const mirror = src.host === DEFAULT_REGISTRY ? this.options.registry : undefined;
    const base = (mirror ?? `https://${src.host}`).replace(/\/+$/, '');
    const address = `${src.namespace}/${src.name}/${src.provider}`;
    const cacheKey = (v: string) => `registry:${src.host}/${address}@${v}`;
    let modulesBase: string;
    let chosen: string;
    try {
      modulesBase = await this.discover(base, mirror !== undefined);
      const list = (await this.json(new URL(`${address}/versions`, modulesBase).href)) as { modules?: { versions?: { version?: unknown }[] }[] };
      const versions = (list.modules?.[0]?.versions ?? []).map((v) => v.version).filter((v): v is string => typeof v === 'string');
      const pick = pickVersion(versions, constraint);
      if ('error' in pick) return { error: `${src.host}/${address}: ${pick.error}` };
      chosen = pick.version;
    } catch (e) {
      // Offline: a cached version that meets the constraint will do.
      const cached = await this.cachedVersions(`registry:${src.host}/${address}@`);
      const pick = pickVersion(cached, constraint);
      if ('error' in pick) return { error: `cannot look up ${src.host}/${address} in the registry (${(e as Error).message})` };
      chosen = pick.version;
    }
    const pkg = await this.cached(cacheKey(chosen), async (dir) => {
      const downloadUrl = new URL(`${address}/${chosen}/download`, modulesBase).href;
      const location = await this.location(downloadUrl);
      const inner = classifySource(location);
      if (inner.kind === 'git') await this.clone(inner.url, inner.ref, dir);
      else if (inner.kind === 'archive') await this.unpack(inner.url, dir);
      else throw new Error(`the registry's download location "${location}" is neither a git repository nor an archive`);
      return inner.subdir;
    });
    return { dir: pkg.dir, subdir: posix.join(pkg.inner ?? '', src.subdir).replace(/^\.$/, ''), label: `${src.host === DEFAULT_REGISTRY ? '' : `${src.host}/`}${address}@${chosen}` };
  }

  /** Service discovery: `/.well-known/terraform.json` names the modules API (`modules.v1`). */
  private async discover(base: string, isMirror: boolean): Promise<string> {
    const wellKnown = `${base}/.well-known/terraform.json`;
    try {
      const doc = (await this.json(wellKnown)) as Record<string, unknown>;
      const m = doc['modules.v1'];
      if (typeof m !== 'string') throw new Error(`${wellKnown} names no modules.v1 service`);
      const url = new URL(m, wellKnown).href;
      return url.endsWith('/') ? url : `${url}/`;
    } catch (e) {
      // A mirror may serve the modules API at its root without discovery.
      if (isMirror) return `${base}/v1/modules/`;
      throw e;
    }
  }

  /** The download location: the `X-Terraform-Get` header (204), or `{"location": …}` (200), relative to the request. */
  private async location(url: string): Promise<string> {
    const res = await this.request(url);
    const header = res.headers.get('x-terraform-get');
    let loc = header ?? undefined;
    if (!loc && res.status === 200) {
      const body = (await res.json().catch(() => undefined)) as { location?: unknown } | undefined;
      if (typeof body?.location === 'string') loc = body.location;
    }
    if (!loc) throw new Error(`${url} gave no download location`);
    // Relative locations are resolved against the download URL (as go-getter does); forced getters stay as written.
    if (/^[a-z0-9]+::/.test(loc) || /^[a-z]+:\/\//i.test(loc) || /^git@/.test(loc) || /^(github\.com|bitbucket\.org)\//.test(loc)) return loc;
    return new URL(loc, url).href;
  }

  // ---- transports ----

  private async request(url: string): Promise<Response> {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`${url}: only http(s) URLs are fetched`);
    const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000), headers: { 'user-agent': 'iac-check' } });
    if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
    return res;
  }

  private async json(url: string): Promise<unknown> {
    const res = await this.request(url);
    try {
      return await res.json();
    } catch {
      throw new Error(`${url} did not answer JSON`);
    }
  }

  private async unpack(url: string, dir: string): Promise<undefined> {
    const res = await this.request(url);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_ARCHIVE) throw new Error(`${url} is larger than 200 MB`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > MAX_ARCHIVE) throw new Error(`${url} is larger than 200 MB`);
    const kind = archiveKindOf(url, bytes);
    if (!kind) throw new Error(`${url} is not a zip or tar archive`);
    const files = extractTerraformFiles(kind, bytes);
    for (const [name, data] of files) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), data);
    }
    return undefined;
  }

  /** A shallow clone at `ref` with the system git: no hooks (empty template, hooksPath /dev/null), no prompts, no submodules. */
  private async clone(url: string, ref: string | undefined, dir: string): Promise<undefined> {
    const env = {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ALLOW_PROTOCOL: (this.options.gitProtocols ?? ['https', 'ssh']).join(':'),
      GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
      GIT_CONFIG_NOSYSTEM: '1',
    };
    const safe = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.symlinks=false', '-c', 'submodule.recurse=false'];
    const git = (args: string[], cwd?: string) =>
      new Promise<void>((resolve, reject) => {
        execFile('git', [...safe, ...args], { env, cwd, timeout: this.options.timeoutMs ?? 120_000, maxBuffer: 1024 * 1024 }, (err, _out, errText) => {
          if (err) reject(new Error(`git ${args[0]} ${url} failed: ${(errText || err.message).trim().split('\n').at(-1)}`));
          else resolve();
        });
      });
    try {
      await git(['clone', '--depth', '1', '--single-branch', '--no-tags', '--template=', ...(ref ? ['--branch', ref] : []), '--', url, dir]);
    } catch (e) {
      if (!ref) throw e;
      // A ref that is a commit, not a branch or tag: fetch just that commit.
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await git(['init', '--quiet', '--template=', '.'], dir);
      await git(['fetch', '--depth', '1', '--no-tags', '--', url, ref], dir);
      await git(['checkout', '--quiet', '--detach', 'FETCH_HEAD'], dir);
    }
    return undefined;
  }

  // ---- cache ----

  /** The cache entry for `key`, filled by `fill` the first time (atomically: a half-written entry is never used). */
  private async cached(key: string, fill: (dir: string) => Promise<string | undefined>): Promise<{ dir: string; inner?: string }> {
    const dir = join(this.options.cacheDir, createHash('sha256').update(key).digest('hex').slice(0, 24));
    try {
      const done = JSON.parse(await readFile(join(dir, COMPLETE), 'utf8')) as { key?: string; inner?: string };
      if (done.key === key) return { dir, ...(done.inner ? { inner: done.inner } : {}) };
    } catch {
      // not cached yet
    }
    await mkdir(this.options.cacheDir, { recursive: true });
    const tmp = `${dir}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      await mkdir(tmp, { recursive: true });
      const inner = await fill(tmp);
      await writeFile(join(tmp, COMPLETE), JSON.stringify({ key, ...(inner ? { inner } : {}) }));
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir);
      return { dir, ...(inner ? { inner } : {}) };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** Versions of a registry module already in the cache (for offline runs). */
  private async cachedVersions(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let names: string[];
    try {
      names = await readdir(this.options.cacheDir);
    } catch {
      return out;
    }
    for (const n of names) {
      try {
        if (!(await stat(join(this.options.cacheDir, n))).isDirectory()) continue;
        const done = JSON.parse(await readFile(join(this.options.cacheDir, n, COMPLETE), 'utf8')) as { key?: string };
        if (done.key?.startsWith(prefix)) out.push(done.key.slice(prefix.length));
      } catch {
        // not an entry
      }
    }
    return out;
  }
}
