import { describe, expect, it } from 'vitest';
import { get, type DocMap, type DocNode, type DocScalar } from '../../parsers/document.js';
import { parseDataDocument } from '../../parsers/cloudformation/yaml.js';
import { cloudFormationEvidence, isCloudFormation, parseTemplate } from '../../parsers/cloudformation/index.js';

function parseOk(text: string, file = 't.yaml') {
  const r = parseDataDocument(file, text);
  expect(r.errors).toEqual([]);
  expect(r.document).toBeDefined();
  return r.document!;
}

/** Plain JS view of a node (spans dropped), to compare shapes. */
function plain(n: DocNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}

const at = (n: { span: { start: { line: number; column: number } } } | undefined) => n && [n.span.start.line, n.span.start.column];

describe('short-form tags', () => {
  const fns = [
    'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAtt', 'GetAZs', 'If', 'ImportValue', 'Join', 'Length',
    'Not', 'And', 'Or', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform',
  ];
  it.each(fns)('!%s on a scalar becomes its Fn:: long form with the tag span', (fn) => {
    const doc = parseOk(`V: !${fn} abc\n`);
    const v = get(doc.root, 'V') as DocMap;
    expect(plain(v)).toEqual({ [`Fn::${fn}`]: 'abc' });
    expect(v.fromTag).toBe(true);
    expect(v.span.start).toEqual({ line: 1, column: 4 });
    expect(v.span.end).toEqual({ line: 1, column: 9 + fn.length });
    expect(v.entries[0]!.keySpan.start).toEqual({ line: 1, column: 4 });
    expect(v.entries[0]!.keySpan.end).toEqual({ line: 1, column: 5 + fn.length });
  });
  it.each(fns)('!%s on a flow sequence and a block map', (fn) => {
    const doc = parseOk(`A: !${fn} [x, 1]\nB: !${fn}\n  k: v\n`);
    expect(plain(get(doc.root, 'A'))).toEqual({ [`Fn::${fn}`]: ['x', 1] });
    expect(plain(get(doc.root, 'B'))).toEqual({ [`Fn::${fn}`]: { k: 'v' } });
  });
  it('!Ref and !Condition keep their own key names', () => {
    const doc = parseOk('A: !Ref Bucket\nB: !Condition IsProd\n');
    expect(plain(doc.root)).toEqual({ A: { Ref: 'Bucket' }, B: { Condition: 'IsProd' } });
  });
  it('!GetAtt keeps the dotted scalar, and the list form stays a list', () => {
    const doc = parseOk('A: !GetAtt Bucket.Arn\nB: !GetAtt [Bucket, DomainName]\nC: !GetAtt\n  - Db\n  - Endpoint.Address\n');
    expect(plain(doc.root)).toEqual({
      A: { 'Fn::GetAtt': 'Bucket.Arn' },
      B: { 'Fn::GetAtt': ['Bucket', 'DomainName'] },
      C: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
    });
    const c = get(get(doc.root, 'C'), 'Fn::GetAtt');
    expect(c?.kind).toBe('seq');
    expect(at(c)).toEqual([4, 3]);
  });
  it('nested tags, a tag on an empty value and on a block sequence', () => {
    const doc = parseOk(
      [
        'AZ: !Select [0, !GetAZs ""]',
        'Empty: !GetAZs',
        'Name: !Join',
        '  - "-"',
        '  - - !Ref AWS::StackName',
        '    - !Sub "${Env}-x"',
        'Cond: !If [IsProd, !Ref A, !Ref AWS::NoValue]',
        'Eq: !Not [!Equals [!Ref Env, prod]]',
      ].join('\n'),
    );
    expect(plain(doc.root)).toEqual({
      AZ: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Empty: { 'Fn::GetAZs': '' },
      Name: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, { 'Fn::Sub': '${Env}-x' }]] },
      Cond: { 'Fn::If': ['IsProd', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] },
      Eq: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }] },
    });
    // The inner !Ref inside the list spans its tag: line 5, column 7.
    const join = get(get(doc.root, 'Name'), 'Fn::Join');
    const inner = join?.kind === 'seq' && join.items[1]?.kind === 'seq' ? join.items[1].items[0] : undefined;
    expect(at(inner)).toEqual([5, 7]);
  });
  it('tagged scalars stay strings, even when they look like numbers', () => {
    const doc = parseOk('A: !Ref 123\n');
    expect(plain(doc.root)).toEqual({ A: { Ref: '123' } });
  });
  it('long forms and short forms give the same shape', () => {
    const a = parseOk('X: !Sub "arn:${AWS::Partition}:s3:::b"\n');
    const b = parseOk('X:\n  Fn::Sub: "arn:${AWS::Partition}:s3:::b"\n');
    expect(plain(a.root)).toEqual(plain(b.root));
  });
});

describe('positions', () => {
  it('YAML keys and values, 1-based, end exclusive', () => {
    const doc = parseOk('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    const res = doc.root.kind === 'map' ? doc.root.entries[0]! : undefined;
    expect(res?.keySpan.start).toEqual({ line: 1, column: 1 });
    const bucket = getEntryOf(res!.value, 'Bucket');
    expect(bucket.keySpan.start).toEqual({ line: 2, column: 3 });
    const type = getEntryOf(bucket.value, 'Type');
    expect(type.keySpan.start).toEqual({ line: 3, column: 5 });
    expect(type.value.span).toMatchObject({ file: 't.yaml', start: { line: 3, column: 11 }, end: { line: 3, column: 26 } });
  });
  it('JSON keys and values (including a tab-indented line and CRLF)', () => {
    const text = '{\r\n  "AWSTemplateFormatVersion": "2010-09-09",\r\n  "Resources": {\r\n\t"Bucket": {\r\n      "Type": "AWS::S3::Bucket",\r\n      "Properties": { "Versioned": true, "Count": 3 }\r\n    }\r\n  }\r\n}\r\n';
    const doc = parseOk(text, 'stack.json');
    const version = getEntryOf(doc.root, 'AWSTemplateFormatVersion');
    expect(version.keySpan.start).toEqual({ line: 2, column: 3 });
    expect(version.value.span.start).toEqual({ line: 2, column: 31 });
    expect((version.value as DocScalar).value).toBe('2010-09-09');
    const bucket = getEntryOf(getEntryOf(doc.root, 'Resources').value, 'Bucket');
    expect(bucket.keySpan.start).toEqual({ line: 4, column: 2 });
    const type = getEntryOf(bucket.value, 'Type');
    expect(type.keySpan).toMatchObject({ start: { line: 5, column: 7 }, end: { line: 5, column: 13 } });
    expect(type.value.span).toMatchObject({ start: { line: 5, column: 15 }, end: { line: 5, column: 32 } });
    const props = getEntryOf(bucket.value, 'Properties').value;
    const count = getEntryOf(props, 'Count');
    expect(count.keySpan.start).toEqual({ line: 6, column: 42 });
    expect(count.value).toMatchObject({ value: 3, span: { start: { line: 6, column: 51 } } });
    expect((getEntryOf(props, 'Versioned').value as DocScalar).value).toBe(true);
    expect(isCloudFormation(doc)).toBe(true);
  });
  it('keeps the written text of plain numbers that do not print back the same', () => {
    const doc = parseOk('Account: 012345678901\nVersion: 8.0\nPort: 443\nQuoted: "0123"\n');
    expect(get(doc.root, 'Account')).toMatchObject({ value: 12345678901, raw: '012345678901' });
    expect(get(doc.root, 'Version')).toMatchObject({ value: 8, raw: '8.0' });
    expect(get(doc.root, 'Port')).not.toHaveProperty('raw');
    expect(get(doc.root, 'Quoted')).toMatchObject({ value: '0123' });
  });
  it('YAML 1.2: dates and yes/no stay strings', () => {
    const doc = parseOk('AWSTemplateFormatVersion: 2010-09-09\nV: 2012-10-17\nE: yes\n');
    expect(plain(doc.root)).toEqual({ AWSTemplateFormatVersion: '2010-09-09', V: '2012-10-17', E: 'yes' });
  });
  it('anchors and aliases resolve to the anchored value', () => {
    const doc = parseOk('A: &tags [{Key: a, Value: b}]\nB: *tags\n');
    expect(plain(get(doc.root, 'B'))).toEqual([{ Key: 'a', Value: 'b' }]);
  });
});

function getEntryOf(n: DocNode, key: string) {
  expect(n.kind).toBe('map');
  const e = (n as DocMap).entries.find((x) => x.key === key);
  expect(e, key).toBeDefined();
  return e!;
}

describe('duplicate keys', () => {
  it('are errors that name where the first one was', () => {
    const r = parseDataDocument('d.yaml', 'A: 1\nB:\n  x: 1\n  y: 2\n  x: 3\n');
    expect(r.document).toBeUndefined();
    expect(r.errors).toEqual([
      { file: 'd.yaml', line: 5, column: 3, kind: 'duplicate-key', message: 'duplicate key "x" (first defined at line 3, column 3)' },
    ]);
  });
  it('in JSON too', () => {
    const r = parseDataDocument('d.json', '{"a": 1,\n "a": 2}');
    expect(r.errors).toMatchObject([{ kind: 'duplicate-key', line: 2, column: 2 }]);
  });
  it('same key in different maps is fine', () => {
    parseOk('A:\n  Type: x\nB:\n  Type: y\n');
  });
});

describe('comments', () => {
  it('collects comments with spans, not # inside strings or block scalars', () => {
    const text = [
      '# iac-check:ignore s3-versioning demo bucket',
      'Resources:',
      '  Bucket: # trailing',
      '    Type: AWS::S3::Bucket',
      "    Name: 'a # b'",
      '    Other: "c # d"',
      '    Plain: e#f',
      '    UserData: |',
      '      #!/bin/bash',
      '      # not a comment',
      '    # iac-check:ignore rule-x reason here',
      '    Last: !Sub "x" # after tag',
    ].join('\n');
    const doc = parseOk(text);
    expect(doc.comments).toEqual([
      { text: '# iac-check:ignore s3-versioning demo bucket', span: { file: 't.yaml', start: { line: 1, column: 1 }, end: { line: 1, column: 45 } } },
      { text: '# trailing', span: { file: 't.yaml', start: { line: 3, column: 11 }, end: { line: 3, column: 21 } } },
      { text: '# iac-check:ignore rule-x reason here', span: { file: 't.yaml', start: { line: 11, column: 5 }, end: { line: 11, column: 42 } } },
      { text: '# after tag', span: { file: 't.yaml', start: { line: 12, column: 20 }, end: { line: 12, column: 31 } } },
    ]);
    expect(plain(get(get(doc.root, 'Resources'), 'Bucket'))).toMatchObject({ Name: 'a # b', Other: 'c # d', Plain: 'e#f' });
  });
  it('JSON has none, even with # in strings', () => {
    expect(parseOk('{"a": "x # y", "b": "#z"}', 'a.json').comments).toEqual([]);
  });
});

describe('CloudFormation detection', () => {
  const yes: [string, string][] = [
    ['format version only', 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: x\n'],
    ['AWS:: resource', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'],
    ['Custom:: resource', 'Resources:\n  C:\n    Type: Custom::Thing\n'],
    ['Alexa:: resource', 'Resources:\n  S:\n    Type: Alexa::ASK::Skill\n'],
    ['SAM', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n'],
    ['JSON', '{"Resources": {"B": {"Type": "AWS::SNS::Topic"}}}'],
  ];
  it.each(yes)('yes: %s', (_n, text) => {
    const r = parseTemplate('t.yaml', text);
    expect(r.kind).toBe('template');
    if (r.kind === 'template') expect(cloudFormationEvidence(r.document)).toBeTruthy();
  });
  const no: [string, string, string][] = [
    ['kubernetes', 'k.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n'],
    ['k8s with resources', 'k.yaml', 'spec:\n  containers:\n    - resources:\n        limits: {cpu: 1}\n'],
    ['Resources without AWS types', 'r.yaml', 'Resources:\n  a:\n    Type: Something::Else\n'],
    ['package.json', 'package.json', '{"name": "x", "version": "1.0.0"}'],
    ['workflow', 'ci.yml', 'on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n'],
    ['empty file', 'e.yaml', ''],
    ['only a comment', 'e.yaml', '# nothing\n'],
    ['a list', 'l.yaml', '- a\n- b\n'],
    ['a scalar', 's.yaml', 'hello\n'],
  ];
  it.each(no)('no: %s', (_n, file, text) => {
    const r = parseTemplate(file, text);
    expect(r.kind).toBe('not-cloudformation');
    if (r.kind === 'not-cloudformation') expect(r.reason).toMatch(/\w/);
  });
});

describe('file-level details', () => {
  it('a byte-order mark does not shift first-line columns', () => {
    const doc = parseOk('\uFEFFAWSTemplateFormatVersion: "2010-09-09"\r\nResources: # c\r\n');
    expect(getEntryOf(doc.root, 'AWSTemplateFormatVersion').keySpan.start).toEqual({ line: 1, column: 1 });
    expect(doc.comments).toMatchObject([{ text: '# c', span: { start: { line: 2, column: 12 } } }]);
    expect(parseOk('\uFEFF{"a": 1}', 'b.json').root.span.start).toEqual({ line: 1, column: 1 });
  });
  it('several YAML documents: an error for a template, skipped otherwise', () => {
    const r = parseTemplate('m.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n---\nb: 1\n');
    expect(r).toMatchObject({ kind: 'error', errors: [{ kind: 'syntax', line: 2, column: 1, message: expect.stringMatching(/more than one YAML document/) }] });
    expect(parseTemplate('k.yaml', 'kind: A\n---\nkind: B\n').kind).toBe('not-cloudformation');
  });
  it('a .template file starting with { is held to JSON', () => {
    expect(parseTemplate('x.template', '{"AWSTemplateFormatVersion": "2010-09-09",}').kind).toBe('error');
    expect(parseTemplate('x.template', 'AWSTemplateFormatVersion: "2010-09-09"\n').kind).toBe('template');
  });
  it('an alias bomb in a file that is not a template is skipped with the reason', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`l${i}: &${'a'.repeat(i + 1)} [${Array(9).fill('*' + 'a'.repeat(i)).join(', ')}]`);
    const r = parseTemplate('values.yaml', bomb.join('\n'));
    expect(r).toMatchObject({ kind: 'not-cloudformation', reason: expect.stringMatching(/alias/) });
  });
});
