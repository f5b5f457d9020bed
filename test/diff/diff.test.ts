import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/main.js';
import { scan } from '../../src/scan.js';
import { diffScans } from '../../src/diff/diff.js';
import type { InfraDiff } from '../../src/diff/diff.js';
import { formatDiffMarkdown, formatDiffSarif } from '../../src/diff/report.js';
import { dedent } from '../helpers/scan-snippet.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iac-check-diff-test-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), dedent(text));
  }
  return dir;
}

async function diffOf(before: Record<string, string>, after: Record<string, string>): Promise<InfraDiff> {
  const [a, b] = [await folder(before), await folder(after)];
  return diffScans({ name: 'base', root: a, scan: await scan([a], { root: a }) }, { name: 'head', root: b, scan: await scan([b], { root: b }) });
}

const change = (d: InfraDiff, address: string) => d.resources.find((r) => r.address === address);

const CFN_BASE = `
  AWSTemplateFormatVersion: '2010-09-09'
  Resources:
    Assets:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: assets-one
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
    Web:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: web
        SecurityGroupIngress:
          - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }
        SecurityGroupEgress:
          - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }
    Jobs:
      Type: AWS::SQS::Queue
      Properties: { SqsManagedSseEnabled: true }
`;
const CFN_HEAD = `
  AWSTemplateFormatVersion: '2010-09-09'
  Resources:
    Assets:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: assets-two
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
    Web:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: web
        SecurityGroupIngress:
          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
        SecurityGroupEgress:
          - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }
    Events:
      Type: AWS::SNS::Topic
`;

describe('CloudFormation through @aws-cdk/cloudformation-diff', () => {
  it('tells added, removed, modified and replaced resources, and the security concerns', async () => {
    const d = await diffOf({ 'app.yaml': CFN_BASE }, { 'app.yaml': CFN_HEAD });
    expect(change(d, 'Assets')).toMatchObject({ change: 'replaced', properties: [{ path: 'BucketName', change: 'modified', replaces: 'yes' }] });
    expect(change(d, 'Web')).toMatchObject({ change: 'modified', security: ['security group'] });
    expect(change(d, 'Jobs')).toMatchObject({ change: 'removed', type: 'AWS::SQS::Queue' });
    expect(change(d, 'Events')).toMatchObject({ change: 'added', type: 'AWS::SNS::Topic' });
    expect(d.resources).toHaveLength(4);
  });

  it('matches findings by fingerprint: the new SSH rule is added, nothing is fixed by moving lines', async () => {
    const d = await diffOf({ 'app.yaml': CFN_BASE }, { 'app.yaml': CFN_HEAD });
    expect(d.findings.added.map((f) => `${f.ruleId} ${f.resource.address}`)).toContain('sg-open-admin-ports Web');
    // The topic is new and unencrypted; the queue's removal fixes nothing it had.
    expect(d.findings.added.map((f) => `${f.ruleId} ${f.resource.address}`)).toContain('encryption-at-rest-messages Events');
    const moved = await diffOf({ 'app.yaml': CFN_BASE }, { 'app.yaml': CFN_BASE.replace('Resources:\n', 'Resources:\n\n\n\n') });
    expect(moved.resources).toEqual([]);
    expect(moved.findings.added).toEqual([]);
    expect(moved.findings.fixed).toEqual([]);
    expect(moved.findings.unchanged.length).toBeGreaterThan(0);
  });
});

const tf = (cidr: string, multiAz: boolean, extra = ''): string => `
  resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
  resource "aws_subnet" "a" {
    vpc_id            = aws_vpc.main.id
    cidr_block        = "${cidr}"
    availability_zone = "us-east-1a"
  }
  resource "aws_db_instance" "orders" {
    engine            = "postgres"
    instance_class    = "db.t3.micro"
    multi_az          = ${multiAz}
    storage_encrypted = true
  }
  ${extra}
`;

describe('Terraform through the graph and the documented force-new arguments', () => {
  it('a changed subnet CIDR replaces the subnet; Multi-AZ is a security-relevant in-place change', async () => {
    const d = await diffOf({ 'main.tf': tf('10.0.1.0/24', false) }, { 'main.tf': tf('10.0.9.0/24', true) });
    expect(change(d, 'aws_subnet.a')).toMatchObject({ change: 'replaced', properties: [{ path: 'cidr_block', change: 'modified', replaces: 'yes' }] });
    expect(change(d, 'aws_db_instance.orders')).toMatchObject({ change: 'modified', properties: [{ path: 'multi_az', change: 'modified' }], security: ['multi-AZ'] });
    expect(d.findings.fixed.map((f) => f.ruleId)).toContain('multi-az');
    expect(change(d, 'aws_vpc.main')).toBeUndefined();
  });

  it('moved code is no change, and added resources are listed', async () => {
    const d = await diffOf({ 'main.tf': tf('10.0.1.0/24', true) }, { 'main.tf': `\n\n${tf('10.0.1.0/24', true, 'resource "aws_sqs_queue" "jobs" {}')}` });
    expect(d.resources).toEqual([expect.objectContaining({ address: 'aws_sqs_queue.jobs', change: 'added' })]);
    expect(d.findings.fixed).toEqual([]);
  });
});

describe('reports', () => {
  it('Markdown: summary, new findings, risky changes and a Mermaid diagram of the changed neighbourhood, under the limit', async () => {
    const d = await diffOf({ 'app.yaml': CFN_BASE }, { 'app.yaml': CFN_HEAD });
    const md = formatDiffMarkdown(d);
    expect(md).toContain('| **resources replaced** | **1** |');
    expect(md).toContain('### New findings');
    expect(md).toMatch(/### Risky changes[\s\S]*\*\*replaced\*\* \| Assets \(AWS::S3::Bucket\)/);
    expect(md).toMatch(/```mermaid\nflowchart TB[\s\S]*REPLACED[\s\S]*```/);
    expect(md.length).toBeLessThan(60_000);
    // A small limit drops the diagram and cuts lists, but never goes over.
    const small = formatDiffMarkdown(d, 1500);
    expect(small.length).toBeLessThanOrEqual(1500);
    expect(small).toContain('### New findings');
    expect(small).not.toContain('```mermaid');
  });

  it('SARIF holds only the new findings', async () => {
    const d = await diffOf({ 'app.yaml': CFN_BASE }, { 'app.yaml': CFN_HEAD });
    const sarif = JSON.parse(formatDiffSarif(d, '0.0.0')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual(d.findings.added.map((f) => f.ruleId).sort());
    expect(d.head.scan.result.findings.length).toBeGreaterThan(d.findings.added.length);
  });
});

describe('iac-check diff on git refs', () => {
  it('reads both refs with git, leaves the work tree alone, and exits 1 on new findings', async () => {
    const repo = await folder({ 'infra/app.yaml': CFN_BASE });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    await writeFile(join(repo, 'infra/app.yaml'), dedent(CFN_HEAD));
    git('commit', '-q', '-am', 'head');
    // Uncommitted work in the tree must survive the diff untouched.
    await writeFile(join(repo, 'infra/app.yaml'), 'work in progress\n');
    let out = '';
    let err = '';
    const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false };
    const before = process.cwd();
    process.chdir(join(repo, 'infra'));
    let code: number;
    try {
      code = await main(['diff', 'HEAD~1', 'HEAD', '-f', 'json'], io);
    } finally {
      process.chdir(before);
    }
    expect(err).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(out) as { summary: { resources: Record<string, number> }; resources: { address: string; change: string; where: string }[] };
    expect(json.summary.resources).toMatchObject({ added: 1, removed: 1, modified: 1, replaced: 1 });
    expect(json.resources.find((r) => r.address === 'Assets')).toMatchObject({ change: 'replaced' });
    expect(await readFile(join(repo, 'infra/app.yaml'), 'utf8')).toBe('work in progress\n');
    expect(git('status', '--porcelain')).toBe(' M infra/app.yaml\n');
  });

  it('a name that is neither a folder nor a ref is a usage error', async () => {
    let err = '';
    const code = await main(['diff', 'no-such-ref-or-folder', '.'], { out: () => {}, err: (t) => { err += t; }, isTTY: false });
    expect(code).toBe(2);
    expect(err).toMatch(/no-such-ref-or-folder: neither a folder nor a git ref/);
  });
});
