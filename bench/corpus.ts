/**
 * Deterministic synthetic corpora for the benchmark (`npm run bench`).
 *
 * - CloudFormation: `round(500 × scale)` templates of a retail web stack (~40 resources each):
 *   Parameters with defaults, Mappings, Conditions, a VPC with subnets placed by
 *   `!Select [i, !GetAZs '']`, security groups with inline and standalone rules, buckets with
 *   policies (`!Sub`, `!GetAtt`, `!Ref`), RDS, DynamoDB, ALB + listeners + target group,
 *   CloudTrail, KMS, SQS/SNS, `Fn::If` on conditions. Most templates are YAML with short tags,
 *   some YAML use the long `Fn::` form, every fifth template is JSON.
 * - Terraform: projects (each with local modules `network` (count over AZs), `storage`
 *   (for_each over buckets, split S3 resources, `jsonencode` policies) and `compute`) and one
 *   root per environment folder (variables with defaults, `terraform.tfvars`, locals, a provider
 *   alias for a second region), added until the expanded resource count reaches
 *   `20,000 × scale`.
 *
 * Everything comes from a seeded PRNG: the same (scale, seed) gives the same bytes, and item i
 * of a corpus is the same at every scale (a larger corpus only adds items).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type CorpusKind = 'cloudformation' | 'terraform';

export interface CorpusFile {
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
  content: string;
}

export interface Corpus {
  kind: CorpusKind;
  files: CorpusFile[];
  /** Resources the generator wrote (Terraform: after `count`/`for_each` expansion). */
  resources: number;
  /** Terraform data sources the generator wrote (the graph may count them as nodes too). */
  dataSources: number;
  bytes: number;
}

export interface CorpusOptions {
  /** Size factor: 1 = 500 templates / ~20,000 Terraform resources; 2 doubles it. Default 1. */
  scale?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
}

export const CFN_TEMPLATES_AT_SCALE_1 = 500;
export const TF_RESOURCES_AT_SCALE_1 = 20_000;

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for item `index` of stream `stream`, independent of how many items come before. */
function itemSeed(seed: number, stream: number, index: number): number {
  let h = 2166136261 ^ seed;
  for (const n of [stream, index]) {
    h = Math.imul(h ^ (n & 0xffff), 16777619);
    h = Math.imul(h ^ (n >>> 16), 16777619);
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) { this.next = prng(seed); }
  float(): number { return this.next(); }
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  bool(p = 0.5): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)] as T; }
}

// ---------------------------------------------------------------------------------------------
// CloudFormation value model and emitters

type Value = string | number | boolean | Value[] | Fn | { [key: string]: Value };

class Fn {
  constructor(readonly name: string, readonly arg: Value) {}
}

const ref = (x: string): Fn => new Fn('Ref', x);
const getAtt = (r: string, a: string): Fn => new Fn('GetAtt', [r, a]);
const sub = (s: string, vars?: Record<string, Value>): Fn => new Fn('Sub', vars ? [s, vars] : s);
const select = (i: number, list: Value): Fn => new Fn('Select', [i, list]);
const getAZs = (): Fn => new Fn('GetAZs', '');
const cidr = (block: Value, count: number, bits: number): Fn => new Fn('Cidr', [block, count, bits]);
const join_ = (sep: string, xs: Value[]): Fn => new Fn('Join', [sep, xs]);
const iff = (c: string, a: Value, b: Value): Fn => new Fn('If', [c, a, b]);
const equals = (a: Value, b: Value): Fn => new Fn('Equals', [a, b]);
const not = (a: Value): Fn => new Fn('Not', [a]);
const or = (...xs: Value[]): Fn => new Fn('Or', xs);
const and = (...xs: Value[]): Fn => new Fn('And', xs);
const condition = (c: string): Fn => new Fn('Condition', c);
const findInMap = (m: string, k1: Value, k2: Value): Fn => new Fn('FindInMap', [m, k1, k2]);
const base64 = (x: Value): Fn => new Fn('Base64', x);
const split = (sep: string, x: Value): Fn => new Fn('Split', [sep, x]);
const NO_VALUE = ref('AWS::NoValue');

function longName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function toJsonValue(v: Value): unknown {
  if (v instanceof Fn) return { [longName(v.name)]: toJsonValue(v.arg) };
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}

interface YamlStyle {
  /** Probability that an intrinsic is written in the long `Fn::` form instead of a short tag. */
  longForm: number;
  /** `!GetAtt [A, B]` instead of `!GetAtt A.B`. */
  getAttList: boolean;
  rng: Rng;
}

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

/** Keys may hold `::` and `:` (`Fn::If`, `aws:SecureTransport`) unquoted, as people write them. */
function key(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.\-/:]*[A-Za-z0-9_]$/.test(k) && !RESERVED.test(k) ? k : scalar(k);
}

/** Outside flow collections `AWS::S3::Bucket` and `s3:*` need no quotes. */
function blockScalar(v: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.\-/:*]*[A-Za-z0-9_*/]$/.test(v) && !RESERVED.test(v) ? v : scalar(v);
}

function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (/^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(v) && !RESERVED.test(v)) return v;
  return `'${v.replace(/'/g, "''")}'`;
}

const pad = (n: number): string => ' '.repeat(n);

class YamlEmitter {
  /** Per-intrinsic decision (short or long), made once so both passes agree. */
  private readonly form = new Map<Fn, boolean>();
  constructor(private readonly style: YamlStyle) {}

  private isLong(f: Fn): boolean {
    let long = this.form.get(f);
    if (long === undefined) {
      long = this.style.rng.bool(this.style.longForm);
      this.form.set(f, long);
    }
    return long;
  }

  /** One-line (flow) text for v, or undefined when v needs block lines. */
  private inline(v: Value, flow = false): string | undefined {
    if (typeof v === 'string') return v.includes('\n') ? undefined : flow ? scalar(v) : blockScalar(v);
    if (typeof v === 'number' || typeof v === 'boolean') return scalar(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const parts = v.map((x) => this.inline(x, true));
      return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
    }
    if (v instanceof Fn) {
      if (this.isLong(v)) return undefined;
      if (v.name === 'GetAtt' && Array.isArray(v.arg) && !this.style.getAttList) return `!GetAtt ${v.arg.join('.')}`;
      if (v.arg instanceof Fn) return undefined; // a node has one tag: `!Base64 !Sub x` is not YAML
      const a = this.inline(v.arg, flow);
      return a === undefined ? undefined : `!${v.name} ${a}`;
    }
    return Object.keys(v).length === 0 ? '{}' : undefined;
  }

  /** [text after `key:` or `- `, following lines at indentation `ind`]. */
  node(v: Value, ind: number): [string, string[]] {
    const one = this.inline(v);
    if (one !== undefined) return [one, []];
    if (typeof v === 'string') {
      const body = v.endsWith('\n') ? v.slice(0, -1) : v;
      return [v.endsWith('\n') ? '|' : '|-', body.split('\n').map((l) => (l ? pad(ind) + l : ''))];
    }
    if (Array.isArray(v)) return ['', this.seq(v, ind)];
    if (v instanceof Fn) {
      if (this.isLong(v)) return ['', this.map({ [longName(v.name)]: v.arg }, ind)];
      const arg = v.arg;
      if (arg instanceof Fn) {
        this.form.set(arg, true);
        return [`!${v.name}`, this.map({ [longName(arg.name)]: arg.arg }, ind)];
      }
      const [h, rest] = this.node(arg, ind);
      if (h === '') return [`!${v.name}`, rest];
      return [`!${v.name} ${h}`, rest];
    }
    return ['', this.map(v as Record<string, Value>, ind)];
  }

  map(m: Record<string, Value>, ind: number): string[] {
    const out: string[] = [];
    for (const [k, v] of Object.entries(m)) {
      const [h, rest] = this.node(v, ind + 2);
      out.push(`${pad(ind)}${key(k)}:${h ? ` ${h}` : ''}`);
      out.push(...rest);
    }
    return out;
  }

  seq(xs: Value[], ind: number): string[] {
    const out: string[] = [];
    for (const x of xs) {
      const [h, rest] = this.node(x, ind + 2);
      if (h !== '') {
        out.push(`${pad(ind)}- ${h}`, ...rest);
      } else {
        const [first, ...more] = rest;
        out.push(`${pad(ind)}- ${(first ?? '').slice(ind + 2)}`, ...more);
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// CloudFormation templates

const TEAMS = ['checkout', 'catalog', 'search', 'payments', 'orders', 'inventory', 'loyalty', 'shipping', 'pricing', 'reviews'];
const DB_ENGINES = [['mysql', '8.0.35', 3306], ['postgres', '15.4', 5432]] as const;

function cfnTemplate(index: number, seed: number): { path: string; content: string; resources: number } {
  const rng = new Rng(itemSeed(seed, 1, index));
  const team = TEAMS[index % TEAMS.length] as string;
  const name = `${team}-${String(index).padStart(4, '0')}`;
  const format: 'yaml-short' | 'yaml-mixed' | 'json' = index % 5 === 4 ? 'json' : index % 3 === 1 ? 'yaml-mixed' : 'yaml-short';
  const [engine, engineVersion, dbPort] = rng.pick(DB_ENGINES);
  // Variants: some resources are left insecure so the rules find something.
  const bucketEncrypted = rng.bool(0.8);
  const blockPublic = rng.bool(0.85);
  const openSsh = rng.bool(0.15);
  const extraQueues = rng.int(0, 2);
  const extraBuckets = rng.int(0, 1);

  const R: Record<string, Value> = {};
  const tags = (n: string): Value => [
    { Key: 'Name', Value: sub(`\${EnvName}-${n}`) },
    { Key: 'Team', Value: team },
    { Key: 'CostCenter', Value: findInMap('EnvConfig', ref('EnvName'), 'CostCenter') },
  ];

  R['VPC'] = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: ref('VpcCidr'), EnableDnsSupport: true, EnableDnsHostnames: true, Tags: tags('vpc') } };
  R['InternetGateway'] = { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: tags('igw') } };
  R['GatewayAttachment'] = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('VPC'), InternetGatewayId: ref('InternetGateway') } };
  const subnets: Array<[string, number, boolean]> = [['PublicSubnet0', 0, true], ['PublicSubnet1', 1, true], ['PrivateSubnet0', 0, false], ['PrivateSubnet1', 1, false]];
  subnets.forEach(([id, az, pub], i) => {
    R[id] = {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: ref('VPC'),
        AvailabilityZone: select(az, getAZs()),
        CidrBlock: select(i, cidr(getAtt('VPC', 'CidrBlock'), 4, 8)),
        MapPublicIpOnLaunch: pub,
        Tags: tags(id.toLowerCase()),
      },
    };
  });
  R['PublicRouteTable'] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('VPC'), Tags: tags('public-rt') } };
  R['PublicRoute'] = { Type: 'AWS::EC2::Route', DependsOn: 'GatewayAttachment', Properties: { RouteTableId: ref('PublicRouteTable'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('InternetGateway') } };
  for (const i of [0, 1]) {
    R[`PublicSubnet${i}RouteTableAssociation`] = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(`PublicSubnet${i}`), RouteTableId: ref('PublicRouteTable') } };
  }

  const albIngress: Value[] = [
    { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS from the internet' },
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0', Description: 'HTTP redirect' },
  ];
  R['LoadBalancerSecurityGroup'] = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'Load balancer', VpcId: ref('VPC'), SecurityGroupIngress: albIngress, Tags: tags('alb-sg') } };
  R['AppSecurityGroup'] = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: sub('${EnvName} application instances'),
      VpcId: ref('VPC'),
      SecurityGroupIngress: openSsh ? [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] : [],
      SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }],
    },
  };
  R['DatabaseSecurityGroup'] = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'Database', VpcId: ref('VPC') } };
  R['AppFromLoadBalancerIngress'] = {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: { GroupId: getAtt('AppSecurityGroup', 'GroupId'), IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: getAtt('LoadBalancerSecurityGroup', 'GroupId') },
  };
  R['DatabaseFromAppIngress'] = {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: { GroupId: ref('DatabaseSecurityGroup'), IpProtocol: 'tcp', FromPort: dbPort, ToPort: dbPort, SourceSecurityGroupId: ref('AppSecurityGroup') },
  };

  R['DataKey'] = {
    Type: 'AWS::KMS::Key',
    Properties: {
      Description: sub('${EnvName} data key'),
      EnableKeyRotation: iff('IsProd', true, rng.bool(0.5)),
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'RootAccess', Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'CloudTrailEncrypt', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*',
            Condition: { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': sub('arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*') } },
          },
        ],
      },
    },
  };
  R['DataKeyAlias'] = { Type: 'AWS::KMS::Alias', Properties: { AliasName: sub(`alias/\${EnvName}-${name}`), TargetKeyId: ref('DataKey') } };

  const bucket = (id: string, purpose: string, encrypted: boolean, logging: boolean): void => {
    R[id] = {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BucketName: sub(`\${EnvName}-${name}-${purpose}-\${AWS::AccountId}-\${AWS::Region}`),
        ...(encrypted ? { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: getAtt('DataKey', 'Arn') }, BucketKeyEnabled: true }] } } : {}),
        VersioningConfiguration: { Status: iff('IsProd', 'Enabled', 'Suspended') },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: blockPublic, IgnorePublicAcls: true, RestrictPublicBuckets: blockPublic },
        ...(logging ? { LoggingConfiguration: { DestinationBucketName: ref('LogsBucket'), LogFilePrefix: sub(`${purpose}/`) } } : {}),
        Tags: tags(purpose),
      },
    };
    R[`${id}Policy`] = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref(id),
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [getAtt(id, 'Arn'), sub(`\${${id}.Arn}/*`)], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
            ...(purpose === 'logs'
              ? [
                { Sid: 'CloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: getAtt(id, 'Arn') },
                { Sid: 'CloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: sub(`arn:\${AWS::Partition}:s3:::\${${id}}/AWSLogs/\${AWS::AccountId}/*`), Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } } },
              ]
              : [{ Sid: 'AppRead', Effect: 'Allow', Principal: { AWS: getAtt('AppRole', 'Arn') }, Action: ['s3:GetObject', 's3:PutObject'], Resource: join_('', [getAtt(id, 'Arn'), '/*']) }]),
          ],
        },
      },
    };
  };
  bucket('LogsBucket', 'logs', true, false);
  bucket('AssetsBucket', 'assets', bucketEncrypted, true);
  for (let i = 0; i < extraBuckets; i++) bucket(`ExportBucket${i}`, `export${i}`, rng.bool(0.7), true);

  R['Trail'] = {
    Type: 'AWS::CloudTrail::Trail',
    Condition: 'EnableLogs',
    DependsOn: ['LogsBucketPolicy'],
    Properties: {
      TrailName: sub(`\${EnvName}-${name}`),
      S3BucketName: ref('LogsBucket'),
      KMSKeyId: ref('DataKey'),
      IsLogging: true,
      IsMultiRegionTrail: iff('IsProd', true, false),
      EnableLogFileValidation: true,
      IncludeGlobalServiceEvents: true,
    },
  };

  R['DatabaseSubnetGroup'] = { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: 'Private subnets', SubnetIds: [ref('PrivateSubnet0'), ref('PrivateSubnet1')] } };
  R['Database'] = {
    Type: 'AWS::RDS::DBInstance',
    DeletionPolicy: 'Snapshot',
    UpdateReplacePolicy: 'Snapshot',
    Properties: {
      Engine: engine,
      EngineVersion: engineVersion,
      DBInstanceClass: findInMap('EnvConfig', ref('EnvName'), 'DBInstanceClass'),
      AllocatedStorage: '50',
      MultiAZ: iff('IsProd', true, false),
      StorageEncrypted: true,
      KmsKeyId: ref('DataKey'),
      MasterUsername: 'app',
      ManageMasterUserPassword: true,
      PubliclyAccessible: false,
      BackupRetentionPeriod: iff('IsProd', 14, 1),
      DBSubnetGroupName: ref('DatabaseSubnetGroup'),
      VPCSecurityGroups: [getAtt('DatabaseSecurityGroup', 'GroupId')],
    },
  };
  R['SessionsTable'] = {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      TableName: sub(`\${EnvName}-${name}-sessions`),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: ref('DataKey') },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: iff('IsProd', true, false) },
    },
  };

  R['LoadBalancer'] = {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Type: 'application',
      Scheme: 'internet-facing',
      Subnets: [ref('PublicSubnet0'), ref('PublicSubnet1')],
      SecurityGroups: [ref('LoadBalancerSecurityGroup')],
      LoadBalancerAttributes: [
        { Key: 'access_logs.s3.enabled', Value: iff('EnableLogs', 'true', 'false') },
        iff('EnableLogs', { Key: 'access_logs.s3.bucket', Value: ref('LogsBucket') }, NO_VALUE),
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ],
    },
  };
  R['TargetGroup'] = {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: { VpcId: ref('VPC'), Port: 8080, Protocol: 'HTTP', HealthCheckPath: '/healthz', TargetType: 'instance' },
  };
  R['HttpsListener'] = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref('LoadBalancer'), Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: ref('CertificateArn') }],
      DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }],
    },
  };
  R['HttpListener'] = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref('LoadBalancer'), Port: 80, Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    },
  };

  R['DeadLetterQueue'] = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600, KmsMasterKeyId: ref('DataKey') } };
  R['OrdersQueue'] = {
    Type: 'AWS::SQS::Queue',
    Properties: {
      QueueName: sub(`\${EnvName}-${name}-orders`),
      KmsMasterKeyId: iff('IsProd', ref('DataKey'), 'alias/aws/sqs'),
      RedrivePolicy: { deadLetterTargetArn: getAtt('DeadLetterQueue', 'Arn'), maxReceiveCount: 5 },
    },
  };
  for (let i = 0; i < extraQueues; i++) {
    R[`WorkerQueue${i}`] = { Type: 'AWS::SQS::Queue', Properties: { QueueName: sub(`\${EnvName}-${name}-worker${i}`), ...(rng.bool(0.7) ? { SqsManagedSseEnabled: true } : {}) } };
  }
  R['EventsTopic'] = { Type: 'AWS::SNS::Topic', Properties: { TopicName: sub(`\${EnvName}-${name}-events`), KmsMasterKeyId: ref('DataKey') } };
  R['OrdersSubscription'] = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: ref('EventsTopic'), Protocol: 'sqs', Endpoint: getAtt('OrdersQueue', 'Arn'), RawMessageDelivery: true } };
  R['OrdersQueuePolicy'] = {
    Type: 'AWS::SQS::QueuePolicy',
    Properties: {
      Queues: [ref('OrdersQueue')],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: getAtt('OrdersQueue', 'Arn'), Condition: { ArnEquals: { 'aws:SourceArn': ref('EventsTopic') } } }],
      },
    },
  };
  R['EventsTopicPolicy'] = {
    Type: 'AWS::SNS::TopicPolicy',
    Properties: {
      Topics: [ref('EventsTopic')],
      PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'sns:Publish', Resource: ref('EventsTopic') }] },
    },
  };

  R['AppRole'] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
      ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore')],
      Policies: [{
        PolicyName: 'app',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: getAtt('OrdersQueue', 'Arn') },
            { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: [getAtt('SessionsTable', 'Arn'), sub('${SessionsTable.Arn}/index/*')] },
            { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: getAtt('DataKey', 'Arn') },
            ...(rng.bool(0.1) ? [{ Effect: 'Allow', Action: '*', Resource: '*' }] : []),
          ],
        },
      }],
    },
  };
  R['AppInstanceProfile'] = { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [ref('AppRole')] } };
  R['AppLogGroup'] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: sub(`/retail/\${EnvName}/${name}`), RetentionInDays: iff('IsProd', 365, 30), KmsKeyId: getAtt('DataKey', 'Arn') } };
  R['LaunchTemplate'] = {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        ImageId: findInMap('RegionMap', ref('AWS::Region'), 'AMI'),
        InstanceType: findInMap('EnvConfig', ref('EnvName'), 'InstanceType'),
        IamInstanceProfile: { Arn: getAtt('AppInstanceProfile', 'Arn') },
        SecurityGroupIds: [ref('AppSecurityGroup')],
        MetadataOptions: { HttpTokens: rng.bool(0.8) ? 'required' : 'optional', HttpEndpoint: 'enabled' },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3', Encrypted: true, KmsKeyId: getAtt('DataKey', 'Arn') } }],
        UserData: base64(sub(`#!/bin/bash\nset -euo pipefail\necho "env=\${EnvName}" > /etc/retail.conf\necho "queue=\${OrdersQueue}" >> /etc/retail.conf\necho "bucket=\${AssetsBucket}" >> /etc/retail.conf\n/opt/retail/bin/start --region \${AWS::Region}\n`)),
      },
    },
  };
  R['AppAutoScalingGroup'] = {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    Properties: {
      LaunchTemplate: { LaunchTemplateId: ref('LaunchTemplate'), Version: getAtt('LaunchTemplate', 'LatestVersionNumber') },
      MinSize: iff('IsProd', '2', '1'),
      MaxSize: '6',
      VPCZoneIdentifier: [ref('PrivateSubnet0'), ref('PrivateSubnet1')],
      TargetGroupARNs: [ref('TargetGroup')],
      HealthCheckType: 'ELB',
    },
  };

  const template: Record<string, Value> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Retail web stack ${name} (synthetic benchmark corpus)`,
    Parameters: {
      EnvName: { Type: 'String', Default: rng.pick(['prod', 'staging', 'dev']), AllowedValues: ['prod', 'staging', 'dev'] },
      VpcCidr: { Type: 'String', Default: `10.${index % 256}.0.0/16` },
      EnableLogging: { Type: 'String', Default: 'true', AllowedValues: ['true', 'false'] },
      CertificateArn: { Type: 'String', Default: `arn:aws:acm:us-east-1:123456789012:certificate/${String(index).padStart(8, '0')}-0000-4000-8000-000000000000` },
      AllowedRegions: { Type: 'CommaDelimitedList', Default: 'us-east-1,us-west-2' },
    },
    Mappings: {
      RegionMap: {
        'us-east-1': { AMI: 'ami-0abcdef1234567890' },
        'us-west-2': { AMI: 'ami-0fedcba0987654321' },
        'eu-west-1': { AMI: 'ami-0123456789abcdef0' },
      },
      EnvConfig: {
        prod: { InstanceType: 'm6i.large', DBInstanceClass: 'db.r6g.large', CostCenter: 'retail-prod' },
        staging: { InstanceType: 't3.medium', DBInstanceClass: 'db.t4g.medium', CostCenter: 'retail-nonprod' },
        dev: { InstanceType: 't3.small', DBInstanceClass: 'db.t4g.small', CostCenter: 'retail-nonprod' },
      },
    },
    Conditions: {
      IsProd: equals(ref('EnvName'), 'prod'),
      NotProd: not(condition('IsProd')),
      EnableLogs: or(condition('IsProd'), equals(ref('EnableLogging'), 'true')),
      IsPrimaryRegion: and(condition('IsProd'), equals(ref('AWS::Region'), select(0, ref('AllowedRegions')))),
    },
    Resources: R,
    Outputs: {
      VpcId: { Value: ref('VPC'), Export: { Name: sub('${AWS::StackName}-VpcId') } },
      LoadBalancerDns: { Value: getAtt('LoadBalancer', 'DNSName') },
      AssetsBucketArn: { Value: getAtt('AssetsBucket', 'Arn'), Export: { Name: sub('${AWS::StackName}-AssetsBucketArn') } },
      PrivateSubnets: { Value: join_(',', [ref('PrivateSubnet0'), ref('PrivateSubnet1')]) },
      FirstAllowedRegion: { Condition: 'IsPrimaryRegion', Value: select(0, split(',', new Fn('Join', [',', ref('AllowedRegions')]))) },
    },
  };

  const dir = `stacks/${team}`;
  const resources = Object.keys(R).length;
  if (format === 'json') {
    return { path: `${dir}/${name}.json`, content: JSON.stringify(toJsonValue(template), null, 2) + '\n', resources };
  }
  const emitter = new YamlEmitter({ longForm: format === 'yaml-mixed' ? 0.4 : 0, getAttList: rng.bool(0.3), rng: new Rng(itemSeed(seed, 2, index)) });
  const lines = emitter.map(template, 0);
  return { path: `${dir}/${name}.${index % 7 === 3 ? 'yml' : 'yaml'}`, content: `# Synthetic benchmark template ${name}\n${lines.join('\n')}\n`, resources };
}

/** The CloudFormation corpus: `round(500 × scale)` templates (at least one). */
export function cloudFormationCorpus(options: CorpusOptions = {}): Corpus {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const n = Math.max(1, Math.round(CFN_TEMPLATES_AT_SCALE_1 * scale));
  const files: CorpusFile[] = [];
  let resources = 0;
  for (let i = 0; i < n; i++) {
    const t = cfnTemplate(i, seed);
    files.push({ path: t.path, content: t.content });
    resources += t.resources;
  }
  return finish('cloudformation', files, resources);
}

// ---------------------------------------------------------------------------------------------
// Terraform

const hq = (s: string): string => JSON.stringify(s);

const TF_NETWORK_VARIABLES = `variable "name" {
  type        = string
  description = "Name prefix"
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "azs" {
  type        = list(string)
  description = "Availability zones, one public and one private subnet each"
}

variable "allow_ssh_from" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
`;

const TF_NETWORK_MAIN = `resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(var.tags, { Name = "\${var.name}-vpc" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = var.tags
}

resource "aws_subnet" "public" {
  count                   = length(var.azs)
  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.azs[count.index]
  cidr_block              = cidrsubnet(var.cidr, 8, count.index)
  map_public_ip_on_launch = true
  tags                    = merge(var.tags, { Name = "\${var.name}-public-\${count.index}", Tier = "public" })
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = element(var.azs, count.index)
  cidr_block        = cidrsubnet(var.cidr, 8, count.index + 100)
  tags              = merge(var.tags, { Name = "\${var.name}-private-\${count.index}", Tier = "private" })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }

  tags = var.tags
}

resource "aws_route_table_association" "public" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_security_group" "alb" {
  name        = "\${var.name}-alb"
  description = "Load balancer"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "HTTP redirect"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "app" {
  name        = "\${var.name}-app"
  description = "Application instances"
  vpc_id      = aws_vpc.this.id
  tags        = var.tags
}

resource "aws_security_group" "db" {
  name        = "\${var.name}-db"
  description = "Database"
  vpc_id      = aws_vpc.this.id
  tags        = var.tags
}

resource "aws_security_group_rule" "app_from_alb" {
  type                     = "ingress"
  security_group_id        = aws_security_group.app.id
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.alb.id
}

resource "aws_security_group_rule" "app_ssh" {
  count             = length(var.allow_ssh_from) > 0 ? 1 : 0
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.allow_ssh_from
}

resource "aws_security_group_rule" "app_egress" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.app.id
}
`;

const TF_NETWORK_OUTPUTS = `output "vpc_id" {
  value = aws_vpc.this.id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  value = [for s in aws_subnet.private : s.id]
}

output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "app_security_group_id" {
  value = aws_security_group.app.id
}

output "db_security_group_id" {
  value = aws_security_group.db.id
}
`;

/** Resources the network module creates. */
const networkResources = (azs: number, ssh: boolean): number => 1 + 1 + azs * 3 + 1 + 3 + 3 + (ssh ? 1 : 0);

const TF_STORAGE_VARIABLES = `variable "name" {
  type = string
}

variable "buckets" {
  description = "Buckets by purpose"
  type = map(object({
    versioning = bool
    public     = bool
    replicate  = bool
    expire     = number
  }))
}

variable "tables" {
  type    = set(string)
  default = []
}

variable "kms_admin_arn" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
`;

const TF_STORAGE_MAIN = `data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  admin_arn  = coalesce(var.kms_admin_arn, "arn:\${data.aws_partition.current.partition}:iam::\${local.account_id}:root")
}

resource "aws_kms_key" "data" {
  description         = "\${var.name} data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Admin"
        Effect    = "Allow"
        Principal = { AWS = local.admin_arn }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudTrail"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
  tags = var.tags
}

resource "aws_kms_alias" "data" {
  name          = "alias/\${var.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_s3_bucket" "this" {
  for_each = var.buckets
  bucket   = "\${var.name}-\${each.key}"
  tags     = merge(var.tags, { Purpose = each.key })
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id

  versioning_configuration {
    status = each.value.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each                = aws_s3_bucket.this
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = !var.buckets[each.key].public
  ignore_public_acls      = true
  restrict_public_buckets = !var.buckets[each.key].public
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = { for k, v in var.buckets : k => v if v.expire > 0 }
  bucket   = aws_s3_bucket.this[each.key].id

  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = each.value.expire
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.this[each.key].arn, "\${aws_s3_bucket.this[each.key].arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      }],
      each.key == "logs" ? [
        {
          Sid       = "CloudTrailWrite"
          Effect    = "Allow"
          Principal = { Service = "cloudtrail.amazonaws.com" }
          Action    = "s3:PutObject"
          Resource  = "\${aws_s3_bucket.this[each.key].arn}/AWSLogs/\${local.account_id}/*"
          Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" } }
        },
        {
          Sid       = "CloudTrailAclCheck"
          Effect    = "Allow"
          Principal = { Service = "cloudtrail.amazonaws.com" }
          Action    = "s3:GetBucketAcl"
          Resource  = aws_s3_bucket.this[each.key].arn
        }] : [],
      each.value.public ? [
        {
          Sid       = "PublicRead"
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "\${aws_s3_bucket.this[each.key].arn}/*"
        }] : []
    )
  })
}

resource "aws_dynamodb_table" "this" {
  for_each     = var.tables
  name         = "\${var.name}-\${each.value}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = var.tags
}
`;

const TF_STORAGE_OUTPUTS = `output "bucket_ids" {
  value = { for k, b in aws_s3_bucket.this : k => b.id }
}

output "bucket_arns" {
  value = { for k, b in aws_s3_bucket.this : k => b.arn }
}

output "kms_key_arn" {
  value = aws_kms_key.data.arn
}

output "table_arns" {
  value = [for t in aws_dynamodb_table.this : t.arn]
}
`;

interface TfBucket { versioning: boolean; public: boolean; replicate: boolean; expire: number }

const storageResources = (buckets: TfBucket[], tables: number): number =>
  2 + buckets.length * 5 + buckets.filter((b) => b.expire > 0).length + tables;

const TF_COMPUTE_VARIABLES = `variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "alb_security_group_id" {
  type = string
}

variable "app_security_group_id" {
  type = string
}

variable "db_security_group_id" {
  type = string
}

variable "logs_bucket" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.small"
}

variable "multi_az" {
  type    = bool
  default = false
}

variable "enable_trail" {
  type    = bool
  default = true
}

variable "certificate_arn" {
  type = string
}

variable "queues" {
  type    = list(string)
  default = ["orders"]
}

variable "tags" {
  type    = map(string)
  default = {}
}
`;

const TF_COMPUTE_MAIN = `resource "aws_lb" "this" {
  name                       = substr("\${var.name}-alb", 0, 32)
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [var.alb_security_group_id]
  drop_invalid_header_fields = true

  access_logs {
    bucket  = var.logs_bucket
    prefix  = "alb"
    enabled = true
  }

  tags = var.tags
}

resource "aws_lb_target_group" "app" {
  name     = substr("\${var.name}-app", 0, 32)
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id

  health_check {
    path = "/healthz"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_iam_role" "app" {
  name = "\${var.name}-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource = [for q in aws_sqs_queue.work : q.arn]
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = var.kms_key_arn
      },
    ]
  })
}

resource "aws_iam_instance_profile" "app" {
  name = "\${var.name}-app"
  role = aws_iam_role.app.name
}

resource "aws_launch_template" "app" {
  name_prefix   = "\${var.name}-app-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = var.instance_type

  iam_instance_profile {
    arn = aws_iam_instance_profile.app.arn
  }

  vpc_security_group_ids = [var.app_security_group_id]

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      volume_type = "gp3"
      encrypted   = true
      kms_key_id  = var.kms_key_arn
    }
  }

  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo "name=\${var.name}" > /etc/retail.conf
  EOT
  )
}

resource "aws_autoscaling_group" "app" {
  name                = "\${var.name}-app"
  min_size            = var.multi_az ? 2 : 1
  max_size            = 6
  vpc_zone_identifier = var.private_subnet_ids
  target_group_arns   = [aws_lb_target_group.app.arn]
  health_check_type   = "ELB"

  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_sqs_queue" "dlq" {
  name                      = "\${var.name}-dlq"
  message_retention_seconds = 1209600
  kms_master_key_id         = var.kms_key_arn
}

resource "aws_sqs_queue" "work" {
  count             = length(var.queues)
  name              = "\${var.name}-\${var.queues[count.index]}"
  kms_master_key_id = var.kms_key_arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sns_topic" "events" {
  name              = "\${var.name}-events"
  kms_master_key_id = var.kms_key_arn
}

resource "aws_sns_topic_subscription" "work" {
  count     = length(var.queues)
  topic_arn = aws_sns_topic.events.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.work[count.index].arn
}

resource "aws_db_subnet_group" "this" {
  name       = "\${var.name}-db"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "this" {
  identifier                  = "\${var.name}-db"
  engine                      = "postgres"
  engine_version              = "15.4"
  instance_class              = var.db_instance_class
  allocated_storage           = 50
  multi_az                    = var.multi_az
  storage_encrypted           = true
  kms_key_id                  = var.kms_key_arn
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = false
  backup_retention_period     = var.multi_az ? 14 : 1
  db_subnet_group_name        = aws_db_subnet_group.this.name
  vpc_security_group_ids      = [var.db_security_group_id]
  skip_final_snapshot         = !var.multi_az
  tags                        = var.tags
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/retail/\${var.name}"
  retention_in_days = var.multi_az ? 365 : 30
  kms_key_id        = var.kms_key_arn
}

resource "aws_cloudtrail" "this" {
  count                         = var.enable_trail ? 1 : 0
  name                          = "\${var.name}-trail"
  s3_bucket_name                = var.logs_bucket
  kms_key_id                    = var.kms_key_arn
  is_multi_region_trail         = var.multi_az
  enable_log_file_validation    = true
  include_global_service_events = true
}
`;

const TF_COMPUTE_OUTPUTS = `output "alb_dns_name" {
  value = aws_lb.this.dns_name
}

output "queue_arns" {
  value = aws_sqs_queue.work[*].arn
}
`;

const computeResources = (queues: number, trail: boolean): number => 4 + 3 + 2 + 1 + queues * 2 + 1 + 2 + 1 + (trail ? 1 : 0);

const hclList = (xs: string[]): string => `[${xs.map(hq).join(', ')}]`;

function bucketsHcl(buckets: Array<[string, TfBucket]>, ind: string): string {
  const w = Math.max(...buckets.map(([k]) => k.length));
  return `{\n${buckets.map(([k, b]) => `${ind}  ${k.padEnd(w)} = { versioning = ${b.versioning}, public = ${b.public}, replicate = ${b.replicate}, expire = ${b.expire} }`).join('\n')}\n${ind}}`;
}

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const ENVS = ['dev', 'staging', 'prod'];
const PURPOSES = ['assets', 'media', 'exports', 'backups', 'reports', 'uploads', 'feeds'];

/** One project: local modules plus one root per environment. */
function tfProject(index: number, seed: number): { files: CorpusFile[]; resources: number; dataSources: number } {
  const rng = new Rng(itemSeed(seed, 3, index));
  const project = `${TEAMS[index % TEAMS.length]}-${String(index).padStart(3, '0')}`;
  const base = `projects/${project}`;
  const files: CorpusFile[] = [
    { path: `${base}/modules/network/variables.tf`, content: TF_NETWORK_VARIABLES },
    { path: `${base}/modules/network/main.tf`, content: TF_NETWORK_MAIN },
    { path: `${base}/modules/network/outputs.tf`, content: TF_NETWORK_OUTPUTS },
    { path: `${base}/modules/storage/variables.tf`, content: TF_STORAGE_VARIABLES },
    { path: `${base}/modules/storage/main.tf`, content: TF_STORAGE_MAIN },
    { path: `${base}/modules/storage/outputs.tf`, content: TF_STORAGE_OUTPUTS },
    { path: `${base}/modules/compute/variables.tf`, content: TF_COMPUTE_VARIABLES },
    { path: `${base}/modules/compute/main.tf`, content: TF_COMPUTE_MAIN },
    { path: `${base}/modules/compute/outputs.tf`, content: TF_COMPUTE_OUTPUTS },
  ];
  let resources = 0;
  let dataSources = 0;
  const region = rng.pick(REGIONS);
  const replicaRegion = REGIONS[(REGIONS.indexOf(region) + 1) % REGIONS.length] as string;

  for (const [e, env] of ENVS.entries()) {
    const prod = env === 'prod';
    const azCount = prod ? 3 : rng.int(2, 3);
    const azs = ['a', 'b', 'c'].slice(0, azCount).map((s) => `${region}${s}`);
    const ssh = !prod && rng.bool(0.3);
    const purposes = PURPOSES.filter(() => rng.bool(0.55));
    const buckets: Array<[string, TfBucket]> = [['logs', { versioning: true, public: false, replicate: false, expire: 365 }]];
    for (const p of purposes) buckets.push([p, { versioning: prod || rng.bool(0.5), public: p === 'media' && rng.bool(0.5), replicate: rng.bool(0.4), expire: rng.bool(0.3) ? rng.pick([30, 90, 180]) : 0 }]);
    const replicated = buckets.filter(([, b]) => b.replicate).map(([, b]) => b);
    const tables = ['sessions', 'carts', 'orders'].filter((_, i) => i === 0 || rng.bool(0.5));
    const queues = ['orders', 'emails', 'search-index', 'payments'].slice(0, rng.int(1, 4));
    const trail = prod || rng.bool(0.5);
    const envDir = `${base}/envs/${env}`;

    resources += networkResources(azs.length, ssh);
    resources += storageResources(buckets.map(([, b]) => b), tables.length);
    resources += storageResources(replicated, 0);
    resources += computeResources(queues.length, trail);
    dataSources += 2 * 2; // aws_caller_identity and aws_partition in both storage module calls

    files.push({
      path: `${envDir}/versions.tf`,
      content: `terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.common_tags
  }
}

provider "aws" {
  alias  = "replica"
  region = var.replica_region
}
`,
    });
    files.push({
      path: `${envDir}/variables.tf`,
      content: `variable "project" {
  type    = string
  default = ${hq(project)}
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "replica_region" {
  type    = string
  default = "us-west-2"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}

variable "allow_ssh_from" {
  type    = list(string)
  default = []
}

variable "buckets" {
  type = map(object({
    versioning = bool
    public     = bool
    replicate  = bool
    expire     = number
  }))
  default = {
    logs = { versioning = true, public = false, replicate = false, expire = 365 }
  }
}

variable "tables" {
  type    = set(string)
  default = ["sessions"]
}

variable "queues" {
  type    = list(string)
  default = ["orders"]
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000"
}

variable "enable_trail" {
  type    = bool
  default = true
}
`,
    });
    files.push({
      path: `${envDir}/terraform.tfvars`,
      content: `environment    = ${hq(env)}
region         = ${hq(region)}
replica_region = ${hq(replicaRegion)}
vpc_cidr       = "10.${(index * 3 + e) % 256}.0.0/16"
azs            = ${hclList(azs)}
allow_ssh_from = ${hclList(ssh ? ['203.0.113.0/24'] : [])}
tables         = ${hclList(tables)}
queues         = ${hclList(queues)}
instance_type  = ${hq(prod ? 'm6i.large' : 't3.small')}
enable_trail   = ${trail}

buckets = ${bucketsHcl(buckets, '')}
`,
    });
    files.push({
      path: `${envDir}/main.tf`,
      content: `locals {
  name = "\${var.project}-\${var.environment}"
  common_tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }
  is_prod = var.environment == "prod"
}

module "network" {
  source         = "../../modules/network"
  name           = local.name
  cidr           = var.vpc_cidr
  azs            = var.azs
  allow_ssh_from = var.allow_ssh_from
  tags           = local.common_tags
}

module "storage" {
  source  = "../../modules/storage"
  name    = local.name
  buckets = var.buckets
  tables  = var.tables
  tags    = local.common_tags
}

module "storage_replica" {
  source = "../../modules/storage"
  providers = {
    aws = aws.replica
  }
  name    = "\${local.name}-replica"
  buckets = { for k, v in var.buckets : k => v if v.replicate }
  tags    = local.common_tags
}

module "compute" {
  source                = "../../modules/compute"
  name                  = local.name
  vpc_id                = module.network.vpc_id
  public_subnet_ids     = module.network.public_subnet_ids
  private_subnet_ids    = module.network.private_subnet_ids
  alb_security_group_id = module.network.alb_security_group_id
  app_security_group_id = module.network.app_security_group_id
  db_security_group_id  = module.network.db_security_group_id
  logs_bucket           = module.storage.bucket_ids["logs"]
  kms_key_arn           = module.storage.kms_key_arn
  instance_type         = var.instance_type
  db_instance_class     = local.is_prod ? "db.r6g.large" : "db.t4g.small"
  multi_az              = local.is_prod
  enable_trail          = var.enable_trail
  certificate_arn       = var.certificate_arn
  queues                = var.queues
  tags                  = local.common_tags
}
`,
    });
    files.push({
      path: `${envDir}/outputs.tf`,
      content: `output "alb_dns_name" {
  value = module.compute.alb_dns_name
}

output "bucket_arns" {
  value = module.storage.bucket_arns
}
`,
    });
  }
  return { files, resources, dataSources };
}

/** The Terraform corpus: projects are added until the expanded resource count reaches `20,000 × scale`. */
export function terraformCorpus(options: CorpusOptions = {}): Corpus {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const target = Math.max(1, Math.round(TF_RESOURCES_AT_SCALE_1 * scale));
  const files: CorpusFile[] = [];
  let resources = 0;
  let dataSources = 0;
  for (let i = 0; resources < target; i++) {
    const p = tfProject(i, seed);
    files.push(...p.files);
    resources += p.resources;
    dataSources += p.dataSources;
  }
  return finish('terraform', files, resources, dataSources);
}

function finish(kind: CorpusKind, files: CorpusFile[], resources: number, dataSources = 0): Corpus {
  return { kind, files, resources, dataSources, bytes: files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) };
}

export function generateCorpus(kind: CorpusKind, options: CorpusOptions = {}): Corpus {
  return kind === 'cloudformation' ? cloudFormationCorpus(options) : terraformCorpus(options);
}

/** Writes the corpus under `dir` (created when missing). */
export async function writeCorpus(corpus: Corpus, dir: string): Promise<void> {
  const made = new Set<string>();
  for (const f of corpus.files) {
    const abs = join(dir, ...f.path.split('/'));
    const d = dirname(abs);
    if (!made.has(d)) {
      await mkdir(d, { recursive: true });
      made.add(d);
    }
    await writeFile(abs, f.content);
  }
}
