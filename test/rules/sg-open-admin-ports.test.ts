import rule from '../../rules/security/sg-open-admin-ports.js';
import { describe, expect, it } from 'vitest';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('SSH from anywhere', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: 0.0.0.0/0
  `, [{ messageId: 'adminPort', line: 10, column: 19 }]),
  cfn('1.0.0.0/1 holds half the internet, SSH from it counts', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: 1.0.0.0/1
  `, [{ messageId: 'adminPort', line: 10, column: 19 }]),
  cfn('a public /9 is a part of the internet, not all of it', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: 1.0.0.0/9
  `, []),
  cfn('loopback sources are not findings', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: local
          SecurityGroupIngress:
            - IpProtocol: "-1"
              CidrIp: 127.0.0.1/32
            - IpProtocol: "-1"
              CidrIpv6: ::1/128
  `, []),
  cfn('all traffic from ::/0 (protocol -1)', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: all
          SecurityGroupIngress:
            - IpProtocol: "-1"
              CidrIpv6: ::/0
  `, [{ messageId: 'allTraffic', line: 8, column: 21 }]),
  cfn('tcp 0-65535 is every port; protocol number 6 is tcp', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: all tcp
          SecurityGroupIngress:
            - IpProtocol: "6"
              FromPort: 0
              ToPort: 65535
              CidrIp: 0.0.0.0/0
  `, [{ messageId: 'allTraffic', line: 10, column: 19 }]),
  cfn('a range that includes a database port', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: range
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 3000
              ToPort: 4000
              CidrIp: 0.0.0.0/0
  `, [{ messageId: 'adminPort', line: 10, column: 19 }]),
  cfn('a CIDR from a parameter default resolves', `
    Parameters:
      AdminCidr:
        Type: String
        Default: 0.0.0.0/0
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 3389
              ToPort: 3389
              CidrIp: !Ref AdminCidr
  `, [{ messageId: 'adminPort', line: 14, column: 19 }]),
  cfn('two standalone ingress resources of one group are two findings', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
      DbIngress:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !Ref Sg
          IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 0.0.0.0/0
      DnsIngress:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !Ref Sg
          IpProtocol: udp
          FromPort: 53
          ToPort: 53
          CidrIp: 0.0.0.0/0
  `, [{ messageId: 'adminPort', line: 13, column: 15 }]),
  cfn('a narrow source range passes', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: 203.0.113.10/32
            - IpProtocol: tcp
              FromPort: 5432
              ToPort: 5432
              SourceSecurityGroupId: sg-0123456789abcdef0
  `),
  cfn('an unknown CIDR is undecidable, not a finding', `
    Parameters:
      AdminCidr:
        Type: String
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: admin
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: !Ref AdminCidr
  `, [], { undecidable: [{ line: 13, column: 19 }] }),
  tf('SSH from a variable defaulting to 0.0.0.0/0, one finding per CIDR', `
    variable "admin_cidr" {
      default = "0.0.0.0/0"
    }

    resource "aws_security_group" "admin" {
      name = "admin"
      ingress {
        from_port   = 22
        to_port     = 22
        protocol    = "tcp"
        cidr_blocks = ["10.0.0.0/8", var.admin_cidr]
      }
    }
  `, [{ messageId: 'adminPort', line: 2, column: 13 }]), // the graph anchors a variable's value at its default
  tf('0.0.0.0/1 counts as the internet', `
    resource "aws_security_group" "admin" {
      ingress {
        from_port   = 3389
        to_port     = 3389
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/1", "128.0.0.0/1"]
      }
    }
  `, [{ messageId: 'adminPort', line: 6, column: 20 }, { messageId: 'adminPort', line: 6, column: 33 }]),
  tf('loopback sources are not findings', `
    resource "aws_security_group" "local" {
      ingress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = ["127.0.0.0/8"]
      }
    }
  `, []),
  tf('all traffic from ::/0 (protocol -1)', `
    resource "aws_security_group" "open" {
      ingress {
        from_port        = 0
        to_port          = 0
        protocol         = "-1"
        ipv6_cidr_blocks = ["::/0"]
      }
    }
  `, [{ messageId: 'allTraffic', line: 6, column: 25 }]),
  tf('aws_vpc_security_group_ingress_rule with all protocols', `
    resource "aws_security_group" "app" {
      name = "app"
    }

    resource "aws_vpc_security_group_ingress_rule" "all" {
      security_group_id = aws_security_group.app.id
      ip_protocol       = "-1"
      cidr_ipv4         = "0.0.0.0/0"
    }
  `, [{ messageId: 'allTraffic', line: 8, column: 23 }]),
  tf('a rule for a group outside the scan is still checked', `
    resource "aws_vpc_security_group_ingress_rule" "db" {
      security_group_id = "sg-0123456789abcdef0"
      ip_protocol       = "tcp"
      from_port         = 5432
      to_port           = 5432
      cidr_ipv4         = "0.0.0.0/0"
    }
  `, [{ messageId: 'adminPort', line: 6, column: 23 }]),
  tf('an unknown CIDR variable is undecidable; self and group references pass', `
    variable "admin_cidr" {
      type = string
    }

    resource "aws_security_group" "admin" {
      ingress {
        from_port   = 22
        to_port     = 22
        protocol    = "tcp"
        cidr_blocks = [var.admin_cidr]
      }
      ingress {
        from_port       = 5432
        to_port         = 5432
        protocol        = "tcp"
        self            = true
        security_groups = ["sg-0123456789abcdef0"]
      }
    }
  `, [], { undecidable: [{ line: 1, column: 1 }] }),
  // Database and cache security groups (issue 11 item 3): their rules name no port, they open the database's.
  cfn('DB security group open to the internet, inline and by a standalone ingress', `
    Resources:
      DbSg:
        Type: AWS::RDS::DBSecurityGroup
        Properties:
          GroupDescription: legacy database access
          DBSecurityGroupIngress:
            - CIDRIP: 0.0.0.0/0
            - CIDRIP: 203.0.113.0/24
      DbIngress:
        Type: AWS::RDS::DBSecurityGroupIngress
        Properties:
          DBSecurityGroupName: !Ref DbSg
          CIDRIP: 0.0.0.0/0
  `, [{ messageId: 'adminPort', line: 7, column: 19 }, { messageId: 'adminPort', line: 13, column: 15 }]),
  cfn('Redshift cluster security group ingress from every IPv6 address', `
    Resources:
      WarehouseSg:
        Type: AWS::Redshift::ClusterSecurityGroup
        Properties:
          Description: warehouse
      WarehouseIngress:
        Type: AWS::Redshift::ClusterSecurityGroupIngress
        Properties:
          ClusterSecurityGroupName: !Ref WarehouseSg
          CIDRIP: ::/0
  `, [{ messageId: 'adminPort', line: 10, column: 15 }]),
  cfn('DB security group ingress from a range the template cannot know', `
    Parameters:
      ClientRange:
        Type: String
    Resources:
      DbSg:
        Type: AWS::RDS::DBSecurityGroup
        Properties:
          GroupDescription: legacy database access
          DBSecurityGroupIngress:
            - CIDRIP: !Ref ClientRange
  `, [], { undecidable: [{ line: 10, column: 19 }] }),
  cfn('DB, Redshift and cache security groups open to an office range and EC2 security groups only', `
    Resources:
      DbSg:
        Type: AWS::RDS::DBSecurityGroup
        Properties:
          GroupDescription: legacy database access
          DBSecurityGroupIngress:
            - CIDRIP: 203.0.113.0/24
            - EC2SecurityGroupId: sg-0123456789abcdef0
      WarehouseIngress:
        Type: AWS::Redshift::ClusterSecurityGroupIngress
        Properties:
          ClusterSecurityGroupName: warehouse
          EC2SecurityGroupName: app
          EC2SecurityGroupOwnerId: '123456789012'
      CacheIngress:
        Type: AWS::ElastiCache::SecurityGroupIngress
        Properties:
          CacheSecurityGroupName: cache
          EC2SecurityGroupName: app
          EC2SecurityGroupOwnerId: '123456789012'
  `),
  tf('aws_db_security_group ingress from anywhere', `
    resource "aws_db_security_group" "legacy" {
      name = "legacy"
      ingress {
        cidr = "0.0.0.0/0"
      }
      ingress {
        cidr = "203.0.113.0/24"
      }
    }
  `, [{ messageId: 'adminPort', line: 4, column: 12 }]),
  tf('aws_redshift_security_group ingress from anywhere', `
    resource "aws_redshift_security_group" "warehouse" {
      name = "warehouse"
      ingress {
        cidr = "0.0.0.0/0"
      }
    }
  `, [{ messageId: 'adminPort', line: 4, column: 12 }]),
  tf('DB and cache security groups open to an office range and EC2 security groups only', `
    resource "aws_db_security_group" "legacy" {
      name = "legacy"
      ingress {
        cidr = "203.0.113.0/24"
      }
      ingress {
        security_group_id = "sg-0123456789abcdef0"
      }
    }
    resource "aws_elasticache_security_group" "cache" {
      name                 = "cache"
      security_group_names = ["app"]
    }
  `),
]);

// Regression: tcp 0-65535 is every tcp port, not "every port and protocol" (UDP and ICMP stay closed).
describe('sg-open-admin-ports: the message names the protocol of an all-ports rule (CloudFormation)', () => {
  it('says "every tcp port" for tcp 0-65535 and "every port and protocol" for -1', async () => {
    const { result } = await scanFiles({ 'template.yaml': dedent(`
      Resources:
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: wide
            SecurityGroupIngress:
              - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}
              - {IpProtocol: '-1', CidrIpv6: ::/0}
    `) }, { rules: ['sg-open-admin-ports'] });
    expect(result.findings.map((f) => f.message)).toEqual([
      'Security group Sg allows every tcp port from 0.0.0.0/0: everything behind it is reachable from the internet.',
      'Security group Sg allows every port and protocol from ::/0: everything behind it is reachable from the internet.',
    ]);
  });
});
