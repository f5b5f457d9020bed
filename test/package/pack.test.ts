/**
 * The package as people install it: `npm pack`, then the tarball installed into an empty project,
 * where `npx iac-check` and `import { scan } from 'iac-check'` must work.
 *
 * Offline and fast: the consumer's node_modules is seeded with the runtime dependencies from this
 * checkout's node_modules (those the lockfile does not mark `dev`), so npm finds every dependency
 * already satisfied and installs only the tarball, with no registry and no cache.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main.js';

const exec = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackedFile {
  path: string;
}

let consumer: string;
let files: string[];
let tarball: string;

/** npm with a private, empty cache and no registry access: everything it needs is local. */
function npmEnv(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_cache: join(consumer, '.npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

beforeAll(async () => {
  consumer = mkdtempSync(join(tmpdir(), 'iac-check-consumer-'));
  // `npm pack` runs `prepare` (a clean build), so the tarball holds what this checkout compiles to.
  const { stdout } = await exec(npm, ['pack', '--json', '--pack-destination', consumer], { cwd: repo, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: PackedFile[] }[];
  files = report[0]!.files.map((f) => f.path);
  tarball = join(consumer, report[0]!.filename);

  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const seeded: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || !existsSync(join(repo, path))) continue;
    cpSync(join(repo, path), join(consumer, path), { recursive: true });
    seeded.push(path);
  }
  // Their bin links too: npm re-fetches a package whose bins are not linked.
  const bin = join(repo, 'node_modules/.bin');
  mkdirSync(join(consumer, 'node_modules/.bin'), { recursive: true });
  for (const name of existsSync(bin) ? readdirSync(bin) : []) {
    let target: string;
    try {
      target = readlinkSync(join(bin, name));
    } catch {
      continue; // not a symlink (a Windows shim): npm links it again itself
    }
    const owner = posix.join('node_modules/.bin', target.split(sep).join('/'));
    if (seeded.some((p) => owner.startsWith(`${p}/`))) symlinkSync(target, join(consumer, 'node_modules/.bin', name));
  }
  await exec(npm, ['install', '--ignore-scripts', tarball], { cwd: consumer, env: npmEnv() });

  mkdirSync(join(consumer, 'infra'));
  cpSync(join(repo, 'samples/cloudformation/failing/storefront.yaml'), join(consumer, 'infra/storefront.yaml'));
}, 180_000);

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds only what runs: compiled code, bin, rule docs; no tests, samples, sources or bench', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('bin/iac-check.js');
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/rules/security/sg-restricted-ingress.js');
    expect(files).toContain('docs/rules/sg-restricted-ingress.md');
    const stray = files.filter((f) => /^(test|samples|bench|src|rules|parsers|dist\/bench|dist\/test)\//.test(f) || f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    expect(stray).toEqual([]);
  });

  it('runs as `npx iac-check` in a project that installed the tarball', async () => {
    const version = await exec('npx', ['--offline', 'iac-check', '--version'], { cwd: consumer, env: npmEnv() });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
    // Findings exit 1: the promise rejects with the output attached.
    const scan = await exec('npx', ['--offline', 'iac-check', 'infra', '--format', 'json'], { cwd: consumer, env: npmEnv() }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in scan ? scan.code : 0).toBe(1);
    const report = JSON.parse(scan.stdout) as { findings: { ruleId: string; location: { file: string } }[] };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.location.file === 'infra/storefront.yaml')).toBe(true);
  });

  it('gives, through its CLI bundle, the report the sources give, on every kind of sample', async () => {
    // dist/cli is one bundle with rules and adapters listed when it was built (scripts/bundle.mjs): it must find the same.
    const args = ['samples', '--format', 'json', '--fail-on', 'never', '--quiet'];
    const packed = await exec(process.execPath, [join(consumer, 'node_modules/iac-check/bin/iac-check.js'), ...args], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    let out = '';
    const before = process.cwd();
    process.chdir(repo);
    try {
      expect(await main(args, { out: (t) => void (out += t), err: () => undefined, isTTY: false })).toBe(0);
    } finally {
      process.chdir(before);
    }
    const noDuration = (text: string): string => text.replace(/"durationMs": [\d.]+/, '"durationMs": 0');
    expect(JSON.parse(out).findings.length).toBeGreaterThan(100);
    expect(noDuration(packed.stdout)).toBe(noDuration(out));
  });

  it("runs the README's library example as written", async () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const example = /### As a library[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("from 'iac-check'");
    writeFileSync(join(consumer, 'check.mjs'), example!);
    const { stdout } = await exec(process.execPath, ['check.mjs'], { cwd: consumer });
    expect(stdout).toMatch(/^infra\/storefront\.yaml:\d+ (critical|high|medium|low) [a-z0-9-]+ /m);
    expect(stdout).toMatch(/\d+ rules, 0 input errors/);
    const sarif = JSON.parse(readFileSync(join(consumer, 'results.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('is importable by its name, with types', async () => {
    writeFileSync(
      join(consumer, 'use.mjs'),
      [
        "import { scan, loadRules, formatSarif, VERSION } from 'iac-check';",
        "const { result, rules } = await scan(['infra']);",
        'const sarif = JSON.parse(formatSarif(result, rules, { toolVersion: VERSION }));',
        'console.log(JSON.stringify({ findings: result.findings.length, rules: (await loadRules()).length, results: sarif.runs[0].results.length }));',
      ].join('\n'),
    );
    const { stdout } = await exec(process.execPath, ['use.mjs'], { cwd: consumer });
    const out = JSON.parse(stdout) as { findings: number; rules: number; results: number };
    expect(out.findings).toBeGreaterThan(0);
    expect(out.results).toBe(out.findings);
    expect(out.rules).toBeGreaterThan(5);

    // The declarations resolve through `exports` the way a TypeScript consumer compiles against them.
    writeFileSync(
      join(consumer, 'use.ts'),
      [
        "import { scan, type Finding, type Severity } from 'iac-check';",
        "const out = await scan(['infra']);",
        'const worst: Severity[] = out.result.findings.map((f: Finding) => f.severity);',
        'export default worst;',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }),
    );
    // This project's own compiler (a consumer brings its own; iac-check does not install one).
    await exec(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer });
  });
});

// ── The GitHub Action ──────────────────────────────────────────────────────────────────────────
// action.yml runs from the action's own checkout: `npm ci` there (what CI itself runs, which also
// compiles it), then its bash steps. These tests run those steps' scripts as the runner does
// (`bash --noprofile --norc -eo pipefail`), with the expressions the runner would substitute.

interface ActionStep { id?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string }
interface Action { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: ActionStep[] } }

const action = parseYaml(readFileSync(join(repo, 'action.yml'), 'utf8')) as Action;
const step = (id: string): ActionStep => action.runs.steps.find((s) => s.id === id)!;

/** Runs one bash step of the action; returns its exit code and the outputs it wrote. */
async function runStep(s: ActionStep, given: Record<string, string>, workspace: string, earlier: Record<string, string> = {}): Promise<{ code: number; outputs: Record<string, string>; stdout: string }> {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const expand = (text: string): string => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr.startsWith('inputs.')) return inputs[expr.slice(7)] ?? '';
    if (expr === 'github.action_path') return repo;
    if (expr === 'runner.temp') return join(workspace, '.runner-temp');
    const out = /^steps\.scan\.outputs\.([\w-]+)$/.exec(expr);
    if (out) return earlier[out[1]!] ?? '';
    throw new Error(`expression the test does not know: ${expr}`);
  });
  const outputFile = join(workspace, '.github-output');
  writeFileSync(outputFile, '');
  const script = join(workspace, '.step.sh');
  writeFileSync(script, expand(s.run!));
  const env = { ...process.env, ...Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, expand(v)])), GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: join(workspace, '.step-summary.md') };
  const done = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, maxBuffer: 64 * 1024 * 1024 }).then((r) => ({ code: 0, stdout: r.stdout }), (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }));
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { ...done, outputs };
}

describe('the GitHub Action (action.yml)', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-check-action-'));
    mkdirSync(join(workspace, 'infra'));
    cpSync(join(repo, 'samples/cloudformation/failing/storefront.yaml'), join(workspace, 'infra/storefront.yaml'));
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('is a composite action: Node, install from its own checkout, scan, upload, verdict', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'fail-on', 'category', 'baseline', 'args']));
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['findings', 'sarif']));
    const uses = action.runs.steps.map((s) => s.uses ?? s.id);
    expect(uses).toEqual(['actions/setup-node@v4', 'install', 'scan', 'github/codeql-action/upload-sarif@v4', 'verdict']);
    expect(step('install')).toMatchObject({ 'working-directory': '${{ github.action_path }}' });
    expect(step('install').run).toMatch(/^npm ci\b/);
    const upload = action.runs.steps[3]!;
    expect(upload.with).toEqual({ sarif_file: '${{ steps.scan.outputs.sarif }}', category: '${{ inputs.category }}' });
    expect(upload.if).toContain('always()');
    // No input is pasted into a script: they reach it through the environment.
    for (const s of action.runs.steps) expect(s.run ?? '').not.toMatch(/\$\{\{\s*inputs\./);
  });

  it('scans, writes SARIF with the category and a Markdown summary, and fails at fail-on after the upload', async () => {
    const scan = await runStep(step('scan'), { paths: 'infra', category: 'infra/cfn' }, workspace);
    expect(scan.code).toBe(0); // the scan step itself never fails: the verdict step does, after the upload
    expect(scan.outputs['exit-code']).toBe('1');
    expect(Number(scan.outputs['findings'])).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(scan.outputs['sarif']!, 'utf8')) as { runs: { automationDetails: { id: string }; results: unknown[] }[] };
    expect(sarif.runs[0]!.automationDetails.id).toBe('infra/cfn/');
    expect(sarif.runs[0]!.results.length).toBe(Number(scan.outputs['findings']));
    expect(readFileSync(join(workspace, '.step-summary.md'), 'utf8')).toMatch(/^#+ .*iac-check/m);
    expect((await runStep(step('verdict'), {}, workspace, scan.outputs)).code).toBe(1);
  });

  it('passes fail-on and extra arguments through; never fails with fail-on never', async () => {
    const scan = await runStep(step('scan'), { paths: 'infra', 'fail-on': 'never', args: '--rules sg-open-admin-ports' }, workspace);
    expect(scan.outputs['exit-code']).toBe('0');
    expect(scan.outputs['findings']).toBe('1');
    expect((await runStep(step('verdict'), {}, workspace, scan.outputs)).code).toBe(0);
  });

  it('with a baseline, counts and fails only on findings that are not in it', async () => {
    await exec(process.execPath, [join(repo, 'bin/iac-check.js'), 'infra', '--write-baseline', 'baseline.json', '--fail-on', 'never', '-q'], { cwd: workspace });
    const scan = await runStep(step('scan'), { paths: 'infra', baseline: 'baseline.json' }, workspace);
    expect(scan.outputs['findings']).toBe('0');
    expect(scan.outputs['exit-code']).toBe('0');
  });

  it('reports a usage error as exit code 2 without a SARIF file to upload', async () => {
    const scan = await runStep(step('scan'), { paths: 'infra', args: '--rules no-such-rule' }, workspace);
    expect(scan.outputs['exit-code']).toBe('2');
    expect(scan.outputs['written']).toBe('false');
    expect((await runStep(step('verdict'), {}, workspace, scan.outputs)).code).toBe(2);
  });
});
