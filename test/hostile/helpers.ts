import { expect } from 'vitest';
import type { ScanOutput } from '../../src/scan.js';
import { scanFiles } from '../helpers/scan-snippet.js';

/** An insecure template scanned beside every hostile input: its finding must survive whatever the hostile file does. */
export const SIBLING = {
  'sibling/bucket.yaml': [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Open:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      AccessControl: public-read',
    '',
  ].join('\n'),
};

/** Scans the hostile files beside the sibling; asserts the scan ended, within `ms`, with the sibling's finding. */
export async function scanHostile(files: Record<string, string | Buffer>, ms = 20_000): Promise<ScanOutput & { elapsed: number }> {
  const t0 = performance.now();
  const out = await scanFiles({ ...SIBLING, ...(files as Record<string, string>) });
  const elapsed = performance.now() - t0;
  expect(elapsed).toBeLessThan(ms);
  const sibling = out.result.findings.filter((f) => f.location.span.file === 'sibling/bucket.yaml' && f.ruleId === 's3-public-access');
  expect(sibling.map((f) => [f.location.span.start.line, f.location.span.start.column])).toContainEqual([6, 22]);
  return { ...out, elapsed };
}

/** Every string value of every resource property, flattened (to see what evaluation produced). */
export function propertyOf(out: ScanOutput, address: string, key: string): unknown {
  const node = out.graph?.nodes.find((n) => n.address === address);
  return node?.properties.entries.get(key);
}
