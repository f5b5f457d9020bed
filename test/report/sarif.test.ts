import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { spanOf } from '../../src/core/source.js';
import { buildSarif, formatSarif, primaryLocationLineHash } from '../../src/report/sarif.js';
import { RULES, finding, scanResult } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const options = { toolVersion: '0.1.0' };

function log(result = scanResult(), opts: { toolVersion: string; category?: string } = options): Sarif.Log {
  return JSON.parse(formatSarif(result, RULES, opts)) as Sarif.Log;
}

function theRun(l: Sarif.Log): Sarif.Run {
  expect(l.runs).toHaveLength(1);
  return l.runs[0]!;
}

describe('formatSarif: structure for GitHub code scanning', () => {
  const l = log();
  const run = theRun(l);
  const rules = run.tool.driver.rules!;

  it('has $schema, version, one run and the driver', () => {
    expect(l.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(l.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'iac-check', version: '0.1.0', semanticVersion: '0.1.0', informationUri: 'https://github.com/iac-check/iac-check' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
  });

  it('describes every enabled rule, also those without results', () => {
    expect(rules.map((r) => r.id)).toEqual(['multi-az', 's3-public-access', 'sg-restricted-ingress']);
    const s3 = rules[1]!;
    expect(s3.name).toBe('S3PublicAccess');
    expect(s3.shortDescription).toEqual({ text: 'S3 buckets block public access' });
    expect(s3.fullDescription).toEqual({ text: 'A public bucket exposes customer data to anyone on the internet.' });
    expect(s3.helpUri).toBe('https://github.com/iac-check/iac-check/blob/main/docs/rules/s3-public-access.md');
    expect(s3.help!.text).toContain('Remediation: Enable all four settings');
    expect(s3.help!.text).toContain(s3.helpUri);
    expect(s3.help!.markdown).toContain('[Documentation](https://github.com/iac-check/iac-check/blob/main/docs/rules/s3-public-access.md)');
    expect(s3.defaultConfiguration).toEqual({ level: 'error' });
    expect(s3.properties).toEqual({
      tags: ['security', 'control-1.15', 'control-1.16'],
      'security-severity': '9.5',
      precision: 'very-high',
      controls: ['1.15', '1.16'],
    });
    expect(rules[2]!.properties!.tags).toEqual(['security', 'network', 'control-1.20']);
    expect(rules[2]!.properties!['security-severity']).toBe('8.0');
    expect(rules[0]!.properties!['security-severity']).toBe('5.5');
    expect(rules[0]!.defaultConfiguration!.level).toBe('warning');
    expect(rules[0]!.name).toBe('MultiAz');
  });

  it('keeps descriptions within GitHub’s 1,024 characters', () => {
    for (const r of rules) {
      expect(r.shortDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(r.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(r.name!.length).toBeLessThanOrEqual(255);
    }
    const long = rules[2]!.fullDescription!.text;
    expect(long.length).toBeGreaterThan(900);
    expect(long.endsWith('…')).toBe(true);
  });

  it('writes results with rule index, level, location, resource and a line-free fingerprint', () => {
    const results = run.results!;
    expect(results).toHaveLength(4);
    const ssh = results.find((r) => r.message.text === 'Port 22 is open to 0.0.0.0/0.')!;
    expect(ssh).toMatchObject({ ruleId: 'sg-restricted-ingress', ruleIndex: 2, level: 'error' });
    expect(rules[ssh.ruleIndex!]!.id).toBe(ssh.ruleId);
    expect(ssh.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'infra/network.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 30, startColumn: 11, endLine: 30, endColumn: 22 },
        },
        logicalLocations: [{ name: 'WebSg', kind: 'resource', fullyQualifiedName: 'AWS::EC2::SecurityGroup::WebSg' }],
      },
    ]);
    expect(ssh.partialFingerprints).toEqual({ primaryLocationLineHash: '0f1e2d3c4b5a6978:1' });
    expect(ssh.properties).toEqual({
      controls: ['1.20'],
      severity: 'critical',
      resourceType: 'AWS::EC2::SecurityGroup',
      propertyPath: 'Properties.SecurityGroupIngress[0].CidrIp',
    });
    const cdk = results.find((r) => r.partialFingerprints!.primaryLocationLineHash === '99aa88bb77cc66dd:1')!;
    expect(cdk.level).toBe('error');
    expect(cdk.properties!.constructPath).toBe('App/Stack/AppSg');
    // A zero-width span is widened to one character.
    expect(cdk.locations![0]!.physicalLocation!.region).toEqual({ startLine: 9, startColumn: 5, endLine: 9, endColumn: 6 });
    expect(cdk.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'cdk.out/Stack.template.json', uriBaseId: '%SRCROOT%' },
          region: { startLine: 40, startColumn: 7, endLine: 44, endColumn: 8 },
        },
        message: { text: 'synthesized template' },
      },
    ]);
  });

  it('keeps suppressed findings, with their justification', () => {
    const db = run.results!.find((r) => r.ruleId === 'multi-az')!;
    expect(db.level).toBe('warning');
    expect(db.suppressions).toEqual([
      {
        kind: 'inSource',
        justification: 'dev database, single AZ by design',
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'infra/db.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 60 },
          },
        },
      },
    ]);
    expect(run.results!.filter((r) => r.suppressions).length).toBe(1);
  });

  it('reports input errors and undecidable checks as notifications, never results', () => {
    const inv = run.invocations![0]!;
    expect(run.invocations).toHaveLength(1);
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'unexpected end of flow mapping (syntax)' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'infra/broken.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 6 },
            },
          },
        ],
        properties: { kind: 'syntax' },
      },
    ]);
    expect(inv.toolConfigurationNotifications).toHaveLength(1);
    expect(inv.toolConfigurationNotifications![0]).toMatchObject({
      level: 'note',
      message: { text: 'Replica: MultiAZ is a parameter without default; cannot decide' },
      associatedRule: { id: 'multi-az', index: 0 },
    });
    expect(run.results!.some((r) => (r.message.text ?? '').includes('cannot decide'))).toBe(false);
    const clean = theRun(log(scanResult({ errors: [], notices: [] })));
    expect(clean.invocations![0]).toEqual({ executionSuccessful: true });
  });

  it('sets automationDetails.id to "<category>/" (GitHub reads the category before the last slash)', () => {
    expect(run.automationDetails).toEqual({ id: 'iac-check/' });
    expect(theRun(log(scanResult(), { toolVersion: '0.1.0', category: 'infra/prod' })).automationDetails).toEqual({ id: 'infra/prod/' });
  });

  it('omits semanticVersion when the version is not SemVer', () => {
    const d = theRun(log(scanResult(), { toolVersion: 'dev-build' })).tool.driver;
    expect(d.version).toBe('dev-build');
    expect(d.semanticVersion).toBeUndefined();
  });

  it('writes relative URIs with forward slashes, percent-encoded', () => {
    const r = theRun(
      log(scanResult({ findings: [finding({ location: { span: spanOf('infra\\my stacks/app#1.yaml', 1, 1, 1, 4) } })], errors: [], notices: [] })),
    );
    expect(r.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('infra/my%20stacks/app%231.yaml');
  });
});

describe('formatSarif: fingerprints', () => {
  it('do not change when a finding moves to other lines', () => {
    const before = buildSarif(scanResult(), RULES, options).runs[0]!.results!;
    const moved = scanResult();
    moved.findings = moved.findings.map((f) => ({
      ...f,
      location: {
        ...f.location,
        span: spanOf(f.location.span.file, f.location.span.start.line + 17, 1, f.location.span.end.line + 18, 3),
      },
    }));
    const after = buildSarif(moved, RULES, options).runs[0]!.results!;
    expect(after.map((r) => r.locations![0]!.physicalLocation!.region!.startLine)).not.toEqual(
      before.map((r) => r.locations![0]!.physicalLocation!.region!.startLine),
    );
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
  });

  it('use GitHub’s <hash>:<occurrence> form', () => {
    expect(primaryLocationLineHash('abc123')).toBe('abc123:1');
    expect(primaryLocationLineHash('abc123:2')).toBe('abc123:2');
  });
});

describe('formatSarif: validation', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'iac-check-sarif-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const cases: [string, string][] = [
    ['full', formatSarif(scanResult(), RULES, options)],
    ['clean', formatSarif(scanResult({ findings: [], errors: [], notices: [] }), RULES, { toolVersion: '0.1.0', category: 'cfn' })],
    [
      'unresolved modules',
      formatSarif(
        scanResult({ unresolvedModules: [{ span: spanOf('infra/main.tf', 5, 1, 8, 2), module: 'vpc', source: 'terraform-aws-modules/vpc/aws', message: 'module "vpc" (terraform-aws-modules/vpc/aws) is not on disk' }] }),
        RULES,
        options,
      ),
    ],
  ];

  it.each(cases)('%s log validates against the SARIF 2.1.0 JSON schema', (_name, text) => {
    const schema = JSON.parse(readFileSync(join(here, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    // The schema only uses draft-07 keywords; drop its meta-schema declaration and let ajv use draft-07.
    delete schema.$schema;
    delete schema.$id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail (a broken log is rejected)', () => {
    const schema = JSON.parse(readFileSync(join(here, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const broken = JSON.parse(cases[0]![1]) as { runs: { results: { locations: { physicalLocation: { region: { startColumn: number } } }[] }[] }[] };
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startColumn = 0;
    expect(ajv.validate(schema, broken)).toBe(false);
  });

  const multitool = join(repoRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  const unavailable = multitoolUnavailable(multitool);

  it.skipIf(unavailable !== undefined).each(cases)(
    '%s log passes the SARIF multitool validator (rule kinds Gh;Sarif) with no errors',
    (name, text) => {
      const input = join(tmp, `${name}.sarif`);
      const output = join(tmp, `${name}.validation.sarif`);
      writeFileSync(input, text);
      const run = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite', '-o', output, input], {
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      const validation = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
      const results = validation.runs.flatMap((r) => r.results ?? []);
      // A validator result without `level` is a warning (the SARIF default).
      const errors = results.filter((r) => (r.level ?? 'warning') === 'error');
      const describe = (r: Sarif.Result) => `${r.ruleId ?? '?'} ${r.message.id ?? ''}: ${(r.message.arguments ?? []).join(' | ')}`;
      expect(errors.map(describe), `multitool stdout:\n${run.stdout}`).toEqual([]);
      // Warnings are not failures, but they are worth seeing; none are expected either.
      expect(results.filter((r) => (r.level ?? 'warning') === 'warning').map(describe)).toEqual([]);
      const execution = validation.runs.flatMap((r) => r.invocations ?? []).flatMap((i) => i.toolExecutionNotifications ?? []);
      expect(execution.filter((n) => n.level === 'error').map((n) => n.message.text)).toEqual([]);
    },
  );

  it.skipIf(unavailable !== undefined)('the multitool check can fail (a log GitHub would reject is flagged)', () => {
    const input = join(tmp, 'bad.sarif');
    const output = join(tmp, 'bad.validation.sarif');
    const bad = JSON.parse(cases[0]![1]) as Sarif.Log;
    delete bad.runs[0]!.tool.driver.rules![0]!.help;
    bad.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = '/absolute/db.yaml';
    writeFileSync(input, JSON.stringify(bad));
    spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite', '-o', output, input], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const validation = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
    const errorIds = validation.runs.flatMap((r) => r.results ?? []).filter((r) => r.level === 'error').map((r) => r.ruleId);
    expect(errorIds).toEqual(expect.arrayContaining(['GH2012', 'SARIF1004']));
  });

  if (unavailable !== undefined) {
    it.skip(`SARIF multitool validator: skipped — ${unavailable}`, () => {});
  }
});

/** Why the multitool cannot run here, or undefined when it can. Fixes a missing exec bit (fresh `npm ci`). */
function multitoolUnavailable(path: string): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `the packaged binary is linux-x64, this is ${process.platform}-${process.arch}`;
  try {
    statSync(path);
  } catch {
    return `${path} is not installed`;
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      chmodSync(path, 0o755);
    } catch (e) {
      return `cannot make ${path} executable: ${(e as Error).message}`;
    }
  }
  const probe = spawnSync(path, ['--version'], { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) return `the binary does not run here: ${probe.error?.message ?? probe.stderr.trim()}`;
  return undefined;
}
