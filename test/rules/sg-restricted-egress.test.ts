import { cfn, ruleTester, tf } from './tester.js';

ruleTester('sg-restricted-egress', [
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
  `, [{ messageId: 'implicitAllTraffic', line: 2 }]),
  cfn('an explicit allow-all egress to 0.0.0.0/0', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress:
            - IpProtocol: "-1"
              CidrIp: 0.0.0.0/0
  `, [{ messageId: 'allTraffic', line: 8 }]),
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
  `, [{ messageId: 'allTraffic', line: 10 }]),
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
  `, [{ messageId: 'implicitAllTraffic', line: 2 }]),
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
  `),
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
  `, [{ messageId: 'allTraffic', line: 7 }]),
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
  `, [{ messageId: 'allTraffic', line: 8 }, { messageId: 'allTraffic', line: 17 }]),
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
