/**
 * The fast readers (strict JSON, the YAML block reader, the YAML CST walk) must give exactly what the general path —
 * composing with the `yaml` package and converting — gives: same documents, same spans, same errors. Each is compared
 * on its own (a text the block reader takes never reaches the CST walk in a scan, but the walk is still checked). Compared on
 * hand-picked edge cases, on every sample and fixture, and on the shared real-world corpus
 * (/work/shared/corpus, test data outside the repository) when it is present on the machine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMPOSE_ONLY, parseYamlBlock } from '../../parsers/cloudformation/block.js';
import { parseYamlCst } from '../../parsers/cloudformation/cst.js';
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
  // The two YAML readers, each on its own, wherever they answer.
  const yaml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\s*\{/.test(yaml)) || yaml.length > 4 * 1024 * 1024) return;
  for (const [reader, result] of [['block', parseYamlBlock(file, yaml)], ['cst', parseYamlCst(file, yaml)]] as const) {
    if (result === undefined || result === COMPOSE_ONLY) continue;
    if (!isDeepStrictEqual(result, reference)) expect({ file, reader, result }).toEqual({ file, reader, result: reference });
    expect(JSON.stringify(result)).toBe(JSON.stringify(reference));
  }
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

describe('CST walk equals the general path', () => {
  const nest = (n: number): string => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' v\n';
  const cases: Array<[string, string]> = [
    ['template', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-b"\n'],
    ['every tag form', 'A: !Ref X\nB: !GetAtt R.Arn\nC: !Select [0, !GetAZs ""]\nD: !If\n  - Cond\n  - !Ref Y\n  - !Ref AWS::NoValue\nE: !Sub\n  - "${a}"\n  - a: !ImportValue z\nF: !Join [",", [a, b]]\nG: !Equals [!Ref P, prod]\nH: !Base64\n  Fn::Sub: x\n'],
    ['tagged empty values', 'A: !Ref\nB:\n  - !GetAZs\n  - !Ref x\n'],
    ['empty values', 'A:\nB: # comment\nC:\n  - \n  -\n  - x\nD: {a: , b: }\n'],
    ['plain numbers and literals', 'a: [0, -0, +1, 012, 0o17, 0x1F, 1.0, 1.50, 1e3, 1E+2, .5, .inf, -.Inf, .nan, 1_000, 12345678901234567890]\nb: [true, True, TRUE, false, null, Null, ~, yes, no, on]\n'],
    ['odd keys', 'true: 1\n1.0: 2\n~: 3\n"q": 4\n\'s\': 5\n012: 6\nnull: 7\n'],
    ['comments everywhere', '# head\nA: 1 # after\n# between\nB: # on key\n  - x # item\n  # inside\n  - "y # not"\nC: \'z # not\' # yes\nD: |\n  # not a comment\n  text\n# tail\n'],
    ['comment without space', 'A: b#c\nB: [x]#d\n'],
    ['block scalars', 'A: |\n  line1\n  line2\nB: >-\n  folded\n  text\n\nC: |+\n  keep\n\nD: |2\n    indented\n'],
    ['block scalar at the root', '|\n  text\n'],
    ['quoted multi-line', 'A: "a\n  b"\nB: \'c\n\n  d\'\n'],
    ['escapes', 'A: "\\t\\u00e9\\x41\\N"\nB: "\\q"\n'],
    ['flow maps and sequences', 'A: {a: 1, b: [2, 3], c: {d: e}}\nB: [ {x: 1}, [y], "z" ]\nC: {}\nD: []\nE: [a, b, ]\n'],
    ['flow pairs and bad flow', 'A: [a: 1]\nB: {a}\n'],
    ['missing comma', 'A: [a b, c d]\nB: {a: 1 b: 2}\n'],
    ['duplicate keys', 'A: 1\nB:\n  x: 1\n  y: 2\n  x: 3\nA: 4\nC: {a: 1, a: 2}\n'],
    ['duplicate key in a large map', Array.from({ length: 20 }, (_, i) => `k${i % 15}: ${i}`).join('\n') + '\n'],
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n'],
    ['explicit key', '? a\n: 1\n'],
    ['complex key', '[a, b]: 1\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['document markers', '---\na: 1\n...\n'],
    ['directive', '%YAML 1.2\n---\na: 1\n'],
    ['empty text', ''],
    ['only a comment', '# nothing\n'],
    ['scalar root', 'just text\n'],
    ['list root', '- a\n- b: c\n  d: e\n'],
    ['byte-order mark', '\uFEFFa: 1\n'],
    ['CRLF', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['lone CR', 'a: 1\rb: 2\n'],
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['tab after a value', 'a: 1\t\nb:\t2\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['multi-line implicit key', 'a\nb: 1\n'],
    ['compact nested map', 'a: b: c\n'],
    ['long key', `${'k'.repeat(1100)}: 1\n`],
    ['unknown tags', 'a: !Foo x\nb: !!str 1\nc: !Foo {x: 1}\nd: !<tag:yaml.org,2002:str> y\n'],
    ['two tags', 'a: !Base64 !Sub x\n'],
    ['tag without space', 'a: !Ref[x]\n'],
    ['tagged block sequence on one line', 'a: !If - x\n'],
    ['unterminated quote', 'a: "x\n'],
    ['tabs in flow', 'a: [\n\t1,\n\t2\n]\n'],
    ['at the depth limit', nest(MAX_DEPTH)],
    ['over the depth limit', nest(MAX_DEPTH + 2)],
    ['tags at the depth limit', 'a: ' + '!Not ['.repeat(MAX_DEPTH / 2) + 'x' + ']'.repeat(MAX_DEPTH / 2) + '\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    same('t.yaml', text);
  });
  it('ordinary YAML is walked, not handed back', () => {
    for (const name of ['template', 'every tag form', 'tagged empty values', 'empty values', 'comments everywhere', 'block scalars', 'duplicate keys', 'CRLF']) {
      const text = cases.find(([n]) => n === name)![1];
      expect(parseYamlCst('t.yaml', text), name).toBeDefined();
    }
    for (const name of ['anchors and aliases', 'explicit key', 'several documents', 'unknown tags', 'over the depth limit']) {
      const text = cases.find(([n]) => n === name)![1];
      expect(parseYamlCst('t.yaml', text), name).toBeUndefined();
    }
  });
});

describe('block reader equals the general path', () => {
  const cases: Array<[string, string]> = [
    ['spaced blank lines', 'A:\n  B: 1\n      \nC: 2\n'],
    ['spaced blank line at the end', 'A:\n  B: 1\n      '],
    ['block scalar then a spaced line', 'A:\n  B: |\n    x\n      \nC: 1'],
    ['sequence then a spaced line', 'A:\n  - 1\n      \nC: 2\n'],
    ['flow then a spaced line', 'A:\n  B: [1]\n      \nC: 2\n'],
    ['comments between entries', 'Resources:\n  # the bucket\n  B:\n    Type: X\n  # the queue\n  Q:\n    Type: Y\n# end\n'],
    ['comment deeper than what follows', 'A:\n  B: 1\n    # deeper\n\n  # same\nC: 2\n'],
    ['comment ending a nested map', 'A:\n  B: 1\n  # same at end\n'],
    ['comment ending a nested map, no line break', 'A:\n  B: 1\n  # same at end'],
    // Comment lines deeper than what follows change where the collections that close there end (closedEnd).
    ['commented-out entries before a dedent', 'R:\n  A:\n    P:\n      I:\n        Port: 1\n      # Off:\n      #   Cpu: 1\n\nO:\n  X: 1\n'],
    ['commented-out entry before the next key', 'M:\n  us:\n    A: 1\n    # B: 2\n  eu:\n    A: 1\n    # B: 2\n  N:\n    C: 1\n'],
    ['deeper comment after a compact sequence', 'A:\n- k:\n  - a\n  - b\n        # c\n  k2: v\n# d\n- e\n'],
    ['deeper comment after a flow value', 'A:\n  B:\n    C: [1, 2]\n        # c\nD: 1\n'],
    ['deeper comment after a block scalar', 'A:\n  B:\n    C: |\n      x\n     # c\nD: 1\n'],
    ['deeper then shallower comments', 'A:\n  B:\n    C:\n      D: 1\n\n        # deep\n    # kept by C\n  # and so on\nE: 1\n'],
    ['deeper comment after a comment on the value line', 'A:\n  B: 1 # c\n    # deeper\nC: 2\n'],
    ['deeper comments at the end', 'A:\n  B:\n    C: 1\n      # x\n  # y\n'],
    ['deeper comments at the end, no line break', 'A:\n  B:\n    - 1\n        # x'],
    ['tagged scalar on the next line', "A:\n  command: !Sub\n    'until [ x ]; do\n     y; done'\n  B: !Ref\n    X\n  D: !Foo\n    12\nC: !Join\n  [a, [b]]\n"],
    ['tagged scalar on the next line after a comment', 'A: !Sub\n  # c\n  x\n'],
    ['tagged scalar on the next line in a sequence', 'A:\n- !Sub\n  x\n'],
    ['plain scalars starting with a colon', 'A:\n  - ::template-export.yml\n  - :a\n  - :/x\nB: ::x\n:k: v\n'],
    ['a plain scalar starting with a colon in flow', 'C: [a, :b]\n'],
    ['plain over lines', 'A:\n  B: x\n    y\n\n    z\n  C: 1\nD: a\n  b\n'],
    ['plain over lines after a comment', 'D: a\n  b # c\n  d\n'],
    ['quoted over lines', "A: 'a\n  b\n\n  c'\nB: \"x\n   y  \n  z\"\nC:\n  - 'p\n\n    q'\n"],
    ['empty values', 'A:\n  B:\n  C: 1\nD:\n  E:\nF:'],
    ['space before the colon', 'Type : String\n"Fn::If" : [a]\n"b"  :  1\nA: {"a" : 1, b : 2}\n'],
    ['nested sequences', 'A:\n - - a\n   - b\n - c\n -\n   B: 1\n - - !Sub |\n     x\n   - y\n'],
    ['map in a sequence with a block scalar', 'A:\n  - B: 1\n    C: |\n      x\n\n  - D'],
    ['indented root', '  A: 1\n  B: 2\n'],
    ['document start', '---\nA: 1'],
    ['tagged blocks', 'A: !Sub |\n  x\nB: !Join\n  - ""\n  - - a\n    - !Ref B\nC: !If\n- c\n- d\nE:\n  F: !Not\n  - x\n'],
    ['value on the next line', 'A:\n  !Join [a, [b]]\nB:\n  text\n  more\n'],
    ['flow over lines', 'A: [\n  1,\n  2\n  ]\nB: [\n  1\n ]\nC: !Join [\"\", [\n  \"x\n  y\", z\n  w]]\n'],
    ['numbers', 'A: 0x1F\nB: 1e3\nC: .inf\nD: ~\nE: 012\nF: 1.0\nG: [1.0, 0o7, -.5]\n'],
    ['folded block scalars', 'A: >-\n  x\n   y\n  z\n\n\nB: >\n  a\n\n  b\nC: |-\n    x\n  \n      \n# c\nD: 1\n'],
    ['empty block scalars', 'A:\n  - |+\n\n  - x\n  - |-\n\n  - |\n  - y\n'],
    ['tagged empty in flow', 'A: [!GetAZs , !GetAZs ]\n'],
    ['other tags', 'A: !ValueOf [a, b]\nB: !Foo 12\nC: !Foo\n  k: v\nD:\n  - !Bar x\n  - [!Baz 1, 2]\nE: !Foo "q"\n'],
    ['pairs in flow sequences', 'A: [ Ref: X, b ]\nB: [a, Fn::GetAZs: !Ref AWS::Region]\nC: [ {k: v}, "x": y]\nD: [a : b]\n'],
    ['CRLF', 'A: 1\r\nB:\r\n  - x # c\r\n  - "y\r\n    z"\r\n  - |\r\n    t\r\n\r\nC: {a: b}\r\n'],
    ['duplicate keys', 'A: 1\nB:\n  - x: 1\n    x: 2\nA: {a: 1, a: 2}\n'],
    ['keys like numbers', '1: a\ntrue: b\n~: c\n1.0: d\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    same('t.yaml', text);
  });
  it('ordinary templates are read by the block reader, the rest handed on', () => {
    for (const [name, text] of cases) {
      if (name.endsWith('after a comment') || name === 'deeper comment after a block scalar' || name.endsWith('in a sequence') || name.endsWith('colon in flow')) expect(parseYamlBlock('t.yaml', text), name).toBeUndefined();
      else expect(parseYamlBlock('t.yaml', text), name).toMatchObject({ errors: name === 'duplicate keys' ? [{}, {}, {}] : [] });
    }
    // What the CST walk gives up on too goes straight to composing.
    for (const text of ['a: &x {b: 1}\nc: *x\n', 'a: 1\n---\nb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a: !Foo &x 1\n']) {
      expect(parseYamlBlock('t.yaml', text), text).toBe(COMPOSE_ONLY);
    }
    for (const text of ['a:\n\tb: 1\n', 'a: 1\rb: 2\n', 'a: "\\q"\n', 'A:\n  B:\n      # deeper\n    C: 1\n']) {
      expect(parseYamlBlock('t.yaml', text), text).toBeUndefined();
    }
  });
});

describe('block reader on comment lines at any indentation', () => {
  // Random nested maps and sequences with comment and blank lines at random indentations (a fixed seed):
  // wherever the block reader answers, it gives what composing gives.
  it('equals the general path', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number): number => Math.floor(rnd() * n);
    let keys = 0;
    const map = (indent: number, depth: number, lines: string[]): void => {
      for (let n = 1 + pick(3); n > 0; n--) {
        const key = `${' '.repeat(indent)}k${keys++}:`;
        const r = depth > 3 ? 0 : pick(5);
        if (r === 0) lines.push(`${key} v`);
        else if (r === 1) lines.push(`${key} [a, b]`);
        else if (r === 2) { lines.push(key); map(indent + 2 + 2 * pick(2), depth + 1, lines); }
        else { lines.push(key); seq(r === 3 ? indent : indent + 2, depth + 1, lines); }
      }
    };
    const seq = (indent: number, depth: number, lines: string[]): void => {
      for (let n = 1 + pick(3); n > 0; n--) {
        if (depth > 3 || pick(2) === 0) { lines.push(`${' '.repeat(indent)}- s`); continue; }
        const item: string[] = [];
        map(indent + 2, depth + 1, item);
        item[0] = `${' '.repeat(indent)}- ${item[0]!.trimStart()}`;
        lines.push(...item);
      }
    };
    let read = 0;
    for (let doc = 0; doc < 600; doc++) {
      keys = 0;
      const lines: string[] = [];
      map(0, 0, lines);
      const out: string[] = [];
      for (const line of lines) {
        out.push(line);
        while (rnd() < 0.25) out.push(rnd() < 0.2 ? '' : `${' '.repeat(pick(12))}# c`);
      }
      const text = out.join('\n') + (rnd() < 0.5 ? '\n' : '');
      const block = parseYamlBlock('t.yaml', text);
      if (block === undefined || block === COMPOSE_ONLY) continue;
      read++;
      expect(JSON.stringify(block), text).toBe(JSON.stringify(composeDataDocument('t.yaml', text)));
    }
    expect(read).toBeGreaterThan(300);
  });
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
