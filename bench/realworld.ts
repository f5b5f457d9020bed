/**
 * Real-world rows of the benchmark: iac-check and its peers on the same folders of a corpus of
 * public repositories (kept outside git; `bench/fetch-corpus.ts` builds it), CPU time of each
 * whole process (user + system, start-up included, as a user pays it), in paired runs: in each
 * run every tool scans the folder once, one after the other, and the ratio peer / iac-check is
 * taken within the run; the table shows the median of those ratios.
 *
 * Peers are used only when they are on PATH (`checkov`, `cfn-lint`, `tfsec`, `trivy`); the
 * output says which were found. CPU time is read from GNU time (`/usr/bin/time`), so figures
 * stay meaningful on a busy machine where wall time is not. trivy runs with `--skip-check-update`:
 * it uses the checks built into its binary and never waits for a download.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Group = 'cloudformation' | 'terraform' | 'cdk' | 'mixed';

export interface GroupSpec {
  group: Group;
  /** Folders of the corpus (absolute) scanned together. */
  dirs: string[];
}

/** Which corpus folders make each group: by the prefix the corpus builder gives each source. */
export function groupsOf(corpus: string): GroupSpec[] {
  const names = readdirSync(corpus).filter((n) => statSync(join(corpus, n)).isDirectory()).sort();
  const cfn = names.filter((n) => /^(awslabs|aws-samples|aws-quickstart|aws-ia)\+/.test(n));
  const tf = names.filter((n) => n.startsWith('terraform-aws-modules+'));
  const cdk = names.filter((n) => n === 'cdk-synth');
  const abs = (xs: string[]): string[] => xs.map((n) => join(corpus, n));
  const out: GroupSpec[] = [];
  if (cfn.length) out.push({ group: 'cloudformation', dirs: abs(cfn) });
  if (tf.length) out.push({ group: 'terraform', dirs: abs(tf) });
  if (cdk.length) out.push({ group: 'cdk', dirs: abs(cdk) });
  out.push({ group: 'mixed', dirs: [corpus] });
  return out;
}

export interface Peer {
  name: 'checkov' | 'cfn-lint' | 'tfsec' | 'trivy';
  version: string;
}

/** Which peers are on PATH, with their version line. */
export function findPeers(): { found: Peer[]; missing: string[] } {
  const probes: Array<[Peer['name'], string[]]> = [
    ['checkov', ['--version']],
    ['cfn-lint', ['--version']],
    ['tfsec', ['--version']],
    ['trivy', ['--version']],
  ];
  const found: Peer[] = [];
  const missing: string[] = [];
  for (const [name, args] of probes) {
    const r = spawnSync(name, args, { encoding: 'utf8', timeout: 60_000 });
    const said = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.status === 0 && said) found.push({ name, version: versionOf(name, said) });
    else missing.push(name);
  }
  return { found, missing };
}

/**
 * A peer's version from what `--version` printed: the first line with a version number. A Go tool
 * built with `go install` says only "dev" (tfsec adds a banner), so then the module version its
 * binary records (`go version -m`) is used when Go is on PATH.
 */
export function versionOf(name: string, said: string, goModule: (tool: string) => string | undefined = goModuleVersion): string {
  const lines = said.split('\n').map((l) => l.trim()).filter(Boolean);
  const numbered = lines.find((l) => /\d+\.\d+/.test(l));
  if (numbered) return numbered.replace(/^(cfn-lint|trivy|tfsec|checkov)\s*/i, '').replace(/^Version:\s*/i, '');
  const built = goModule(name);
  const named = lines.find((l) => /^version:/i.test(l)) ?? lines[0] ?? '';
  return built ? `${built} (local build)` : `${named.replace(/^Version:\s*/i, '')} (no version number printed)`;
}

function goModuleVersion(tool: string): string | undefined {
  const where = spawnSync('which', [tool], { encoding: 'utf8' }).stdout?.trim();
  if (!where) return undefined;
  const r = spawnSync('go', ['version', '-m', where], { encoding: 'utf8', timeout: 30_000 });
  return /^\s*mod\s+\S+\s+(v\S+)/m.exec(r.stdout ?? '')?.[1];
}

/** The groups a peer can scan, and its command lines for a group (several when it takes one folder at a time). */
function peerCommands(peer: Peer['name'], spec: GroupSpec, templates: string[]): string[][] | undefined {
  const g = spec.group;
  switch (peer) {
    case 'checkov': {
      const fw = g === 'terraform' ? ['terraform'] : g === 'mixed' ? ['cloudformation', 'terraform'] : ['cloudformation'];
      // One folder per run: with several `-d` checkov 3.3 gives up on some of them. No network (--skip-download).
      return spec.dirs.map((d) => ['checkov', '-d', d, '--framework', ...fw, '--quiet', '--compact', '--skip-download', '-o', 'json']);
    }
    case 'cfn-lint':
      // cfn-lint reads templates, not folders: the files that look like templates.
      if (g === 'terraform' || templates.length === 0) return undefined;
      return [['cfn-lint', '--format', 'json', '--', ...templates]];
    case 'tfsec':
      if (g !== 'terraform' && g !== 'mixed') return undefined;
      return spec.dirs.map((d) => ['tfsec', d, '--no-color', '--format', 'json', '--soft-fail', '--no-module-downloads']);
    case 'trivy':
      if (g === 'cdk') return undefined;
      return spec.dirs.map((d) => ['trivy', 'config', '--quiet', '--skip-check-update', '--format', 'json', d]);
  }
}

/** Template-looking files under the group's folders (what cfn-lint is given). */
export function templateFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === '.git') continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(ya?ml|json|template)$/i.test(name) && st.size < 4 * 1024 * 1024) {
        const text = readFileSync(p, 'utf8');
        if (text.includes('AWSTemplateFormatVersion') || (/["']?Resources["']?\s*:/.test(text) && /\b(AWS|Custom)::[A-Za-z0-9]+::/.test(text))) out.push(p);
      }
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}

export interface Cpu {
  /** user + system seconds, summed over the command lines of one measurement. */
  cpuS: number;
  /** Largest peak RSS among the command lines, MiB. */
  peakMiB: number;
  /** A command crashed after writing its results: the CPU time is a lower bound. */
  crashedLate?: string;
}

/**
 * Runs the command lines one after the other under GNU time. A run whose standard output is
 * empty or whose error output holds a crash (a Python traceback, a Go panic) is a failure: its
 * CPU time would not be that of a finished scan.
 */
export async function timeCommands(commands: string[][], timeoutSec: number): Promise<Cpu> {
  let cpuS = 0;
  let peakMiB = 0;
  let crashedLate: string | undefined;
  for (const argv of commands) {
    const dir = mkdtempSync(join(tmpdir(), 'iac-check-bench-time-'));
    const [timeFile, outFile, errFile] = ['time', 'out', 'err'].map((n) => join(dir, n)) as [string, string, string];
    try {
      await new Promise<void>((resolvePromise, reject) => {
        const out = openSync(outFile, 'w');
        const err = openSync(errFile, 'w');
        const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, ...argv], { stdio: ['ignore', out, err] });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSec * 1000);
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(e);
        });
        child.on('close', () => {
          clearTimeout(timer);
          closeSync(out);
          closeSync(err);
          resolvePromise();
        });
      });
      const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
      const [u, s, m] = last.split(' ').map(Number);
      if (u === undefined || s === undefined || m === undefined || ![u, s, m].every(Number.isFinite)) throw new Error(`${argv[0]}: no timing (${last})`);
      const stderr = readFileSync(errFile, 'utf8');
      const crash = /Traceback \(most recent call last\)|^panic:/m.exec(stderr);
      const wrote = statSync(outFile).size > 0;
      const why = `${argv[0]} crashed on ${argv.slice(1).join(' ').slice(0, 120)}: ${stderr.trim().split('\n').pop()?.slice(0, 160)}`;
      // Crashing after the results were written (checkov 3.3 does so on some folders while
      // reporting) leaves a usable lower bound; crashing before leaves nothing.
      if (crash && !wrote) throw new Error(why);
      if (crash) crashedLate ??= why;
      if (!wrote) throw new Error(`${argv[0]} wrote nothing on ${argv.slice(1).join(' ').slice(0, 120)}: ${stderr.trim().split('\n').pop()?.slice(0, 160) ?? ''}`);
      cpuS += u + s;
      peakMiB = Math.max(peakMiB, m / 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return crashedLate ? { cpuS, peakMiB, crashedLate } : { cpuS, peakMiB };
}

export function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The ratio targets of issue 14 (peer CPU / iac-check CPU at least this much). */
export const RATIO_TARGETS: Partial<Record<Group, Partial<Record<Peer['name'], number>>>> = {
  cloudformation: { checkov: 20, 'cfn-lint': 4, trivy: 4 },
  cdk: { checkov: 20, 'cfn-lint': 4 },
  terraform: { checkov: 60, tfsec: 1, trivy: 1 },
  mixed: { checkov: 50 },
};

export interface PeerResult {
  peer: Peer['name'];
  cpuS?: number;
  ratio?: number;
  target?: number;
  failure?: string;
  /** The peer crashed after writing results in some run: its CPU (and the ratio) is a lower bound. */
  lowerBound?: string;
}

export interface GroupResult {
  group: Group;
  dirs: string[];
  runs: number;
  iacCheckCpuS?: number;
  iacCheckPeakMiB?: number;
  peers: PeerResult[];
}

const CLI = fileURLToPath(new URL('../../bin/iac-check.js', import.meta.url));

function iacCheckCommand(spec: GroupSpec): string[] {
  return [process.execPath, CLI, ...spec.dirs, '--format', 'json'];
}

export async function benchGroup(spec: GroupSpec, peers: Peer[], runs: number, timeoutSec: number, log: (m: string) => void): Promise<GroupResult> {
  const templates = spec.group === 'terraform' ? [] : templateFiles(spec.dirs);
  const active = peers.map((p) => ({ peer: p.name, commands: peerCommands(p.name, spec, templates) })).filter((p) => p.commands);
  const ours: Cpu[] = [];
  const theirs = new Map<string, { cpu: number[]; ratios: number[]; failure?: string; lowerBound?: string }>(active.map((p) => [p.peer, { cpu: [], ratios: [] }]));
  for (let run = 1; run <= runs; run++) {
    const mine = await timeCommands([iacCheckCommand(spec)], timeoutSec);
    ours.push(mine);
    log(`  ${spec.group} run ${run}: iac-check ${mine.cpuS.toFixed(2)} s CPU, ${mine.peakMiB.toFixed(0)} MiB`);
    for (const p of active) {
      const slot = theirs.get(p.peer)!;
      if (slot.failure) continue;
      try {
        const t = await timeCommands(p.commands!, timeoutSec);
        slot.cpu.push(t.cpuS);
        slot.ratios.push(t.cpuS / mine.cpuS);
        if (t.crashedLate) slot.lowerBound ??= t.crashedLate;
        log(`  ${spec.group} run ${run}: ${p.peer} ${t.cpuS.toFixed(2)} s CPU (${(t.cpuS / mine.cpuS).toFixed(1)}×)${t.crashedLate ? ` — lower bound: ${t.crashedLate}` : ''}`);
      } catch (e) {
        slot.failure = (e as Error).message;
        log(`  ${spec.group}: ${p.peer} failed: ${slot.failure}`);
      }
    }
  }
  const result: GroupResult = { group: spec.group, dirs: spec.dirs, runs, peers: [] };
  const cpu = median(ours.map((o) => o.cpuS));
  if (cpu !== undefined) result.iacCheckCpuS = cpu;
  if (ours.length) result.iacCheckPeakMiB = Math.max(...ours.map((o) => o.peakMiB));
  for (const p of active) {
    const slot = theirs.get(p.peer)!;
    const r: PeerResult = { peer: p.peer };
    const c = median(slot.cpu);
    const ratio = median(slot.ratios);
    const target = RATIO_TARGETS[spec.group]?.[p.peer];
    if (c !== undefined) r.cpuS = c;
    if (ratio !== undefined) r.ratio = ratio;
    if (target !== undefined) r.target = target;
    if (slot.failure) r.failure = slot.failure;
    if (slot.lowerBound) r.lowerBound = slot.lowerBound;
    result.peers.push(r);
  }
  return result;
}

/** CPU of start-up: bare node, `iac-check --version` and a scan of an empty folder (medians). */
export async function benchStartup(runs: number): Promise<{ nodeS: number; versionS: number; emptyScanS: number }> {
  const empty = mkdtempSync(join(tmpdir(), 'iac-check-bench-empty-'));
  try {
    const node: number[] = [];
    const version: number[] = [];
    const scan: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push((await timeCommands([[process.execPath, '-e', 'process.stdout.write(" ")']], 60)).cpuS);
      version.push((await timeCommands([[process.execPath, CLI, '--version']], 60)).cpuS);
      scan.push((await timeCommands([[process.execPath, CLI, empty]], 60)).cpuS);
    }
    return { nodeS: median(node)!, versionS: median(version)!, emptyScanS: median(scan)! };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

export const STARTUP_TARGET_S = 0.1;

export function formatStartup(s: { nodeS: number; versionS: number; emptyScanS: number }, runs: number): string {
  const v = s.versionS - s.nodeS;
  const e = s.emptyScanS - s.nodeS;
  const verdict = (x: number): string => (x <= STARTUP_TARGET_S ? 'met' : `NOT MET by ${(x - STARTUP_TARGET_S).toFixed(2)} s`);
  return [
    `Start-up (CPU s, median of ${runs}; target ≤ ${STARTUP_TARGET_S} s above bare node)`,
    `  node -e 0: ${s.nodeS.toFixed(3)}   --version: ${s.versionS.toFixed(3)} (+${v.toFixed(3)}, ${verdict(v)})   empty-folder scan: ${s.emptyScanS.toFixed(3)} (+${e.toFixed(3)}, ${verdict(e)})`,
  ].join('\n');
}

export function formatGroups(results: GroupResult[], found: Peer[], missing: string[], peersRun = true): string {
  const out: string[] = [];
  out.push(`Real-world corpus (CPU s of the whole process, median of paired runs; ratio = peer CPU / iac-check CPU)`);
  if (peersRun) out.push(`peers found: ${found.length ? found.map((p) => `${p.name} ${p.version}`).join(', ') : 'none'}; not found: ${missing.length ? missing.join(', ') : 'none'}`);
  else out.push('peers: not run (--no-peers)');
  const head = ['group', 'runs', 'iac-check s', 'peak MiB', ...found.map((p) => p.name)];
  const rows = results.map((r) => [
    r.group,
    String(r.runs),
    r.iacCheckCpuS?.toFixed(2) ?? '—',
    r.iacCheckPeakMiB?.toFixed(0) ?? '—',
    ...found.map((p) => {
      const x = r.peers.find((q) => q.peer === p.name);
      if (!x) return 'n/a';
      if (x.failure && x.ratio === undefined) return 'failed';
      const ge = x.lowerBound ? '≥ ' : '';
      return `${ge}${x.cpuS!.toFixed(2)} s = ${ge}${x.ratio!.toFixed(1)}×`;
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  out.push(line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  out.push('targets:');
  for (const r of results) {
    for (const p of r.peers) {
      if (p.target === undefined) continue;
      if (p.ratio === undefined) {
        out.push(`  ${r.group} vs ${p.peer} ≥ ${p.target}×: not measured${p.failure ? ` (${p.failure})` : ''}`);
        continue;
      }
      const ok = p.ratio >= p.target;
      if (p.lowerBound) out.push(`  (${r.group}: ${p.peer} crashed after writing its results, so its figure is a lower bound: ${p.lowerBound})`);
      out.push(`  ${r.group} vs ${p.peer} ≥ ${p.target}×: ${ok ? 'met' : `NOT MET (${p.ratio.toFixed(1)}×, missed by a factor ${(p.target / p.ratio).toFixed(2)})`}${ok ? ` (${p.ratio.toFixed(1)}×)` : ''}`);
    }
  }
  for (const name of missing) out.push(`  (${name} not on PATH: its targets are not measured)`);
  return out.join('\n');
}

export function corpusFrom(option: string | undefined): string | undefined {
  const dir = option ?? process.env.IAC_CHECK_CORPUS;
  return dir && existsSync(dir) ? dir : undefined;
}
