/**
 * Whole-sample snapshot tests of the CLI (CONVENTIONS.md item 14): every sample folder is scanned
 * in-process with `main(argv, io)` from the project root (so reported paths are `samples/...`), in
 * every output format, and the output is compared with the files in `__snapshots__/`.
 *
 * Refresh the snapshots with `npm run test:update` after a deliberate change to a rule, a reporter
 * or a sample, and review the diff like code.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/main.js';
import { FORMATS as ALL_FORMATS } from '../../src/cli/options.js';
import type { Format as AnyFormat } from '../../src/cli/options.js';

// The HTML page is checked in a real browser (test/html), not snapshotted here.
type Format = Exclude<AnyFormat, 'html'>;
const FORMATS = ALL_FORMATS.filter((f): f is Format => f !== 'html');
import { loadRules } from '../../rules/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');

/** The sample folders, what the CLI must exit with on each, and what the test asserts about them. */
const SAMPLES: { folder: string; kind: 'failing' | 'passing' | 'other'; exitCode: number }[] = [
  { folder: 'samples/cloudformation/failing', kind: 'failing', exitCode: 1 },
  { folder: 'samples/cloudformation/passing', kind: 'passing', exitCode: 0 },
  { folder: 'samples/terraform/failing', kind: 'failing', exitCode: 1 },
  { folder: 'samples/terraform/passing', kind: 'passing', exitCode: 0 },
  // Another developer's sample (with deliberate problems): only snapshotted here.
  { folder: 'samples/cdk', kind: 'other', exitCode: 1 },
];

/** File extension of each format's snapshot, so that the snapshots read well in a diff viewer. */
const EXTENSION: Record<Format, string> = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif.json',
  markdown: 'md',
  checklist: 'checklist.md',
};

interface Run { code: number; out: string; err: string }

/** Runs the CLI in-process from the project root, capturing its output (never a TTY: no colours). */
async function run(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false };
  const before = process.cwd();
  process.chdir(projectRoot);
  try {
    const code = await main(args, io);
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

const ROOT_URI = pathToFileURL(projectRoot).href.replace(/\/?$/, '/');

/** Replaces what changes from one machine or run to the next: the root folder, durations, the tool's version. */
function normalise(format: Format, text: string): string {
  let out = text;
  if (format === 'json') {
    const doc = JSON.parse(out) as { root: string; tool: { version: string }; stats: { durationMs: number } };
    doc.root = '<root>';
    doc.tool.version = '<version>';
    doc.stats.durationMs = 0;
    out = JSON.stringify(doc, null, 2) + '\n';
  } else if (format === 'sarif') {
    const log = JSON.parse(out) as Sarif.Log;
    for (const r of log.runs) {
      r.tool.driver.version = '<version>';
      r.tool.driver.semanticVersion = '<version>';
    }
    out = JSON.stringify(log, null, 2) + '\n';
  }
  return out.split(ROOT_URI).join('file:///<root>/').split(projectRoot).join('<root>');
}

interface JsonFinding { ruleId: string; suppression: { reason: string } | null; location: { file: string } }
interface JsonReport { findings: JsonFinding[]; errors: unknown[] }

const outputs = new Map<string, Map<Format, Run>>();
let rules: Awaited<ReturnType<typeof loadRules>> = [];

beforeAll(async () => {
  rules = await loadRules();
  for (const s of SAMPLES) {
    const byFormat = new Map<Format, Run>();
    for (const format of FORMATS) byFormat.set(format, await run([s.folder, '--format', format]));
    outputs.set(s.folder, byFormat);
  }
});

function output(folder: string, format: Format): Run {
  return outputs.get(folder)!.get(format)!;
}

function report(folder: string): JsonReport {
  return JSON.parse(output(folder, 'json').out) as JsonReport;
}

describe.each(SAMPLES)('$folder', ({ folder, kind, exitCode }) => {
  const name = folder.replace(/^samples\//, '').replace(/\//g, '-');

  it.each(FORMATS)(`%s output matches its snapshot (__snapshots__/${name}.*)`, async (format) => {
    const r = output(folder, format);
    expect(r.err).toBe('');
    await expect(normalise(format, r.out)).toMatchFileSnapshot(join(here, '__snapshots__', `${name}.${EXTENSION[format]}`));
  });

  it(`exits ${exitCode} in every format, with no input error`, () => {
    for (const format of FORMATS) expect(output(folder, format).code, format).toBe(exitCode);
    expect(report(folder).errors).toEqual([]);
  });

  it('reports paths relative to the project root', () => {
    const files = report(folder).findings.map((f) => f.location.file);
    for (const f of files) expect(f.startsWith(`${folder}/`), f).toBe(true);
  });

  if (kind === 'failing') {
    it('trips every rule at least once (unsuppressed)', () => {
      const tripped = new Set(report(folder).findings.filter((f) => !f.suppression).map((f) => f.ruleId));
      // A rule whose check the input kind cannot express (`meta.notApplicable`) has nothing to trip there.
      const input = folder.includes('cloudformation') ? 'cloudformation' : 'terraform';
      const missing = rules.filter((r) => !r.meta.notApplicable?.[input]).map((r) => r.meta.id).filter((id) => !tripped.has(id));
      expect(missing).toEqual([]);
      expect(rules.length).toBeGreaterThan(0);
    });

    it('shows suppressed findings with their reasons', () => {
      const suppressed = report(folder).findings.filter((f) => f.suppression);
      expect(suppressed.length).toBeGreaterThan(0);
      for (const f of suppressed) expect(f.suppression!.reason).not.toBe('');
      const sarif = JSON.parse(output(folder, 'sarif').out) as Sarif.Log;
      const inSarif = sarif.runs[0]!.results!.filter((r) => (r.suppressions ?? []).length > 0);
      expect(inSarif).toHaveLength(suppressed.length);
    });
  }

  if (kind === 'passing') {
    it('has no unsuppressed finding from any rule', () => {
      const open = report(folder).findings.filter((f) => !f.suppression).map((f) => `${f.ruleId} ${f.location.file}`);
      expect(open).toEqual([]);
    });
  }
});

describe('SARIF of the failing samples passes the SARIF multitool validator (rule kinds Gh;Sarif)', () => {
  const multitool = join(projectRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  const unavailable = multitoolUnavailable(multitool);
  const failing = SAMPLES.filter((s) => s.kind === 'failing').map((s) => s.folder);
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'iac-check-samples-sarif-'));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it.skipIf(unavailable !== undefined).each(failing)('%s: no errors', (folder) => {
    const base = folder.replace(/\//g, '-');
    const input = join(tmp, `${base}.sarif`);
    const result = join(tmp, `${base}.validation.sarif`);
    writeFileSync(input, output(folder, 'sarif').out);
    const v = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite', '-o', result, input], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const validation = JSON.parse(readFileSync(result, 'utf8')) as Sarif.Log;
    const results = validation.runs.flatMap((r) => r.results ?? []);
    const describeResult = (r: Sarif.Result) => `${r.ruleId ?? '?'} ${r.message.id ?? ''}: ${(r.message.arguments ?? []).join(' | ')}`;
    // A validator result without `level` is a warning (the SARIF default).
    expect(results.filter((r) => (r.level ?? 'warning') === 'error').map(describeResult), `multitool stdout:\n${v.stdout}`).toEqual([]);
    const execution = validation.runs.flatMap((r) => r.invocations ?? []).flatMap((i) => i.toolExecutionNotifications ?? []);
    expect(execution.filter((n) => n.level === 'error').map((n) => n.message.text)).toEqual([]);
  });

  if (unavailable !== undefined) {
    it.skip(`SARIF multitool validator: skipped — ${unavailable}`, () => {});
  }
});

/** Why the multitool cannot run here, or undefined when it can. Fixes a missing exec bit (fresh `npm ci`). */
function multitoolUnavailable(path: string): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `the packaged binary is linux-x64, this is ${process.platform}-${process.arch}`;
  try {
    statSync(path);
  } catch {
    return `${path} is not installed`;
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      chmodSync(path, 0o755);
    } catch (e) {
      return `cannot make ${path} executable: ${(e as Error).message}`;
    }
  }
  const probe = spawnSync(path, ['--version'], { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) return `the binary does not run here: ${probe.error?.message ?? probe.stderr.trim()}`;
  return undefined;
}
