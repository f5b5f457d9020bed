/**
 * GitHub shows each alert with the `security-severity` of its rule, not of the result, so every
 * finding must carry exactly its rule's severity (issue: "every alert has its true severity").
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { scan } from '../../src/scan.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLES = ['samples/cloudformation/failing', 'samples/terraform/failing', 'samples/cdk'];

interface Sarif {
  runs: { tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } }; results: { ruleId: string; ruleIndex: number; level: string; properties?: Record<string, unknown> }[] }[];
}
const BAND: Record<string, string> = { '9.5': 'critical', '8.0': 'high', '5.5': 'medium', '3.0': 'low' };

describe('every finding has its rule\'s severity', () => {
  it.each(SAMPLES)('%s: in the findings and in the SARIF rule each result points at', async (sample) => {
    const { result, rules } = await scan([join(root, sample)], { root });
    expect(result.findings.length).toBeGreaterThan(10);
    const severityOf = new Map(rules.map((r) => [r.meta.id, r.meta.severity]));
    const off = result.findings.filter((f) => f.severity !== severityOf.get(f.ruleId)).map((f) => `${f.ruleId} ${f.severity}`);
    expect(off).toEqual([]);
    const sarif = JSON.parse(render('sarif', result, rules, { toolVersion: 'test' })) as Sarif;
    const run = sarif.runs[0]!;
    for (const r of run.results) {
      const descriptor = run.tool.driver.rules[r.ruleIndex]!;
      expect(descriptor.id).toBe(r.ruleId);
      expect(BAND[String(descriptor.properties['security-severity'])]).toBe(severityOf.get(r.ruleId));
    }
  });

  it('a severity set in the configuration is the rule\'s, in the findings and the SARIF descriptor', async () => {
    const template = `
      Resources:
        Bastion:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: bastion
            SecurityGroupIngress:
              - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
    `;
    const { result, rules } = await scanSnippet('cloudformation', template, { rules: ['sg-open-admin-ports'], config: { rules: { 'sg-open-admin-ports': 'medium' } } });
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['sg-open-admin-ports', 'medium']]);
    const sarif = JSON.parse(render('sarif', result, rules, { toolVersion: 'test' })) as Sarif;
    const descriptor = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'sg-open-admin-ports')!;
    expect(descriptor.properties['security-severity']).toBe('5.5');
    expect(sarif.runs[0]!.results[0]!.level).toBe('warning');
  });
});
