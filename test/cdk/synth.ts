/**
 * A rule's CDK case: a small stack defined in the test, synthesized in-process into a temp
 * folder (as `cdk synth` would, without running any scanned code), then scanned as a cloud assembly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { scan } from '../../src/scan.js';
import type { Finding } from '../../src/engine/types.js';

export async function synthAndScan(define: (stack: Stack) => void, ruleId: string | string[]): Promise<Finding[]> {
  const ids = Array.isArray(ruleId) ? ruleId : [ruleId];
  const dir = await mkdtemp(join(tmpdir(), 'iac-check-synth-'));
  try {
    const app = new App({ outdir: join(dir, 'cdk.out'), analyticsReporting: false, context: { 'aws:cdk:disable-stack-trace': true } });
    define(new Stack(app, 'Test', { env: { account: '111111111111', region: 'eu-west-1' } }));
    app.synth();
    const { result } = await scan([dir], { root: dir, rules: ids });
    if (result.errors.length) throw new Error(JSON.stringify(result.errors));
    return result.findings.filter((f) => ids.includes(f.ruleId));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
