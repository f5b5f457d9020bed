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
    await exec(process.execPath, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer });
  });
});
