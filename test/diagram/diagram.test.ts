import { describe, expect, it } from 'vitest';
import { buildDiagram, toDiagramJson, toDot, toMermaid, toSvg } from '../../src/diagram/index.js';
import type { Diagram, DiagramNode } from '../../src/diagram/index.js';
import type { ScanOutput } from '../../src/scan.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

function diagramOf(out: ScanOutput, options: Parameters<typeof buildDiagram>[3] = {}): Diagram {
  return buildDiagram(out.graph!, out.model!, out.result.findings, options);
}

const byLabel = (d: Diagram, label: string): DiagramNode[] => d.nodes.filter((n) => n.label === label);
const groupOf = (d: Diagram, n: DiagramNode) => d.groups.find((g) => g.id === n.parent)!;
/** The chain of box labels from the node up to the account. */
function boxes(d: Diagram, n: DiagramNode): string[] {
  const out: string[] = [];
  let g = d.groups.find((x) => x.id === n.parent);
  while (g) {
    out.push(g.label);
    g = d.groups.find((x) => x.id === g!.parent);
  }
  return out;
}

const cfnDatabase = (multiAz: boolean): string => `
  AWSTemplateFormatVersion: '2010-09-09'
  Resources:
    Vpc:
      Type: AWS::EC2::VPC
      Properties: { CidrBlock: 10.0.0.0/16 }
    DataA:
      Type: AWS::EC2::Subnet
      Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''] }
    DataB:
      Type: AWS::EC2::Subnet
      Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs ''] }
    DbSubnets:
      Type: AWS::RDS::DBSubnetGroup
      Properties: { DBSubnetGroupDescription: data, SubnetIds: [!Ref DataA, !Ref DataB] }
    Orders:
      Type: AWS::RDS::DBInstance
      Properties:
        Engine: postgres
        DBInstanceClass: db.t3.micro
        MultiAZ: ${multiAz}
        StorageEncrypted: true
        DBSubnetGroupName: !Ref DbSubnets
`;

const tfDatabase = (multiAz: boolean): string => `
  resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
  resource "aws_subnet" "a" {
    vpc_id            = aws_vpc.main.id
    cidr_block        = "10.0.1.0/24"
    availability_zone = "us-east-1a"
  }
  resource "aws_subnet" "b" {
    vpc_id            = aws_vpc.main.id
    cidr_block        = "10.0.2.0/24"
    availability_zone = "us-east-1b"
  }
  resource "aws_db_subnet_group" "data" { subnet_ids = [aws_subnet.a.id, aws_subnet.b.id] }
  resource "aws_db_instance" "orders" {
    engine               = "postgres"
    instance_class       = "db.t3.micro"
    multi_az             = ${multiAz}
    storage_encrypted    = true
    db_subnet_group_name = aws_db_subnet_group.data.name
  }
`;

describe('placement in zones', () => {
  it.each([
    ['cloudformation', cfnDatabase, 'Orders', ['Subnet DataA', 'Availability Zone 1 of the region'], ['Subnet DataB', 'Availability Zone 2 of the region']],
    ['terraform', tfDatabase, 'aws_db_instance.orders', ['Subnet aws_subnet.a', 'Availability Zone us-east-1a'], ['Subnet aws_subnet.b', 'Availability Zone us-east-1b']],
  ] as const)('%s: a Multi-AZ database shows in both zones, primary and standby', async (kind, code, address, first, second) => {
    const d = diagramOf(await scanSnippet(kind, code(true)));
    const nodes = byLabel(d, address);
    expect(nodes.map((n) => n.note)).toEqual(['primary', 'standby']);
    expect(boxes(d, nodes[0]!).slice(0, 2)).toEqual(first);
    expect(boxes(d, nodes[1]!).slice(0, 2)).toEqual(second);
    expect(nodes[1]!.copyOf).toBe(nodes[0]!.id);
  });

  it.each([
    ['cloudformation', cfnDatabase, 'Orders', 'VPC Vpc'],
    ['terraform', tfDatabase, 'aws_db_instance.orders', 'VPC aws_vpc.main'],
  ] as const)('%s: a single-AZ database sits in its VPC, not in a zone it may not get', async (kind, code, address, vpc) => {
    const d = diagramOf(await scanSnippet(kind, code(false)));
    const nodes = byLabel(d, address);
    expect(nodes).toHaveLength(1);
    expect(groupOf(d, nodes[0]!).label).toBe(vpc);
    expect(nodes[0]!.note).toMatch(/single zone/);
    // The multi-az finding is on the picture.
    expect(nodes[0]!.findings.map((f) => f.ruleId)).toContain('multi-az');
    expect(nodes[0]!.worst).toBe('high');
  });

  it('subnet groups and the region are boxes, not nodes', async () => {
    const d = diagramOf(await scanSnippet('cloudformation', cfnDatabase(true)));
    expect(d.nodes.map((n) => n.label).sort()).toEqual(['Orders', 'Orders']);
    expect(d.groups.map((g) => g.kind).sort()).toEqual(['account', 'region', 'subnet', 'subnet', 'vpc', 'zone', 'zone']);
  });
});

describe('paths and findings', () => {
  const openSsh = {
    cloudformation: `
      AWSTemplateFormatVersion: '2010-09-09'
      Resources:
        Web:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: web
            SecurityGroupIngress:
              - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
        Server:
          Type: AWS::EC2::Instance
          Properties: { ImageId: ami-12345678, SecurityGroupIds: [!Ref Web] }
    `,
    terraform: `
      resource "aws_security_group" "web" {
        ingress {
          protocol    = "tcp"
          from_port   = 22
          to_port     = 22
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
      resource "aws_instance" "server" {
        ami                    = "ami-12345678"
        vpc_security_group_ids = [aws_security_group.web.id]
      }
    `,
  };
  it.each([
    ['cloudformation', 'Server'],
    ['terraform', 'aws_instance.server'],
  ] as const)('%s: a rule open to the internet is an edge from the internet, its finding on the instance', async (kind, address) => {
    const d = diagramOf(await scanSnippet(kind, openSsh[kind]));
    const server = byLabel(d, address)[0]!;
    expect(server.worst).toBe('critical');
    expect(server.findings.map((f) => f.ruleId)).toContain('sg-open-admin-ports');
    const edge = d.edges.find((e) => e.to === server.id)!;
    expect(d.nodes.find((n) => n.id === edge.from)!.external).toBe('internet');
    expect(edge).toMatchObject({ kind: 'network', label: 'tcp 22 from the internet' });
    // The security group itself is not a node: it is shown by the path it opens.
    expect(d.nodes.some((n) => n.type === 'AWS::EC2::SecurityGroup' || n.type === 'aws_security_group')).toBe(false);
  });

  it('the severity marker is readable without colour in every text format', async () => {
    const d = diagramOf(await scanSnippet('terraform', openSsh.terraform));
    expect(toMermaid(d)).toContain('CRITICAL · ');
    expect(toDot(d)).toContain('CRITICAL · ');
  });
});

describe('large graphs', () => {
  const queues = `
    resource "aws_sqs_queue" "q" {
      count = 40
      name  = "jobs-\${count.index}"
    }
    resource "aws_sns_topic" "events" {}
    resource "aws_sns_topic_subscription" "s" {
      topic_arn = aws_sns_topic.events.arn
      protocol  = "sqs"
      endpoint  = aws_sqs_queue.q[0].arn
    }
  `;
  it('repeated resources become one node ×N with their range', async () => {
    const d = diagramOf(await scanSnippet('terraform', queues));
    const q = d.nodes.filter((n) => n.type === 'aws_sqs_queue');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ label: 'aws_sqs_queue.q[0..39]', count: 40 });
    expect(toMermaid(d)).toContain('aws_sqs_queue.q[0..39] ×40');
    // The subscription is a part, folded into a connection from the topic to the queues.
    const topic = byLabel(d, 'aws_sns_topic.events')[0]!;
    expect(d.edges).toContainEqual(expect.objectContaining({ from: topic.id, to: q[0]!.id }));
  });

  it('--no-group keeps them apart', async () => {
    const d = diagramOf(await scanSnippet('terraform', queues), { groupRepeated: false });
    expect(d.nodes.filter((n) => n.type === 'aws_sqs_queue')).toHaveLength(40);
  });

  it('--focus keeps the neighbourhood within --depth hops', async () => {
    const out = await scanSnippet('terraform', `
      resource "aws_sqs_queue" "a" {}
      resource "aws_sns_topic" "b" {}
      resource "aws_sns_topic_subscription" "ab" {
        topic_arn = aws_sns_topic.b.arn
        protocol  = "sqs"
        endpoint  = aws_sqs_queue.a.arn
      }
      resource "aws_cloudwatch_metric_alarm" "c" {
        alarm_name    = "x"
        alarm_actions = [aws_sns_topic.b.arn]
      }
      resource "aws_dynamodb_table" "unrelated" {
        name     = "u"
        hash_key = "id"
      }
    `);
    const labels = (d: Diagram): string[] => d.nodes.map((n) => n.label).sort();
    expect(labels(diagramOf(out, { focus: 'aws_sqs_queue.a', depth: 1 }))).toEqual(['aws_sns_topic.b', 'aws_sqs_queue.a']);
    expect(labels(diagramOf(out, { focus: 'aws_sqs_queue.a', depth: 2 }))).toEqual(['aws_cloudwatch_metric_alarm.c', 'aws_sns_topic.b', 'aws_sqs_queue.a']);
    expect(() => diagramOf(out, { focus: 'aws_sqs_queue.nope' })).toThrow(/no resource with this address/);
  });
});

describe('formats', () => {
  it('SVG is laid out with nested clusters and carries the icons inline', async () => {
    const d = diagramOf(await scanSnippet('cloudformation', cfnDatabase(true)));
    const svg = await toSvg(d);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('class="cluster"');
    expect(svg).toContain('Availability Zone 2 of the region');
    expect(svg).toMatch(/xlink:href="data:image\/svg\+xml;base64,/);
    expect(svg).not.toMatch(/xlink:href="architecture-service/);
  });

  it('Mermaid nests subgraphs and escapes quotes', async () => {
    const d = diagramOf(await scanSnippet('terraform', 'resource "aws_sqs_queue" "q" {\n  for_each = toset(["a\\"b"])\n}\n'));
    const m = toMermaid(d);
    expect(m.startsWith('flowchart TB\n')).toBe(true);
    expect(m).toMatch(/subgraph g\d+\["Account \(not known\)"\]/);
    expect(m).toContain('#quot;');
    expect(m).not.toMatch(/\["[^\]]*[^#]"b/);
  });

  it('JSON lists nodes, edges and groups, versioned', async () => {
    const d = diagramOf(await scanSnippet('cloudformation', cfnDatabase(true)));
    const json = JSON.parse(toDiagramJson([d])) as { version: number; diagrams: Diagram[] };
    expect(json.version).toBe(1);
    expect(json.diagrams[0]!.nodes).toHaveLength(2);
    expect(json.diagrams[0]!.groups.length).toBeGreaterThan(3);
  });
});
