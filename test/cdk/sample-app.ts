/**
 * Synthesizes the sample CDK app (`samples/cdk`) in-process, the way `cdk synth` would,
 * and normalises what differs between machines: the absolute paths in creation stacks become
 * those of a fixed "synthesizing machine" (`/home/dev/retail-shop/…`), and the frames below
 * the app's own code (this test runner) are dropped.
 */
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { defineRetailApp } from '../../samples/cdk/lib/retail-app.js';

export const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples/cdk');
const REPO_DIR = path.resolve(SAMPLE_DIR, '../..').split(path.sep).join('/');
export const SAMPLE_ASSEMBLY = path.join(SAMPLE_DIR, 'cdk.out');
/** Where the libraries really are: `node_modules` may be a link to another checkout's. */
const NODE_MODULES_DIR = realpathSync(path.join(REPO_DIR, 'node_modules')).split(path.sep).join('/');
/** The app folder as the committed assembly records it. */
export const FAKE_APP_DIR = '/home/dev/retail-shop';

/** Files of an assembly that are not committed: reports that name this machine. */
const VOLATILE_FILES = new Set(['validation-report.json']);

export async function synthSample(outdir: string): Promise<void> {
  const cdkJson = JSON.parse(await fs.readFile(path.join(SAMPLE_DIR, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  // As the CDK CLI does without --debug: no stack traces on metadata entries (creation stacks stay).
  const app = new App({ outdir, analyticsReporting: false, context: { ...cdkJson.context, 'aws:cdk:disable-stack-trace': true } });
  defineRetailApp(app);
  app.synth();
  await normalise(outdir);
}

/** Every file of an assembly folder, relative, sorted. */
export async function assemblyFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await assemblyFiles(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

async function normalise(dir: string): Promise<void> {
  for (const rel of await assemblyFiles(dir)) {
    const abs = path.join(dir, rel);
    if (VOLATILE_FILES.has(path.basename(rel))) {
      await fs.rm(abs);
      continue;
    }
    if (!rel.endsWith('.json')) continue;
    const text = await fs.readFile(abs, 'utf8');
    const rewritten = text.includes('aws:cdk:creationStack') || text.includes('"trace"') ? JSON.stringify(rewriteTraces(JSON.parse(text)), null, 2) + '\n' : text;
    // Any other path of this machine (library frames) becomes one of the fixed machine.
    const out = rewritten.split(`${NODE_MODULES_DIR}/`).join('/home/dev/node_modules/').split(`${REPO_DIR}/`).join('/home/dev/');
    if (out !== text) await fs.writeFile(abs, out);
  }
}

function rewriteTraces(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(rewriteTraces);
  if (!data || typeof data !== 'object') return data;
  const o = data as Record<string, unknown>;
  if (o.type === 'aws:cdk:creationStack' && Array.isArray(o.data)) return { ...o, data: rewriteFrames(o.data as string[]) };
  // Stack traces of warnings: cut below the app's own frames too (the test runner's lines move).
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'trace' && Array.isArray(v) ? rewriteFrames(v as string[]) : rewriteTraces(v)]));
}

function rewriteFrames(frames: string[]): string[] {
  const mine = SAMPLE_DIR.split(path.sep).join('/') + '/';
  const last = frames.reduce((acc, f, i) => (f.includes(mine) ? i : acc), -1);
  const kept = last >= 0 ? frames.slice(0, last + 1) : frames.filter((f) => !f.includes('vitest') && !f.includes('/test/'));
  return kept.map((f) => f.split(mine).join(`${FAKE_APP_DIR}/`));
}
