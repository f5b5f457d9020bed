/**
 * Reports that fit where they go: GitHub takes at most 25,000 SARIF results per run and 10 MB
 * gzipped per upload, and a pull-request comment of at most 65,536 characters. Over a limit the
 * reporter cuts the least severe findings first and says what it cut, by severity.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/core/source.js';
import type { Finding, Severity } from '../../src/engine/types.js';
import { GITHUB_MAX_GZIP_BYTES, GITHUB_MAX_RESULTS, formatSarif } from '../../src/report/sarif.js';
import { MARKDOWN_LIMIT, formatMarkdown } from '../../src/report/markdown.js';
import { progressLine } from '../../src/cli/progress.js';
import { RULES, finding, scanResult } from './fixtures.js';

const SEVERITY_OF: Severity[] = ['critical', 'high', 'medium', 'low'];

/** `n` findings cycling through the severities, each on its own line. */
function many(n: number, message = 'Port 22 is open to 0.0.0.0/0.'): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    finding({
      ruleId: 'sg-restricted-ingress',
      messageId: 'open',
      message: `${message} (${i})`,
      severity: SEVERITY_OF[i % 4]!,
      location: { span: spanOf(`infra/stack${Math.floor(i / 1000)}.yaml`, (i % 1000) + 1, 3, (i % 1000) + 1, 20) },
      resource: { address: `Sg${i}`, type: 'AWS::EC2::SecurityGroup', source: 'cloudformation' },
      fingerprint: `fp${i}`,
    }),
  );
}

interface Log {
  runs: { results: { level: string; properties: { severity: Severity } }[]; invocations: { toolExecutionNotifications?: { level: string; message: { text: string }; properties?: { kind?: string; left?: number; bySeverity?: Record<Severity, number> } }[] }[] }[];
}

describe('SARIF within GitHub limits', () => {
  it('uses GitHub limits by default', () => {
    expect(GITHUB_MAX_RESULTS).toBe(25_000);
    expect(GITHUB_MAX_GZIP_BYTES).toBe(10 * 1024 * 1024);
  });

  it('keeps every result under the limit and says nothing', () => {
    let told = '';
    const log = JSON.parse(formatSarif(scanResult({ findings: many(40), errors: [] }), RULES, { toolVersion: '1.0.0', maxResults: 40, onCut: (m) => (told = m) })) as Log;
    expect(log.runs[0]!.results).toHaveLength(40);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toBeUndefined();
    expect(told).toBe('');
  });

  it('over the result limit keeps the most severe, and names what it cut by severity', () => {
    let told = '';
    const log = JSON.parse(formatSarif(scanResult({ findings: many(100), errors: [] }), RULES, { toolVersion: '1.0.0', maxResults: 60, onCut: (m) => (told = m) })) as Log;
    const results = log.runs[0]!.results;
    expect(results).toHaveLength(60);
    const kept = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const r of results) kept[r.properties.severity]++;
    expect(kept).toEqual({ critical: 25, high: 25, medium: 10, low: 0 });
    const note = log.runs[0]!.invocations[0]!.toolExecutionNotifications!.find((n) => n.properties?.kind === 'limit')!;
    expect(note.level).toBe('warning');
    expect(note.properties!.bySeverity).toEqual({ critical: 0, high: 0, medium: 15, low: 25 });
    expect(note.message.text).toBe(
      "40 of 100 results left out (15 medium, 25 low), over GitHub's limit of 60 results per run; the least severe and suppressed ones went first. Run with --format json for every finding.",
    );
    expect(told).toBe(note.message.text);
  });

  it('over the gzipped size limit cuts results until the log fits', () => {
    // Long, incompressible messages make a big log quickly.
    const noise = (i: number) => Array.from({ length: 40 }, (_, k) => ((i * 7919 + k * 104729) % 1_000_003).toString(36)).join('');
    const findings = many(400).map((f, i) => ({ ...f, message: noise(i) }));
    let told = '';
    const text = formatSarif(scanResult({ findings, errors: [] }), RULES, { toolVersion: '1.0.0', maxGzipBytes: 40_000, onCut: (m) => (told = m) });
    expect(gzipSync(text).length).toBeLessThanOrEqual(40_000);
    const log = JSON.parse(text) as Log;
    expect(log.runs[0]!.results.length).toBeLessThan(400);
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expect(told).toMatch(/^\d+ of 400 results left out \(.*\), to keep the log under 40000 bytes gzipped/);
  });
});

describe('Markdown within the comment limit', () => {
  it('stays whole when it fits', () => {
    let told = '';
    const out = formatMarkdown(scanResult({ findings: many(10) }), RULES, { onCut: (m) => (told = m) });
    expect(out).not.toContain('are not listed');
    expect(told).toBe('');
  });

  it('cuts the least severe findings to stay under 65,536 characters and says where the full report is', () => {
    expect(MARKDOWN_LIMIT).toBe(65_536);
    let told = '';
    const out = formatMarkdown(scanResult({ findings: many(3000), errors: [] }), RULES, { fullReport: 'results.sarif', onCut: (m) => (told = m) });
    expect(out.length).toBeLessThanOrEqual(65_536);
    // The summary table comes first and counts everything.
    expect(out.indexOf('| summary | count |')).toBeLessThan(out.indexOf('### Findings'));
    expect(out).toContain('| **findings** | **3000** |');
    const listed = out.split('\n').filter((l) => l.startsWith('| infra/')).length;
    expect(listed).toBeGreaterThan(100);
    expect(listed).toBeLessThan(3000);
    expect(out).toContain(`**${3000 - listed} of 3000 findings are not listed** (the least severe), to keep this report under 65,536 characters. The full report: results.sarif.`);
    expect(told).toContain(`left out ${3000 - listed} of 3000 findings`);
  });

  it('keeps to a smaller limit too', () => {
    const out = formatMarkdown(scanResult({ findings: many(200) }), RULES, { limit: 5000 });
    expect(out.length).toBeLessThanOrEqual(5000);
    expect(out).toContain('Run iac-check with `--format json` or `--format sarif` for the full list.');
  });
});

describe('progress line', () => {
  function io(tty: boolean) {
    const lines: string[] = [];
    return { lines, io: { out: () => {}, err: (t: string) => lines.push(t), isTTY: false, errIsTTY: tty } };
  }

  it('shows files parsed of the total on a terminal once the scan takes longer than the delay, then erases itself', () => {
    let t = 0;
    const { lines, io: term } = io(true);
    const p = progressLine(term, false, 1000, () => t);
    p.update({ phase: 'parsing', done: 1, total: 10 });
    expect(lines).toEqual([]);
    t = 1500;
    p.update({ phase: 'parsing', done: 4, total: 10 });
    t = 1700;
    p.update({ phase: 'checking', done: 10, total: 10 });
    p.done();
    expect(lines).toEqual(['\r\u001b[2Kiac-check: parsing 4/10 files', '\r\u001b[2Kiac-check: checking rules (10 files read)', '\r\u001b[2K']);
  });

  it('is silent when standard error is not a terminal, and with --quiet', () => {
    let t = 0;
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const { lines, io: term } = io(tty);
      const p = progressLine(term, quiet, 0, () => (t += 500));
      p.update({ phase: 'parsing', done: 1, total: 2 });
      p.done();
      expect(lines).toEqual([]);
    }
  });
});
