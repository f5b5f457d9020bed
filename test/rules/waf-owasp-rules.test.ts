import wafOwaspRulesRule from '../../rules/security/waf-owasp-rules.js';
import { cfn, ruleTester, tf } from './tester.js';

const ACL_RULES = (names: string[]): string => names.map((n, i) => `
            - Name: r${i}
              Priority: ${i}
              OverrideAction: { None: {} }
              VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: r${i} }
              Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: ${n} } }`).join('');

const ALL = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'];

ruleTester(wafOwaspRulesRule, [
  // ── CloudFormation ──
  cfn('an internet-facing ALB without a web ACL', `
    Resources:
      Web:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
  `, [{ messageId: 'noWebAcl', line: 2, column: 3 }]),
  cfn('a web ACL with only the common rule set, associated with an AppSync API', `
    Resources:
      Api:
        Type: AWS::AppSync::GraphQLApi
        Properties:
          Name: shop
          AuthenticationType: API_KEY
      Acl:
        Type: AWS::WAFv2::WebACL
        Properties:
          Scope: REGIONAL
          DefaultAction: { Allow: {} }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: shop }
          Rules:${ACL_RULES(['AWSManagedRulesCommonRuleSet'])}
      Association:
        Type: AWS::WAFv2::WebACLAssociation
        Properties:
          ResourceArn: !GetAtt Api.Arn
          WebACLArn: !GetAtt Acl.Arn
  `, [{ messageId: 'missingGroups', line: 7, column: 3 }]),
  cfn('a REST API stage associated through a !Sub ARN with a complete web ACL; a CloudFront distribution naming it', `
    Resources:
      Api:
        Type: AWS::ApiGateway::RestApi
        Properties:
          Name: shop
      Stage:
        Type: AWS::ApiGateway::Stage
        Properties:
          RestApiId: !Ref Api
          StageName: prod
          DeploymentId: abc123
      Acl:
        Type: AWS::WAFv2::WebACL
        Properties:
          Scope: REGIONAL
          DefaultAction: { Allow: {} }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: shop }
          Rules:${ACL_RULES(ALL)}
      Association:
        Type: AWS::WAFv2::WebACLAssociation
        Properties:
          ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod
          WebACLArn: !GetAtt Acl.Arn
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/abc
            DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: redirect-to-https }
            Origins:
              - Id: s3
                DomainName: shop.s3.amazonaws.com
                S3OriginConfig: {}
  `, []),
  cfn('internal load balancers and private APIs need none', `
    Resources:
      Internal:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Scheme: internal
          Subnets: [subnet-1, subnet-2]
      Api:
        Type: AWS::ApiGateway::RestApi
        Properties:
          Name: shop
          EndpointConfiguration:
            Types: [PRIVATE]
      Stage:
        Type: AWS::ApiGateway::Stage
        Properties:
          RestApiId: !Ref Api
          DeploymentId: abc123
  `, []),

  // ── Terraform ──
  tf('a CloudFront distribution without a web ACL', `
    resource "aws_cloudfront_distribution" "cdn" {
      enabled = true
      origin {
        domain_name = "shop.s3.amazonaws.com"
        origin_id   = "s3"
      }
      default_cache_behavior {
        target_origin_id       = "s3"
        viewer_protocol_policy = "redirect-to-https"
        allowed_methods        = ["GET", "HEAD"]
        cached_methods         = ["GET", "HEAD"]
      }
      restrictions {
        geo_restriction {
          restriction_type = "none"
        }
      }
      viewer_certificate {
        cloudfront_default_certificate = true
      }
    }
  `, [{ messageId: 'noWebAcl', line: 1, column: 1 }]),
  tf('an ALB associated with a web ACL that lacks SQL injection', `
    resource "aws_lb" "web" {
      load_balancer_type = "application"
      subnets            = ["subnet-1", "subnet-2"]
    }
    resource "aws_wafv2_web_acl" "web" {
      name  = "web"
      scope = "REGIONAL"
      default_action {
        allow {}
      }
      rule {
        name     = "common"
        priority = 0
        override_action {
          none {}
        }
        statement {
          managed_rule_group_statement {
            vendor_name = "AWS"
            name        = "AWSManagedRulesCommonRuleSet"
          }
        }
      }
      rule {
        name     = "bad-inputs"
        priority = 1
        override_action {
          none {}
        }
        statement {
          managed_rule_group_statement {
            vendor_name = "AWS"
            name        = "AWSManagedRulesKnownBadInputsRuleSet"
          }
        }
      }
    }
    resource "aws_wafv2_web_acl_association" "web" {
      resource_arn = aws_lb.web.arn
      web_acl_arn  = aws_wafv2_web_acl.web.arn
    }
  `, [{ messageId: 'missingGroups', line: 5, column: 1 }]),
  tf('an internal ALB, and a web ACL outside the scan', `
    resource "aws_lb" "internal" {
      internal = true
      subnets  = ["subnet-1", "subnet-2"]
    }
    resource "aws_appsync_graphql_api" "shop" {
      name                = "shop"
      authentication_type = "API_KEY"
    }
    resource "aws_wafv2_web_acl_association" "shop" {
      resource_arn = aws_appsync_graphql_api.shop.arn
      web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abc"
    }
  `, []),
]);
