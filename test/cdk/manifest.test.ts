import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { creationStackOf, logicalIdsOf, nestedStackPath, parseEnvironment, readAssembly } from '../../parsers/cdk/manifest.js';
import { SAMPLE_ASSEMBLY } from './sample-app.js';
import { tempTree, template } from './helpers.js';

const REPO = path.resolve(SAMPLE_ASSEMBLY, '../../..');

describe('parseEnvironment', () => {
  it('reads account and region', () => {
    const env = parseEnvironment('aws://111111111111/us-east-1');
    expect(env.account).toEqual({ known: true, value: '111111111111' });
    expect(env.region).toEqual({ known: true, value: 'us-east-1' });
  });
  it('treats unknown-account and unknown-region as unknown', () => {
    const env = parseEnvironment('aws://unknown-account/unknown-region');
    expect(env.account.known).toBe(false);
    expect(env.region.known).toBe(false);
    const half = parseEnvironment('aws://unknown-account/eu-west-1');
    expect(half.account.known).toBe(false);
    expect(half.region).toEqual({ known: true, value: 'eu-west-1' });
  });
  it('says why when there is no environment', () => {
    const env = parseEnvironment(undefined);
    expect(env.account).toEqual({ known: false, reason: 'the stack has no environment' });
  });
});

describe('readAssembly on the sample', () => {
  it('reads the stacks of the app and of the Prod stage (nested assembly)', async () => {
    const a = await readAssembly({ root: REPO, dir: SAMPLE_ASSEMBLY, rel: 'samples/cdk/cdk.out' });
    expect(a.errors).toEqual([]);
    const stacks = a.stacks.map((s) => ({
      path: s.path,
      template: s.templateRel,
      account: s.account.known ? s.account.value : '?',
      region: s.region.known ? s.region.value : '?',
    }));
    expect(stacks).toEqual([
      { path: 'Prod/Storefront', template: 'samples/cdk/cdk.out/assembly-Prod/ProdStorefront65317B0F.template.json', account: '111111111111', region: 'us-east-1' },
      { path: 'Prod/Replica', template: 'samples/cdk/cdk.out/assembly-Prod/ProdReplica6CC8DAB7.template.json', account: '111111111111', region: 'us-west-2' },
      { path: 'LogArchive', template: 'samples/cdk/cdk.out/LogArchive.template.json', account: '222222222222', region: 'us-east-1' },
    ]);
    // The environment value's position in the manifest is kept.
    const logArchive = a.stacks.find((s) => s.path === 'LogArchive')!;
    const span = logArchive.account.known ? logArchive.account.span : undefined;
    expect(span?.file).toBe('samples/cdk/cdk.out/manifest.json');
  });

  it('reads metadata from the *.metadata.json file and the construct tree', async () => {
    const a = await readAssembly({ root: REPO, dir: SAMPLE_ASSEMBLY, rel: 'samples/cdk/cdk.out' });
    const storefront = a.stacks.find((s) => s.path === 'Prod/Storefront')!;
    expect(logicalIdsOf(storefront.metadata).get('Assets9A31D427')).toEqual(['Prod/Storefront/Assets/Resource']);
    // Nested stack resources are recorded in the parent's metadata.
    expect(logicalIdsOf(storefront.metadata).get('OrdersA9B65338')).toEqual(['Prod/Storefront/Data/Orders/Resource']);
    expect(creationStackOf(storefront.metadata, 'Prod/Storefront/WebSg/Resource')?.some((l) => l.includes('/home/dev/retail-shop/lib/storefront-stack.ts:43:'))).toBe(true);
    expect(a.tree?.logicalIds.get('Prod/Storefront/Assets/Resource')).toBe('Assets9A31D427');
    expect(a.tree?.fqns.get('Prod/Storefront/Assets')).toBe('aws-cdk-lib.aws_s3.Bucket');
    expect([...a.assets.values()].some((p) => p.endsWith('ProdStorefrontData7E6540C4.nested.template.json'))).toBe(true);
  });
});

describe('nestedStackPath', () => {
  it('strips the NestedStack wrapper', () => {
    expect(nestedStackPath('Prod/Storefront/Data.NestedStack/Data.NestedStackResource')).toBe('Prod/Storefront/Data');
    expect(nestedStackPath('Prod/Storefront/Assets/Resource')).toBeUndefined();
  });
});

describe('readAssembly bad input', () => {
  it('reports a manifest naming a missing template at the templateFile value, and reads the other stacks', async () => {
    const manifest = `{
  "version": "36.0.0",
  "artifacts": {
    "Gone": {
      "type": "aws:cloudformation:stack",
      "environment": "aws://111111111111/eu-west-1",
      "properties": { "templateFile": "Gone.template.json" }
    },
    "Here": {
      "type": "aws:cloudformation:stack",
      "environment": "aws://unknown-account/unknown-region",
      "properties": { "templateFile": "Here.template.json" }
    }
  }
}
`;
    const t = await tempTree({ 'cdk.out/manifest.json': manifest, 'cdk.out/Here.template.json': template({ Q: { Type: 'AWS::SQS::Queue' } }) });
    try {
      const a = await readAssembly({ root: t.dir, dir: path.join(t.dir, 'cdk.out'), rel: 'cdk.out' });
      expect(a.errors).toEqual([
        { file: 'cdk.out/manifest.json', line: 7, column: 39, kind: 'manifest', message: 'stack "Gone": the template file Gone.template.json named by the manifest does not exist in cdk.out' },
      ]);
      expect(a.stacks.map((s) => s.artifactId)).toEqual(['Here']);
      expect(a.stacks[0]!.account.known).toBe(false);
    } finally {
      await t.cleanup();
    }
  });

  it('reports malformed JSON with its line and column', async () => {
    const t = await tempTree({ 'cdk.out/manifest.json': '{\n  "version": "36.0.0",\n  "artifacts": {\n    "A": { "type": "aws:cloudformation:stack", }\n  }\n}\n' });
    try {
      const a = await readAssembly({ root: t.dir, dir: path.join(t.dir, 'cdk.out'), rel: 'cdk.out' });
      expect(a.errors).toHaveLength(1);
      expect(a.errors[0]).toMatchObject({ file: 'cdk.out/manifest.json', line: 4, kind: 'manifest' });
      expect(a.errors[0]!.message).toMatch(/^malformed CDK assembly manifest: invalid JSON/);
      expect(a.stacks).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });

  it('reports a manifest whose artifacts is not a map', async () => {
    const t = await tempTree({ 'cdk.out/manifest.json': '{\n  "version": "36.0.0",\n  "artifacts": []\n}\n' });
    try {
      const a = await readAssembly({ root: t.dir, dir: path.join(t.dir, 'cdk.out'), rel: 'cdk.out' });
      expect(a.errors).toEqual([{ file: 'cdk.out/manifest.json', line: 3, column: 3, kind: 'manifest', message: 'malformed CDK assembly manifest: expected an "artifacts" map (is this a cloud assembly?)' }]);
    } finally {
      await t.cleanup();
    }
  });

  it('notes an unknown artifact type and still reads the stacks', async () => {
    const t = await tempTree({
      'cdk.out/manifest.json': {
        version: '36.0.0',
        artifacts: {
          Future: { type: 'cdk:something-new', properties: {} },
          Assets: { type: 'cdk:asset-manifest', properties: { file: 'none.json' } },
          S: { type: 'aws:cloudformation:stack', environment: 'aws://111111111111/us-east-1', properties: { templateFile: 'S.template.json' } },
        },
      },
      'cdk.out/S.template.json': template({ Q: { Type: 'AWS::SQS::Queue' } }),
    });
    try {
      const a = await readAssembly({ root: t.dir, dir: path.join(t.dir, 'cdk.out'), rel: 'cdk.out' });
      expect(a.errors).toEqual([]);
      expect(a.notes).toEqual(['cdk.out/manifest.json:5:15: CDK artifact "Future" of type "cdk:something-new" is not scanned (unknown artifact type)']);
      expect(a.stacks.map((s) => s.path)).toEqual(['S']);
    } finally {
      await t.cleanup();
    }
  });

  it('refuses a nested assembly outside the scan root', async () => {
    const t = await tempTree({
      'cdk.out/manifest.json': { version: '36.0.0', artifacts: { 'assembly-X': { type: 'cdk:cloud-assembly', properties: { directoryName: '../../elsewhere' } } } },
    });
    try {
      const a = await readAssembly({ root: t.dir, dir: path.join(t.dir, 'cdk.out'), rel: 'cdk.out' });
      expect(a.errors).toHaveLength(1);
      expect(a.errors[0]!.message).toMatch(/outside the scan root/);
    } finally {
      await t.cleanup();
    }
  });
});
