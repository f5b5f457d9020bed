import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

const noIds = (x: unknown): unknown => JSON.parse(JSON.stringify(strip(x), (k, v: unknown) => (k === 'id' && typeof v === 'string' && /[#:]/.test(v) ? '<id>' : v)));

describe('cloudfront adapters', () => {
  it('give the same distribution for both kinds, and link an origin to its load balancer', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Lb:
          Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Properties:
            SecurityGroups: [!Ref Sg]
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: lb
        Cdn:
          Type: AWS::CloudFront::Distribution
          Properties:
            DistributionConfig:
              Enabled: true
              WebACLId: arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1
              Origins:
                - Id: app
                  DomainName: !GetAtt Lb.DNSName
                  CustomOriginConfig:
                    OriginProtocolPolicy: https-only
                    OriginSSLProtocols: [TLSv1.2]
              DefaultCacheBehavior:
                TargetOriginId: app
                ViewerProtocolPolicy: redirect-to-https
              CacheBehaviors:
                - PathPattern: /img/*
                  TargetOriginId: app
                  ViewerProtocolPolicy: https-only
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_lb" "lb" {
        security_groups = [aws_security_group.sg.id]
      }
      resource "aws_security_group" "sg" {}
      resource "aws_cloudfront_distribution" "cdn" {
        enabled    = true
        web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1"
        origin {
          origin_id   = "app"
          domain_name = aws_lb.lb.dns_name
          custom_origin_config {
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }
        default_cache_behavior {
          target_origin_id       = "app"
          viewer_protocol_policy = "redirect-to-https"
        }
        ordered_cache_behavior {
          path_pattern           = "/img/*"
          target_origin_id       = "app"
          viewer_protocol_policy = "https-only"
        }
      }
    `)).model!;
    const d = cfn.distributions[0]!;
    expect(noIds(d)).toMatchObject({
      viewerProtocolPolicies: [{ provenance: 'explicit', value: 'redirect-to-https' }, { provenance: 'explicit', value: 'https-only' }],
      usesDefaultCertificate: { provenance: 'default', value: true },
      minimumProtocolVersion: { provenance: 'default', value: 'TLSv1' },
      logging: { provenance: 'default', value: false },
    });
    expect(noIds(tf.distributions[0])).toEqual(noIds(d));
    expect(d.origins[0]!.target).toMatchObject({ value: { id: 'template.yaml#Lb' } });
    expect(cfn.securityGroups[0]!.attachments[0]).toMatchObject({ kind: 'load-balancer', cloudFrontFacing: true });
    expect(tf.securityGroups[0]!.attachments[0]).toMatchObject({ kind: 'load-balancer', cloudFrontFacing: true });
    expect(d.viewerProtocolPolicies[1]!.origin.span.start.line).toBe(28);
    expect(tf.distributions[0]!.viewerProtocolPolicies[1]!.origin.span.start.line).toBe(23);
  });
});
