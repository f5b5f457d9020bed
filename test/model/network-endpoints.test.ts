import { describe, expect, it } from 'vitest';
import type { NetworkEndpoint } from '../../src/model/facets.js';
import type { CloudModel } from '../../src/model/model.js';
import { valueOf } from '../../src/model/val.js';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

/** An endpoint as the rules see it, without graph ids and source spellings, so both input kinds compare. */
function summary(e: NetworkEndpoint): unknown {
  return {
    what: e.what,
    internetFacing: strip(e.internetFacing),
    placement: e.placement,
    subnets: strip(e.subnets),
    listeners: e.listeners.map((l) => strip({ protocol: l.protocol, port: l.port, tlsPolicy: l.tlsPolicy, weakTls: l.weakTls, action: l.action, backendProtocol: l.backendProtocol })),
    minimumTls: strip(e.minimumTls),
    viewerPolicies: strip(e.viewerPolicies),
    backends: strip(e.backends),
    waf: e.waf,
    ddos: e.ddos && { ...e.ddos, exposed: strip(e.ddos.exposed) },
    ownWebAcl: e.webAcl && valueOf(e.webAcl)?.literal,
    ids: e.ids.length,
    // The linker's fields.
    webAcls: e.webAcls.map((w) => (w.acl ? w.acl.managedRuleGroups.map(valueOf) : 'outside the scan')),
    shield: e.shield.length,
    frontedBy: e.frontedBy.length,
  };
}

const byWhat = (m: CloudModel): Record<string, unknown> => Object.fromEntries(m.facets.networkEndpoints.map((e) => [e.what, summary(e)]));

describe('network endpoint facet', () => {
  it('is the same for CloudFormation and Terraform: listeners, TLS policy, web ACL, Shield and CloudFront in front', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Web:
          Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Properties:
            Subnets: [subnet-1, subnet-2]
        Http:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Web
            Protocol: HTTP
            Port: 80
            DefaultActions:
              - Type: redirect
                RedirectConfig: { Protocol: HTTPS }
        Https:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Web
            Protocol: HTTPS
            Port: 443
            DefaultActions:
              - Type: forward
                TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef
        Acl:
          Type: AWS::WAFv2::WebACL
          Properties:
            Scope: REGIONAL
            DefaultAction: { Allow: {} }
            VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: web }
            Rules:
              - Name: common
                Priority: 0
                OverrideAction: { None: {} }
                VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }
                Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } }
        AclAssociation:
          Type: AWS::WAFv2::WebACLAssociation
          Properties:
            ResourceArn: !Ref Web
            WebACLArn: !GetAtt Acl.Arn
        WebShield:
          Type: AWS::Shield::Protection
          Properties:
            Name: web
            ResourceArn: !Ref Web
        Cdn:
          Type: AWS::CloudFront::Distribution
          Properties:
            DistributionConfig:
              Enabled: true
              WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1
              ViewerCertificate:
                AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/1
                MinimumProtocolVersion: TLSv1.1_2016
              Origins:
                - Id: app
                  DomainName: !GetAtt Web.DNSName
                  CustomOriginConfig:
                    OriginProtocolPolicy: match-viewer
              DefaultCacheBehavior:
                TargetOriginId: app
                ViewerProtocolPolicy: allow-all
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_lb" "web" {
        subnets = ["subnet-1", "subnet-2"]
      }
      resource "aws_lb_listener" "http" {
        load_balancer_arn = aws_lb.web.arn
        protocol          = "HTTP"
        port              = 80
        default_action {
          type = "redirect"
          redirect {
            protocol = "HTTPS"
          }
        }
      }
      resource "aws_lb_listener" "https" {
        load_balancer_arn = aws_lb.web.arn
        protocol          = "HTTPS"
        port              = 443
        default_action {
          type             = "forward"
          target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
        }
      }
      resource "aws_wafv2_web_acl" "acl" {
        scope = "REGIONAL"
        rule {
          name     = "common"
          priority = 0
          statement {
            managed_rule_group_statement {
              vendor_name = "AWS"
              name        = "AWSManagedRulesCommonRuleSet"
            }
          }
        }
      }
      resource "aws_wafv2_web_acl_association" "web" {
        resource_arn = aws_lb.web.arn
        web_acl_arn  = aws_wafv2_web_acl.acl.arn
      }
      resource "aws_shield_protection" "web" {
        name         = "web"
        resource_arn = aws_lb.web.arn
      }
      resource "aws_cloudfront_distribution" "cdn" {
        enabled    = true
        web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1"
        viewer_certificate {
          acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/1"
          minimum_protocol_version = "TLSv1.1_2016"
        }
        origin {
          origin_id   = "app"
          domain_name = aws_lb.web.dns_name
          custom_origin_config {
            origin_protocol_policy = "match-viewer"
          }
        }
        default_cache_behavior {
          target_origin_id       = "app"
          viewer_protocol_policy = "allow-all"
        }
      }
    `)).model!;

    const lb = byWhat(cfn)['Load balancer'];
    expect(lb).toEqual({
      what: 'Load balancer',
      internetFacing: { provenance: 'default', value: true },
      placement: 'vpc',
      subnets: [{ provenance: 'explicit', value: { literal: 'subnet-1' } }, { provenance: 'explicit', value: { literal: 'subnet-2' } }],
      listeners: [
        {
          protocol: { provenance: 'explicit', value: 'HTTP' },
          port: { provenance: 'explicit', value: 80 },
          tlsPolicy: { provenance: 'default', value: '' },
          weakTls: false,
          action: { type: { provenance: 'explicit', value: 'redirect' }, redirectProtocol: { provenance: 'explicit', value: 'HTTPS' } },
        },
        {
          protocol: { provenance: 'explicit', value: 'HTTPS' },
          port: { provenance: 'explicit', value: 443 },
          // No policy named: the API default, which still accepts TLS 1.0 and 1.1.
          tlsPolicy: { provenance: 'default', value: 'ELBSecurityPolicy-2016-08' },
          weakTls: true,
          action: { type: { provenance: 'explicit', value: 'forward' } },
        },
      ],
      minimumTls: [],
      viewerPolicies: [],
      backends: [],
      waf: { what: 'internet-facing Application Load Balancer' },
      ddos: { exposed: { provenance: 'default', value: true }, what: 'Internet-facing Application Load Balancer', unknown: 'whether the load balancer is internet-facing is unknown' },
      ids: 1,
      // Filled by the linker: the association's web ACL (in the scan), the Shield protection, the distribution whose origin is the load balancer.
      webAcls: [['AWSManagedRulesCommonRuleSet']],
      shield: 1,
      frontedBy: 1,
    });

    const cdn = byWhat(cfn)['CloudFront distribution'];
    expect(cdn).toMatchObject({
      internetFacing: { provenance: 'default', value: true },
      placement: 'edge',
      listeners: [],
      minimumTls: [{ policy: { provenance: 'explicit', value: 'TLSv1.1_2016' }, weak: true, of: 'viewers' }],
      viewerPolicies: [{ value: { provenance: 'explicit', value: 'allow-all' }, plain: true }],
      backends: [{ name: 'app', protocol: { provenance: 'explicit', value: 'match-viewer' }, plain: true }],
      waf: { what: 'CloudFront distribution' },
      ownWebAcl: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1',
      webAcls: ['outside the scan'],
      shield: 0,
      frontedBy: 0,
    });
    expect(cdn).not.toHaveProperty('ddos', expect.anything());

    expect(byWhat(tf)).toEqual(byWhat(cfn));
  });

  it('gives REST stages, their API and custom domains the same facets for both kinds, and joins an association built from the API and stage ids', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Api:
          Type: AWS::ApiGateway::RestApi
          Properties:
            Name: shop
            EndpointConfiguration: { Types: [REGIONAL] }
        Prod:
          Type: AWS::ApiGateway::Stage
          Properties:
            RestApiId: !Ref Api
            StageName: prod
        AclAssociation:
          Type: AWS::WAFv2::WebACLAssociation
          Properties:
            ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Prod}
            WebACLArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop/1
        Domain:
          Type: AWS::ApiGateway::DomainName
          Properties:
            DomainName: api.example.com
            EndpointConfiguration: { Types: [REGIONAL] }
        Graph:
          Type: AWS::AppSync::GraphQLApi
          Properties:
            Name: shop
            AuthenticationType: API_KEY
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_api_gateway_rest_api" "api" {
        name = "shop"
        endpoint_configuration {
          types = ["REGIONAL"]
        }
      }
      resource "aws_api_gateway_stage" "prod" {
        rest_api_id = aws_api_gateway_rest_api.api.id
        stage_name  = "prod"
      }
      resource "aws_wafv2_web_acl_association" "api" {
        resource_arn = "arn:aws:apigateway:us-east-1::/restapis/\${aws_api_gateway_rest_api.api.id}/stages/\${aws_api_gateway_stage.prod.stage_name}"
        web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop/1"
      }
      resource "aws_api_gateway_domain_name" "domain" {
        domain_name = "api.example.com"
        endpoint_configuration {
          types = ["REGIONAL"]
        }
      }
      resource "aws_appsync_graphql_api" "graph" {
        name                = "shop"
        authentication_type = "API_KEY"
      }
    `)).model!;
    const endpoints = byWhat(cfn);
    expect(endpoints['API Gateway REST API']).toMatchObject({
      internetFacing: { provenance: 'explicit', value: true },
      placement: 'service',
      ddos: { exposed: { provenance: 'explicit', value: true }, what: 'Regional API Gateway REST API' },
      // The API and its stage: an association or protection may name either.
      ids: 2,
      webAcls: ['outside the scan'],
    });
    expect(endpoints['API Gateway REST API stage']).toMatchObject({ waf: { what: 'API Gateway REST API stage' }, ids: 2, webAcls: ['outside the scan'] });
    expect(endpoints['API Gateway custom domain']).toMatchObject({
      internetFacing: { provenance: 'explicit', value: true },
      minimumTls: [{ policy: { provenance: 'default', value: 'TLS_1_0' }, weak: true, of: 'custom-domain' }],
    });
    expect(endpoints['AppSync GraphQL API']).toMatchObject({ internetFacing: { provenance: 'default', value: true }, waf: { what: 'AppSync GraphQL API' }, webAcls: [] });
    expect(byWhat(tf)).toEqual(endpoints);
  });
});
