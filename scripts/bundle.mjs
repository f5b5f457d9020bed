#!/usr/bin/env node
/*
 * Bundles the compiled CLI (dist/src/cli/main.js, after `tsc`) into dist/cli/: one module for what
 * every run loads (commander, the CLI, the scanner, the rules, the reporters) and lazily loaded
 * chunks for the rest (each input format, the adapters of each input kind, drawing, diff), so a
 * run resolves, reads and compiles a few files instead of ~120 (issue 14 item 3: start-up).
 * Dependencies stay outside the bundle (node_modules, resolved by Node as before). The library
 * entry (dist/src/index.js) is not bundled.
 *
 * Rules and adapters are found by folder at run time (rules/files.ts, src/model/adapter-modules.ts);
 * a bundle has no folder to read, so this replaces those two modules with the same lists, found
 * here when the bundle is built. The check that a rule file exports its rule stays in
 * rules/index.ts and applies to both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// esbuild is a devDependency since issue 14: a node_modules installed before it has none.
const { build } = await import('esbuild').catch((e) => {
  process.stderr.write(`scripts/bundle.mjs: cannot load esbuild (${e.code ?? e.message}): run \`npm ci\` (package.json lists it)\n`);
  process.exit(2);
});

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const RULES = join(DIST, 'rules');
const MODEL = join(DIST, 'src', 'model');
const KINDS = ['cloudformation', 'terraform'];

const dirs = (dir) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const q = JSON.stringify;

/** rules/files.js as a static list: every `<concern>/<rule-id>.js` of dist/rules. */
function ruleFiles() {
  const lines = [];
  const list = [];
  for (const concern of dirs(RULES)) {
    for (const f of readdirSync(join(RULES, concern)).sort()) {
      if (!f.endsWith('.js')) continue;
      const id = `m${list.length}`;
      lines.push(`import * as ${id} from ${q(join(RULES, concern, f))};`);
      list.push(`{ rel: ${q(`${concern}/${f}`)}, file: ${q(f.slice(0, -3))}, mod: ${id} }`);
    }
  }
  if (!list.length) throw new Error(`no rule files under ${RULES}: run tsc first`);
  return `${lines.join('\n')}\nexport async function ruleFileModules() { return [\n  ${list.join(',\n  ')},\n]; }\n`;
}

/** src/model/adapter-modules.js as one lazily imported module per input kind. */
function adapterModules() {
  const cases = KINDS.map((k) => `  if (kind === ${q(k)}) return (await import(${q(`iac-check:adapters/${k}`)})).modules;`);
  return `export async function adapterModules(kind) {\n${cases.join('\n')}\n  return [];\n}\n`;
}

function adaptersOf(kind) {
  const lines = [];
  const list = [];
  for (const service of dirs(MODEL)) {
    const file = join(MODEL, service, `${kind}.js`);
    if (!existsSync(file)) continue;
    const id = `m${list.length}`;
    lines.push(`import * as ${id} from ${q(file)};`);
    list.push(`{ folder: ${q(service)}, mod: ${id} }`);
  }
  return `${lines.join('\n')}\nexport const modules = [\n  ${list.join(',\n  ')},\n];\n`;
}

const foundAtBuild = {
  name: 'found-at-build',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]rules[\\/]files\.js$/ }, () => ({ contents: ruleFiles(), resolveDir: RULES, loader: 'js' }));
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/]model[\\/]adapter-modules\.js$/ }, () => ({ contents: adapterModules(), resolveDir: MODEL, loader: 'js' }));
    b.onResolve({ filter: /^iac-check:adapters\// }, (args) => ({ path: args.path.slice('iac-check:adapters/'.length), namespace: 'iac-check-adapters' }));
    b.onLoad({ filter: /.*/, namespace: 'iac-check-adapters' }, (args) => ({ contents: adaptersOf(args.path), resolveDir: MODEL, loader: 'js' }));
  },
};

const BUNDLED = new Set(['commander', 'picomatch']);
const EXTERNAL = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);

await build({
  entryPoints: { main: join(DIST, 'src', 'cli', 'main.js') },
  outdir: join(DIST, 'cli'),
  // Flat: src/version.ts finds package.json two folders up from whichever chunk it lands in.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules, except the two every run loads (the argument parser and the
  // glob matcher): bundled, they are not resolved, read and scanned as CommonJS at each start.
  external: EXTERNAL,
  banner: { js: "import { createRequire as __iacCheckRequire } from 'node:module'; const require = __iacCheckRequire(import.meta.url);" },
  plugins: [foundAtBuild],
  logLevel: 'warning',
});
