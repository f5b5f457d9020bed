import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { allowedValueScenarios } from '../../src/graph/cloudformation/scenarios.js';
import { dedent, scanSnippet } from '../helpers/scan-snippet.js';

function doc(text: string) {
  const r = parseTemplate('t.yaml', text);
  if (r.kind !== 'template') throw new Error('not a template');
  return r.document;
}

const TEMPLATE = `
  Parameters:
    Env:
      Type: String
      Default: dev
      AllowedValues: [dev, prod]
    Exposure:
      Type: String
      Default: private
      AllowedValues: [private, public]
    Unused:
      Type: String
      Default: a
      AllowedValues: [a, b, c]
  Conditions:
    IsProd: !Equals [!Ref Env, prod]
    OpenProd: !And [!Equals [!Ref Env, prod], !Equals [!Ref Exposure, public]]
  Resources:
    Sg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: ssh
        SecurityGroupEgress:
          - IpProtocol: tcp
            FromPort: 443
            ToPort: 443
            CidrIp: 10.0.0.0/8
        SecurityGroupIngress:
          - IpProtocol: tcp
            FromPort: 22
            ToPort: 22
            CidrIp: !If [OpenProd, 0.0.0.0/0, 10.0.0.0/16]
    Queue:
      Type: AWS::SQS::Queue
      Properties:
        SqsManagedSseEnabled: !If [IsProd, false, true]
`;

describe('AllowedValues scenarios', () => {
  it('one scenario per other value of a used parameter, one per multi-parameter condition; unused parameters are never tried', () => {
    const { scenarios } = allowedValueScenarios(doc(dedent(TEMPLATE)));
    expect(scenarios.map((s) => s.label)).toEqual(['Env is prod', 'Exposure is public', 'Env is prod and Exposure is public']);
  });

  it('a parameter given a value is not varied', () => {
    const { scenarios } = allowedValueScenarios(doc(dedent(TEMPLATE)), { Env: 'dev' });
    expect(scenarios.map((s) => s.label)).toEqual(['Exposure is public']);
  });

  it('20 two-valued parameters deciding one condition cost 20 scenarios, not 2^20', () => {
    const n = 20;
    const params = Array.from({ length: n }, (_, i) => `  P${i}:\n    Type: String\n    Default: off\n    AllowedValues: ['off', 'on']`).join('\n');
    const all = Array.from({ length: n }, (_, i) => `!Equals [!Ref P${i}, 'on']`).join(', ');
    const each = Array.from({ length: n }, (_, i) => `  C${i}: !Equals [!Ref P${i}, 'on']`).join('\n');
    const text = `Parameters:\n${params}\nConditions:\n  Any: !Or [${all}]\n${each}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: Any\n` +
      Array.from({ length: n }, (_, i) => `  T${i}:\n    Type: AWS::SNS::Topic\n    Condition: C${i}\n`).join('');
    const started = performance.now();
    const { scenarios, truncated } = allowedValueScenarios(doc(text));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(truncated).toBe(false);
    // Each parameter's own value; the 20-parameter condition has 2^20 assignments, more than are
    // searched, and its single-parameter scenarios already flip it.
    expect(scenarios).toHaveLength(20);
    expect(scenarios.every((s) => Object.keys(s.overrides).length === 1)).toBe(true);
  });

  it('a condition over 20 parameters that needs all of them is flipped by one probe, not by searching 2^20', () => {
    const n = 20;
    const params = Array.from({ length: n }, (_, i) => `  P${i}:\n    Type: String\n    Default: off\n    AllowedValues: ['off', 'on']`).join('\n');
    const all = Array.from({ length: n }, (_, i) => `!Equals [!Ref P${i}, 'on']`).join(', ');
    const text = `Parameters:\n${params}\nConditions:\n  All: !And [${all}]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: All\n`;
    const { scenarios } = allowedValueScenarios(doc(text));
    expect(scenarios).toHaveLength(21);
    expect(Object.keys(scenarios[20]!.overrides)).toHaveLength(20);
    expect(scenarios[20]!.label).toMatch(/^P0 is on and P1 is on and .* and P19 is on$/);
  });

  it('findings that appear only under another allowed value are reported, naming it, on the template line', async () => {
    const { result } = await scanSnippet('cloudformation', TEMPLATE, { rules: ['sg-open-admin-ports', 'encryption-at-rest-messages'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.location.span.start.line, f.location.span.start.column, /\(when .*\)$/.exec(f.message)?.[0]])).toEqual([
      ['sg-open-admin-ports', 'adminPort', 31, 34, '(when Env is prod and Exposure is public)'],
      ['encryption-at-rest-messages', 'unencrypted', 35, 42, '(when Env is prod)'],
    ]);
  });

  it('the checked values themselves keep their findings unlabelled, and nothing is reported twice', async () => {
    const { result } = await scanSnippet('cloudformation', TEMPLATE.replace('Default: dev', 'Default: prod').replace("AllowedValues: [dev, prod]", 'AllowedValues: [prod, dev]'), { rules: ['encryption-at-rest-messages'] });
    expect(result.findings.map((f) => [f.messageId, f.location.span.start.line, f.message.includes('(when')])).toEqual([['unencrypted', 35, false]]);
  });
});
