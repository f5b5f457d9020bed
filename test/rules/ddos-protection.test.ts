import ddosProtectionRule from '../../rules/security/ddos-protection.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(ddosProtectionRule, [
  // ── CloudFormation ──
  cfn('an internet-facing ALB and a regional REST API, unprotected', `
    Resources:
      Web:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
      Api:
        Type: AWS::ApiGateway::RestApi
        Properties:
          Name: shop
          EndpointConfiguration:
            Types: [REGIONAL]
  `, [{ messageId: 'unprotected', line: 2, column: 3 }, { messageId: 'unprotected', line: 6, column: 3 }]),
  cfn('a load balancer behind CloudFront, an NLB with Shield Advanced, an edge-optimized API', `
    Resources:
      Web:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            DefaultCacheBehavior: { TargetOriginId: web, ViewerProtocolPolicy: redirect-to-https }
            Origins:
              - Id: web
                DomainName: !GetAtt Web.DNSName
                CustomOriginConfig: { OriginProtocolPolicy: https-only }
      Game:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Type: network
          Subnets: [subnet-1, subnet-2]
      GameShield:
        Type: AWS::Shield::Protection
        Properties:
          Name: game
          ResourceArn: !Ref Game
      Api:
        Type: AWS::ApiGateway::RestApi
        Properties:
          Name: shop
  `, []),

  // ── Terraform ──
  tf('an internet-facing NLB', `
    resource "aws_lb" "game" {
      load_balancer_type = "network"
      subnets            = ["subnet-1", "subnet-2"]
    }
  `, [{ messageId: 'unprotected', line: 1, column: 1 }]),
  tf('Shield Advanced on the ALB; an internal one', `
    resource "aws_lb" "web" {
      subnets = ["subnet-1", "subnet-2"]
    }
    resource "aws_shield_protection" "web" {
      name         = "web"
      resource_arn = aws_lb.web.arn
    }
    resource "aws_lb" "internal" {
      internal = true
      subnets  = ["subnet-1", "subnet-2"]
    }
  `, []),
]);
