/** Regression tests for the hostile CloudFormation, encoding, plan and CDK inputs of issue 7: each an error with a position or a bounded value, never a silent pass or a lost sibling. */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/core/source.js';
import { scanHostile } from './helpers.js';

const template = (resources: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources}`;

describe('CloudFormation structure is validated where the format defines it', () => {
  it('Resources that is a list is an error at Resources', async () => {
    const out = await scanHostile({ 't.yaml': template('  - Type: AWS::S3::Bucket\n') });
    expect(out.result.errors).toContainEqual({ file: 't.yaml', line: 3, column: 3, kind: 'structure', message: 'Resources must be a map of logical ids to resources, not a list' });
  });

  it('a resource without Type, a Type that is not a string, Properties that is not a map: errors at their keys; the others are built', async () => {
    const out = await scanHostile({
      't.yaml': template('  NoType:\n    Properties: {}\n  ListType:\n    Type: [AWS::S3::Bucket]\n  ListProps:\n    Type: AWS::S3::Bucket\n    Properties: [1]\n  Fine:\n    Type: AWS::S3::Bucket\n'),
    });
    const errors = out.result.errors.filter((e) => e.file === 't.yaml').map((e) => [e.line, e.column, e.message]);
    expect(errors).toEqual([
      [3, 3, 'resource NoType has no Type'],
      [6, 11, 'the Type of resource ListType must be a resource type name such as AWS::S3::Bucket, not a list'],
      [9, 17, 'the Properties of resource ListProps must be a map, not a list'],
    ]);
    expect(out.graph!.nodes.some((n) => n.address === 'Fine')).toBe(true);
  });
});

describe('CloudFormation evaluation is bounded by what it produces', () => {
  it('a large Fn::Split reused through 200 aliases ends quickly, the values over the budget unknown', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `      U${i}: *big`).join('\n');
    const out = await scanHostile({ 'split.yaml': template(`  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Big: &big {"Fn::Split": [",", "${'x,'.repeat(4000)}"]}\n${aliases}\n`) }, 20_000);
    expect(out.result.errors.filter((e) => e.kind === 'internal')).toEqual([]);
  });

  it('a Fn::Split into more items than the collection limit is unknown', async () => {
    const out = await scanHostile({ 'split.yaml': template(`  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Big: {"Fn::Split": [",", "${','.repeat(20000)}"]}\n`) });
    const big = out.graph!.nodes.find((n) => n.address === 'B')!.properties.entries.get('Big');
    expect(big).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/more than 10000 items/) });
  });
});

describe('encodings', () => {
  it('UTF-8 with a byte-order mark is read', async () => {
    const out = await scanHostile({ 'bom/t.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(template('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: public-read\n'))]) });
    expect(out.result.findings.some((f) => f.location.span.file === 'bom/t.yaml' && f.location.span.start.line === 6)).toBe(true);
  });

  it('UTF-16 is refused with a clear message', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template('  B:\n    Type: AWS::S3::Bucket\n'), 'utf16le')]);
    const out = await scanHostile({ 'u16/t.yaml': text, 'u16/main.tf': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('x', 'utf16le')]) });
    expect(out.result.errors).toContainEqual(expect.objectContaining({ file: 'u16/t.yaml', line: 1, column: 1, kind: 'encoding', message: expect.stringMatching(/^UTF-16 is not supported, save the file as UTF-8/) }));
    expect(out.result.errors).toContainEqual(expect.objectContaining({ file: 'u16/main.tf', kind: 'encoding' }));
  });

  it('invalid UTF-8 is an error at the line and column of the first bad byte', () => {
    const r = decodeSource(Buffer.concat([Buffer.from('a: 1\nbé: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), 'x.yaml');
    expect(r).toEqual({ error: { file: 'x.yaml', line: 2, column: 5, kind: 'encoding', message: 'invalid UTF-8 (byte 0xc3 at offset 10); save the file as UTF-8' } });
  });
});

describe('plans', () => {
  it('a plan over the size limit is an error, not read', async () => {
    const { LIMITS } = await import('../../src/core/limits.js');
    const limit = LIMITS.planBytes;
    (LIMITS as { planBytes: number }).planBytes = 300; // above the sibling template, which is read under the same limit
    try {
      const out = await scanHostile({ 'p/plan.json': JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [] } }, pad: 'x'.repeat(400) }) });
      expect(out.result.errors).toContainEqual(expect.objectContaining({ file: 'p/plan.json', kind: 'limit', message: expect.stringMatching(/^the plan is larger than/) }));
    } finally {
      (LIMITS as { planBytes: number }).planBytes = limit;
    }
  });
});

describe('CDK', () => {
  it('a nested stack whose template is its own is a cycle error, read once', async () => {
    const manifest = { version: '36.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'S.template.json' } } } };
    const tpl = { Resources: { Self: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'S.template.json' }, Properties: { TemplateURL: 'x' } }, B: { Type: 'AWS::S3::Bucket' } } };
    const out = await scanHostile({ 'cdk.out/manifest.json': JSON.stringify(manifest), 'cdk.out/S.template.json': JSON.stringify(tpl) });
    const cycle = out.result.errors.filter((e) => e.kind === 'cycle');
    expect(cycle).toEqual([expect.objectContaining({ file: 'cdk.out/S.template.json', message: expect.stringMatching(/nested stack Self is its own parent/) })]);
    expect(out.result.errors.filter((e) => e.kind === 'limit')).toEqual([]);
  });
});
