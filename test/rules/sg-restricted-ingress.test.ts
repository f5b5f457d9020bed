import rule from '../../rules/security/sg-restricted-ingress.js';
import { describe, expect, it } from 'vitest';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('SSH from anywhere is sg-open-admin-ports, not this rule', `
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
  `, []),
  cfn('1.0.0.0/0 is every address', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: web
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 8080
              ToPort: 8080
              CidrIp: 1.0.0.0/0
  `, [{ messageId: 'openPort', line: 10, column: 19 }]),
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
  cfn('from-port above to-port is an invalid rule, never "only public ports"', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: web
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 80
              CidrIp: 0.0.0.0/0
  `, [{ messageId: 'invalidPorts', line: 8, column: 21 }]),
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
  `, []),
  cfn('a standalone ingress joined to its group by GetAtt', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
      Ingress:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !GetAtt Sg.GroupId
          IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 0.0.0.0/0
  `, [{ messageId: 'openPort', line: 13, column: 15 }]),
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
  `, [{ messageId: 'openPort', line: 21, column: 15 }]),
  cfn('port 443 on a group used by an instance', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: web
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIp: 0.0.0.0/0
      Web:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SecurityGroupIds: [!Ref Sg]
  `, [{ messageId: 'openPort', line: 10, column: 19 }]),
  cfn('port 443 on a group of an internal load balancer', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: lb
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIp: 0.0.0.0/0
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Scheme: internal
          SecurityGroups: [!Ref Sg]
  `, [{ messageId: 'openPort', line: 10, column: 19 }]),
  cfn('ports 80 and 443 on a group used only by an internet-facing load balancer pass', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: lb
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 80
              ToPort: 80
              CidrIp: 0.0.0.0/0
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIpv6: ::/0
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          SecurityGroups: [!GetAtt Sg.GroupId]
  `),
  cfn('configured public port 8443 on an internet-facing load balancer passes', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: lb
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 8443
              ToPort: 8443
              CidrIp: 0.0.0.0/0
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Scheme: internet-facing
          SecurityGroups: [!Ref Sg]
  `, [], { config: { publicPorts: [8443] } }),
  cfn('port 443 on a load balancer that is a CloudFront origin passes', `
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: lb
          SecurityGroupIngress:
            - IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIp: 0.0.0.0/0
      Lb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Scheme: internal
          SecurityGroups: [!Ref Sg]
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            Origins:
              - Id: lb
                DomainName: !GetAtt Lb.DNSName
                CustomOriginConfig:
                  OriginProtocolPolicy: https-only
            DefaultCacheBehavior:
              TargetOriginId: lb
              ViewerProtocolPolicy: redirect-to-https
  `),
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
  tf('from_port above to_port is an invalid rule', `
    resource "aws_security_group" "web" {
      ingress {
        from_port   = 443
        to_port     = 80
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
  `, [{ messageId: 'invalidPorts', line: 3, column: 19 }]),
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
  tf('all traffic from ::/0 (protocol -1) is sg-open-admin-ports, not this rule', `
    resource "aws_security_group" "open" {
      ingress {
        from_port        = 0
        to_port          = 0
        protocol         = "-1"
        ipv6_cidr_blocks = ["::/0"]
      }
    }
  `, []),
  tf('aws_security_group_rule joined to its group', `
    resource "aws_security_group" "app" {
      name = "app"
    }

    resource "aws_security_group_rule" "app_8080" {
      type              = "ingress"
      security_group_id = aws_security_group.app.id
      from_port         = 8080
      to_port           = 8080
      protocol          = "tcp"
      cidr_blocks       = ["0.0.0.0/0"]
    }
  `, [{ messageId: 'openPort', line: 11, column: 24 }]),
  tf('HTTPS on a group used only by an internet-facing load balancer passes', `
    resource "aws_security_group" "lb" {
      ingress {
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }

    resource "aws_lb" "web" {
      security_groups = [aws_security_group.lb.id]
      subnets         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    }
  `),
  tf('HTTPS on a group of an internal load balancer', `
    resource "aws_security_group" "lb" {
      ingress {
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }

    resource "aws_lb" "web" {
      internal        = true
      security_groups = [aws_security_group.lb.id]
    }
  `, [{ messageId: 'openPort', line: 6, column: 20 }]),
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
  tf('HTTPS on an internal load balancer that is a CloudFront origin passes', `
    resource "aws_security_group" "lb" {
      ingress {
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }

    resource "aws_lb" "web" {
      internal        = true
      security_groups = [aws_security_group.lb.id]
    }

    resource "aws_cloudfront_distribution" "cdn" {
      enabled = true
      origin {
        origin_id   = "lb"
        domain_name = aws_lb.web.dns_name
        custom_origin_config {
          http_port              = 80
          https_port             = 443
          origin_protocol_policy = "https-only"
          origin_ssl_protocols   = ["TLSv1.2"]
        }
      }
      default_cache_behavior {
        target_origin_id       = "lb"
        viewer_protocol_policy = "redirect-to-https"
      }
    }
  `),
  tf('HTTPS on a load balancer whose scheme is unknown is undecidable', `
    variable "internal" {
      type = bool
    }

    resource "aws_security_group" "lb" {
      ingress {
        from_port   = 443
        to_port     = 443
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }

    resource "aws_lb" "web" {
      internal        = var.internal
      security_groups = [aws_security_group.lb.id]
    }
  `, [], { undecidable: [{ line: 15, column: 21 }] }),
  // A DB security group opens its database's port: that is sg-open-admin-ports' finding, not this rule's.
  cfn('a DB security group open to the internet is left to sg-open-admin-ports', `
    Resources:
      DbSg:
        Type: AWS::RDS::DBSecurityGroup
        Properties:
          GroupDescription: legacy database access
          DBSecurityGroupIngress:
            - CIDRIP: 0.0.0.0/0
  `),
  tf('an aws_db_security_group open to the internet is left to sg-open-admin-ports', `
    resource "aws_db_security_group" "legacy" {
      name = "legacy"
      ingress {
        cidr = "0.0.0.0/0"
      }
    }
  `),
]);

// Regression: a standalone AWS::EC2::SecurityGroupIngress is its own resource. Its findings carry its
// logical id (so two such rules of one group do not share a fingerprint) and honour its Metadata suppression.
describe('sg-restricted-ingress: standalone rule resources (CloudFormation)', () => {
  const template = dedent(`
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: app
          SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16}]
      ApiIngress:
        Type: AWS::EC2::SecurityGroupIngress
        Metadata:
          iac-check:
            ignore:
              - id: sg-restricted-ingress
                reason: public API served by the instance itself
        Properties:
          GroupId: !Ref Sg
          IpProtocol: tcp
          FromPort: 8443
          ToPort: 8443
          CidrIp: 0.0.0.0/0
      MetricsIngress:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !Ref Sg
          IpProtocol: tcp
          FromPort: 9100
          ToPort: 9100
          CidrIp: 0.0.0.0/0
  `);
  it('reports each rule on its own resource, with distinct fingerprints and its own suppression', async () => {
    const { result } = await scanFiles({ 'template.yaml': template }, { rules: ['sg-restricted-ingress'] });
    expect(result.errors).toEqual([]);
    const got = result.findings.map((f) => ({ address: f.resource.address, type: f.resource.type, line: f.location.span.start.line, suppressed: f.suppression !== undefined && f.suppression !== null }));
    expect(got).toEqual([
      { address: 'ApiIngress', type: 'AWS::EC2::SecurityGroupIngress', line: 19, suppressed: true },
      { address: 'MetricsIngress', type: 'AWS::EC2::SecurityGroupIngress', line: 27, suppressed: false },
    ]);
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(2);
    expect(result.notices.filter((n) => n.message.includes('unused suppression'))).toEqual([]);
  });
});
