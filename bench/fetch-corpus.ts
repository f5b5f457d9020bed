/**
 * Builds the real-world benchmark corpus outside git:
 *
 *   node dist/bench/fetch-corpus.js <dir>
 *
 * Clones each public repository below at its pinned commit into `<dir>/<owner>+<repo>` and
 * synthesizes a few aws-cdk-examples apps into `<dir>/cdk-synth/<app>/cdk.out` with the
 * aws-cdk-lib of this project's devDependencies (the apps' TypeScript is transpiled with this
 * project's `typescript` and run with CDK_OUTDIR set). This runs the sample apps' code: it is a
 * benchmark fixture built on request, never something the scanner does. Needs git and network;
 * an existing `<dir>/<name>` is kept, so the script can be re-run to complete a corpus.
 *
 * `npm run bench -- --corpus <dir>` then measures iac-check and the peers on it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** owner/repo and the commit the figures in the README were taken on. */
export const SOURCES: ReadonlyArray<{ repo: string; commit: string }> = [
  { repo: 'awslabs/aws-cloudformation-templates', commit: '3ac5e031cc2340dee710f769bacdd78c1f39f187' },
  { repo: 'aws-samples/ecs-refarch-cloudformation', commit: 'a257e226b33bd9d2a721e5afd9d7e8b66dbacfdc' },
  { repo: 'aws-quickstart/quickstart-aws-vpc', commit: 'e7ab8614e05bcaf0b87aadbafa8c1916274a07c7' },
  { repo: 'aws-ia/cfn-ps-linux-bastion', commit: '213dd9a946f37c2da46f9dd541e292e08e003abd' },
  { repo: 'terraform-aws-modules/terraform-aws-vpc', commit: '82d1929e669efef4e2ad00611b8a68e7a56e049c' },
  { repo: 'terraform-aws-modules/terraform-aws-rds', commit: 'fa183b6b36204913fac1219d09b4979c1e60443a' },
  { repo: 'terraform-aws-modules/terraform-aws-s3-bucket', commit: 'dd0c434de5e74d8864e249ee020d917b076b6e32' },
  { repo: 'terraform-aws-modules/terraform-aws-eks', commit: 'bef29c4d9523523e57fe898643fde2895106b339' },
];

export const CDK_EXAMPLES = { repo: 'aws-samples/aws-cdk-examples', commit: 'bccff1d2775e4b0bf777721c6b41c0107e122f73' };
/** App name in the corpus → its folder in aws-cdk-examples. */
export const CDK_APPS: ReadonlyArray<[string, string]> = [
  ['application-load-balancer', 'typescript/application-load-balancer'],
  ['classic-load-balancer', 'typescript/classic-load-balancer'],
  ['ecs-cluster', 'typescript/ecs/cluster'],
  ['ecs-fargate-application-load-balanced-service', 'typescript/ecs/fargate-application-load-balanced-service'],
  ['ecs-ecs-service-with-logging', 'typescript/ecs/ecs-service-with-logging'],
  ['rds-mysql', 'typescript/rds/mysql'],
  ['rds-aurora', 'typescript/rds/aurora'],
  ['waf', 'typescript/waf'],
  ['lambda-cron', 'typescript/lambda-cron'],
  ['backup-s3', 'typescript/backup-s3'],
  ['custom-logical-names', 'typescript/custom-logical-names'],
  ['ddb-global-table-with-cmk', 'typescript/ddb/global-table-with-cmk'],
  ['aspects', 'typescript/aspects'],
];

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status ?? r.signal})`);
}

/** A shallow clone of one commit, without its .git folder. */
function fetchAt(repo: string, commit: string, into: string): void {
  mkdirSync(into, { recursive: true });
  run('git', ['init', '-q'], into);
  run('git', ['fetch', '-q', '--depth', '1', `https://github.com/${repo}.git`, commit], into);
  run('git', ['checkout', '-q', 'FETCH_HEAD'], into);
  rmSync(join(into, '.git'), { recursive: true, force: true });
}

/** The TypeScript entry of a CDK app, from the `app` command of its cdk.json. */
function appEntry(appDir: string): string | undefined {
  const cdkJson = join(appDir, 'cdk.json');
  if (!existsSync(cdkJson)) return undefined;
  const app = (JSON.parse(readFileSync(cdkJson, 'utf8')) as { app?: string }).app ?? '';
  return /(\S+\.ts)\b/.exec(app)?.[1];
}

/** Transpiles the app's .ts files next to themselves and runs its entry with CDK_OUTDIR. */
async function synth(appDir: string): Promise<void> {
  const entry = appEntry(appDir);
  if (!entry) throw new Error(`${appDir}: no TypeScript entry in cdk.json`);
  const ts = (await import('typescript')).default;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.name === 'node_modules' || d.name === 'cdk.out' ? [] : d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : []));
  for (const file of walk(appDir)) {
    const out = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    writeFileSync(file.replace(/\.ts$/, '.js'), out.outputText);
  }
  // The app resolves aws-cdk-lib and constructs from this project.
  const modules = join(appDir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(PROJECT, 'node_modules'), modules, 'dir');
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ ...(JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as object), type: 'commonjs' }, null, 2));
  run(process.execPath, [entry.replace(/\.ts$/, '.js')], appDir, { CDK_OUTDIR: join(appDir, 'cdk.out') });
  rmSync(modules, { force: true });
}

async function main(argv: string[]): Promise<void> {
  const [target] = argv;
  if (!target) {
    process.stderr.write('usage: node dist/bench/fetch-corpus.js <dir>\n');
    process.exit(2);
  }
  const dir = resolve(target);
  if (dir.startsWith(PROJECT + '/') || dir === PROJECT) throw new Error('build the corpus outside the repository');
  mkdirSync(dir, { recursive: true });
  const lines = ['# real-world corpus built by bench/fetch-corpus.ts', '# source\tcommit'];
  for (const { repo, commit } of SOURCES) {
    const into = join(dir, repo.replace('/', '+'));
    if (!existsSync(into)) fetchAt(repo, commit, into);
    lines.push(`${repo}\t${commit}`);
  }
  const examples = join(dir, '.cdk-examples');
  if (!existsSync(examples)) fetchAt(CDK_EXAMPLES.repo, CDK_EXAMPLES.commit, examples);
  for (const [name, path] of CDK_APPS) {
    const appDir = join(dir, 'cdk-synth', name);
    if (existsSync(join(appDir, 'cdk.out', 'manifest.json'))) continue;
    const from = join(examples, path);
    if (!existsSync(from)) {
      process.stderr.write(`cdk app ${name}: ${path} is not in ${CDK_EXAMPLES.repo}@${CDK_EXAMPLES.commit.slice(0, 8)}, skipped\n`);
      continue;
    }
    cpSync(from, appDir, { recursive: true });
    try {
      await synth(appDir);
      lines.push(`${CDK_EXAMPLES.repo}/${path}\t${CDK_EXAMPLES.commit}\tsynthesized`);
    } catch (e) {
      process.stderr.write(`cdk app ${name}: ${(e as Error).message}\n`);
      lines.push(`${CDK_EXAMPLES.repo}/${path}\t${CDK_EXAMPLES.commit}\tfailed`);
    }
  }
  rmSync(examples, { recursive: true, force: true });
  writeFileSync(join(dir, 'SOURCES.txt'), lines.join('\n') + '\n');
  process.stdout.write(`corpus ready in ${relative(process.cwd(), dir) || '.'}\n`);
}

if (/[\\/]fetch-corpus\.js$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
