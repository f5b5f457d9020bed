/**
 * CDK apps run as compiled JavaScript (`tsc` in place, `"app": "node bin/app.js"`): creation
 * stacks name `.js` files. Findings must still land on the TypeScript, through the compiled
 * file's source map, or from the TypeScript statically when there is no map.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import type { InputError } from '../../src/core/source.js';
import { FrameMapper, SourceIndex, SourceMap, indexFile } from '../../src/graph/cdk/source.js';
import { tempTree } from './helpers.js';

const SHOP_TS = [
  "import { Stack } from 'aws-cdk-lib';",
  "import * as s3 from 'aws-cdk-lib/aws-s3';",
  "import { Construct } from 'constructs';",
  '',
  'export function logBucket(scope: Construct, id: string): s3.Bucket {',
  '  return new s3.Bucket(scope, id);',
  '}',
  '',
  'export class ShopStack extends Stack {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  "    const logs = logBucket(this, 'Logs');",
  "    new s3.Bucket(this, 'Store', { serverAccessLogsBucket: logs });",
  '  }',
  '}',
  '',
].join('\n');

const APP_TS = ["import { App } from 'aws-cdk-lib';", "import { ShopStack } from '../lib/shop';", '', 'const app = new App();', "new ShopStack(app, 'Shop');", ''].join('\n');

function compile(text: string, fileName: string, sourceMap: boolean): string {
  return ts.transpileModule(text, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, inlineSourceMap: sourceMap, inlineSources: sourceMap },
  }).outputText;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function pos(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in compiled output`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const bucket = { Type: 'AWS::S3::Bucket', Properties: {} };

/**
 * A compiled app (`lib/shop.js` beside `lib/shop.ts`, or under an output folder: `build/lib/shop.js`)
 * and an assembly whose creation stacks name the `.js` files of a CI machine.
 */
async function compiledApp(sourceMap: boolean, outDir = '', typescript = true) {
  const shopJs = compile(SHOP_TS, 'shop.ts', sourceMap);
  const appJs = compile(APP_TS, 'app.ts', sourceMap);
  const ci = '/home/runner/work/shop/infra';
  const helper = pos(shopJs, 'new s3.Bucket(scope');
  // V8 reports a plain call at its parenthesis.
  const logsCall = pos(shopJs, "(this, 'Logs')");
  const store = pos(shopJs, "new s3.Bucket(this, 'Store'");
  const main = pos(appJs, "new shop_1.ShopStack(app, 'Shop')");
  const frame = (fn: string, file: string, p: { line: number; column: number }) => `${fn} (${ci}/${file}:${p.line}:${p.column})`;
  const stackOf = (...frames: string[]) => ['...new Bucket2 in aws-cdk-lib...', ...frames, frame('Object.<anonymous>', `${outDir}bin/app.js`, main), '...node internals...'];
  return tempTree({
    'infra/cdk.json': { app: `node ${outDir}bin/app.js` },
    ...(typescript ? { 'infra/lib/shop.ts': SHOP_TS, 'infra/bin/app.ts': APP_TS } : {}),
    [`infra/${outDir}lib/shop.js`]: shopJs,
    [`infra/${outDir}bin/app.js`]: appJs,
    'infra/cdk.out/manifest.json': {
      version: '48.0.0',
      artifacts: {
        Shop: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://111111111111/us-east-1',
          properties: { templateFile: 'Shop.template.json' },
          displayName: 'Shop',
          metadata: {
            '/Shop/Logs/Resource': [
              { type: 'aws:cdk:logicalId', data: 'LogsBucket' },
              { type: 'aws:cdk:creationStack', data: stackOf(frame('logBucket', `${outDir}lib/shop.js`, helper), frame('new ShopStack', `${outDir}lib/shop.js`, logsCall)) },
            ],
            '/Shop/Store/Resource': [
              { type: 'aws:cdk:logicalId', data: 'StoreBucket' },
              { type: 'aws:cdk:creationStack', data: stackOf(frame('new ShopStack', `${outDir}lib/shop.js`, store)) },
            ],
          },
        },
      },
    },
    'infra/cdk.out/Shop.template.json': { Resources: { LogsBucket: bucket, StoreBucket: bucket } },
  });
}

async function findingLines(sourceMap: boolean, outDir = ''): Promise<{ lines: Set<string>; errors: InputError[] }> {
  const t = await compiledApp(sourceMap, outDir);
  try {
    const out = await scan([t.dir], { root: t.dir });
    const lines = new Set<string>();
    for (const f of out.result.findings) {
      const s = f.location.span;
      lines.add(`${s.file}:${s.start.line}:${s.start.column}`);
    }
    return { lines, errors: out.result.errors };
  } finally {
    await t.cleanup();
  }
}

describe('CDK app run as compiled JavaScript', () => {
  it('follows the inline source map of the compiled file to the TypeScript line', async () => {
    const { lines, errors } = await findingLines(true);
    expect(errors).toEqual([]);
    expect([...lines].sort()).toEqual(['infra/lib/shop.ts:12:18', 'infra/lib/shop.ts:13:5']);
  });

  it('finds the TypeScript line statically when the compiled file has no source map', async () => {
    const { lines, errors } = await findingLines(false);
    expect(errors).toEqual([]);
    expect([...lines].sort()).toEqual(['infra/lib/shop.ts:12:18', 'infra/lib/shop.ts:13:5']);
  });

  it('finds the TypeScript statically when tsc wrote to an output folder without source maps (build/lib/x.js → lib/x.ts)', async () => {
    const { lines, errors } = await findingLines(false, 'build/');
    expect(errors).toEqual([]);
    expect([...lines].sort()).toEqual(['infra/lib/shop.ts:12:18', 'infra/lib/shop.ts:13:5']);
  });

  it('keeps findings on compiled JavaScript whose TypeScript is not in the scan, and says why with each finding', async () => {
    const t = await compiledApp(false, 'build/', false);
    try {
      const out = await scan([t.dir], { root: t.dir });
      expect(out.result.errors).toEqual([]);
      expect(out.result.findings.length).toBeGreaterThan(0);
      for (const f of out.result.findings) {
        expect(f.location.span.file).toBe('infra/build/lib/shop.js');
        expect(f.related.map((r) => r.message)).toContainEqual(expect.stringContaining('compiled JavaScript with no source map, and no TypeScript was found'));
      }
    } finally {
      await t.cleanup();
    }
  });

  it('names the TypeScript of a compiled file in an output folder, or the --cdk-source folder that holds it', async () => {
    const t = await tempTree({ 'build/lib/shop.js': 'x\n', 'lib/shop.ts': 'x\n', 'elsewhere/src/net.ts': 'x\n', 'build/net.js': 'x\n' });
    try {
      expect(await new FrameMapper(t.dir, t.dir).firstAppFrame(['new ShopStack (/ci/build/lib/shop.js:1:1)'])).toEqual({
        reason: 'the creation stack names compiled JavaScript (build/lib/shop.js) that has TypeScript at lib/shop.ts but no source map leading to it',
      });
      const withSource = new FrameMapper(t.dir, t.dir, path.join(t.dir, 'elsewhere/src'));
      expect(await withSource.typeScriptOf(path.join(t.dir, 'build/net.js'))).toBe(path.join(t.dir, 'elsewhere/src/net.ts'));
      expect(await new FrameMapper(t.dir, t.dir).typeScriptOf(path.join(t.dir, 'build/net.js'))).toBeUndefined();
    } finally {
      await t.cleanup();
    }
  });

  it('keeps a frame in JavaScript that has no TypeScript beside it (an app written in JavaScript)', async () => {
    const t = await tempTree({ 'lib/shop.js': '\n\n\nnew Bucket(this, "Store");\n' });
    try {
      const m = new FrameMapper(t.dir, t.dir);
      expect(await m.firstAppFrame(['new ShopStack (/elsewhere/lib/shop.js:4:1)'])).toEqual({ span: { file: 'lib/shop.js', start: { line: 4, column: 1 }, end: { line: 4, column: 1 } } });
    } finally {
      await t.cleanup();
    }
  });

  it('says why when compiled JavaScript has TypeScript beside it but no map', async () => {
    const t = await tempTree({ 'lib/shop.js': 'x\n', 'lib/shop.ts': 'x\n' });
    try {
      const m = new FrameMapper(t.dir, t.dir);
      expect(await m.firstAppFrame(['new ShopStack (/elsewhere/lib/shop.js:1:1)'])).toEqual({
        reason: 'the creation stack names compiled JavaScript (lib/shop.js) that has TypeScript beside it but no source map leading to it',
      });
    } finally {
      await t.cleanup();
    }
  });

  it('reads a source map file named by sourceMappingURL, with a sourceRoot', async () => {
    const map = SourceMap.parse(JSON.stringify({ version: 3, sourceRoot: '../src', sources: ['a.ts'], mappings: 'AAAA;AACA,IAAI' }), '/x/out');
    expect(map?.lookup(1, 1)).toEqual({ source: path.resolve('/x/src/a.ts'), line: 1, column: 1 });
    expect(map?.lookup(2, 7)).toEqual({ source: path.resolve('/x/src/a.ts'), line: 2, column: 5 });
    expect(map?.lookup(3, 1)).toBeUndefined();
    const t = await tempTree({ 'out/a.js': 'x;\n  y;\n//# sourceMappingURL=a.js.map\n', 'out/a.js.map': { version: 3, sources: ['../src/a.ts'], mappings: 'AAAA;AACA,IAAI' }, 'src/a.ts': 'x\ny\n', 'out/a.ts': '' });
    try {
      const m = new FrameMapper(t.dir, t.dir);
      expect(await m.viaSourceMap(path.join(t.dir, 'out/a.js'), 2, 3)).toEqual({ file: path.join(t.dir, 'src/a.ts'), line: 2, column: 1 });
      await fs.rm(path.join(t.dir, 'out/a.js.map'));
      const fresh = new FrameMapper(t.dir, t.dir);
      expect(await fresh.viaSourceMap(path.join(t.dir, 'out/a.js'), 2, 3)).toBeUndefined();
    } finally {
      await t.cleanup();
    }
  });
});

describe('creation-stack positions inside a call', () => {
  it('widen to the call that spans them on the same line', () => {
    const idx = new SourceIndex();
    const errors: InputError[] = [];
    indexFile(idx, 'lib/shop.ts', SHOP_TS, errors);
    expect(errors).toEqual([]);
    // `(` of `logBucket(this, 'Logs')`, as V8 reports it.
    expect(idx.siteAt('lib/shop.ts', 12, 27)?.span.start).toEqual({ line: 12, column: 18 });
    expect(idx.siteAt('lib/shop.ts', 12, 18)?.id).toBe('Logs');
    expect(idx.siteAt('lib/shop.ts', 12, 5)).toBeUndefined();
  });
});

describe('source maps decoded by @jridgewell/trace-mapping', () => {
  it('reads a sectioned (index) map, and refuses text that is no source map', () => {
    const indexMap = { version: 3, sections: [{ offset: { line: 0, column: 0 }, map: { version: 3, sources: ['a.ts'], mappings: 'AAAA' } }, { offset: { line: 1, column: 0 }, map: { version: 3, sources: ['b.ts'], mappings: 'AACA' } }] };
    const map = SourceMap.parse(JSON.stringify(indexMap), '/x/out');
    expect(map?.lookup(1, 1)).toEqual({ source: path.resolve('/x/out/a.ts'), line: 1, column: 1 });
    expect(map?.lookup(2, 1)).toEqual({ source: path.resolve('/x/out/b.ts'), line: 2, column: 1 });
    expect(SourceMap.parse('not json', '/x')).toBeUndefined();
    expect(SourceMap.parse(JSON.stringify({ version: 3, sources: 'a.ts' }), '/x')).toBeUndefined();
  });
});
