/**
 * Memory growth (issue 14 item 5): peak RSS of a whole CLI scan (`-f json -o <null>`, as a CI job
 * runs it) of generated Terraform corpora of growing size, one child process each, and MiB per
 * 1,000 resources. The target: under 1 GiB at 200,000 resources, and linear growth.
 *
 *   node dist/bench/memory.js [--resources 50000,100000,200000] [--seed 1] [--keep]
 *
 * Not part of `npm test`; takes minutes at 200,000 resources.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tuneTieringForCli } from '../src/cli/tiering.js';
import { generateCorpus, writeCorpus } from './corpus.js';

/** Resources of the Terraform corpus at scale 1 (bench/corpus.ts adds projects until it reaches 20,000 × scale). */
const RESOURCES_AT_SCALE_1 = 20_000;

export interface MemoryRow {
  resources: number;
  files: number;
  peakMiB?: number;
  cpuS?: number;
  findings?: number;
  errors?: number;
  failure?: string;
}

const SELF = fileURLToPath(import.meta.url);

/** In the child: one CLI scan, then its peak RSS and CPU time on stdout. */
async function child(dir: string): Promise<void> {
  tuneTieringForCli(); // as bin/iac-check.js does before loading the CLI
  const { main } = await import('../src/cli/main.js');
  let out = '';
  const code = await main([dir, '--root', dir, '-f', 'json', '-q', '--fail-on', 'never', '-o', devNull], { out: (t) => { out += t; }, err: () => {}, isTTY: false });
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000, out: out.length })}\n`);
}

export async function memoryRows(sizes: number[], seed: number, keep: boolean, log: (s: string) => void): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  for (const n of sizes) {
    const corpus = generateCorpus('terraform', { scale: n / RESOURCES_AT_SCALE_1, seed });
    const dir = await mkdtemp(join(tmpdir(), `iac-check-bench-memory-${n}-`));
    try {
      await writeCorpus(corpus, dir);
      const resources = corpus.resources + corpus.dataSources;
      log(`memory: ${resources} resources in ${corpus.files.length} files (${dir})`);
      const r = spawnSync(process.execPath, [SELF, 'child', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !line.startsWith('{')) {
        rows.push({ resources, files: corpus.files.length, failure: `exit ${r.status ?? r.signal}: ${(r.stderr ?? '').split('\n')[0]}` });
        continue;
      }
      const m = JSON.parse(line) as { code: number; maxRssKiB: number; cpuMs: number };
      rows.push({ resources, files: corpus.files.length, peakMiB: m.maxRssKiB / 1024, cpuS: m.cpuMs / 1000, ...(m.code === 2 ? { failure: 'input errors (exit 2)' } : {}) });
    } finally {
      if (!keep) await rm(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export function formatMemory(rows: MemoryRow[]): string {
  const out = ['| Terraform resources | files | peak MiB | MiB per 1,000 | CPU s | |', '|---:|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    const per = r.peakMiB !== undefined ? (r.peakMiB / (r.resources / 1000)).toFixed(2) : '—';
    const verdict = r.failure ? `FAIL: ${r.failure}` : r.peakMiB! < 1024 ? 'under 1 GiB' : 'OVER 1 GiB';
    out.push(`| ${r.resources.toLocaleString('en-US')} | ${r.files.toLocaleString('en-US')} | ${r.peakMiB?.toFixed(0) ?? '—'} | ${per} | ${r.cpuS?.toFixed(1) ?? '—'} | ${verdict} |`);
  }
  const ok = rows.filter((r) => r.peakMiB !== undefined);
  if (ok.length >= 2) {
    const [a, b] = [ok[0]!, ok[ok.length - 1]!];
    const slope = ((b.peakMiB! - a.peakMiB!) / ((b.resources - a.resources) / 1000)).toFixed(2);
    out.push(`growth between ${a.resources.toLocaleString('en-US')} and ${b.resources.toLocaleString('en-US')} resources: ${slope} MiB per 1,000 resources (peak ${(b.peakMiB! / a.peakMiB!).toFixed(2)}× for ${(b.resources / a.resources).toFixed(2)}× the resources)`);
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'child') return child(argv[1]!);
  let sizes = [50_000, 100_000, 200_000];
  let seed = 1;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--resources') sizes = argv[++i]!.split(',').map(Number);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--keep') keep = true;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  const rows = await memoryRows(sizes, seed, keep, (s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${formatMemory(rows)}\n`);
}

if (/[\\/]memory\.js$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
