/**
 * The fast readers (strict JSON) must give exactly what the general path — composing with the
 * `yaml` package and converting — gives: same documents, same spans, same errors. Compared on
 * hand-picked edge cases, on every sample and fixture, and on the shared real-world corpus
 * (/work/shared/corpus, test data outside the repository) when it is present on the machine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../parsers/cloudformation/json.js';
import { composeDataDocument, MAX_DEPTH, parseDataDocument } from '../../parsers/cloudformation/yaml.js';

const CORPUS = '/work/shared/corpus';
const DATA_FILE = /\.(json|ya?ml|template)$/i;

function same(file: string, text: string): void {
  // Binary text is refused before either path runs.
  if (text.slice(0, 8192).includes('\0')) return;
  const fast = parseDataDocument(file, text);
  const reference = composeDataDocument(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  // Strict deep equality (tells -0 from 0), then the same keys in the same order.
  if (!isDeepStrictEqual(fast, reference)) expect({ file, fast }).toEqual({ file, fast: reference });
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
}

function dataFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) dataFiles(p, out);
    else if (DATA_FILE.test(name) && st.size < 4 * 1024 * 1024) out.push(p);
  }
  return out;
}

describe('JSON reader equals the general path', () => {
  const cases: Array<[string, string]> = [
    ['empty map', '{}'],
    ['empty list', '[]'],
    ['scalar root', '"abc"'],
    ['number root', '  42  '],
    ['numbers', '{"a": [0, -0, 1.0, 1.50, 1e5, 1E+2, 2e-3, -12, 12345678901234567890, 0.1, 3.0e0]}'],
    ['literals', '{"t": true, "f": false, "n": null}'],
    ['escapes', '{"s": "a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00", "k\\u0041": 1}'],
    ['unicode', '{"é": "日本語 😀", "x": "\u2028"}'],
    ['nested', '{\n  "Resources": {\n    "B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "a", "Value": "b"}]}}\n  }\n}\n'],
    ['tabs', '{\n\t"a": {\n\t\t"b": [\n\t\t\t1,\n\t\t\t2\n\t\t]\n\t}\n}'],
    ['CRLF', '{\r\n  "a": 1,\r\n  "b": [true]\r\n}\r\n'],
    ['lone CR', '{"a": 1,\r"b": 2}'],
    ['key and colon on two lines', '{"a"\n: 1}'],
    ['value on the next line', '{"a":\n 1}'],
    ['no spaces', '{"a":1,"b":[1,2,{"c":"d"}]}'],
    ['duplicate key', '{"a": 1,\n "a": 2, "b": {"c": 1, "c": 2}}'],
    ['duplicate key in a large map', `{${Array.from({ length: 20 }, (_, i) => `"k${i % 15}": ${i}`).join(', ')}}`],
    ['hash in a string', '{"a": "x #y", "b": "#"}'],
    ['byte-order mark', '\uFEFF{"a": 1}'],
    ['trailing comma', '{"a": 1,}'],
    ['comment', '{"a": 1 # no\n}'],
    ['single quotes', "{'a': 1}"],
    ['unterminated', '{"a": [1, 2'],
    ['raw tab in a string', '{"a": "x\ty"}'],
    ['bad escape', '{"a": "\\x"}'],
    ['leading zero', '{"a": 01}'],
    ['garbage after', '{"a": 1} x'],
    ['two values', '{} {}'],
    ['empty text', ''],
    ['at the depth limit', '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)],
    ['over the depth limit', '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)],
    ['deep maps', '{"a":'.repeat(MAX_DEPTH - 1) + '1' + '}'.repeat(MAX_DEPTH - 1)],
  ];
  it.each(cases)('%s', (_name, text) => {
    same('t.json', text);
  });
  it('ordinary JSON is read by the fast reader, not handed back', () => {
    for (const name of ['numbers', 'escapes', 'nested', 'tabs', 'CRLF', 'duplicate key', 'at the depth limit']) {
      const text = cases.find(([n]) => n === name)![1];
      expect(parseJsonDocument('t.json', text, MAX_DEPTH), name).toBeDefined();
    }
    for (const name of ['lone CR', 'key and colon on two lines', 'trailing comma', 'over the depth limit']) {
      const text = cases.find(([n]) => n === name)![1];
      expect(parseJsonDocument('t.json', text, MAX_DEPTH), name).toBeUndefined();
    }
  });
  it('a .template file that starts with {', () => same('t.template', '{"AWSTemplateFormatVersion": "2010-09-09"}'));
});

describe('on every sample and fixture', () => {
  const files = [...dataFiles('samples'), ...dataFiles('test/fixtures')];
  it.each(files)('%s', (file) => same(file, readFileSync(file, 'utf8')));
});

describe.skipIf(!existsSync(CORPUS))('on the shared real-world corpus', () => {
  it('every data file parses the same', () => {
    const files = dataFiles(CORPUS);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) same(file, readFileSync(file, 'utf8'));
  });
});
