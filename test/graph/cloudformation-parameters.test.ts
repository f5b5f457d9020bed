import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readParameterFile } from '../../src/graph/cloudformation/parameters.js';
import { scan } from '../../src/scan.js';
import { defaultConfig, validateConfig } from '../../src/config/config.js';
import type { Config } from '../../src/config/config.js';
import { dedent } from '../helpers/scan-snippet.js';

const at = (v: { span: { start: { line: number; column: number } } }) => [v.span.start.line, v.span.start.column];

describe('parameter files in the three formats', () => {
  it('the CloudFormation CLI list, skipping UsePreviousValue entries', () => {
    const r = readParameterFile('p.json', '[\n  { "ParameterKey": "Env", "ParameterValue": "prod" },\n  { "ParameterKey": "Size", "ParameterValue": 3 },\n  { "ParameterKey": "Old", "UsePreviousValue": true }\n]\n');
    expect(r.errors).toEqual([]);
    expect(r.set!.values.map((v) => [v.name, v.value, ...at(v)])).toEqual([['Env', 'prod', 2, 21], ['Size', '3', 3, 21]]);
  });
  it('the CodePipeline template configuration', () => {
    const r = readParameterFile('p.json', '{\n  "Parameters": {\n    "Env": "prod",\n    "Public": "true"\n  },\n  "Tags": { "team": "a" }\n}\n');
    expect(r.set!.values.map((v) => [v.name, v.value, ...at(v)])).toEqual([['Env', 'prod', 3, 5], ['Public', 'true', 4, 5]]);
  });
  it('Key=Value pairs as sam deploy --parameter-overrides takes them, quotes and the ParameterKey shorthand', () => {
    const r = readParameterFile('p.txt', '# prod\nEnv=prod Name="a b"\n  ParameterKey=Size,ParameterValue=3\n');
    expect(r.set!.values.map((v) => [v.name, v.value, ...at(v)])).toEqual([['Env', 'prod', 2, 1], ['Name', 'a b', 2, 10], ['Size', '3', 3, 3]]);
  });
  it('malformed files are errors with line and column', () => {
    expect(readParameterFile('p.txt', 'Env=prod\noops\n').errors).toMatchObject([{ file: 'p.txt', line: 2, column: 1, kind: 'parameters' }]);
    expect(readParameterFile('p.json', '[{ "ParameterKey": "A", "ParameterValue": ["x"] }]').errors).toMatchObject([{ line: 1, column: 43 }]);
    expect(readParameterFile('p.json', '{ "Env": "prod" }').errors[0]!.message).toMatch(/Parameters/);
  });
});

const TEMPLATE = dedent(`
  Parameters:
    Cidr:
      Type: String
      Default: 10.0.0.0/16
    Env:
      Type: String
      Default: dev
      AllowedValues: [dev, prod]
  Resources:
    Sg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: ssh
        SecurityGroupEgress:
          - IpProtocol: tcp
            FromPort: 443
            ToPort: 443
            CidrIp: 10.0.0.0/8
        SecurityGroupIngress:
          - IpProtocol: tcp
            FromPort: 22
            ToPort: 22
            CidrIp: !Ref Cidr
`);

async function scanWith(files: Record<string, string>, params: string[], config: Partial<Config> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'iac-check-params-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const out = await scan([join(dir, 'stacks')], { root: dir, config: { ...defaultConfig(), configFile: join(dir, '.iac-check.yaml'), ...config }, cfnParams: params.map((p) => join(dir, p)) });
    return out.result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('--cfn-params and cfnParameters', () => {
  it('a parameter file value replaces the default, and the finding stays on the template line', async () => {
    const r = await scanWith({ 'stacks/app.yaml': TEMPLATE, 'params/prod.txt': 'Cidr=0.0.0.0/0\n' }, ['params/prod.txt']);
    expect(r.errors).toEqual([]);
    const f = r.findings.filter((x) => x.ruleId === 'sg-open-admin-ports');
    expect(f.map((x) => [x.messageId, x.location.span.file, x.location.span.start.line, x.location.span.start.column])).toEqual([['adminPort', 'stacks/app.yaml', 23, 19]]);
  });
  it('without the file, the default applies', async () => {
    const r = await scanWith({ 'stacks/app.yaml': TEMPLATE }, []);
    expect(r.findings.filter((x) => x.ruleId === 'sg-open-admin-ports')).toEqual([]);
  });
  it('a name no template declares is an error at its place in the parameter file', async () => {
    const r = await scanWith({ 'stacks/app.yaml': TEMPLATE, 'p.json': '[\n  {"ParameterKey": "Cidrr", "ParameterValue": "0.0.0.0/0"}\n]\n' }, ['p.json']);
    expect(r.errors.map((e) => [e.file, e.line, e.column, e.kind])).toEqual([['p.json', 2, 20, 'parameters']]);
    expect(r.errors[0]!.message).toContain('"Cidrr" is not declared');
  });
  it('a value outside AllowedValues is an error', async () => {
    const r = await scanWith({ 'stacks/app.yaml': TEMPLATE, 'p.txt': 'Env=staging\n' }, ['p.txt']);
    expect(r.errors.map((e) => [e.file, e.line, e.column])).toEqual([['p.txt', 1, 1]]);
    expect(r.errors[0]!.message).toContain('not one of its AllowedValues');
  });
  it('the configuration maps files and values to templates by glob; names the template lacks are errors', async () => {
    const config = validateConfig({ cfnParameters: { 'stacks/app.yaml': 'params/prod.json', 'stacks/other.yaml': { Cidr: '0.0.0.0/0' } } });
    const r = await scanWith(
      {
        'stacks/app.yaml': TEMPLATE,
        'stacks/other.yaml': 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n',
        'params/prod.json': '{ "Parameters": { "Cidr": "0.0.0.0/0" } }',
      },
      [],
      config,
    );
    expect(r.findings.filter((x) => x.ruleId === 'sg-open-admin-ports').map((x) => x.location.span.start.line)).toEqual([23]);
    expect(r.errors.map((e) => [e.file, e.kind])).toEqual([['.iac-check.yaml', 'parameters']]);
    expect(r.errors[0]!.message).toContain('not declared by template stacks/other.yaml');
  });
  it('a bad cfnParameters setting names the key', () => {
    expect(() => validateConfig({ cfnParameters: { 'a.yaml': 3 } })).toThrow(/cfnParameters\.a\.yaml/);
  });
});
