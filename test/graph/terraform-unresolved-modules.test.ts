import { describe, expect, it } from 'vitest';
import { scanFiles } from '../helpers/scan-snippet.js';
import { formatText } from '../../src/report/text.js';
import { buildSarif } from '../../src/report/sarif.js';
import { buildJsonReport } from '../../src/report/json.js';

const MAIN = [
  'module "vpc" {',
  '  source  = "terraform-aws-modules/vpc/aws"',
  '  version = "~> 5.0"',
  '}',
  '',
  'module "net" {',
  '  source = "git::https://example.com/net.git?ref=v1"',
  '}',
  '',
  'module "zip" {',
  '  source = "https://example.com/mod.tar.gz"',
  '}',
  '',
  'module "s3" {',
  '  source = "s3::https://s3.amazonaws.com/bucket/mod.zip"',
  '}',
  '',
  'module "local" {',
  '  source = "./local"',
  '}',
  '',
].join('\n');

// Modules that are not on disk are never silent: counted, listed with their position and how to get them.
describe('Terraform: modules that are not on disk', () => {
  it('are listed once per module call, with the fix', async () => {
    const { result, rules } = await scanFiles({
      'envs/prod/main.tf': MAIN,
      'envs/prod/local/main.tf': 'module "inner" {\n  source = "acme/inner/aws"\n}\n',
    });
    expect(result.errors).toEqual([]);
    expect(result.unresolvedModules.map((m) => [m.module, `${m.span.file}:${m.span.start.line}:${m.span.start.column}`])).toEqual([
      ['inner', 'envs/prod/local/main.tf:1:1'],
      ['vpc', 'envs/prod/main.tf:1:1'],
      ['net', 'envs/prod/main.tf:6:1'],
      ['zip', 'envs/prod/main.tf:10:1'],
      ['s3', 'envs/prod/main.tf:14:1'],
    ]);
    expect(result.unresolvedModules[1]!.message).toBe(
      'module "vpc" (terraform-aws-modules/vpc/aws) is not on disk, so its resources are not checked: run terraform init in envs/prod, or scan with --download-modules',
    );
    expect(result.unresolvedModules[4]!.message).toMatch(/run terraform init in envs\/prod \(s3:: sources are fetched only by terraform init\)$/);

    const text = formatText(result, { color: false, verbose: false });
    expect(text).toContain('envs/prod/main.tf:1:1  unresolved  module "vpc" (terraform-aws-modules/vpc/aws) is not on disk');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/ · not checked: 5 unresolved modules \(--verbose lists them\)$/);

    const sarif = buildSarif(result, rules, { toolVersion: '0.1.0' });
    const notes = sarif.runs[0]!.invocations![0]!.toolExecutionNotifications!.filter((n) => n.properties?.['kind'] === 'unresolved-module');
    expect(notes).toHaveLength(5);
    expect(notes[1]).toMatchObject({
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'envs/prod/main.tf' }, region: { startLine: 1, startColumn: 1 } }, logicalLocations: [{ name: 'module.vpc' }] }],
    });
    expect(sarif.runs[0]!.invocations![0]!.executionSuccessful).toBe(true);

    const json = buildJsonReport(result, rules);
    expect(json.stats.unresolvedModules).toBe(5);
    expect(json.unresolvedModules[2]).toMatchObject({ module: 'net', source: 'git::https://example.com/net.git?ref=v1', location: { file: 'envs/prod/main.tf', startLine: 6 } });
  });

  it('are not listed when terraform init downloaded them', async () => {
    const { result } = await scanFiles({
      'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'x', Dir: '.terraform/modules/vpc' }] }),
      '.terraform/modules/vpc/main.tf': 'resource "aws_vpc" "this" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    });
    expect(result.unresolvedModules).toEqual([]);
    expect(result.stats.resources).toBe(1);
  });
});
