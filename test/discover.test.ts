import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyFile, discover } from '../src/discover.js';

const fixtures = fileURLToPath(new URL('./fixtures/discover', import.meta.url));
const kinds = (files: { rel: string; kind: string }[]) => files.map((f) => `${f.rel} ${f.kind}`);

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A temporary tree: `files` maps relative paths to contents. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'iac-check-discover-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('classifyFile', () => {
  it.each([
    ['a.yaml', 'data'], ['a.YML', 'data'], ['a.json', 'data'], ['a.template', 'data'],
    ['main.tf', 'terraform'], ['main.tf.json', 'terraform-json'],
    ['x.tfvars', 'tfvars'], ['x.auto.tfvars.json', 'tfvars'],
    ['README.md', undefined], ['main.tf.bak', undefined], ['Makefile', undefined],
  ])('%s → %s', (name, kind) => expect(classifyFile(name)).toBe(kind));
});

describe('discover', () => {
  it('walks the fixture tree, classifies, sorts, and lists a cdk.out folder once', async () => {
    const r = await discover([fixtures], { root: fixtures, exclude: [] });
    expect(r.errors).toEqual([]);
    expect(kinds(r.files)).toEqual([
      'cdk.out cdk-assembly',
      'cfn/legacy.template data',
      'cfn/params.json data',
      'cfn/stack.yaml data',
      'not-cdk/manifest.json data',
      'tf/dev.auto.tfvars.json tfvars',
      'tf/extra.tf.json terraform-json',
      'tf/main.tf terraform',
      'tf/prod.tfvars tfvars',
      'vendor/deep/ignored.yaml data',
      'vendor/top.yml data',
    ]);
    expect(r.files[0]!.path).toBe(join(fixtures, 'cdk.out'));
    expect(r.files.every((f) => f.path.startsWith(fixtures))).toBe(true);
  });

  it('exclude globs remove files and whole folders', async () => {
    const r = await discover([fixtures], { root: fixtures, exclude: ['vendor', '**/*.tfvars', 'cfn/*.json'] });
    const rels = r.files.map((f) => f.rel);
    expect(rels.some((x) => x.startsWith('vendor/'))).toBe(false);
    expect(rels).not.toContain('tf/prod.tfvars');
    expect(rels).not.toContain('cfn/params.json');
    expect(rels).toContain('cfn/stack.yaml');
    expect(rels).toContain('tf/dev.auto.tfvars.json');
    const r2 = await discover([fixtures], { root: fixtures, exclude: ['vendor/deep/'] });
    expect(r2.files.map((f) => f.rel)).toContain('vendor/top.yml');
    expect(r2.files.map((f) => f.rel)).not.toContain('vendor/deep/ignored.yaml');
  });

  it('skips .git, node_modules and .terraform', async () => {
    const root = tree({
      'main.tf': '',
      '.git/config.yaml': '',
      'node_modules/pkg/template.yaml': '',
      'sub/node_modules/x.json': '',
      '.terraform/modules/modules.json': '{}',
      '.github/workflows/ci.yml': '',
    });
    const r = await discover([root], { root, exclude: [] });
    expect(kinds(r.files)).toEqual(['.github/workflows/ci.yml data', 'main.tf terraform']);
  });

  it('explicit files are classified the same way; relative to the root', async () => {
    const r = await discover([join(fixtures, 'tf/main.tf'), join(fixtures, 'cfn/stack.yaml'), join(fixtures, 'README.md')], {
      root: fixtures,
      exclude: [],
    });
    expect(kinds(r.files)).toEqual(['cfn/stack.yaml data', 'tf/main.tf terraform']);
    expect(r.skipped).toEqual(['README.md (not a CloudFormation, Terraform or CDK file)']);
    const cdk = await discover([join(fixtures, 'cdk.out/manifest.json')], { root: fixtures, exclude: [] });
    expect(kinds(cdk.files)).toEqual(['cdk.out cdk-assembly']);
    const self = await discover([join(fixtures, 'cdk.out')], { root: join(fixtures, 'cdk.out'), exclude: [] });
    expect(kinds(self.files)).toEqual(['. cdk-assembly']);
  });

  it('a path that does not exist is a read error', async () => {
    const r = await discover([join(fixtures, 'missing')], { root: fixtures, exclude: [] });
    expect(r.files).toEqual([]);
    expect(r.errors).toEqual([{ file: 'missing', line: 1, column: 1, kind: 'read', message: expect.stringContaining('does not exist') }]);
  });

  it('a path outside the root is refused', async () => {
    const root = tree({ 'a.yaml': '' });
    const r = await discover([fixtures], { root, exclude: [] });
    expect(r.files).toEqual([]);
    expect(r.errors).toMatchObject([{ kind: 'read', message: expect.stringContaining('outside the scan root') }]);
  });

  it('symlink loops and links out of the root are not followed; links inside are, once', async () => {
    const root = tree({ 'a/stack.yaml': '', 'b/main.tf': '' });
    const outside = tree({ 'secret.yaml': '' });
    symlinkSync(root, join(root, 'a', 'loop'), 'dir'); // a/loop → root
    symlinkSync(join(root, 'a'), join(root, 'b', 'back'), 'dir'); // b/back → a (a loop via a/loop too)
    symlinkSync(outside, join(root, 'out'), 'dir');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'secret.yaml'), 'file');
    symlinkSync(join(root, 'missing.yaml'), join(root, 'dangling.yaml'), 'file');
    symlinkSync(join(root, 'b', 'main.tf'), join(root, 'alias.tf'), 'file');
    const r = await discover([root], { root, exclude: [] });
    // alias.tf and b/main.tf are the same file: listed once, by the first rel.
    expect(kinds(r.files)).toEqual(['a/stack.yaml data', 'alias.tf terraform']);
    expect(r.errors).toMatchObject([{ file: 'dangling.yaml', kind: 'read', message: expect.stringContaining('ENOENT') }]);
    expect(r.skipped).toEqual([
      'a/loop (symlink to a folder already scanned, or a loop)',
      'b/back (symlink to a folder already scanned, or a loop)',
      'out (symlink to outside the scan root)',
      'secret.yaml (symlink to outside the scan root)',
    ]);
  });

  it('a symlinked folder inside the root that is not otherwise reached is walked', async () => {
    const root = tree({ 'real/.hidden-keep': '', 'store/stack.yaml': '' });
    symlinkSync(join(root, 'store'), join(root, 'real', 'linked'), 'dir');
    const r = await discover([join(root, 'real')], { root, exclude: [] });
    expect(kinds(r.files)).toEqual(['real/linked/stack.yaml data']);
  });

  it('an unreadable folder is a read error with the OS reason, and the rest is still listed', async () => {
    const root = tree({ 'ok.yaml': '', 'locked/x.yaml': '' });
    const { chmodSync } = await import('node:fs');
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const r = await discover([root], { root, exclude: [] });
      expect(r.files.map((f) => f.rel)).toContain('ok.yaml');
      if (process.getuid?.() !== 0) {
        expect(r.errors).toMatchObject([{ file: 'locked', kind: 'read', message: expect.stringContaining('EACCES') }]);
      }
      for (const e of r.errors) expect(e.message).not.toMatch(/\n\s+at /);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('is deterministic', async () => {
    const a = await discover([fixtures], { root: fixtures, exclude: [] });
    const b = await discover([fixtures], { root: fixtures, exclude: [] });
    expect(a).toEqual(b);
  });
});
