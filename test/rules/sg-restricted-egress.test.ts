import rule from '../../rules/security/sg-restricted-egress.js';
import { describe, expect, it } from 'vitest';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('no SecurityGroupEgress keeps the VPC default allow-all rule (points at the group)', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              SourceSecurityGroupId: sg-0123456789abcdef0
  `, [{ messageId: 'implicitAllTraffic', line: 2, column: 3 }]),
  cfn('an explicit allow-all egress to 0.0.0.0/0', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: "-1"
              CidrIp: 0.0.0.0/0
  `, [{ messageId: 'allTraffic', line: 8, column: 19 }]),
  cfn('all traffic to 128.0.0.0/1 (half of all addresses) counts as the internet', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: "-1"
              CidrIp: 128.0.0.0/1
  `, [{ messageId: 'allTraffic', line: 8, column: 19 }]),
  cfn('every tcp and udp port to ::/0', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: tcp
              FromPort: 0
              ToPort: 65535
              CidrIpv6: ::/0
  `, [{ messageId: 'allTraffic', line: 10, column: 21 }]),
  cfn('a standalone egress does not remove the default rule', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
      Out:
        Type: AWS::EC2::SecurityGroupEgress
        Properties:
          GroupId: !Ref Sg
          IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
  `, [{ messageId: 'implicitAllTraffic', line: 2, column: 3 }]),
  cfn('egress limited to HTTPS passes', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIp: 0.0.0.0/0
  `),
  cfn('the CDK placeholder egress allows nothing', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - CidrIp: 255.255.255.255/32
              Description: Disallow all traffic
              FromPort: 252
              IpProtocol: icmp
              ToPort: 86
  `),
  cfn('all traffic to the VPC range passes', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: "-1"
              CidrIp: 10.0.0.0/16
  `),
  cfn('an unknown destination is undecidable', `
    Parameters:
      Dest:
        Type: String
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: "-1"
              CidrIp: !Ref Dest
  `, [], { undecidable: [{ line: 11, column: 19 }] }),
  tf('an egress block allowing everything to 0.0.0.0/0', `
    resource "aws_security_group" "app" {
      name = "app"
      egress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
  `, [{ messageId: 'allTraffic', line: 7, column: 20 }]),
  tf('aws_vpc_security_group_egress_rule to ::/0 and aws_security_group_rule with protocol all', `
    resource "aws_security_group" "app" {
      name = "app"
    }

    resource "aws_vpc_security_group_egress_rule" "v6" {
      security_group_id = aws_security_group.app.id
      ip_protocol       = "-1"
      cidr_ipv6         = "::/0"
    }

    resource "aws_security_group_rule" "out" {
      type              = "egress"
      security_group_id = aws_security_group.app.id
      from_port         = 0
      to_port           = 65535
      protocol          = "all"
      cidr_blocks       = ["0.0.0.0/0"]
    }
  `, [{ messageId: 'allTraffic', line: 8, column: 23 }, { messageId: 'allTraffic', line: 17, column: 24 }]),
  tf('no egress block means no egress in Terraform', `
    resource "aws_security_group" "app" {
      name = "app"
      ingress {
        from_port       = 443
        to_port         = 443
        protocol        = "tcp"
        security_groups = ["sg-0123456789abcdef0"]
      }
    }
  `),
  tf('egress to HTTPS only passes', `
    resource "aws_security_group" "app" {
      egress {
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
  `),
]);

// Regression: the implicit rule is the group's own default egress rule (not "the VPC default"), and a group whose
// egress is declared only as separate AWS::EC2::SecurityGroupEgress resources keeps it: the message says why.
describe('sg-restricted-egress: the implicit egress message (CloudFormation)', () => {
  it('explains that separate egress resources do not remove the default rule', async () => {
    const { result } = await scanFiles({ 'template.yaml': dedent(`
      Resources:
        LbSg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: lb
        LbToApp:
          Type: AWS::EC2::SecurityGroupEgress
          Properties:
            GroupId: !Ref LbSg
            IpProtocol: tcp
            FromPort: 8080
            ToPort: 8080
            DestinationSecurityGroupId: !Ref AppSg
        AppSg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: app
    `) }, { rules: ['sg-restricted-egress'] });
    expect(result.findings.map((f) => [f.resource.address, f.location.span.start.line, f.message])).toEqual([
      ['LbSg', 2, 'Security group LbSg declares no egress rule of its own, so it keeps the default egress rule of a new security group (all protocols to 0.0.0.0/0), which AWS removes only when the group lists SecurityGroupEgress (separate AWS::EC2::SecurityGroupEgress resources add rules beside it): it can reach any host on the internet.'],
      ['AppSg', 14, 'Security group AppSg declares no egress rule of its own, so it keeps the default egress rule of a new security group (all protocols to 0.0.0.0/0), which AWS removes only when the group lists SecurityGroupEgress: it can reach any host on the internet.'],
    ]);
  });
});
