import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/core/source.js';
import { formatText } from '../../src/report/text.js';
import { finding, scanResult } from './fixtures.js';

const ESC = '\u001b[';

describe('formatText', () => {
  it('lists errors first, then findings grouped by sorted file, then a summary', () => {
    const out = formatText(scanResult(), { color: false, verbose: false });
    const lines = out.split('\n');
    expect(lines[0]).toBe('infra/broken.yaml:3:5  error  unexpected end of flow mapping');
    const netIdx = lines.indexOf('infra/network.yaml');
    const storageIdx = lines.indexOf('infra/storage.yaml');
    expect(netIdx).toBeGreaterThan(0);
    expect(storageIdx).toBeGreaterThan(netIdx);
    // Within a file, by line: 9:5 before 30:11.
    const l9 = lines.findIndex((l) => l.startsWith('  9:5 '));
    const l30 = lines.findIndex((l) => l.startsWith('  30:11'));
    expect(l9).toBeGreaterThan(netIdx);
    expect(l30).toBeGreaterThan(l9);
    expect(lines[l30]).toMatch(/^ {2}30:11 {2}critical {2}Port 22 is open to 0\.0\.0\.0\/0\.\s+sg-restricted-ingress$/);
    // Aligned columns: the severity and the rule id start at the same column on every finding line.
    const findingLines = lines.filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(findingLines).toHaveLength(3);
    expect(new Set(findingLines.map((l) => l.search(/critical|high|medium|low/))).size).toBe(1);
    expect(new Set(findingLines.map((l) => l.search(/(s3-public-access|sg-restricted-ingress)$/))).size).toBe(1);
    // The resource (and construct path) are shown under the finding.
    expect(lines[l9 + 1]).toContain('AppSg (AWS::EC2::SecurityGroup) · construct App/Stack/AppSg');
    expect(lines[l30 + 1]).toContain('WebSg (AWS::EC2::SecurityGroup) · Properties.SecurityGroupIngress[0].CidrIp');
    // The summary is the last line.
    expect(lines.at(-2)).toBe(
      '3 findings in 2 files (2 critical, 1 high, 0 medium, 0 low) · 4 files scanned · 17 resources · 1 error · 1 suppressed · not checked: 2 skipped files (--verbose lists them)',
    );
    expect(out.endsWith('\n')).toBe(true);
  });

  it('does not list suppressed findings (they are counted)', () => {
    const out = formatText(scanResult(), { color: false, verbose: true });
    expect(out).not.toContain('infra/db.yaml\n');
    expect(out).not.toContain('Database is in one AZ.');
    expect(out).toContain('1 suppressed');
  });

  it('writes no ANSI escapes when color is false, and colours when true', () => {
    expect(formatText(scanResult(), { color: false, verbose: true })).not.toContain(ESC);
    const coloured = formatText(scanResult(), { color: true, verbose: false });
    expect(coloured).toContain(`${ESC}1m${ESC}31mcritical${ESC}39m${ESC}22m`);
    expect(coloured).toContain(`${ESC}1m${ESC}31merror${ESC}39m${ESC}22m`);
  });

  it('shows notices, related locations and notes only with verbose', () => {
    const quietish = formatText(scanResult(), { color: false, verbose: false });
    expect(quietish).not.toContain('Undecidable');
    expect(quietish).not.toContain('skipped 2 non-IaC YAML files');
    expect(quietish).not.toContain('related:');
    const verbose = formatText(scanResult(), { color: false, verbose: true });
    expect(verbose).toContain('Notices (undecidable checks and unused suppressions; not findings):');
    expect(verbose).toContain('infra/db.yaml:20:7  MultiAZ is a parameter without default; cannot decide (Replica)  multi-az');
    expect(verbose).toContain('related: cdk.out/Stack.template.json:40:7 synthesized template');
    expect(verbose).toContain('Notes:\n  skipped 2 non-IaC YAML files');
  });

  it('quiet prints only findings and errors, without summary or notes', () => {
    const out = formatText(scanResult(), { color: false, verbose: true, quiet: true });
    expect(out).toContain('infra/broken.yaml:3:5  error');
    expect(out).toContain('Port 22 is open');
    expect(out).not.toContain('files scanned');
    expect(out).not.toContain('Notes:');
    expect(out).not.toContain('Undecidable');
    expect(formatText(scanResult({ findings: [], errors: [] }), { color: false, verbose: false, quiet: true })).toBe('');
  });

  it('says so when there is nothing to report', () => {
    const out = formatText(scanResult({ findings: [finding({ suppression: { kind: 'external', reason: 'accepted risk' } })], errors: [], notices: [] }), {
      color: false,
      verbose: false,
    });
    expect(out).toBe('No findings · 4 files scanned · 17 resources · 0 errors · 1 suppressed · not checked: 2 skipped files (--verbose lists them)\n');
  });

  it('names the regions when the scan spans more than one', () => {
    const one = formatText(scanResult({ findings: [], errors: [], notices: [] }), { color: false, verbose: false });
    expect(one).not.toContain('regions:');
    const two = formatText(scanResult({ findings: [], errors: [], notices: [], regions: ['us-east-1', 'us-west-2'] }), { color: false, verbose: false });
    expect(two.trimEnd().endsWith('· 2 regions: us-east-1, us-west-2')).toBe(true);
  });

  it('uses singular words for one', () => {
    const out = formatText(
      scanResult({
        findings: [finding({ location: { span: spanOf('a.yaml', 1, 1, 1, 2) } })],
        errors: [],
        stats: { filesDiscovered: 1, filesScanned: 1, filesSkipped: 0, resources: 1, durationMs: 1 },
      }),
      { color: false, verbose: false },
    );
    expect(out).toContain('1 finding in 1 file (1 critical, 0 high, 0 medium, 0 low) · 1 file scanned · 1 resource · 0 errors · 0 suppressed');
  });
});

describe('formatText: untrusted text', () => {
  it('never passes control characters from scanned files to the terminal', () => {
    const evil = finding({ message: 'Bucket \u001b[2Jx\u0007 is public', resource: { address: 'B\u001b]0;pwn\u0007', type: 'AWS::S3::Bucket', source: 'cloudformation' } });
    const out = formatText(scanResult({ findings: [evil], errors: [], notices: [] }), { color: false, verbose: true });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(out).toContain('Bucket \\x1b[2Jx\\x07 is public');
    expect(out).toContain('B\\x1b]0;pwn\\x07 (AWS::S3::Bucket)');
  });
});
