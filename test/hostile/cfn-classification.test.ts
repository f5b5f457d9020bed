/**
 * Issue 7 item 4: a file that clearly tries to be a CloudFormation template but breaks its structure
 * is a structure error with position even without `AWSTemplateFormatVersion`; other YAML stays
 * "not CloudFormation" (skipped, with a note).
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { scanFiles } from '../helpers/scan-snippet.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const structure = async (text: string, file = 't.yaml') => {
  const out = await scanFiles({ [file]: text });
  return { errors: out.result.errors.filter((e) => e.kind === 'structure').map(({ line, column, message }) => ({ line, column, message })), notes: out.result.notes };
};

describe('templates without AWSTemplateFormatVersion that break the structure', () => {
  it('Resources as a list of resources', async () => {
    const r = await structure(lines('Resources:', '  - Type: AWS::S3::Bucket', '    Properties:', '      BucketName: x'));
    expect(r.errors).toEqual([{ line: 2, column: 3, message: 'Resources must be a map of logical ids to resources, not a list' }]);
  });

  it('Resources as a list of named resources (JSON too)', async () => {
    const r = await structure('{\n  "Resources": [\n    { "Bucket": { "Type": "AWS::S3::Bucket" } }\n  ]\n}\n', 't.json');
    expect(r.errors).toEqual([{ line: 2, column: 16, message: 'Resources must be a map of logical ids to resources, not a list' }]);
  });

  it('a resource without Type (Properties only)', async () => {
    const r = await structure(lines('Resources:', '  Bucket:', '    Properties:', '      BucketName: x'));
    expect(r.errors).toEqual([{ line: 2, column: 3, message: 'resource Bucket has no Type' }]);
  });

  it('a Type that is not a string', async () => {
    const r = await structure(lines('Resources:', '  Bucket:', '    Type: [AWS::S3::Bucket]'));
    expect(r.errors).toEqual([{ line: 3, column: 11, message: 'the Type of resource Bucket must be a resource type name such as AWS::S3::Bucket, not a list' }]);
  });

  it('an empty Type beside a well-formed resource', async () => {
    const r = await structure(lines('Resources:', '  Bucket:', '    Type:', '  Queue:', '    Type: AWS::SQS::Queue'));
    expect(r.errors.map((e) => e.message)).toEqual(['the Type of resource Bucket must be a resource type name such as AWS::S3::Bucket, not empty']);
  });
});

describe('other YAML stays not CloudFormation', () => {
  const notCfn = (text: string, file = 'x.yaml') => parseTemplate(file, text).kind;
  it.each([
    ['a Kubernetes manifest', lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: c', '      image: nginx', '      resources:', '        limits:', '          cpu: "1"')],
    ['a GitHub workflow', lines('name: ci', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4')],
    ['a docker-compose file', lines('services:', '  web:', '    image: nginx', '    deploy:', '      resources:', '        limits:', '          cpus: "0.5"')],
    ['a capitalised Resources list of names', lines('Name: team', 'Resources:', '  - cpu', '  - memory')],
    ['a capitalised Resources map of quantities', lines('Resources:', '  cpu: 2', '  memory: 4Gi')],
    ['a Resources map with someone else\'s Type', lines('Resources:', '  Database:', '    Type: postgres', '    Size: 10')],
  ])('%s', async (_, text) => {
    expect(notCfn(text)).toBe('not-cloudformation');
    const r = await structure(text, 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('skipped x.yaml'))).toBe(true);
  });
});
