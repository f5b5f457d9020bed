/**
 * `npm run bench` (= `npm run build && node dist/bench/run.js [options]`).
 *
 * Generates the synthetic CloudFormation and Terraform corpora (bench/corpus.ts) at scale s and
 * 2s in temp folders, measures parse-only and full scans in separate child processes
 * (bench/measure.ts, so each peak RSS is clean), takes the median of `--runs` runs, prints one
 * table per corpus with the targets (full ≤ 1.5× parse, growth ≤ 2.3×, peak < 1 GiB) and
 * removes the temp folders.
 *
 * Then, always, the start-up cost (bare node, `--version`, an empty-folder scan) and, when a
 * real-world corpus is given (`--corpus DIR` or IAC_CHECK_CORPUS; `node dist/bench/fetch-corpus.js
 * DIR` builds one), iac-check and the peers found on PATH on its folders (bench/realworld.ts).
 *
 * The hostile-input rows (bench/hostile.ts) run too, one child process each.
 *
 * Options: --runs <n> (3)  --scale <s> (1)  --only cloudformation|terraform|hostile  --seed <n> (1)
 *          --timeout <seconds per child> (900)  --keep (keep the temp folders)  --json (also print raw figures)
 *          --corpus <dir>  --real-only (skip the synthetic corpora)  --no-peers (iac-check alone on the corpus)
 *          --groups cloudformation,terraform,cdk,mixed (the real-world groups to measure)
 *          --memory 50000,100000,200000 (also the Terraform memory growth rows of bench/memory.ts: minutes)
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusKind } from './corpus.js';
import { generateCorpus, writeCorpus } from './corpus.js';
import type { Measurement, MeasureMode } from './measure.js';
import type { GroupResult } from './realworld.js';
import { benchGroup, benchStartup, corpusFrom, findPeers, formatGroups, formatStartup, groupsOf } from './realworld.js';
import { hostileCases } from './hostile.js';
import { benchRulesCorpus } from './rules-corpus.js';
import { formatMemory, memoryRows } from './memory.js';

export const TARGETS = { fullOverParse: 1.5, growth: 2.3, peakMiB: 1024 } as const;

export interface BenchOptions {
  runs: number;
  scale: number;
  only?: CorpusKind | 'hostile';
  seed: number;
  timeoutSec: number;
  keep: boolean;
  json: boolean;
  corpus?: string;
  realOnly: boolean;
  peers: boolean;
  /** Real-world groups to measure (default: all). */
  groups?: string[];
  /** `--memory`: Terraform corpus sizes (resources) for the memory growth rows (bench/memory.ts). */
  memory?: number[];
}

export interface ScaleResult {
  scale: number;
  files: number;
  /** Resources the generator wrote. */
  generatedResources: number;
  /** Data sources the generator wrote (Terraform). */
  generatedDataSources: number;
  /** `stats.resources` of the full scan (undefined when it failed). */
  resources?: number;
  parseMs?: number;
  fullMs?: number;
  parseCpuMs?: number;
  fullCpuMs?: number;
  peakMiB?: number;
  errors?: number;
  findings?: number;
  firstErrors: string[];
  failures: string[];
}

export interface CorpusResult {
  kind: CorpusKind;
  scales: ScaleResult[];
}

export function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = { runs: 3, scale: 1, seed: 1, timeoutSec: 900, keep: false, json: false, realOnly: false, peers: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = (min: number): number => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < min) throw new Error(`${flag} must be a number ≥ ${min}`);
      return v;
    };
    switch (flag) {
      case '--runs': o.runs = Math.floor(num(1)); break;
      case '--scale': o.scale = num(0.001); break;
      case '--seed': o.seed = Math.floor(num(0)); break;
      case '--timeout': o.timeoutSec = num(1); break;
      case '--keep': o.keep = true; break;
      case '--json': o.json = true; break;
      case '--corpus': o.corpus = value(); break;
      case '--real-only': o.realOnly = true; break;
      case '--no-peers': o.peers = false; break;
      case '--groups': o.groups = value().split(',').map((g) => g.trim()); break;
      case '--memory': o.memory = value().split(',').map(Number); break;
      case '--only': {
        const v = value();
        if (v === 'cloudformation' || v === 'cfn') o.only = 'cloudformation';
        else if (v === 'terraform' || v === 'tf') o.only = 'terraform';
        else if (v === 'hostile') o.only = 'hostile';
        else throw new Error('--only must be cloudformation, terraform or hostile');
        break;
      }
      case '-h': case '--help':
        process.stdout.write('usage: node dist/bench/run.js [--runs 3] [--scale 1] [--only cloudformation|terraform|hostile] [--seed 1] [--timeout 900] [--keep] [--json] [--corpus DIR] [--real-only] [--no-peers] [--groups cloudformation,terraform,cdk,mixed] [--memory 50000,100000,200000]\n');
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

export function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const MEASURE_JS = fileURLToPath(new URL('./measure.js', import.meta.url));

/** Runs one measurement in a child process. */
export function measureInChild(mode: MeasureMode, dir: string, timeoutSec: number): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [MEASURE_JS, mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, timeoutSec * 1000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        try { resolvePromise(JSON.parse(line) as Measurement); return; } catch { /* fall through */ }
      }
      const why = signal === 'SIGKILL' ? `killed after ${timeoutSec} s` : signal ? `signal ${signal}` : `exit ${code}`;
      const tail = err.trim().split('\n').slice(0, 6).join('\n    ');
      reject(new Error(`${mode} scan failed (${why})${tail ? `:\n    ${tail}` : ''}`));
    });
  });
}

async function benchScale(kind: CorpusKind, scale: number, o: BenchOptions, dirs: string[]): Promise<ScaleResult> {
  const corpus = generateCorpus(kind, { scale, seed: o.seed });
  const dir = await mkdtemp(join(tmpdir(), `iac-check-bench-${kind}-x${scale}-`));
  dirs.push(dir);
  await writeCorpus(corpus, dir);
  log(`${kind} ×${scale}: ${corpus.files.length} files, ${corpus.resources} resources${corpus.dataSources ? ` + ${corpus.dataSources} data sources` : ''}, ${(corpus.bytes / 1048576).toFixed(1)} MiB in ${dir}`);
  const r: ScaleResult = { scale, files: corpus.files.length, generatedResources: corpus.resources, generatedDataSources: corpus.dataSources, firstErrors: [], failures: [] };
  const parse: Measurement[] = [];
  const full: Measurement[] = [];
  for (let run = 1; run <= o.runs; run++) {
    for (const mode of ['parse', 'full'] as const) {
      try {
        const m = await measureInChild(mode, dir, o.timeoutSec);
        (mode === 'parse' ? parse : full).push(m);
        log(`  run ${run} ${mode.padEnd(5)} ${(m.ms / 1000).toFixed(2)} s (cpu ${(m.cpuMs / 1000).toFixed(2)} s), ${(m.maxRssKiB / 1024).toFixed(0)} MiB, ${m.resources} resources, ${m.errors} errors, ${m.findings} findings`);
      } catch (e) {
        const msg = (e as Error).message;
        log(`  run ${run} ${msg}`);
        if (!r.failures.includes(msg)) r.failures.push(msg);
      }
    }
    // A failure is deterministic; do not repeat a failing scan three times.
    if (r.failures.length && run === 1 && (!parse.length || !full.length)) break;
  }
  r.parseMs = median(parse.map((m) => m.ms));
  r.fullMs = median(full.map((m) => m.ms));
  r.parseCpuMs = median(parse.map((m) => m.cpuMs));
  r.fullCpuMs = median(full.map((m) => m.cpuMs));
  const all = [...parse, ...full];
  if (all.length) r.peakMiB = Math.max(...all.map((m) => m.maxRssKiB)) / 1024;
  const last = full[full.length - 1] ?? parse[parse.length - 1];
  if (full.length) {
    r.resources = full[full.length - 1]?.resources;
    r.findings = full[full.length - 1]?.findings;
  }
  if (last) {
    r.errors = Math.max(...all.map((m) => m.errors));
    r.firstErrors = (all.find((m) => m.errors === r.errors) ?? last).firstErrors;
  }
  return r;
}

const fmt = (n: number | undefined, digits = 2): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));
const int = (n: number | undefined): string => (n === undefined ? '—' : n.toLocaleString('en-US'));
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'NOT MET');

export function formatTable(c: CorpusResult): string {
  const title = c.kind === 'cloudformation' ? 'CloudFormation' : 'Terraform';
  const head = ['scale', 'files', 'resources', 'parse-only s', 'full scan s', 'full/parse', 'resources/s', 'peak MiB', 'errors', 'findings', 'cpu parse/full s'];
  const rows = c.scales.map((s) => {
    const res = s.resources ?? s.generatedResources;
    return [
      `${s.scale}×`, int(s.files),
      s.resources !== undefined && s.resources !== s.generatedResources
        ? `${int(s.resources)} (generated ${int(s.generatedResources)}${s.generatedDataSources ? ` + ${int(s.generatedDataSources)} data` : ''})`
        : int(res),
      fmt(s.parseMs !== undefined ? s.parseMs / 1000 : undefined), fmt(s.fullMs !== undefined ? s.fullMs / 1000 : undefined),
      fmt(s.parseMs && s.fullMs !== undefined ? s.fullMs / s.parseMs : undefined),
      s.fullMs ? int(Math.round(res / (s.fullMs / 1000))) : '—',
      fmt(s.peakMiB, 0), int(s.errors), int(s.findings),
      `${fmt(s.parseCpuMs !== undefined ? s.parseCpuMs / 1000 : undefined)} / ${fmt(s.fullCpuMs !== undefined ? s.fullCpuMs / 1000 : undefined)}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => cells.map((x, i) => (i < 1 ? x.padEnd(widths[i] as number) : x.padStart(widths[i] as number))).join('  ');
  const out: string[] = [`${title} corpus`, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];

  const [a, b] = c.scales;
  const growth = a?.fullMs && b?.fullMs !== undefined ? b.fullMs / a.fullMs : undefined;
  out.push(`growth (full scan ${b?.scale ?? '?'}× / ${a?.scale ?? '?'}×): ${fmt(growth)}`);
  const ratios = c.scales.filter((s) => s.parseMs && s.fullMs !== undefined).map((s) => (s.fullMs as number) / (s.parseMs as number));
  const peaks = c.scales.filter((s) => s.peakMiB !== undefined).map((s) => s.peakMiB as number);
  const ratioOk = ratios.length ? ratios.every((r) => r <= TARGETS.fullOverParse) : undefined;
  const peakOk = peaks.length ? peaks.every((p) => p < TARGETS.peakMiB) : undefined;
  out.push(`targets: full ≤ ${TARGETS.fullOverParse}× parse-only: ${verdict(ratioOk)} (${ratios.map((r) => fmt(r)).join(', ') || '—'})`);
  out.push(`         growth ≤ ${TARGETS.growth}×: ${verdict(growth === undefined ? undefined : growth <= TARGETS.growth)} (${fmt(growth)})`);
  const cpuRatios = c.scales.filter((s) => s.parseCpuMs && s.fullCpuMs !== undefined).map((s) => (s.fullCpuMs as number) / (s.parseCpuMs as number));
  const cpuGrowth = a?.fullCpuMs && b?.fullCpuMs !== undefined ? b.fullCpuMs / a.fullCpuMs : undefined;
  out.push(`         (by CPU time: full/parse ${cpuRatios.map((r) => fmt(r)).join(', ') || '—'}, growth ${fmt(cpuGrowth)})`);
  out.push(`         peak < 1 GiB: ${verdict(peakOk)} (max ${fmt(peaks.length ? Math.max(...peaks) : undefined, 0)} MiB)`);
  for (const s of c.scales) {
    if (s.errors) {
      out.push(`input errors at ${s.scale}× (${s.errors}; the generated corpus should have none), first ones:`);
      for (const e of s.firstErrors) out.push(`  ${e}`);
    }
    for (const f of s.failures) out.push(`failure at ${s.scale}×: ${f}`);
  }
  return out.join('\n');
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

export async function runBench(o: BenchOptions): Promise<CorpusResult[]> {
  const kinds: CorpusKind[] = o.only === 'hostile' ? [] : o.only ? [o.only] : ['cloudformation', 'terraform'];
  const dirs: string[] = [];
  const results: CorpusResult[] = [];
  try {
    for (const kind of kinds) {
      const scales: ScaleResult[] = [];
      for (const scale of [o.scale, o.scale * 2]) scales.push(await benchScale(kind, scale, o, dirs));
      results.push({ kind, scales });
    }
  } finally {
    if (o.keep) log(`kept: ${dirs.join(' ')}`);
    else await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }
  return results;
}

export interface HostileResult {
  name: string;
  ms?: number;
  peakMiB?: number;
  errors?: number;
  findings?: number;
  failure?: string;
}

/** Each hostile input (bench/hostile.ts) in its own process: it must end, below the memory target, with the sibling's finding. */
export async function runHostile(o: BenchOptions): Promise<HostileResult[]> {
  const out: HostileResult[] = [];
  for (const c of hostileCases()) {
    const dir = await mkdtemp(join(tmpdir(), 'iac-check-bench-hostile-'));
    try {
      for (const [name, text] of Object.entries(c.files)) {
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), text);
      }
      const m = await measureInChild('full', dir, Math.min(o.timeoutSec, 120));
      const r: HostileResult = { name: c.name, ms: m.ms, peakMiB: m.maxRssKiB / 1024, errors: m.errors, findings: m.findings };
      if (m.findings < 1) r.failure = 'the sibling finding is lost';
      else if (r.peakMiB! >= TARGETS.peakMiB) r.failure = `peak ${r.peakMiB!.toFixed(0)} MiB`;
      out.push(r);
      log(`hostile: ${c.name}: ${m.ms.toFixed(0)} ms, ${(m.maxRssKiB / 1024).toFixed(0)} MiB`);
    } catch (e) {
      out.push({ name: c.name, failure: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
    } finally {
      if (!o.keep) await rm(dir, { recursive: true, force: true });
    }
  }
  return out;
}

function formatHostile(rows: HostileResult[]): string {
  const head = '| hostile input | wall ms | peak MiB | errors | findings | |\n|---|---:|---:|---:|---:|---|';
  const body = rows.map((r) => `| ${r.name} | ${r.ms?.toFixed(0) ?? '—'} | ${r.peakMiB?.toFixed(0) ?? '—'} | ${r.errors ?? '—'} | ${r.findings ?? '—'} | ${r.failure ? `FAIL: ${r.failure}` : 'ok'} |`);
  return [head, ...body].join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  log(`iac-check benchmark: scale ${o.scale} and ${o.scale * 2}, median of ${o.runs} run(s), node ${process.version}`);
  const load = (): string => `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs`;
  const loadBefore = load();
  const sections: string[] = [];
  const raw: unknown[] = [];
  if (!o.realOnly) {
    const results = await runBench(o);
    sections.push(results.map(formatTable).join('\n\n'));
    raw.push(results);
    if (o.only !== 'hostile') sections.push(await benchRulesCorpus(o, measureInChild, TARGETS.fullOverParse, log));
  }
  const startup = await benchStartup(Math.max(5, o.runs));
  sections.push(formatStartup(startup, Math.max(5, o.runs)));
  raw.push(startup);
  const hostile = o.only && o.only !== 'hostile' ? [] : await runHostile(o);
  if (hostile.length) {
    sections.push(formatHostile(hostile));
    raw.push(hostile);
  }
  if (o.memory) {
    const rows = await memoryRows(o.memory, o.seed, o.keep, log);
    sections.push(formatMemory(rows));
    raw.push(rows);
  }
  const corpus = corpusFrom(o.corpus);
  if (corpus) {
    const { found, missing } = o.peers ? findPeers() : { found: [], missing: [] };
    log(`real-world corpus ${corpus}; peers found: ${found.map((p) => p.name).join(', ') || 'none'}`);
    const groups: GroupResult[] = [];
    for (const spec of groupsOf(corpus).filter((g) => !o.groups || o.groups.includes(g.group))) groups.push(await benchGroup(spec, found, o.runs, o.timeoutSec, log));
    sections.push(formatGroups(groups, found, missing, o.peers));
    raw.push(groups);
  } else {
    sections.push('Real-world corpus: none given (--corpus DIR or IAC_CHECK_CORPUS; node dist/bench/fetch-corpus.js DIR builds one), so no peer comparison.');
  }
  process.stdout.write(`\n${sections.join('\n\n')}\n\nmachine: ${loadBefore} at start, ${load()} at end (wall times are noisy on a busy machine; compare the CPU figures)\n`);
  if (o.json) process.stdout.write(`\n${JSON.stringify(raw, null, 2)}\n`);
}

if (/[\\/]run\.js$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
