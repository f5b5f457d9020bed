import { describe, expect, it, vi } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { allowedValueScenarios, resourceParameters } from '../../src/graph/cloudformation/scenarios.js';
import { buildTemplate } from '../../src/graph/cloudformation/build.js';
import type { KeptKey, TemplateInput } from '../../src/graph/cloudformation/build.js';
import { ScenarioChecks } from '../../src/engine/cfn-scenarios.js';
import { dedent, scanFiles, scanSnippet } from '../helpers/scan-snippet.js';

function doc(text: string) {
  const r = parseTemplate('t.yaml', text);
  if (r.kind !== 'template') throw new Error('not a template');
  return r.document;
}

/** Spies on each template's scenario check, running `around` in its place; `check` runs the real one. */
function aroundCheck(around: (check: () => Promise<void>, checks: ScenarioChecks, input: TemplateInput) => Promise<void>) {
  const real = ScenarioChecks.prototype.check;
  return vi.spyOn(ScenarioChecks.prototype, 'check').mockImplementation(async function (this: ScenarioChecks, input, built) {
    await around(() => real.call(this, input, built), this, input);
  });
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

  it('a resource that another parameter value creates is seen by the resources that refer to it', async () => {
    // The policy reads no parameter, but its Ref to the bucket is unknown while the bucket does not exist:
    // under "Store is yes" it must be evaluated again, or the bucket would look as if it had no policy.
    const template = `
      Parameters:
        Store:
          Type: String
          Default: 'no'
          AllowedValues: ['yes', 'no']
      Conditions:
        WithStore: !Equals [!Ref Store, 'yes']
      Resources:
        Data:
          Type: AWS::S3::Bucket
          Condition: WithStore
        Policy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Data
            PolicyDocument:
              Statement:
                - Effect: Deny
                  Principal: '*'
                  Action: 's3:*'
                  Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*']
                  Condition:
                    Bool:
                      aws:SecureTransport: 'false'
    `;
    const { result } = await scanSnippet('cloudformation', template, { rules: ['encryption-in-transit'] });
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
    // Without the policy, the bucket the other value creates is reported, naming the value.
    const { result: bare } = await scanSnippet('cloudformation', template.replace(/\n {8}Policy:[\s\S]*$/, '\n'), { rules: ['encryption-in-transit'] });
    expect(bare.findings.map((f) => [f.messageId, f.location.span.start.line, f.location.span.start.column, /\(when .*\)$/.exec(f.message)?.[0]])).toEqual([['bucketNoSecureTransport', 9, 3, '(when Store is yes)']]);
  });

  it('a scenario changing few services is decided by running their adapters alone; one changing more, by a model build', async () => {
    const template = (services: number) => `
      Parameters:
        Env:
          Type: String
          Default: dev
          AllowedValues: [dev, prod]
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            DelaySeconds: !If [IsProd, 5, 0]
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            DisplayName: ${services > 1 ? '!If [IsProd, shop, shop-dev]' : 'shop'}
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            Tags: [{ Key: env, Value: ${services > 1 ? '!Ref Env' : 'dev'} }]
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            TableClass: ${services > 1 ? '!If [IsProd, STANDARD, STANDARD_INFREQUENT_ACCESS]' : 'STANDARD'}
            BillingMode: PAY_PER_REQUEST
            KeySchema: [{ AttributeName: id, KeyType: HASH }]
            AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
    `;
    const counts: ScenarioChecks['counts'][] = [];
    const spy = aroundCheck(async (check, checks) => {
      await check();
      counts.push({ ...checks.counts });
    });
    try {
      for (const services of [1, 4]) {
        const { result } = await scanSnippet('cloudformation', template(services));
        expect(result.findings.filter((f) => f.message.includes('(when'))).toEqual([]);
      }
      // One service: the template's build is watched and the SQS and secrets adapters, run alone, make the same.
      // Four: more adapters than are compared alone read the changed values, so the scenario's model is built.
      expect(counts).toEqual([{ differing: 1, modelBuilds: 0, watched: 1 }, { differing: 1, modelBuilds: 1, watched: 0 }]);
    } finally {
      spy.mockRestore();
    }
  });

  it('the checked values themselves keep their findings unlabelled, and nothing is reported twice', async () => {
    const { result } = await scanSnippet('cloudformation', TEMPLATE.replace('Default: dev', 'Default: prod').replace("AllowedValues: [dev, prod]", 'AllowedValues: [prod, dev]'), { rules: ['encryption-at-rest-messages'] });
    expect(result.findings.map((f) => [f.messageId, f.location.span.start.line, f.message.includes('(when')])).toEqual([['unencrypted', 35, false]]);
  });

  it('each template is checked as it is read: one whose check fails is an error on its file, and the others are still checked', async () => {
    const spy = aroundCheck(async (check, _checks, input) => {
      if (input.file === 'a.yaml') throw new Error('boom');
      await check();
    });
    try {
      const { result } = await scanFiles({ 'a.yaml': dedent(TEMPLATE), 'b.yaml': dedent(TEMPLATE) }, { rules: ['encryption-at-rest-messages'] });
      expect(result.errors.map((e) => [e.file, e.kind, e.message.includes('boom')])).toEqual([['a.yaml', 'internal', true]]);
      expect(result.findings.map((f) => [f.location.span.file, f.location.span.start.line, /\(when .*\)$/.exec(f.message)?.[0]])).toEqual([['b.yaml', 35, '(when Env is prod)']]);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a resource built again under other parameter values', () => {
  const template = doc(dedent(`
    Parameters:
      Size:
        Type: String
        Default: small
        AllowedValues: [small, large]
    Conditions:
      Large: !Equals [!Ref Size, large]
    Resources:
      Box:
        Type: AWS::EC2::Instance
        DeletionPolicy: !If [Large, Retain, Delete]
        Metadata:
          Init:
            note: !Sub 'built by \${AWS::StackName}'
        Properties:
          InstanceType: !Ref Size
      Other:
        Type: AWS::EC2::Instance
        Metadata:
          size: !Sub 'a \${Size} box'
        Properties:
          InstanceType: t3.micro
      Gated:
        Type: AWS::SQS::Queue
        Condition: Large
        Properties:
          DelaySeconds: 5
  `));
  const input = { file: 't.yaml', document: template, account: { known: false as const, reason: 'not given' }, region: { known: false as const, reason: 'not given' } };

  it('says which parameters each part of a declaration reads, conditions included', () => {
    const reads = resourceParameters(template);
    expect([...reads.get('Box')!.keys.get('Metadata')!]).toEqual(['AWS::StackName']);
    expect([...reads.get('Box')!.keys.get('DeletionPolicy')!]).toEqual(['Size']);
    expect([...reads.get('Box')!.keys.get('Properties')!]).toEqual(['Size']);
    expect([...reads.get('Other')!.keys.get('Metadata')!]).toEqual(['Size']);
    // The resource as a whole: its parts and its own Condition.
    expect([...reads.get('Box')!.reads].sort()).toEqual(['AWS::StackName', 'Size']);
    expect([...reads.get('Gated')!.keys.get('Properties')!]).toEqual([]);
    expect([...reads.get('Gated')!.reads]).toEqual(['Size']);
    expect([...reads.get('Gated')!.existence]).toEqual(['Size']);
  });

  it('says which other resources each part of a declaration names: Ref, Fn::GetAtt, Fn::Sub, DependsOn', () => {
    const named = resourceParameters(doc(dedent(`
      Resources:
        Key:
          Type: AWS::KMS::Key
        Topic:
          Type: AWS::SNS::Topic
        Queue:
          Type: AWS::SQS::Queue
          DependsOn: [Topic]
          Metadata:
            note: !Sub 'key \${Key.Arn} in \${AWS::Region}'
          Properties:
            KmsMasterKeyId: !Ref Key
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt [Topic, TopicArn]
        Other:
          Type: AWS::SQS::Queue
          DependsOn: Queue
          Properties:
            QueueName: Key
            Tags: [{ Key: arn, Value: !GetAtt Queue.Arn }, { Key: sub, Value: !Sub '\${Topic}' }]
    `)));
    expect([...named.get('Queue')!.names].sort()).toEqual(['Key', 'Topic']);
    expect([...named.get('Queue')!.keyNames.get('Metadata')!]).toEqual(['Key']);
    expect([...named.get('Queue')!.keyNames.get('DependsOn')!]).toEqual(['Topic']);
    // A string equal to a logical id counts too: taking too many is safe, missing one is not.
    expect([...named.get('Other')!.names].sort()).toEqual(['Key', 'Queue', 'Topic']);
    expect([...named.get('Key')!.names]).toEqual([]);
  });

  it('keeps the parts that read none of the changed parameters, and evaluates the others again', () => {
    const base = buildTemplate(input);
    const reads = resourceParameters(template);
    const byAddress = new Map(base.nodes.map((n) => [n.address, n]));
    const keep = { from: (l: string) => byAddress.get(l), unchanged: (l: string, key: KeptKey) => !reads.get(l)!.keys.get(key)!.has('Size') };
    const again = buildTemplate({ ...input, parameterValues: { Size: 'large' }, only: new Set(['Box', 'Other']), keep });
    const [box, other] = ['Box', 'Other'].map((a) => again.nodes.find((n) => n.address === a)!);
    expect(box!.metadata).toBe(byAddress.get('Box')!.metadata);
    expect(box!.deletionPolicy).toMatchObject({ kind: 'string', value: 'Retain' });
    expect(byAddress.get('Box')!.deletionPolicy).toMatchObject({ kind: 'string', value: 'Delete' });
    expect(other!.metadata).not.toBe(byAddress.get('Other')!.metadata);
    expect(other!.metadata).toMatchObject({ kind: 'map', entries: new Map([['size', expect.objectContaining({ value: 'a large box' })]]) });
    // Without `keep`, the same values, built again.
    const fresh = buildTemplate({ ...input, parameterValues: { Size: 'large' }, only: new Set(['Box', 'Other']) });
    expect(JSON.stringify(fresh.nodes, (_k, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(JSON.stringify(again.nodes, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));
  });
});
