import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfnOnlyRemoved, strip } from './strip.js';

const noIds = (x: unknown): unknown => JSON.parse(JSON.stringify(strip(x), (k, v: unknown) => (k === 'id' ? '<id>' : v)));

const CFN = `
  Resources:
    Vpc:
      Type: AWS::EC2::VPC
      Properties:
        CidrBlock: 10.0.0.0/16
    Sg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupName: web
        GroupDescription: web
        VpcId: !Ref Vpc
        SecurityGroupIngress:
          - IpProtocol: "6"
            FromPort: 443
            ToPort: 443
            CidrIp: 0.0.0.0/0
        SecurityGroupEgress:
          - IpProtocol: "-1"
            FromPort: -1
            ToPort: -1
            DestinationSecurityGroupId: !Ref Other
    Other:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: other
    Extra:
      Type: AWS::EC2::SecurityGroupIngress
      Properties:
        GroupId: !GetAtt Sg.GroupId
        IpProtocol: tcp
        FromPort: 22
        ToPort: 22
        CidrIpv6: ::/0
    SubnetA:
      Type: AWS::EC2::Subnet
      Properties:
        VpcId: !Ref Vpc
        CidrBlock: 10.0.1.0/24
        AvailabilityZone: !Select [1, !GetAZs '']
    Web:
      Type: AWS::EC2::Instance
      Properties:
        SubnetId: !Ref SubnetA
        SecurityGroupIds: [!Ref Sg]
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs: { VolumeSize: 20 }
    Data:
      Type: AWS::EC2::Volume
      Properties:
        AvailabilityZone: us-east-1a
        Encrypted: true
`;

const TF = `
  resource "aws_vpc" "vpc" {
    cidr_block = "10.0.0.0/16"
  }
  resource "aws_security_group" "sg" {
    name   = "web"
    vpc_id = aws_vpc.vpc.id
    ingress {
      from_port   = 443
      to_port     = 443
      protocol    = "6"
      cidr_blocks = ["0.0.0.0/0"]
    }
    egress {
      from_port       = -1
      to_port         = -1
      protocol        = "all"
      security_groups = [aws_security_group.other.id]
    }
  }
  resource "aws_security_group" "other" {
    name = "other"
  }
  resource "aws_vpc_security_group_ingress_rule" "extra" {
    security_group_id = aws_security_group.sg.id
    ip_protocol       = "tcp"
    from_port         = 22
    to_port           = 22
    cidr_ipv6         = "::/0"
  }
  data "aws_availability_zones" "azs" {}
  resource "aws_subnet" "a" {
    vpc_id            = aws_vpc.vpc.id
    cidr_block        = "10.0.1.0/24"
    availability_zone = data.aws_availability_zones.azs.names[1]
  }
  resource "aws_instance" "web" {
    subnet_id              = aws_subnet.a.id
    vpc_security_group_ids = [aws_security_group.sg.id]
    root_block_device {
      volume_size = 20
    }
  }
  resource "aws_ebs_volume" "data" {
    availability_zone = "us-east-1a"
    encrypted         = true
  }
`;

describe('ec2 adapters', () => {
  it('give the same security groups, VPCs, subnets, instances and volumes for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', CFN)).model!;
    const tf = (await scanSnippet('terraform', TF)).model!;
    const sg = (m: typeof cfn) => m.securityGroups.find((g) => g.name.value === 'web')!;
    expect(noIds(sg(cfn))).toEqual({
      name: { provenance: 'explicit', value: 'web' },
      vpc: { provenance: 'explicit', value: { id: '<id>' } },
      ingress: [
        { direction: 'ingress', protocol: { provenance: 'explicit', value: 'tcp' }, fromPort: { provenance: 'explicit', value: 443 }, toPort: { provenance: 'explicit', value: 443 }, cidrIpv4: { provenance: 'explicit', value: '0.0.0.0/0' }, implicit: false },
        { direction: 'ingress', protocol: { provenance: 'explicit', value: 'tcp' }, fromPort: { provenance: 'explicit', value: 22 }, toPort: { provenance: 'explicit', value: 22 }, cidrIpv6: { provenance: 'explicit', value: '::/0' }, implicit: false },
      ],
      egress: [
        { direction: 'egress', protocol: { provenance: 'explicit', value: '-1' }, fromPort: { provenance: 'explicit', value: -1 }, toPort: { provenance: 'explicit', value: -1 }, peerGroup: { provenance: 'explicit', value: { id: '<id>' } }, implicit: false },
      ],
      attachments: [{ kind: 'instance', id: '<id>' }],
    });
    expect(noIds(sg(tf))).toEqual(noIds(sg(cfn)));
    expect(noIds(cfn.vpcs)).toEqual(noIds(tf.vpcs));
    expect(noIds(cfn.subnets)).toEqual(noIds(tf.subnets));
    expect(cfn.subnets[0]!.availabilityZone.value).toEqual({ index: 1 });
    expect(cfnOnlyRemoved(noIds(cfn.volumes))).toEqual(noIds(tf.volumes));
    expect(cfn.instances[0]!.blockDevices[0]!.encrypted).toMatchObject({ provenance: 'default', value: false });
    expect(tf.instances[0]!.blockDevices[0]!.encrypted).toMatchObject({ provenance: 'default', value: false });
    expect(noIds(cfn.instances[0]!.securityGroups)).toEqual(noIds(tf.instances[0]!.securityGroups));
  });

  it('adds the implicit allow-all egress to a CloudFormation group without egress, and none in Terraform', async () => {
    const cfn = (await scanSnippet('cloudformation', CFN)).model!;
    const tf = (await scanSnippet('terraform', TF)).model!;
    const other = cfn.securityGroups.find((g) => g.resource.address === 'Other')!;
    expect(other.egress).toHaveLength(1);
    expect(other.egress[0]).toMatchObject({ implicit: true, protocol: { provenance: 'default', value: '-1' }, cidrIpv4: { provenance: 'default', value: '0.0.0.0/0' } });
    expect(other.egress[0]!.origin.span.start.line).toBe(other.resource.span.start.line);
    expect(tf.securityGroups.find((g) => g.resource.address === 'aws_security_group.other')!.egress).toEqual([]);
  });

  it('keeps the line and column of each rule value', async () => {
    const cfn = (await scanSnippet('cloudformation', CFN)).model!;
    const tf = (await scanSnippet('terraform', TF)).model!;
    const c = cfn.securityGroups.find((g) => g.resource.address === 'Sg')!;
    expect(c.ingress[0]!.cidrIpv4!.origin.span.start).toEqual({ line: 16, column: 19 });
    expect(c.ingress[1]!.cidrIpv6!.origin.span.start.line).toBe(33);
    expect(c.ingress[1]!.cidrIpv6!.origin.path).toBe('Properties.CidrIpv6');
    const t = tf.securityGroups.find((g) => g.resource.address === 'aws_security_group.sg')!;
    expect(t.ingress[0]!.cidrIpv4!.origin.span.start).toEqual({ line: 11, column: 20 });
    expect(t.ingress[0]!.cidrIpv4!.origin.path).toBe('ingress[0].cidr_blocks[0]');
    expect(t.ingress[1]!.cidrIpv6!.origin.span.start.line).toBe(28);
  });
});
