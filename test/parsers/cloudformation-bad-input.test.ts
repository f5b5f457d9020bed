import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataDocument, MAX_DEPTH } from '../../parsers/cloudformation/yaml.js';
import { parseTemplate, MAX_TEXT_LENGTH } from '../../parsers/cloudformation/index.js';

const dir = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

function oneError(file: string, text: string) {
  const r = parseTemplate(file, text);
  expect(r.kind).toBe('error');
  if (r.kind !== 'error') throw new Error('unreachable');
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0]!;
  expect(e.file).toBe(file);
  expect(e.line).toBeGreaterThanOrEqual(1);
  expect(e.column).toBeGreaterThanOrEqual(1);
  expect(e.message).not.toMatch(/\n\s+at /); // no stack trace
  return e;
}

describe('bad input: one clear error each', () => {
  it('malformed YAML', () => {
    const e = oneError('malformed.yaml', read('malformed.yaml'));
    expect(e).toMatchObject({ kind: 'syntax', line: 7, column: 7 });
    expect(e.message).toMatch(/invalid YAML\/JSON: .*Flow sequence/);
  });
  it('invalid JSON (a trailing comma YAML would accept)', () => {
    const e = oneError('invalid.json', read('invalid.json'));
    expect(e).toMatchObject({ kind: 'syntax', line: 6, column: 5 });
    expect(e.message).toBe('invalid JSON: Expected double-quoted property name');
  });
  it('invalid JSON without a position from V8 still gets one', () => {
    const e = oneError('t.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": tru\n}');
    // V8 stops where `tru` fails to become `true`.
    expect(e).toMatchObject({ kind: 'syntax', line: 3, column: 19 });
    expect(e.message).toMatch(/^invalid JSON: Unexpected token/);
  });
  it('truncated JSON points at the end', () => {
    const text = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {';
    expect(oneError('t.json', text)).toMatchObject({ line: 3, column: 17 });
  });
  it('alias bomb fails fast with a limit error', () => {
    const t0 = Date.now();
    const e = oneError('alias-bomb.yaml', read('alias-bomb.yaml'));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.kind).toBe('limit');
    expect(e.message).toMatch(/alias/);
    expect(e.line).toBeGreaterThan(3);
  });
  it('duplicate resource', () => {
    const e = oneError('duplicate-key.yaml', read('duplicate-key.yaml'));
    expect(e).toMatchObject({ kind: 'duplicate-key', line: 7, column: 3 });
    expect(e.message).toBe('duplicate key "Bucket" (first defined at line 3, column 3)');
  });
  it('binary file named .yaml', () => {
    const e = oneError('binary.yaml', read('binary.yaml'));
    expect(e).toMatchObject({ kind: 'binary', line: 3, column: 1 });
  });
  it(`${MAX_DEPTH + 1} levels of block nesting is a limit error, ${MAX_DEPTH} is fine`, () => {
    const nest = (n: number) => {
      let s = 'AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n';
      for (let i = 1; i < n; i++) s += `${'  '.repeat(i)}k:\n`;
      return s + `${'  '.repeat(n)}k: v\n`;
    };
    const e = oneError('deep.yaml', nest(MAX_DEPTH + 1));
    expect(e).toMatchObject({ kind: 'limit', message: `nesting deeper than ${MAX_DEPTH} levels` });
    expect(parseTemplate('ok.yaml', nest(MAX_DEPTH - 1)).kind).toBe('template');
  });
  it.each([
    ['block maps', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:\n`).join('') + `${' '.repeat(n)}v\n`],
    ['flow sequences', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['flow maps', (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n)],
    ['tags', (n: number) => '!Not ['.repeat(n) + 'x' + ']'.repeat(n)],
    ['block sequences', (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x\n'],
  ])('1,000 levels of %s: a limit error, no stack overflow', (_name, gen) => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n  ' + gen(1000).replace(/\n/g, '\n  ');
    const e = oneError('deep.yaml', text);
    expect(e.kind).toBe('limit');
    expect(e.message).toMatch(/nesting deeper than 200 levels/);
  });
  it('100,000 levels of flow nesting does not crash either', () => {
    const r = parseDataDocument('d.yaml', '['.repeat(100_000) + ']'.repeat(100_000));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.kind).toBe('limit');
  });
});

describe('bad input that is not CloudFormation', () => {
  it.each(['empty.yaml', 'helm-template.yaml', 'kubernetes.yaml', 'package.json', 'workflow.yml'])('%s', (name) => {
    const r = parseTemplate(name, read(name));
    expect(r.kind).toBe('not-cloudformation');
  });
  it('an unparseable Helm template says why it was skipped', () => {
    const r = parseTemplate('helm-template.yaml', read('helm-template.yaml'));
    expect(r).toMatchObject({ kind: 'not-cloudformation', reason: expect.stringMatching(/not valid YAML\/JSON .*\d+:\d+/) });
  });
  it('a broken file that is clearly a template is an error, not skipped', () => {
    const r = parseTemplate('t.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {a: 1\n');
    expect(r.kind).toBe('error');
  });
});

describe('a 20 MB template', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'iac-check-big-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it('gives one clear error quickly, within bounded memory', () => {
    const file = join(tmp, 'big.yaml');
    const parts = ['AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'];
    let size = 0;
    for (let n = 0; size < 20 * 1024 * 1024; n++) {
      const s = `  Bucket${n}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "bucket-${n}-\${AWS::AccountId}"\n`;
      parts.push(s);
      size += s.length;
    }
    writeFileSync(file, parts.join(''));
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(MAX_TEXT_LENGTH);
    const before = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const e = oneError('big.yaml', text);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    expect(e).toMatchObject({ kind: 'limit', line: 1, column: 1 });
    expect(e.message).toMatch(/too large .* 20\.\d MB/);
  });
  it('a template just under the limit parses', () => {
    const parts = ['AWSTemplateFormatVersion: "2010-09-09"\nResources:\n'];
    let size = 0;
    for (let n = 0; size < 1024 * 1024; n++) {
      const s = `  Bucket${n}:\n    Type: AWS::S3::Bucket\n`;
      parts.push(s);
      size += s.length;
    }
    const r = parseTemplate('mb.yaml', parts.join(''));
    expect(r.kind).toBe('template');
  });
});
