import { describe, expect, it } from 'vitest';
import { formatJson, JSON_SCHEMA_VERSION, type JsonReport } from '../../src/report/json.js';
import { RULES, scanResult } from './fixtures.js';

describe('formatJson', () => {
  const report = JSON.parse(formatJson(scanResult(), RULES, { toolVersion: '0.1.0' })) as JsonReport;

  it('has the documented top-level shape', () => {
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'root', 'stats', 'rules', 'findings', 'errors', 'notices', 'unresolvedModules', 'notes', 'regions', 'baseline']);
    expect(report.schemaVersion).toBe(1);
    expect(JSON_SCHEMA_VERSION).toBe(1);
    expect(report.tool).toEqual({ name: 'iac-check', version: '0.1.0', informationUri: 'https://github.com/iac-check/iac-check' });
    expect(report.root).toBe('/work/repo');
    expect(report.stats).toEqual({
      filesDiscovered: 6,
      filesScanned: 4,
      filesSkipped: 2,
      resources: 17,
      durationMs: 12,
      findings: 3,
      bySeverity: { critical: 2, high: 1, medium: 0, low: 0 },
      suppressed: 1,
      errors: 1,
      notices: 1,
      unresolvedModules: 0,
    });
    expect(report.rules.map((r) => r.id)).toEqual(['multi-az', 's3-public-access', 'sg-restricted-ingress']);
    expect(report.rules[1]).toEqual({
      id: 's3-public-access',
      title: 'S3 buckets block public access',
      severity: 'critical',
      controls: ['1.15', '1.16'],
      helpUri: 'https://github.com/iac-check/iac-check/blob/main/docs/rules/s3-public-access.md',
    });
  });

  it('writes findings sorted, with location, resource, fingerprint, suppression and related', () => {
    expect(report.findings.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual([
      'infra/db.yaml:4',
      'infra/network.yaml:9',
      'infra/network.yaml:30',
      'infra/storage.yaml:12',
    ]);
    const sg = report.findings[2]!;
    expect(sg).toEqual({
      ruleId: 'sg-restricted-ingress',
      severity: 'critical',
      message: 'Port 22 is open to 0.0.0.0/0.',
      messageId: 'open',
      controls: ['1.20'],
      location: { file: 'infra/network.yaml', startLine: 30, startColumn: 11, endLine: 30, endColumn: 22, path: 'Properties.SecurityGroupIngress[0].CidrIp' },
      resource: { address: 'WebSg', type: 'AWS::EC2::SecurityGroup', source: 'cloudformation', constructPath: null },
      fingerprint: '0f1e2d3c4b5a6978',
      suppression: null,
      related: [],
    });
    const suppressed = report.findings[0]!;
    expect(suppressed.suppression).toEqual({
      kind: 'inSource',
      reason: 'dev database, single AZ by design',
      location: { file: 'infra/db.yaml', startLine: 6, startColumn: 9, endLine: 6, endColumn: 60 },
      baseline: false,
    });
    // A zero-width span becomes a one-character region: never empty.
    expect(suppressed.location).toMatchObject({ startLine: 4, startColumn: 3, endLine: 4, endColumn: 4, path: null });
    const cdk = report.findings[1]!;
    expect(cdk.resource.constructPath).toBe('App/Stack/AppSg');
    expect(cdk.related).toEqual([
      { file: 'cdk.out/Stack.template.json', startLine: 40, startColumn: 7, endLine: 44, endColumn: 8, message: 'synthesized template' },
    ]);
  });

  it('writes errors, notices, notes and regions', () => {
    expect(report.errors).toEqual([{ file: 'infra/broken.yaml', line: 3, column: 5, kind: 'syntax', message: 'unexpected end of flow mapping' }]);
    expect(report.notices).toEqual([
      {
        ruleId: 'multi-az',
        message: 'MultiAZ is a parameter without default; cannot decide',
        resource: 'Replica',
        location: { file: 'infra/db.yaml', startLine: 20, startColumn: 7, endLine: 20, endColumn: 30 },
        level: 'note',
        kind: null,
      },
    ]);
    expect(report.notes).toEqual(['skipped 2 non-IaC YAML files']);
    expect(report.regions).toEqual(['eu-west-1']);
  });

  it('is deterministic whatever the input order', () => {
    const a = scanResult();
    const b = scanResult({ findings: [...a.findings].reverse() });
    expect(formatJson(b, [...RULES].reverse(), { toolVersion: '0.1.0' })).toBe(formatJson(a, RULES, { toolVersion: '0.1.0' }));
  });
});
