import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonReport, jsonChunks } from '../../src/report/json.js';
import { main } from '../../src/cli/main.js';
import { scan } from '../../src/scan.js';
import { RULES, scanResult } from './fixtures.js';

const stringify = (r: ReturnType<typeof scanResult>): string => `${JSON.stringify(buildJsonReport(r, RULES, { toolVersion: '9.9.9' }), null, 2)}\n`;

describe('the JSON report in pieces (issue 7 item 6: a report of 400,000 findings is never one string)', () => {
  it('joins to exactly JSON.stringify of the report, with findings, without and with odd text', () => {
    const base = scanResult();
    const odd = { ...base.findings[0]!, message: 'line\nbreak "quoted" \u0000 nul, tab\t and ]\n  [', fingerprint: 'f-odd' };
    for (const r of [base, scanResult({ findings: [] }), scanResult({ findings: [odd, ...base.findings] })]) {
      expect([...jsonChunks(r, RULES, { toolVersion: '9.9.9' })].join('')).toBe(stringify(r));
    }
  });

  it('comes in batches: many findings are more than one piece, each at most about a megabyte', () => {
    const f = scanResult().findings[0]!;
    const many = Array.from({ length: 6000 }, (_, i) => ({ ...f, message: `${f.message} ${'x'.repeat(200)} ${i}`, fingerprint: `fp${i}` }));
    const r = scanResult({ findings: many });
    const pieces = [...jsonChunks(r, RULES, { toolVersion: '9.9.9' })];
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan((1 << 20) + 4096);
    expect(pieces.join('')).toBe(stringify(r));
  });
});

describe('scan({ keepGraph: false })', () => {
  it('gives the same result without the graph and the model, and the CLI writes the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iac-check-keep-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
      const kept = await scan([dir], { root: dir });
      const light = await scan([dir], { root: dir, keepGraph: false });
      expect(kept.graph).toBeDefined();
      expect(kept.model).toBeDefined();
      expect(light.graph).toBeUndefined();
      expect(light.model).toBeUndefined();
      const strip = (x: typeof kept.result) => ({ ...x, stats: { ...x.stats, durationMs: 0 } });
      expect(strip(light.result)).toEqual(strip(kept.result));
      expect(light.result.findings.length).toBeGreaterThan(0);
      const io = { out: () => {}, err: () => {}, isTTY: false };
      expect(await main([dir, '--root', dir, '-f', 'json', '-q', '--fail-on', 'never', '-o', join(dir, 'out.json')], io)).toBe(0);
      const written = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { findings: unknown[] };
      expect(written.findings.length).toBe(light.result.findings.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scan({ keepGraph: false }) on the samples', () => {
  // A scan that keeps no graph lets go of its edges before the model is built: no adapter may read them.
  it('finds the same in every sample folder as a scan that keeps the graph and its edges', async () => {
    const samples = fileURLToPath(new URL('../../samples', import.meta.url));
    const kept = await scan([samples], { root: samples });
    const light = await scan([samples], { root: samples, keepGraph: false });
    expect(kept.graph!.edges.length).toBeGreaterThan(100);
    const strip = (x: typeof kept.result) => ({ ...x, stats: { ...x.stats, durationMs: 0 } });
    expect(strip(light.result)).toEqual(strip(kept.result));
    expect(light.result.findings.length).toBeGreaterThan(300);
  });
});
