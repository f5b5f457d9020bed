import { mkdtemp, mkdir, rm, writeFile, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/main.js';

interface Run { code: number; out: string; err: string }

async function run(args: string[], cwd?: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false };
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, io);
    return { code, out, err };
  } finally {
    if (cwd) process.chdir(before);
  }
}

const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
      SecurityGroupEgress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 10.0.0.0/16
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iac-check-cli-'));
  await mkdir(join(dir, 'infra'));
  await writeFile(join(dir, 'infra', 'web.yaml'), OPEN_SSH);
  await writeFile(join(dir, 'infra', 'k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('iac-check CLI', () => {
  it('reports findings in text and exits 1', async () => {
    const r = await run(['infra', '--rules', 'sg-open-admin-ports'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('infra/web.yaml');
    expect(r.out).toContain('sg-open-admin-ports');
    expect(r.out).toMatch(/11:\d+/);
  });

  it('exits 0 when nothing reaches --fail-on', async () => {
    const r = await run(['infra', '--rules', 'sg-open-admin-ports', '--fail-on', 'critical', '--skip-rules', 'sg-open-admin-ports'], dir);
    expect(r.code).toBe(0);
  });

  it('writes JSON and SARIF to a file with -o', async () => {
    const jsonFile = join(dir, 'out.json');
    expect((await run(['infra', '-f', 'json', '-o', jsonFile, '--rules', 'sg-open-admin-ports'], dir)).code).toBe(1);
    const json = JSON.parse(await readFile(jsonFile, 'utf8')) as { findings: { ruleId: string; location: { file: string; startLine: number } }[] };
    expect(json.findings.map((f) => [f.ruleId, f.location.file, f.location.startLine])).toEqual([['sg-open-admin-ports', 'infra/web.yaml', 11]]);
    const sarifFile = join(dir, 'out.sarif');
    await run(['infra', '-f', 'sarif', '-o', sarifFile, '--sarif-category', 'cfn'], dir);
    const sarif = JSON.parse(await readFile(sarifFile, 'utf8')) as { runs: { automationDetails: { id: string }; results: unknown[] }[] };
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.automationDetails.id).toBe('cfn/');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it('lists rules, also as JSON', async () => {
    const text = await run(['rules']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('sg-open-admin-ports');
    const json = await run(['rules', '--format', 'json']);
    const list = JSON.parse(json.out) as { id: string; controls: string[] }[];
    expect(list.find((r) => r.id === 'sg-open-admin-ports')?.controls).toContain('1.15');
  });

  it('says what is wrong with a bad option and exits 2', async () => {
    const r = await run(['--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('xml');
  });

  it('rejects an unknown rule id', async () => {
    const r = await run(['infra', '--rules', 'no-such-rule'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no-such-rule');
  });

  it('rejects a missing path', async () => {
    const r = await run(['does-not-exist'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('does-not-exist');
  });

  it('names the bad key of a configuration file', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'rules:\n  sg-open-admin-ports: loud\n');
    const r = await run(['infra', '-c', 'bad.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules.sg-open-admin-ports');
  });

  it('honours configuration: rule off, ignore with reason, severity override', async () => {
    await writeFile(join(dir, 'off.yaml'), 'rules:\n  sg-open-admin-ports: off\n');
    expect((await run(['infra', '-c', 'off.yaml', '--rules', 'sg-open-admin-ports'], dir)).code).toBe(0);
    await writeFile(join(dir, 'ignore.yaml'), 'ignore:\n  - rule: sg-open-admin-ports\n    resource: Web\n    reason: bastion reached through a VPN only\n');
    const ignored = await run(['infra', '-c', 'ignore.yaml', '--rules', 'sg-open-admin-ports', '-f', 'json'], dir);
    expect(ignored.code).toBe(0);
    expect(ignored.out).toContain('bastion reached through a VPN only');
    await writeFile(join(dir, 'low.yaml'), 'rules:\n  sg-open-admin-ports: low\n');
    const low = await run(['infra', '-c', 'low.yaml', '--rules', 'sg-open-admin-ports', '--fail-on', 'high'], dir);
    expect(low.code).toBe(0);
  });

  it('scans the other files and exits 2 when one does not parse', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'iac-check-cli-bad-'));
    try {
      await writeFile(join(bad, 'web.yaml'), OPEN_SSH);
      await writeFile(join(bad, 'broken.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n   Properties: [\n");
      await symlink(bad, join(bad, 'loop'));
      const r = await run(['.', '--rules', 'sg-open-admin-ports'], bad);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/broken\.yaml:\d+:\d+/);
      expect(r.out).toContain('web.yaml');
      expect(r.out + r.err).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('prints skipped files with --verbose', async () => {
    const r = await run(['infra', '--verbose', '--rules', 'sg-open-admin-ports'], dir);
    expect(r.out).toContain('k8s.yaml');
  });

  it('applies a folder\'s own .iac-check.yaml (accounts and ignores) to the files below it', async () => {
    const base = await mkdtemp(join(tmpdir(), 'iac-check-cli-nested-'));
    try {
      const trail = "  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: org-trail-logs\n";
      const bucket = "  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: org-trail-logs\n";
      for (const team of ['a', 'b', 'c']) await mkdir(join(base, team));
      await writeFile(join(base, 'a', 'stack.yaml'), 'Resources:\n' + trail + bucket);
      await writeFile(join(base, 'b', 'stack.yaml'), 'Resources:\n' + trail + bucket);
      await writeFile(join(base, 'b', '.iac-check.yaml'), 'ignore:\n  - rule: cloudtrail-bucket-separate-account\n    reason: sandbox account, no audit data\n');
      await writeFile(join(base, 'c', 'trail.yaml'), 'Resources:\n' + trail);
      await writeFile(join(base, 'c', 'archive.yaml'), 'Resources:\n' + bucket);
      await writeFile(join(base, 'c', '.iac-check.yaml'), "accounts:\n  archive.yaml: '222222222222'\n  '**': '111111111111'\n");
      const r = await run(['.', '-f', 'json', '--rules', 'cloudtrail-bucket-separate-account'], base);
      const json = JSON.parse(r.out) as { findings: { location: { file: string }; suppression?: { reason: string } }[] };
      expect(json.findings.map((f) => [f.location.file, f.suppression?.reason ?? null])).toEqual([
        ['a/stack.yaml', null],
        ['b/stack.yaml', 'sandbox account, no audit data'],
      ]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
