import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, buildFiles, writeTree } from '../fixtures/terraform/helpers.js';

const CALL = 'module "logs" {\n  source = "acme/logs/aws"\n}\nresource "aws_s3_bucket" "own" {}\n';
const MANIFEST = '.terraform/modules/modules.json';

// modules.json is data from the scanned repository: whatever it holds, a clear error on it and the rest still scanned.
describe('Terraform: .terraform/modules/modules.json read defensively', () => {
  it.each([
    ['not JSON', '{"Modules": [', /^modules\.json is not valid JSON \(.*\); run terraform init again$/],
    ['null', 'null', /should be an object with a "Modules" list/],
    ['a list', '[null]', /should be an object with a "Modules" list/],
    ['Modules not a list', '{"Modules":5}', /should be an object with a "Modules" list/],
    ['a null entry', '{"Modules":[null]}', /^modules\.json entry 0 is not an object$/],
    ['a Dir that is not a string', '{"Modules":[{"Key":"logs","Dir":5}]}', /^modules\.json entry 0 needs a string "Key" and "Dir"$/],
    ['a Key that is not a string', '{"Modules":[{"Key":{},"Dir":"x"}]}', /^modules\.json entry 0 needs a string "Key" and "Dir"$/],
  ])('%s', async (_name, manifest, message) => {
    const r = await buildFiles({ 'main.tf': CALL, [MANIFEST]: manifest });
    expect(r.errors).toMatchObject([{ file: MANIFEST, line: 1, column: 1, kind: 'manifest', message: expect.stringMatching(message) }]);
    expect(r.nodes.map((n) => n.address)).toEqual(['aws_s3_bucket.own']);
    expect(r.unresolvedModules.map((m) => m.module)).toEqual(['logs']);
  });

  it('refuses a Dir outside the scan root', async () => {
    const r = await buildFiles({ 'main.tf': CALL, [MANIFEST]: JSON.stringify({ Modules: [{ Key: 'logs', Dir: '../elsewhere' }] }) });
    expect(r.errors).toMatchObject([{ file: MANIFEST, kind: 'module', message: 'module logs directory ../elsewhere is outside the scan root; it is not read' }]);
  });

  it('refuses a Dir that is a symlink to outside the scan root', async () => {
    const outside = writeTree({ 'main.tf': 'resource "aws_s3_bucket" "secret" {}\n' });
    const root = writeTree({ 'main.tf': CALL, [MANIFEST]: JSON.stringify({ Modules: [{ Key: '', Dir: '.' }, { Key: 'logs', Dir: '.terraform/modules/logs' }] }) });
    symlinkSync(outside, join(root, '.terraform/modules/logs'));
    const r = await build(root);
    expect(r.errors).toMatchObject([{ file: MANIFEST, kind: 'module', message: 'module logs directory .terraform/modules/logs is outside the scan root (through a symlink); it is not read' }]);
    expect(r.nodes.map((n) => n.address)).toEqual(['aws_s3_bucket.own']);
  });
});

describe('Terraform: module call cycles', () => {
  it('across folders that only call each other: an error on the block that closes the cycle, resources still built', async () => {
    const r = await buildFiles({
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "aws_s3_bucket" "in_a" {}\n',
      'b/main.tf': 'resource "aws_s3_bucket" "in_b" {}\n\nmodule "a" {\n  source = "../a/"\n}\n',
    });
    expect(r.errors).toEqual([{ file: 'b/main.tf', line: 3, column: 1, kind: 'module', message: 'module "a" creates a cycle: a -> b -> a' }]);
    expect(r.nodes.map((n) => n.address).sort()).toEqual(['aws_s3_bucket.in_a', 'module.b.aws_s3_bucket.in_b']);
  });

  it('a module calling its own folder', async () => {
    const r = await buildFiles({ 'main.tf': 'module "self" {\n  source = "./"\n}\n' });
    expect(r.errors).toMatchObject([{ file: 'main.tf', line: 1, column: 1, kind: 'module', message: expect.stringContaining('creates a cycle') }]);
  });
});
