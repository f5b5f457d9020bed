import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { buildTemplate } from '../../src/graph/cloudformation/build.js';
import type { Known, ResourceNode } from '../../src/graph/graph.js';
import type { Value } from '../../src/graph/value.js';
import { toPlain } from '../../src/graph/value.js';
import { dedent } from '../helpers/scan-snippet.js';

const UNKNOWN: Known<string> = { known: false, reason: 'not configured' };

function build(yaml: string, context: { account?: string; region?: string } = {}) {
  const parsed = parseTemplate('t.yaml', dedent(yaml));
  if (parsed.kind !== 'template') throw new Error(`not a template: ${JSON.stringify(parsed)}`);
  return buildTemplate({
    file: 't.yaml',
    document: parsed.document,
    account: context.account ? { known: true, value: context.account } : UNKNOWN,
    region: context.region ? { known: true, value: context.region } : UNKNOWN,
  });
}

function prop(node: ResourceNode | undefined, key: string): Value | undefined {
  return node?.properties.entries.get(key);
}

function byId(nodes: ResourceNode[], logical: string): ResourceNode | undefined {
  return nodes.find((n) => n.address === logical);
}

describe('CloudFormation graph and expressions', () => {
  it('resolves parameters to their defaults, at the place that uses them', () => {
    const { nodes } = build(`
      Parameters:
        Cidr:
          Type: String
          Default: 0.0.0.0/0
        Ports:
          Type: CommaDelimitedList
          Default: "80, 443"
        Secret:
          Type: String
      Resources:
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            CidrIp: !Ref Cidr
            Ports: !Ref Ports
            Pass: !Ref Secret
    `);
    const sg = byId(nodes, 'Sg');
    const cidr = prop(sg, 'CidrIp');
    expect(cidr).toMatchObject({ kind: 'string', value: '0.0.0.0/0', span: { start: { line: 14, column: 15 } } });
    expect(toPlain(prop(sg, 'Ports')!)).toEqual(['80', '443']);
    expect(prop(sg, 'Pass')).toMatchObject({ kind: 'unknown', reason: 'parameter Secret has no default' });
  });

  it('knows pseudo parameters only when the context gives them', () => {
    const yaml = `
      Resources:
        B:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: !Sub 'logs-\${AWS::AccountId}-\${AWS::Region}'
            Partition: !Ref AWS::Partition
    `;
    expect(prop(byId(build(yaml).nodes, 'B'), 'BucketName')).toMatchObject({ kind: 'unknown' });
    const known = build(yaml, { account: '111111111111', region: 'eu-west-1' });
    expect(prop(byId(known.nodes, 'B'), 'BucketName')).toMatchObject({ kind: 'string', value: 'logs-111111111111-eu-west-1' });
    expect(prop(byId(known.nodes, 'B'), 'Partition')).toMatchObject({ kind: 'string', value: 'aws' });
  });

  it('turns Ref and GetAtt (both forms) into references with edges, and Sub of a resource into an unknown that names it', () => {
    const { nodes, edges } = build(`
      Resources:
        Key:
          Type: AWS::KMS::Key
        Logs:
          Type: AWS::S3::Bucket
        Policy:
          Type: AWS::S3::BucketPolicy
          DependsOn: Key
          Properties:
            Bucket: !Ref Logs
            KeyA: !GetAtt Key.Arn
            KeyB: !GetAtt [Key, Arn]
            Resource: !Sub '\${Logs.Arn}/*'
    `);
    const p = byId(nodes, 'Policy');
    expect(prop(p, 'Bucket')).toMatchObject({ kind: 'ref', target: 't.yaml#Logs' });
    expect(prop(p, 'KeyA')).toMatchObject({ kind: 'ref', target: 't.yaml#Key', attribute: 'Arn' });
    expect(prop(p, 'KeyB')).toMatchObject({ kind: 'ref', target: 't.yaml#Key', attribute: 'Arn' });
    expect(prop(p, 'Resource')).toMatchObject({ kind: 'unknown', refs: ['t.yaml#Logs'] });
    expect(edges.map((e) => `${e.kind}:${e.to}`).sort()).toEqual(['depends-on:t.yaml#Key', 'getatt:t.yaml#Key', 'getatt:t.yaml#Key', 'ref:t.yaml#Logs', 'sub:t.yaml#Logs']);
    expect(p?.dependsOn).toEqual(['t.yaml#Key']);
    // Every resource of a template is deployed by the same stack: one account and region, even unknown ones.
    expect(new Set(nodes.map((n) => n.context.target.id)).size).toBe(1);
    expect(p?.context.target.label).toBe('template t.yaml');
  });

  it('evaluates Join, Split, Select, FindInMap and Sub with a variable map', () => {
    const { nodes } = build(`
      Mappings:
        Env:
          prod:
            Size: db.r6g.large
      Parameters:
        Stage:
          Type: String
          Default: prod
      Resources:
        R:
          Type: AWS::Test::Thing
          Properties:
            Joined: !Join ['-', [a, !Ref Stage, c]]
            Second: !Select [1, !Split [',', 'x,y,z']]
            Size: !FindInMap [Env, !Ref Stage, Size]
            Named: !Sub ['\${Name}-app', { Name: !Ref Stage }]
            Escaped: !Sub '\${!Literal}'
    `);
    const r = byId(nodes, 'R');
    expect(toPlain(r!.properties)).toEqual({ Joined: 'a-prod-c', Second: 'y', Size: 'db.r6g.large', Named: 'prod-app', Escaped: '\${Literal}' });
  });

  it('knows that two different GetAZs indexes are two different zones', () => {
    const { nodes } = build(`
      Resources:
        A:
          Type: AWS::EC2::Subnet
          Properties:
            AvailabilityZone: !Select [0, !GetAZs '']
        B:
          Type: AWS::EC2::Subnet
          Properties:
            AvailabilityZone: !Select [1, !GetAZs '']
    `, { region: 'us-east-1' });
    expect(prop(byId(nodes, 'A'), 'AvailabilityZone')).toMatchObject({ kind: 'az', index: 0, region: 'us-east-1' });
    expect(prop(byId(nodes, 'B'), 'AvailabilityZone')).toMatchObject({ kind: 'az', index: 1 });
  });

  it('decides conditions when it can, keeps both branches when it cannot, and drops resources whose condition is false', () => {
    const { nodes } = build(`
      Parameters:
        Env:
          Type: String
          Default: dev
        Unknown:
          Type: String
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        IsDev: !Not [!Condition IsProd]
        Maybe: !Equals [!Ref Unknown, yes]
        MaybeAndDev: !And [!Condition Maybe, !Condition IsDev]
      Resources:
        ProdOnly:
          Type: AWS::S3::Bucket
          Condition: IsProd
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            MultiAZ: !If [IsProd, true, false]
            Undecided: !If [Maybe, a, b]
            Agreeing: !If [Maybe, same, same]
            MaybeGone: !If [Maybe, x, !Ref AWS::NoValue]
            Gone: !If [IsDev, !Ref AWS::NoValue, y]
        Conditional:
          Type: AWS::RDS::DBInstance
          Condition: Maybe
          Properties:
            Inside: !If [Maybe, inside-true, inside-false]
            Derived: !If [MaybeAndDev, derived-true, derived-false]
    `);
    expect(byId(nodes, 'ProdOnly')).toBeUndefined();
    const db = byId(nodes, 'Db');
    expect(prop(db, 'MultiAZ')).toMatchObject({ kind: 'boolean', value: false });
    const undecided = prop(db, 'Undecided');
    expect(undecided).toMatchObject({ kind: 'unknown', reason: 'depends on condition Maybe' });
    expect(undecided?.kind === 'unknown' ? undecided.options?.map(toPlain) : undefined).toEqual(['a', 'b']);
    expect(prop(db, 'MaybeGone')).toMatchObject({ kind: 'unknown' });
    expect(prop(db, 'MaybeGone')?.kind === 'unknown' && (prop(db, 'MaybeGone') as { options?: unknown }).options).toBeFalsy();
    expect(db?.properties.entries.has('Gone')).toBe(false);
    // The resource exists only when its condition holds, so inside it the condition is true.
    expect(prop(byId(nodes, 'Conditional'), 'Inside')).toMatchObject({ kind: 'string', value: 'inside-true' });
    expect(prop(byId(nodes, 'Conditional'), 'Derived')).toMatchObject({ kind: 'string', value: 'derived-true' });
    // … and only inside it.
    expect(prop(db, 'Undecided')).toMatchObject({ kind: 'unknown' });
  });

  it('keeps unknown what is known only at deploy time', () => {
    const { nodes } = build(`
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            S3BucketName: !ImportValue log-archive-bucket
            Cidr: !Select [0, !Cidr ['10.0.0.0/16', 4, 8]]
    `);
    expect(prop(byId(nodes, 'Trail'), 'S3BucketName')).toMatchObject({ kind: 'unknown', reason: 'Fn::ImportValue is resolved at deploy time' });
    expect(prop(byId(nodes, 'Trail'), 'Cidr')).toMatchObject({ kind: 'unknown' });
  });

  it('reads DeletionPolicy, Metadata suppressions and comment suppressions', () => {
    const { nodes } = build(`
      Resources:
        # iac-check:ignore dr-region scratch data, rebuilt nightly
        Data:
          Type: AWS::DynamoDB::Table
          DeletionPolicy: Retain
          Metadata:
            iac-check:
              ignore:
                - id: encryption-at-rest
                  reason: public catalogue data
                - id: multi-az
    `);
    const data = byId(nodes, 'Data')!;
    expect(data.deletionPolicy).toMatchObject({ kind: 'string', value: 'Retain' });
    expect(data.suppressions.map((s) => [s.ruleId, s.reason]).sort()).toEqual([
      ['dr-region', 'scratch data, rebuilt nightly'],
      ['encryption-at-rest', 'public catalogue data'],
      ['multi-az', ''],
    ]);
  });
});
