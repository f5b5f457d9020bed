import rule from '../../rules/security/sg-internal-scope.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('10.0.0.0/8 into a 10.0.0.0/16 VPC', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/8
  `, [{ messageId: 'widerThanVpc', line: 15, column: 19 }]),
  cfn('all ports from a private range', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupIngress:
            - IpProtocol: "-1"
              CidrIp: 10.0.1.0/24
  `, [{ messageId: 'allPorts', line: 8, column: 19 }]),
  cfn('all ports from the VPC range through GetAtt Vpc.CidrBlock', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 0
              ToPort: 65535
              CidrIp: !GetAtt Vpc.CidrBlock
  `, [{ messageId: 'allPorts', line: 15, column: 19 }]),
  cfn('a wide private range with the VPC unknown', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: vpc-0123456789abcdef0
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 3306
              ToPort: 3306
              CidrIp: 172.16.0.0/12
  `, [{ messageId: 'broadRange', line: 11, column: 19 }]),
  cfn('a second VPC block counts: 10.0.0.0/15 covers both /16 blocks', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Extra:
        Type: AWS::EC2::VPCCidrBlock
        Properties:
          VpcId: !Ref Vpc
          CidrBlock: 10.1.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/15
  `),
  cfn('the VPC range itself on one port passes', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/16
  `),
  cfn('a security group reference passes; 0.0.0.0/0 is another rule', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupIngress:
            - IpProtocol: "-1"
              SourceSecurityGroupId: sg-0123456789abcdef0
            - IpProtocol: "-1"
              CidrIp: 0.0.0.0/0
  `),
  cfn('a VPC range from an unresolved parameter is undecidable', `
    Parameters:
      VpcCidr:
        Type: String
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: !Ref VpcCidr
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              CidrIp: 10.0.0.0/8
  `, [], { undecidable: [{ line: 8, column: 18 }] }),
  cfn('all ports from loopback are not a finding', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: local
          SecurityGroupIngress:
            - IpProtocol: "-1"
              CidrIp: 127.0.0.1/32
  `, []),
  tf('all ports from loopback are not a finding', `
    resource "aws_security_group" "local" {
      ingress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = ["127.0.0.1/32"]
      }
    }
  `, []),
  tf('10.0.0.0/8 into a 10.0.0.0/16 VPC', `
    resource "aws_vpc" "main" {
      cidr_block = "10.0.0.0/16"
    }

    resource "aws_security_group" "db" {
      vpc_id = aws_vpc.main.id
      ingress {
        from_port   = 5432
        to_port     = 5432
        protocol    = "tcp"
        cidr_blocks = ["10.0.0.0/8"]
      }
    }
  `, [{ messageId: 'widerThanVpc', line: 11, column: 20 }]),
  tf('all ports from the VPC range (aws_security_group_rule)', `
    resource "aws_vpc" "main" {
      cidr_block = "10.0.0.0/16"
    }

    resource "aws_security_group" "app" {
      vpc_id = aws_vpc.main.id
    }

    resource "aws_security_group_rule" "all" {
      type              = "ingress"
      security_group_id = aws_security_group.app.id
      from_port         = 0
      to_port           = 0
      protocol          = "-1"
      cidr_blocks       = [aws_vpc.main.cidr_block]
    }
  `, [{ messageId: 'allPorts', line: 15, column: 24 }]),
  tf('a wide range with a VPC outside the scan', `
    resource "aws_vpc_security_group_ingress_rule" "db" {
      security_group_id = "sg-0123456789abcdef0"
      ip_protocol       = "tcp"
      from_port         = 6379
      to_port           = 6379
      cidr_ipv4         = "10.0.0.0/12"
    }
  `, [{ messageId: 'broadRange', line: 6, column: 23 }]),
  tf('a subnet range and a second VPC block pass', `
    resource "aws_vpc" "main" {
      cidr_block = "10.0.0.0/16"
    }

    resource "aws_vpc_ipv4_cidr_block_association" "extra" {
      vpc_id     = aws_vpc.main.id
      cidr_block = "10.1.0.0/16"
    }

    resource "aws_security_group" "db" {
      vpc_id = aws_vpc.main.id
      ingress {
        from_port   = 5432
        to_port     = 5432
        protocol    = "tcp"
        cidr_blocks = ["10.0.1.0/24", "10.1.0.0/16"]
      }
    }
  `),
]);
