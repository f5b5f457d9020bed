/**
 * The first day in a real repository: a baseline for the findings it already has, exit codes
 * that fail on what matters, typos that are never accepted silently, several reports from one
 * scan, and the pre-commit way of passing changed files.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/main.js';

interface Run { code: number; out: string; err: string }

async function run(args: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return { code: await main(args, io), out, err };
  } finally {
    process.chdir(before);
  }
}

/** A security group open to the internet on SSH: one critical `sg-open-admin-ports` finding each. */
function openGroup(name: string): string {
  return `  ${name}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ${name}
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;
}

function template(names: string[]): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${names.map(openGroup).join('')}`;
}

const ONLY = ['--rules', 'sg-open-admin-ports'];
const names = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `Legacy${String(i + from).padStart(3, '0')}`);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iac-check-adopt-'));
  await mkdir(join(dir, 'infra'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface SarifLog {
  runs: { results: { ruleId: string; baselineState?: string; suppressions?: { kind: string; justification: string }[]; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
}

describe('adopting with a baseline', () => {
  it('records 100 old findings, then fails only on the new one and lists what was fixed', async () => {
    await writeFile(join(dir, 'infra', 'legacy.yaml'), template(names(100)));
    // Before: 100 findings fail the build.
    expect((await run(['infra', ...ONLY, '-q'], dir)).code).toBe(1);

    const written = await run(['infra', ...ONLY, '--write-baseline', 'iac-check.baseline.json', '-f', 'json', '-o', 'before.json'], dir);
    expect(written.code).toBe(1);
    expect(written.err).toContain('recorded 100 finding(s) in the baseline iac-check.baseline.json');
    const baseline = JSON.parse(await readFile(join(dir, 'iac-check.baseline.json'), 'utf8')) as { version: number; tool: string; findings: { fingerprint: string; ruleId: string; file: string; line: number; resource: string; message: string }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.tool).toBe('iac-check');
    expect(baseline.findings).toHaveLength(100);
    expect(baseline.findings[0]).toMatchObject({ ruleId: 'sg-open-admin-ports', file: 'infra/legacy.yaml', line: 11, resource: 'Legacy000' });
    expect(baseline.findings.map((f) => f.line)).toEqual([...baseline.findings.map((f) => f.line)].sort((a, b) => a - b));

    // The same code against its baseline: nothing new, exit 0, all 100 kept as suppressed in SARIF.
    const same = await run(['infra', ...ONLY, '--baseline', 'iac-check.baseline.json', '-f', 'sarif', '-o', 'same.sarif'], dir);
    expect(same.code).toBe(0);
    const sarif = JSON.parse(await readFile(join(dir, 'same.sarif'), 'utf8')) as SarifLog;
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(100);
    expect(results.every((r) => r.suppressions?.[0]?.kind === 'external' && r.suppressions[0].justification === 'recorded in the baseline iac-check.baseline.json')).toBe(true);
    expect(results.every((r) => r.baselineState === 'unchanged')).toBe(true);

    // Lines move (a comment on top), one group is added, three are fixed.
    const now = [...names(97, 3), 'NewOpenGroup'];
    await writeFile(join(dir, 'infra', 'legacy.yaml'), `# moved down two lines\n\n${template(now)}`);
    const text = await run(['infra', ...ONLY, '--baseline', 'iac-check.baseline.json', '-v'], dir);
    expect(text.code).toBe(1);
    const findingLines = text.out.split('\n').filter((l) => /^\s+\d+:\d+\s+critical/.test(l));
    expect(findingLines).toHaveLength(1);
    expect(text.out).toContain('NewOpenGroup (AWS::EC2::SecurityGroup)');
    expect(text.out).toContain('97 in the baseline, 3 of its entries fixed');
    expect(text.out).toMatch(/Fixed since the baseline iac-check\.baseline\.json:\n {2}infra\/legacy\.yaml:11 .*Legacy000/);

    const json = JSON.parse((await run(['infra', ...ONLY, '--baseline', 'iac-check.baseline.json', '-f', 'json'], dir)).out) as {
      stats: { findings: number; suppressed: number };
      baseline: { matched: number; fixed: { resource: string }[] };
    };
    expect(json.stats).toMatchObject({ findings: 1, suppressed: 97 });
    expect(json.baseline.matched).toBe(97);
    expect(json.baseline.fixed.map((f) => f.resource)).toEqual(['Legacy000', 'Legacy001', 'Legacy002']);

    const newOnly = await run(['infra', ...ONLY, '--baseline', 'iac-check.baseline.json', '--fail-on', 'new', '-f', 'sarif', '-o', 'new.sarif'], dir);
    expect(newOnly.code).toBe(1);
    const states = (JSON.parse(await readFile(join(dir, 'new.sarif'), 'utf8')) as SarifLog).runs[0]!.results.map((r) => r.baselineState);
    expect(states.filter((s) => s === 'new')).toHaveLength(1);
    expect(states.filter((s) => s === 'unchanged')).toHaveLength(97);
  });

  it('refuses a file that is not a baseline, naming it', async () => {
    await writeFile(join(dir, 'not-a-baseline.json'), '{"findings": []}');
    const r = await run(['infra', ...ONLY, '--baseline', 'not-a-baseline.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not-a-baseline.json: not an iac-check baseline');
    expect(r.out).toBe('');
  });
});

describe('--fail-on never and new', () => {
  it('never: reports the findings and exits 0', async () => {
    await writeFile(join(dir, 'infra', 'legacy.yaml'), template(['Open']));
    const r = await run(['infra', ...ONLY, '--fail-on', 'never'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('sg-open-admin-ports');
  });

  it('never still exits 2 on a file that cannot be parsed, as documented', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'iac-check-never-'));
    try {
      await writeFile(join(bad, 'broken.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n   Properties: [\n");
      expect((await run(['.', '--fail-on', 'never'], bad)).code).toBe(2);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('new without a baseline is a usage error', async () => {
    const r = await run(['infra', '--fail-on', 'new'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--fail-on new needs --baseline');
  });

  it('takes failOn: never from the configuration, and the command line over it', async () => {
    await writeFile(join(dir, 'never.yaml'), 'failOn: never\n');
    expect((await run(['infra', ...ONLY, '-c', 'never.yaml', '-q'], dir)).code).toBe(0);
    expect((await run(['infra', ...ONLY, '-c', 'never.yaml', '-q', '--fail-on', 'low'], dir)).code).toBe(1);
  });
});

describe('strict configuration', () => {
  it('rejects an unknown rule id in the configuration, suggesting the closest', async () => {
    await writeFile(join(dir, 'typo.yaml'), 'rules:\n  s3-public-acess: off\nignore:\n  - rule: sg-ingress\n    reason: bastion\n');
    const r = await run(['infra', '-c', 'typo.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('typo.yaml: `rules.s3-public-acess`: unknown rule id "s3-public-acess"; did you mean "s3-public-access"?');
    expect(r.err).toContain('typo.yaml: `ignore[0].rule`: unknown rule id "sg-ingress"; did you mean "sg-restricted-ingress"?');
    expect(r.out).toBe('');
  });

  it('rejects an unknown rule id in a folder configuration as an error on that file', async () => {
    const base = await mkdtemp(join(tmpdir(), 'iac-check-nested-typo-'));
    try {
      await mkdir(join(base, 'team'));
      await writeFile(join(base, 'team', 'web.yaml'), template(['Open']));
      await writeFile(join(base, 'team', '.iac-check.yaml'), 'ignore:\n  - rule: sg-restricted-ingres\n    reason: VPN only\n');
      const r = await run(['.', ...ONLY], base);
      expect(r.code).toBe(2);
      expect(r.out).toContain('team/.iac-check.yaml:1:1  error  `ignore[0].rule`: unknown rule id "sg-restricted-ingres"; did you mean "sg-restricted-ingress"?');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('rejects unknown ids in --rules and --skip-rules with a suggestion', async () => {
    const r = await run(['infra', '--skip-rules', 'encryption-at-rst'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--skip-rules: unknown rule id "encryption-at-rst"; did you mean "encryption-at-rest"?');
  });

  it('suggests the setting a misspelt configuration key meant', async () => {
    await writeFile(join(dir, 'key.yaml'), 'exlude:\n  - legacy/**\n');
    const r = await run(['infra', '-c', 'key.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('`exlude` is not a setting; did you mean `exclude`?');
  });

  it('warns at its position about an inline ignore naming an unknown rule, and honours several ids in one comment', async () => {
    const base = await mkdtemp(join(tmpdir(), 'iac-check-inline-'));
    try {
      await writeFile(
        join(base, 'main.tf'),
        [
          'resource "aws_security_group" "web" {',
          '  # iac-check:ignore sg-restricted-egress, sg-open-admin-ports bastion behind the VPN',
          '  ingress {',
          '    from_port   = 22',
          '    to_port     = 22',
          '    protocol    = "tcp"',
          '    cidr_blocks = ["0.0.0.0/0"]',
          '  }',
          '}',
          '',
          '# iac-check:ignore sg-restricted-ingres typo',
          'resource "aws_security_group" "db" {',
          '  ingress {',
          '    from_port   = 5432',
          '    to_port     = 5432',
          '    protocol    = "tcp"',
          '    cidr_blocks = ["0.0.0.0/0"]',
          '  }',
          '}',
          '',
        ].join('\n'),
      );
      const r = await run(['.', '--rules', 'sg-open-admin-ports,sg-restricted-egress', '-f', 'json'], base);
      const json = JSON.parse(r.out) as {
        findings: { ruleId: string; resource: { address: string }; suppression: { reason: string } | null }[];
        notices: { level: string; message: string; location: { file: string; startLine: number; startColumn: number } }[];
      };
      const web = json.findings.filter((f) => f.resource.address === 'aws_security_group.web');
      // The second id of the list suppresses too, with the reason after the list.
      expect(web.map((f) => [f.ruleId, f.suppression?.reason])).toEqual([['sg-open-admin-ports', 'bastion behind the VPN']]);
      expect(json.findings.find((f) => f.resource.address === 'aws_security_group.db' && f.ruleId === 'sg-open-admin-ports')?.suppression).toBeNull();
      const warning = json.notices.find((n) => n.level === 'warning');
      expect(warning?.message).toContain('unknown rule id "sg-restricted-ingres"; did you mean "sg-restricted-ingress"?');
      expect(warning?.location).toMatchObject({ file: 'main.tf', startLine: 11, startColumn: 1 });

      // Shown in the text report without --verbose, and as a SARIF warning notification.
      const text = await run(['.', ...ONLY], base);
      expect(text.out).toMatch(/main\.tf:11:1 {2}warning {2}suppression not honoured: unknown rule id "sg-restricted-ingres"/);
      await run(['.', ...ONLY, '-f', 'sarif', '-o', 'out.sarif'], base);
      const sarif = JSON.parse(await readFile(join(base, 'out.sarif'), 'utf8')) as { runs: { invocations: { toolConfigurationNotifications: { level: string; message: { text: string }; associatedRule?: unknown }[] }[] }[] };
      const notes = sarif.runs[0]!.invocations[0]!.toolConfigurationNotifications;
      const sarifWarning = notes.find((n) => n.level === 'warning');
      expect(sarifWarning?.message.text).toContain('sg-restricted-ingres');
      expect(sarifWarning?.associatedRule).toBeUndefined();
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('warns about CloudFormation Metadata ignores not in the documented shape', async () => {
    const base = await mkdtemp(join(tmpdir(), 'iac-check-metadata-'));
    try {
      await writeFile(
        join(base, 'web.yaml'),
        [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Resources:',
          '  Web:',
          '    Type: AWS::EC2::SecurityGroup',
          '    Metadata:',
          '      iac-check:',
          '        ignores:',
          '          - id: sg-open-admin-ports',
          '            reason: bastion',
          '    Properties:',
          '      GroupDescription: web',
          '      SecurityGroupIngress:',
          '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }',
          '',
        ].join('\n'),
      );
      const r = await run(['.', ...ONLY, '-f', 'json'], base);
      const json = JSON.parse(r.out) as { findings: { suppression: unknown }[]; notices: { level: string; message: string; location: { startLine: number } }[] };
      expect(json.findings[0]!.suppression).toBeNull();
      const warning = json.notices.find((n) => n.level === 'warning');
      expect(warning?.message).toContain('Metadata `iac-check.ignores` is not a setting');
      expect(warning?.location.startLine).toBe(7);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('usage errors before the scan', () => {
  const cases: [string, string[], string][] = [
    ['--sarif-category with text', ['--sarif-category', 'infra'], '--sarif-category applies to the sarif format only'],
    ['--delivery without checklist', ['--delivery', 'customer-deployed'], '--delivery applies to the checklist format only'],
    ['-q with -v', ['-q', '-v'], '--quiet and --verbose'],
    ['-o into a missing folder', ['-f', 'sarif', '-o', 'no-such-dir/results.sarif'], '--output no-such-dir/results.sarif: the folder no-such-dir does not exist'],
    ['a missing --var-file', ['--var-file', 'prod.tfvars'], '--var-file prod.tfvars: no such file'],
    ['a missing --root', ['--root', 'elsewhere'], '--root elsewhere: no such folder'],
    ['a missing --cdk-source', ['--cdk-source', 'app-src'], '--cdk-source app-src: no such folder'],
    ['a missing --baseline', ['--baseline', 'old.json'], '--baseline old.json: no such file'],
    ['a missing --config', ['--config', 'strict.yaml'], '--config strict.yaml: no such file'],
    ['several formats to standard output', ['-f', 'sarif,markdown'], 'several formats need --output'],
    ['fewer files than formats', ['-f', 'sarif,markdown', '-o', 'results.sarif'], '1 file(s) for 2 format(s)'],
    ['an unknown format', ['-f', 'sarif,markdwn', '-o', 'a,b'], 'unknown format "markdwn"; did you mean "markdown"?'],
    ['--output with --output-dir', ['-o', 'a.txt', '--output-dir', 'reports'], '--output and --output-dir'],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await run(['infra', ...args], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    });
  }
});

describe('several reports from one scan', () => {
  it('writes each format to its own file with --format a,b --output x,y', async () => {
    await writeFile(join(dir, 'infra', 'legacy.yaml'), template(['Open']));
    const r = await run(['infra', ...ONLY, '-f', 'sarif,markdown,json', '-o', 'results.sarif,summary.md,results.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const sarif = JSON.parse(await readFile(join(dir, 'results.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]!.results).toHaveLength(1);
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toMatch(/^## iac-check report/);
    expect((JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('writes every format into --output-dir, creating it', async () => {
    const r = await run(['infra', ...ONLY, '-f', 'text,sarif,checklist', '--output-dir', 'reports'], dir);
    expect(r.code).toBe(1);
    for (const f of ['iac-check.txt', 'iac-check.sarif', 'iac-check.checklist.md']) expect(existsSync(join(dir, 'reports', f))).toBe(true);
    expect(await readFile(join(dir, 'reports', 'iac-check.txt'), 'utf8')).toContain('infra/legacy.yaml');
  });
});

describe('pre-commit', () => {
  it('--folders-of-files scans the folder of each changed file, so a Terraform module is whole', async () => {
    const base = await mkdtemp(join(tmpdir(), 'iac-check-precommit-'));
    try {
      await mkdir(join(base, 'net'));
      await writeFile(join(base, 'net', 'variables.tf'), 'variable "cidr" {\n  default = "0.0.0.0/0"\n}\n');
      await writeFile(
        join(base, 'net', 'main.tf'),
        'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.cidr]\n  }\n}\n',
      );
      // Only main.tf changed: alone, var.cidr has no default; with its folder it is 0.0.0.0/0.
      const alone = await run(['net/main.tf', ...ONLY, '-q'], base);
      expect(alone.code).toBe(0);
      const folder = await run(['net/main.tf', ...ONLY, '--folders-of-files', '-q'], base);
      expect(folder.code).toBe(1);
      // The open CIDR is written in variables.tf: the finding points there.
      expect(folder.out).toContain('net/variables.tf');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('iac-check rules --format markdown', () => {
  it('prints a table with every rule, linked to its documentation', async () => {
    const r = await run(['rules', '--format', 'markdown'], dir);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('| id | severity | controls | title |');
    expect(lines[1]).toBe('| --- | --- | --- | --- |');
    expect(r.out).toMatch(/^\| \[`sg-restricted-ingress`\]\(https:\/\/github\.com\/iac-check\/iac-check\/blob\/main\/docs\/rules\/sg-restricted-ingress\.md\) \| (critical|high|medium|low) \| 1\.15 \| /m);
  });
});
