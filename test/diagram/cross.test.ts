import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../../src/diagram/index.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

describe('edges between accounts and regions', () => {
  it('replication into a bucket of another region is a cross-region edge between two region boxes', async () => {
    const out = await scanSnippet('terraform', `
      provider "aws" { region = "us-east-1" }
      provider "aws" {
        alias  = "dr"
        region = "us-west-2"
      }
      resource "aws_s3_bucket" "replica" {
        provider = aws.dr
        bucket   = "replica"
      }
      resource "aws_s3_bucket" "main" { bucket = "main" }
      resource "aws_s3_bucket_replication_configuration" "main" {
        bucket = aws_s3_bucket.main.id
        role   = "arn:aws:iam::111111111111:role/replication"
        rule {
          status = "Enabled"
          destination { bucket = aws_s3_bucket.replica.arn }
        }
      }
    `);
    const d = buildDiagram(out.graph!, out.model!, out.result.findings);
    const id = (label: string): string => d.nodes.find((n) => n.label === label)!.id;
    const edge = d.edges.find((e) => e.from === id('aws_s3_bucket.main') && e.to === id('aws_s3_bucket.replica'));
    expect(edge).toMatchObject({ kind: 'replication', crossRegion: true });
    // The two buckets sit in their own region boxes.
    const regionOf = (label: string): string => d.groups.find((g) => g.id === d.nodes.find((n) => n.label === label)!.parent)!.label;
    expect(regionOf('aws_s3_bucket.main')).toBe('Region us-east-1');
    expect(regionOf('aws_s3_bucket.replica')).toBe('Region us-west-2');
  });

  it('a VPN connection is joined to the on-premises network outside AWS', async () => {
    const out = await scanSnippet('terraform', `
      resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
      resource "aws_vpn_gateway" "vgw" { vpc_id = aws_vpc.main.id }
      resource "aws_customer_gateway" "office" {
        bgp_asn    = 65000
        ip_address = "203.0.113.10"
        type       = "ipsec.1"
      }
      resource "aws_vpn_connection" "office" {
        vpn_gateway_id      = aws_vpn_gateway.vgw.id
        customer_gateway_id = aws_customer_gateway.office.id
        type                = "ipsec.1"
      }
    `);
    const d = buildDiagram(out.graph!, out.model!, out.result.findings);
    const onPrem = d.nodes.find((n) => n.external === 'on-premises')!;
    expect(onPrem).toBeDefined();
    expect(d.groups.find((g) => g.id === onPrem.parent)!.label).toBe('Outside AWS');
    const vgw = d.nodes.find((n) => n.label === 'aws_vpn_gateway.vgw')!;
    expect(d.groups.find((g) => g.id === vgw.parent)!.kind).toBe('vpc');
    expect(d.edges.some((e) => e.from === onPrem.id && e.to === vgw.id)).toBe(true);
  });
});
