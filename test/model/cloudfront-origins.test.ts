import { describe, expect, it } from 'vitest';
import { distributionsByOrigin, originTargets } from '../../src/model/cloudfront/origins.js';
import { readModel } from '../../src/diagram/placement.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

/**
 * One reading of "which distribution fronts what": the endpoint facet's `frontedBy`, the security
 * groups' CloudFront-facing attachments and the diagram's origin connections all come from it.
 */
/** Terraform graph ids carry their module (`.::` for the root). */
const id = (address: string): string => `.::${address}`;

describe('CloudFront origins', () => {
  it('fronts the same resources for the linker, the security groups and the diagram', async () => {
    const m = (await scanSnippet('terraform', `
      resource "aws_security_group" "lb" {
        name = "lb"
      }
      resource "aws_security_group" "vm" {
        name = "vm"
      }
      resource "aws_security_group" "other" {
        name = "other"
      }
      resource "aws_lb" "web" {
        internal        = true
        security_groups = [aws_security_group.lb.id]
      }
      resource "aws_lb" "direct" {
        security_groups = [aws_security_group.other.id]
      }
      resource "aws_instance" "vm" {
        ami                    = "ami-12345678"
        instance_type          = "t3.micro"
        vpc_security_group_ids = [aws_security_group.vm.id]
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
        origin {
          origin_id   = "vm"
          domain_name = aws_instance.vm.public_dns
          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }
        origin {
          origin_id   = "lb-again"
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
    `)).model!;
    const [cdn] = m.distributions;
    expect(originTargets(cdn!)).toEqual([id('aws_lb.web'), id('aws_instance.vm')]);
    const fronting = distributionsByOrigin(m.distributions);
    expect([...fronting.keys()]).toEqual([id('aws_lb.web'), id('aws_instance.vm')]);

    // The linker: the endpoint facet of the load balancer behind the distribution, not the other one.
    const frontedBy = Object.fromEntries(m.facets.networkEndpoints.map((e) => [e.owner.resource.id, e.frontedBy.map((d) => d.resource.id)]));
    expect(frontedBy).toMatchObject({ [id('aws_lb.web')]: [id('aws_cloudfront_distribution.cdn')], [id('aws_lb.direct')]: [] });

    // Security groups: the attachments of both origins (a load balancer and an instance) face CloudFront.
    const facing = Object.fromEntries(m.securityGroups.flatMap((g) => g.attachments.map((a) => [a.id, a.cloudFrontFacing === true])));
    expect(facing).toEqual({ [id('aws_lb.web')]: true, [id('aws_instance.vm')]: true, [id('aws_lb.direct')]: false });

    // The diagram: one origin connection per resource.
    const origins = readModel(m).relations.filter((r) => r.label === 'origin').map((r) => [r.from, r.to]);
    expect(origins).toEqual([[id('aws_cloudfront_distribution.cdn'), id('aws_lb.web')], [id('aws_cloudfront_distribution.cdn'), id('aws_instance.vm')]]);
  });
});
