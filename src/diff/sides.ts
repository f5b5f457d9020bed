/**
 * The two sides of a diff: a folder as it is, or a git ref of the repository at the current folder,
 * written into a temporary folder with `git archive` (the work tree and the index are not touched).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Side {
  /** What the user named: a folder or a ref. */
  name: string;
  /** The folder to scan: the named folder, or the ref's tree at the current folder's place in the repository. */
  dir: string;
  cleanup(): Promise<void>;
}

export class SideError extends Error {}

export async function openSide(name: string, cwd: string = process.cwd()): Promise<Side> {
  if (existsSync(name) && statSync(name).isDirectory()) return { name, dir: name, cleanup: async () => {} };
  const commit = await git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], cwd).catch(() => undefined);
  if (!commit) throw new SideError(`${name}: neither a folder nor a git ref of the repository at ${cwd}`);
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).trim();
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  const tmp = await mkdtemp(join(tmpdir(), 'iac-check-diff-'));
  try {
    await archive(commit.trim(), prefix, tmp, top);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return { name, dir: join(tmp, prefix), cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('error', (e) => reject(new SideError(`git: ${e.message}`)));
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new SideError(`git ${args[0]}: ${err.trim() || `exit ${code}`}`))));
  });
}

/** `git archive <commit> -- <prefix>` unpacked by `tar` into `dir`. */
async function archive(commit: string, prefix: string, dir: string, cwd: string): Promise<void> {
  const args = ['archive', '--format=tar', commit, ...(prefix ? ['--', prefix] : [])];
  const g = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const t = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
  g.stdout.pipe(t.stdin);
  let err = '';
  g.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  t.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exit = (p: import('node:child_process').ChildProcess, what: string): Promise<number | null> =>
    new Promise((resolve, reject) => {
      p.on('error', (e) => reject(new SideError(`${what}: ${e.message}`)));
      p.on('close', resolve);
    });
  const [gitCode, tarCode] = await Promise.all([exit(g, 'git'), exit(t, 'tar')]);
  if (gitCode !== 0 || tarCode !== 0) throw new SideError(`git archive ${commit}: ${err.trim() || 'failed'}`);
}
