/**
 * The rules corpus of the benchmark (issue 11 item 5): inputs that trip (nearly) every rule, in
 * both formats, so that "full scan vs parse-only" measures the rules' own cost and not only the
 * graph's. The synthetic corpora of bench/corpus.ts are a well-configured retail stack that most
 * rules pass quickly; the failing samples (samples/<kind>/failing) are written to trip every rule
 * at least once (samples/README.md). This corpus is `round(40 × scale)` copies of them, each in a
 * folder of its own (`copy-0001/…`: a CloudFormation folder of templates, or a Terraform root with
 * its local module), with a header comment naming the copy and the seed so that no two files are
 * byte-identical. The same (scale, seed) gives the same bytes; a larger corpus only adds copies.
 *
 * `node dist/bench/run.js` prints one row per kind after the synthetic tables:
 * full scan vs parse-only on this corpus (wall and CPU, medians of --runs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus, CorpusKind } from './corpus.js';

export const RULES_COPIES_AT_SCALE_1 = 40;

/** samples/ of the repository (this file runs from dist/bench/ or, under vitest, from bench/). */
function samplesDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const up = /[\\/]dist[\\/]bench[\\/]?$/.test(here) ? ['..', '..'] : ['..'];
  return join(here, ...up, 'samples');
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Resources a sample file declares (CloudFormation: entries with a `Type: AWS::…`; Terraform: `resource` blocks before expansion). */
function resourcesIn(kind: CorpusKind, text: string): number {
  return kind === 'cloudformation' ? (text.match(/^\s+Type:\s+['"]?(AWS|Custom)::/gm) ?? []).length : (text.match(/^resource\s+"/gm) ?? []).length;
}

export function rulesCorpus(kind: CorpusKind, options: { scale?: number; seed?: number } = {}): Corpus {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const copies = Math.max(1, Math.round(RULES_COPIES_AT_SCALE_1 * scale));
  const root = join(samplesDir(), kind, 'failing');
  const sources = filesUnder(root).map((abs) => ({ path: relative(root, abs).split(/[\\/]/).join('/'), content: readFileSync(abs, 'utf8') }));
  const perCopy = sources.reduce((n, f) => n + resourcesIn(kind, f.content), 0);
  const files: Corpus['files'] = [];
  let bytes = 0;
  for (let i = 1; i <= copies; i++) {
    const folder = `copy-${String(i).padStart(4, '0')}`;
    for (const f of sources) {
      const content = `# iac-check rules corpus: copy ${i} of samples/${kind}/failing (seed ${seed})\n${f.content}`;
      files.push({ path: `${folder}/${f.path}`, content });
      bytes += Buffer.byteLength(content);
    }
  }
  return { kind, files, resources: perCopy * copies, dataSources: 0, bytes };
}

export interface RulesRow {
  kind: CorpusKind;
  copies: number;
  files: number;
  resources?: number;
  findings?: number;
  rulesFired?: number;
  errors?: number;
  parseMs?: number;
  fullMs?: number;
  parseCpuMs?: number;
  fullCpuMs?: number;
  failure?: string;
}

/** One line per kind: `rules corpus (CloudFormation, 40 copies …): full scan vs parse-only 1.31× (CPU 1.28×)`. */
export function formatRulesRows(rows: RulesRow[], target: number): string {
  const f = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(2));
  const out = ['Rules corpus (the failing samples, which trip every rule, copied): full scan vs parse-only'];
  for (const r of rows) {
    const name = r.kind === 'cloudformation' ? 'CloudFormation' : 'Terraform';
    if (r.failure) { out.push(`  ${name}: FAILED: ${r.failure}`); continue; }
    const wall = r.parseMs && r.fullMs !== undefined ? r.fullMs / r.parseMs : undefined;
    const cpu = r.parseCpuMs && r.fullCpuMs !== undefined ? r.fullCpuMs / r.parseCpuMs : undefined;
    const met = cpu === undefined ? 'not measured' : cpu <= target ? 'met' : 'NOT MET';
    out.push(`  ${name}: ${r.copies} copies, ${r.files} files, ${r.resources ?? '—'} resources, ${r.findings ?? '—'} findings from ${r.rulesFired ?? '—'} rules, ${r.errors ?? '—'} errors · ` +
      `parse-only ${f(r.parseMs && r.parseMs / 1000)} s (CPU ${f(r.parseCpuMs && r.parseCpuMs / 1000)}), full ${f(r.fullMs && r.fullMs / 1000)} s (CPU ${f(r.fullCpuMs && r.fullCpuMs / 1000)}) · ` +
      `full/parse ${f(wall)} wall, ${f(cpu)} CPU — target ≤ ${target}× (CPU): ${met}`);
  }
  return out.join('\n');
}

type Measure = (mode: 'parse' | 'full', dir: string, timeoutSec: number) => Promise<{ ms: number; cpuMs: number; resources: number; findings: number; errors: number }>;

/** Writes the rules corpus of each kind to a temp folder, measures parse-only and full scans `runs` times (child processes), and formats the rows. */
export async function benchRulesCorpus(o: { runs: number; scale: number; seed: number; timeoutSec: number; keep: boolean; only?: string }, measure: Measure, target: number, log: (m: string) => void): Promise<string> {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { writeCorpus } = await import('./corpus.js');
  const { scan } = await import('../src/scan.js');
  const median = (xs: number[]): number | undefined => {
    if (!xs.length) return undefined;
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
  };
  const kinds: CorpusKind[] = o.only === 'cloudformation' || o.only === 'terraform' ? [o.only] : ['cloudformation', 'terraform'];
  const rows: RulesRow[] = [];
  for (const kind of kinds) {
    const corpus = rulesCorpus(kind, { scale: o.scale, seed: o.seed });
    const copies = Math.max(1, Math.round(RULES_COPIES_AT_SCALE_1 * o.scale));
    const dir = await mkdtemp(join(tmpdir(), `iac-check-bench-rules-${kind}-`));
    const row: RulesRow = { kind, copies, files: corpus.files.length };
    try {
      await writeCorpus(corpus, dir);
      // Which rules the corpus trips: one copy scanned in this process (cheap; the timed scans run in children).
      const one = rulesCorpus(kind, { scale: 1 / RULES_COPIES_AT_SCALE_1, seed: o.seed });
      const oneDir = await mkdtemp(join(tmpdir(), `iac-check-bench-rules-one-${kind}-`));
      try {
        await writeCorpus(one, oneDir);
        row.rulesFired = new Set((await scan([oneDir], { root: oneDir })).result.findings.map((f) => f.ruleId)).size;
      } finally {
        await rm(oneDir, { recursive: true, force: true });
      }
      const parse: number[][] = [];
      const full: number[][] = [];
      for (let run = 1; run <= o.runs; run++) {
        for (const mode of ['parse', 'full'] as const) {
          const m = await measure(mode, dir, o.timeoutSec);
          (mode === 'parse' ? parse : full).push([m.ms, m.cpuMs]);
          if (mode === 'full') { row.resources = m.resources; row.findings = m.findings; }
          row.errors = Math.max(row.errors ?? 0, m.errors);
          log(`  rules corpus ${kind} run ${run} ${mode.padEnd(5)} ${(m.ms / 1000).toFixed(2)} s (cpu ${(m.cpuMs / 1000).toFixed(2)} s), ${m.findings} findings, ${m.errors} errors`);
        }
      }
      row.parseMs = median(parse.map((x) => x[0] as number));
      row.parseCpuMs = median(parse.map((x) => x[1] as number));
      row.fullMs = median(full.map((x) => x[0] as number));
      row.fullCpuMs = median(full.map((x) => x[1] as number));
    } catch (e) {
      row.failure = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    } finally {
      if (o.keep) log(`kept: ${dir}`);
      else await rm(dir, { recursive: true, force: true });
    }
    rows.push(row);
  }
  return formatRulesRows(rows, target);
}
