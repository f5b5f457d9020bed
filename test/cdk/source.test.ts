import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../src/core/source.js';
import { FrameMapper, SourceIndex, indexAppSource, indexFile, parseFrame } from '../../src/graph/cdk/source.js';
import { dedent } from '../helpers/scan-snippet.js';
import { tempTree } from './helpers.js';

const APP = dedent(`
  import { App, Stack } from 'aws-cdk-lib';
  import * as s3 from 'aws-cdk-lib/aws-s3';
  import * as sqs from 'aws-cdk-lib/aws-sqs';
  import { Construct } from 'constructs';

  function addQueues(scope: Construct): void {
    new sqs.Queue(scope, 'Dlq');
  }

  class Media extends Construct {
    constructor(scope: Construct, id: string) {
      super(scope, id);
      new s3.Bucket(this, 'Store');
    }
  }

  export class ShopStack extends Stack {
    constructor(scope: Construct, id: string) {
      super(scope, id);
      for (const region of ['eu', 'us']) {
        new s3.Bucket(this, \`Images-\${region}\`);
      }
      addQueues(this);
      new Media(this, 'Media');
      new s3.Bucket(this, 'Store');
    }
  }

  const app = new App();
  new ShopStack(app, 'Shop');
  new ShopStack(app, 'ShopCopy');
`);

function index(files: Record<string, string>): { idx: SourceIndex; errors: InputError[] } {
  const idx = new SourceIndex();
  const errors: InputError[] = [];
  for (const [rel, text] of Object.entries(files)) indexFile(idx, rel, text, errors);
  return { idx, errors };
}

function lineOf(p: string, idx: SourceIndex): number | string {
  const r = idx.resolve(p);
  return 'site' in r ? r.site.span.start.line : r.reason;
}

describe('static source mapping', () => {
  const { idx, errors } = index({ 'bin/app.ts': APP });

  it('parses without errors', () => expect(errors).toEqual([]));

  it('maps a construct in a stack class to its new expression', () => {
    expect(lineOf('Shop/Store/Resource', idx)).toBe(25);
    const r = idx.resolve('Shop/Store/Resource');
    expect('site' in r && r.site.span).toEqual({ file: 'bin/app.ts', start: { line: 25, column: 5 }, end: { line: 25, column: 33 } });
  });

  it('maps a construct created in a loop with a template-literal id', () => {
    expect(lineOf('Shop/Images-eu/Resource', idx)).toBe(21);
    expect(lineOf('ShopCopy/Images-us/Policy/Resource', idx)).toBe(21);
  });

  it('maps a construct created in a helper function called from the class', () => {
    expect(lineOf('Shop/Dlq/Resource', idx)).toBe(7);
  });

  it('follows the chain of classes: the same id in two classes is told apart by the path', () => {
    // `Store` is created in ShopStack (line 25) and in Media (line 13).
    expect(lineOf('Shop/Media/Store/Resource', idx)).toBe(13);
    expect(lineOf('Shop/Media', idx)).toBe(24);
  });

  it('gives internal children of a library construct to the line that created it', () => {
    expect(lineOf('Shop/Store/Notifications/Resource', idx)).toBe(25);
  });

  it('falls back to a unique id when the chain is broken, and says why when ambiguous or absent', () => {
    // The stack is created somewhere we do not see (another entry): the id is still unique.
    expect(lineOf('Other/Dlq/Resource', idx)).toBe(7);
    expect(lineOf('Other/Store/Resource', idx)).toMatch(/ambiguous: the construct id "Store" is created at 2 places \(bin\/app.ts:25, bin\/app.ts:13\)|ambiguous/);
    expect(lineOf('Other/Nothing/Resource', idx)).toMatch(/no construct/);
  });

  it('gives children created by a library base class to the line of the app class', () => {
    const r = index({ 'lib/x.ts': "import * as s3 from 'aws-cdk-lib/aws-s3';\nclass MyBucket extends s3.Bucket {}\nclass S extends Stack {\n  constructor(a: any, b: string) {\n    super(a, b);\n    new MyBucket(this, 'B');\n  }\n}\nnew S(app, 'S');\n" });
    expect(lineOf('S/B/Policy/Resource', r.idx)).toBe(6);
  });

  it('marks calls that only pass an id through', () => {
    expect(idx.isPassThrough({ file: 'bin/app.ts', start: { line: 12, column: 5 }, end: { line: 12, column: 5 } })).toBe(true); // super(scope, id)
    expect(idx.isPassThrough({ file: 'bin/app.ts', start: { line: 25, column: 5 }, end: { line: 25, column: 5 } })).toBe(false);
  });

  it('reports TypeScript that does not parse as an input error and keeps the other files', () => {
    const r = index({ 'lib/broken.ts': 'export const a = 1;\nconst x = ;\n', 'bin/app.ts': APP });
    expect(r.errors).toHaveLength(1);
    expect(r.errors).toEqual([
      { file: 'lib/broken.ts', line: 2, column: 11, kind: 'syntax', message: 'the CDK app source does not parse (Unexpected token); construct lines from this file are not found' },
    ]);
    expect(lineOf('Shop/Store/Resource', r.idx)).toBe(25);
  });
});

describe('indexAppSource', () => {
  it('reads the cdk.json entry and the files it imports, not the others', async () => {
    const t = await tempTree({
      'app/cdk.json': { app: 'npx ts-node --prefer-ts-exts bin/main.ts' },
      'app/bin/main.ts': "import { ShopStack } from '../lib/shop.js';\nimport { App } from 'aws-cdk-lib';\nnew ShopStack(new App(), 'Shop');\n",
      'app/lib/shop.ts': "import { Stack } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nexport class ShopStack extends Stack {\n  constructor(s: any, id: string) {\n    super(s, id);\n    new s3.Bucket(this, 'Store');\n  }\n}\n",
      'app/lib/unused.ts': "new Thing(this, 'Store');\n",
      'app/node_modules/x/index.ts': "new Thing(this, 'Store');\n",
    });
    try {
      const r = await indexAppSource(t.dir, path.join(t.dir, 'app'));
      expect(r.errors).toEqual([]);
      expect(r.index.files).toEqual(['app/bin/main.ts', 'app/lib/shop.ts']);
      expect(lineOf('Shop/Store/Resource', r.index)).toBe(6);
    } finally {
      await t.cleanup();
    }
  });

  it('reads every .ts file of --cdk-source, skipping node_modules and cdk.out', async () => {
    const t = await tempTree({
      'infra/a.ts': "new X(this, 'A');\n",
      'infra/sub/b.ts': "new X(this, 'B');\n",
      'infra/node_modules/c.ts': "new X(this, 'C');\n",
      'infra/cdk.out/d.ts': "new X(this, 'D');\n",
      'infra/types.d.ts': 'declare const x: number;\n',
    });
    try {
      const r = await indexAppSource(t.dir, undefined, path.join(t.dir, 'infra'));
      expect(r.index.files).toEqual(['infra/a.ts', 'infra/sub/b.ts']);
    } finally {
      await t.cleanup();
    }
  });
});

describe('creation stacks', () => {
  it('parses the frame forms CDK writes', () => {
    expect(parseFrame('new StorefrontStack (/home/dev/shop/lib/storefront.ts:43:17)')).toEqual({ file: '/home/dev/shop/lib/storefront.ts', line: 43, column: 17 });
    expect(parseFrame('    at new StorefrontStack (/home/dev/shop/lib/storefront.ts:43:17)')).toEqual({ file: '/home/dev/shop/lib/storefront.ts', line: 43, column: 17 });
    expect(parseFrame('/home/dev/shop/bin/app.ts:6 (:)')).toEqual({ file: '/home/dev/shop/bin/app.ts', line: 6, column: 1 });
    expect(parseFrame('Object.<anonymous> (file:///home/dev/shop/bin/app.js:3:1)')).toEqual({ file: '/home/dev/shop/bin/app.js', line: 3, column: 1 });
    expect(parseFrame('...new Bucket2 in aws-cdk-lib...')).toBeUndefined();
    expect(parseFrame('(no user code in 10 frames, use --stack-trace-limit to capture more)')).toBeUndefined();
    expect(parseFrame('Module._compile (node:internal/modules/cjs/loader:1554:14)')).toBeUndefined();
    expect(parseFrame('new Bucket (/home/dev/shop/node_modules/aws-cdk-lib/aws-s3/lib/bucket.js:1:2)')).toBeUndefined();
  });

  it("maps another machine's paths to the scan root by the longest existing suffix below the app folder", async () => {
    const t = await tempTree({ 'infra/cdk.json': '{}', 'infra/lib/shop.ts': '\n', 'lib/shop.ts': '\n' });
    try {
      const m = new FrameMapper(t.dir, path.join(t.dir, 'infra'));
      const hit = await m.firstAppFrame(['...new Bucket2 in aws-cdk-lib...', 'new ShopStack (/Users/someone/src/infra/lib/shop.ts:12:5)', 'main (/Users/someone/src/infra/bin/app.ts:3:1)']);
      expect(hit).toEqual({ span: { file: 'infra/lib/shop.ts', start: { line: 12, column: 5 }, end: { line: 12, column: 5 } } });
      const none = await m.firstAppFrame(['...aws-cdk-lib...', '(no user code in 10 frames, use --stack-trace-limit to capture more)']);
      expect(none).toEqual({ reason: "the creation stack holds no frame of the app's own code" });
      const elsewhere = await m.firstAppFrame(['x (/Users/someone/other/thing.ts:1:1)']);
      expect(elsewhere).toEqual({ reason: 'the creation stack names no file found under the scan root' });
    } finally {
      await t.cleanup();
    }
  });

  it('skips frames that only pass the id through, to the caller that named the construct', async () => {
    const t = await tempTree({ 'lib/a.ts': '\n', 'lib/b.ts': '\n' });
    try {
      const m = new FrameMapper(t.dir, t.dir);
      const hit = await m.firstAppFrame(['f (/x/lib/a.ts:2:10)', 'g (/x/lib/b.ts:7:3)'], (s) => s.file === 'lib/a.ts');
      expect(hit).toEqual({ span: { file: 'lib/b.ts', start: { line: 7, column: 3 }, end: { line: 7, column: 3 } } });
    } finally {
      await t.cleanup();
    }
  });
});
