import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, buildFiles, writeTree } from '../fixtures/terraform/helpers.js';
import { classifySource, localModuleDir, repositoryRoot } from '../../src/graph/terraform/sources.js';

const MODULE = 'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n';
const call = (source: string) => `module "m" {\n  source = "${source}"\n  name   = "b"\n}\n`;

describe('Terraform: local module sources however written', () => {
  it.each(['../../', '../..', '../../.', '..//..//'])('examples/x calling the repository root as %s', async (source) => {
    const r = await buildFiles({ 'main.tf': MODULE, 'examples/x/main.tf': call(source) });
    expect(r.errors).toEqual([]);
    expect(r.byAddr('module.m.aws_s3_bucket.this').span.file).toBe('main.tf');
  });

  it.each(['./mod/', './mod', './/mod', './mod/../mod/'])('a subfolder as %s', async (source) => {
    const r = await buildFiles({ 'main.tf': call(source), 'mod/main.tf': MODULE });
    expect(r.errors).toEqual([]);
    expect(r.byAddr('module.m.aws_s3_bucket.this').properties.entries.get('bucket')).toMatchObject({ value: 'b' });
  });

  it('reads a module above the scan root that stays inside the repository', async () => {
    const repo = writeTree({ 'main.tf': MODULE, 'modules/inner/main.tf': MODULE, 'examples/x/main.tf': call('../../') + 'module "inner" {\n  source = "../../modules/inner"\n  name   = "c"\n}\n' });
    const r = await build(join(repo, 'examples/x'), { repositoryRoot: repo });
    expect(r.errors).toEqual([]);
    const n = r.byAddr('module.m.aws_s3_bucket.this');
    expect(n.span).toMatchObject({ file: '../../main.tf', start: { line: 4, column: 1 } });
    expect(r.byAddr('module.inner.aws_s3_bucket.this').span.file).toBe('../../modules/inner/main.tf');
  });

  it('reads a module folder beside the scanned files that discovery did not list', async () => {
    const repo = writeTree({ 'main.tf': MODULE, 'examples/x/main.tf': call('../../') });
    const r = await build(repo, { files: [{ path: join(repo, 'examples/x/main.tf'), rel: 'examples/x/main.tf', kind: 'terraform' }] });
    expect(r.errors).toEqual([]);
    expect(r.byAddr('module.m.aws_s3_bucket.this').span.file).toBe('main.tf');
  });

  it('refuses a source that leaves the repository, and names it on the module call', async () => {
    const repo = writeTree({ 'outside/main.tf': MODULE, 'repo/examples/x/main.tf': call('../../../outside') });
    const r = await build(join(repo, 'repo/examples/x'), { repositoryRoot: join(repo, 'repo') });
    expect(r.errors).toEqual([
      { file: 'main.tf', line: 1, column: 1, kind: 'module', message: `module "m" source "../../../outside" is outside the repository being scanned (${join(repo, 'repo')})` },
    ]);
    expect(r.nodes).toEqual([]);
  });

  it('refuses a module folder that is a symlink to outside the repository', async () => {
    const outside = writeTree({ 'main.tf': MODULE });
    const repo = writeTree({ 'app/main.tf': call('../mod') });
    symlinkSync(outside, join(repo, 'mod'));
    const r = await build(join(repo, 'app'), { repositoryRoot: repo });
    expect(r.errors).toMatchObject([{ file: 'main.tf', line: 1, kind: 'module', message: 'module "m" source "../mod" is a symlink to outside the repository being scanned' }]);
    expect(r.nodes).toEqual([]);
  });
});

describe('repositoryRoot', () => {
  it('is the enclosing git work tree, else the current folder, else the scan root', () => {
    const base = mkdtempSync(join(tmpdir(), 'iac-repo-'));
    mkdirSync(join(base, 'a/b/c'), { recursive: true });
    expect(repositoryRoot(join(base, 'a/b/c'), join(base, 'a'))).toBe(join(base, 'a'));
    expect(repositoryRoot(join(base, 'a/b/c'), '/nonexistent-cwd')).toBe(join(base, 'a/b/c'));
    writeFileSync(join(base, 'a/b/.git'), 'gitdir: elsewhere\n');
    expect(repositoryRoot(join(base, 'a/b/c'), join(base, 'a'))).toBe(join(base, 'a/b'));
  });
});

describe('classifySource', () => {
  it.each([
    ['../../', { kind: 'local', path: '../../' }],
    ['..\\mod', { kind: 'local', path: '../mod' }],
    ['terraform-aws-modules/vpc/aws', { kind: 'registry', host: 'registry.terraform.io', namespace: 'terraform-aws-modules', name: 'vpc', provider: 'aws', subdir: '' }],
    ['terraform-aws-modules/iam/aws//modules/iam-role', { kind: 'registry', namespace: 'terraform-aws-modules', name: 'iam', subdir: 'modules/iam-role' }],
    ['app.terraform.io/acme/net/aws', { kind: 'registry', host: 'app.terraform.io', namespace: 'acme', name: 'net', provider: 'aws' }],
    ['git::https://example.com/net.git?ref=v1.2.0', { kind: 'git', url: 'https://example.com/net.git', ref: 'v1.2.0', subdir: '' }],
    ['git::https://example.com/net.git//modules/a?ref=v1', { kind: 'git', url: 'https://example.com/net.git', ref: 'v1', subdir: 'modules/a' }],
    ['github.com/acme/net//sub?ref=main', { kind: 'git', url: 'https://github.com/acme/net.git', ref: 'main', subdir: 'sub' }],
    ['github.com/acme/net/sub', { kind: 'git', url: 'https://github.com/acme/net/sub.git', subdir: '' }],
    ['git@github.com:acme/net.git', { kind: 'git', url: 'git@github.com:acme/net.git', subdir: '' }],
    ['https://example.com/net.zip', { kind: 'archive', url: 'https://example.com/net.zip', subdir: '' }],
    ['https://example.com/net.tar.gz//sub', { kind: 'archive', url: 'https://example.com/net.tar.gz', subdir: 'sub' }],
    ['s3::https://s3.amazonaws.com/b/net.zip', { kind: 'other' }],
    ['/abs/path', { kind: 'other' }],
  ])('%s', (source, expected) => {
    expect(classifySource(source)).toMatchObject(expected);
  });

  it('normalizes local folders relative to the calling module', () => {
    expect(localModuleDir('examples/x', '../../')).toBe('');
    expect(localModuleDir('', './/a/')).toBe('a');
    expect(localModuleDir('x/y', '../../../up')).toBe('../up');
  });
});
