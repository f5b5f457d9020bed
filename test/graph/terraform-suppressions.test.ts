import { describe, expect, it } from 'vitest';
import { buildFiles } from '../fixtures/terraform/helpers.js';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';

// Regression: ignore comments inside nested blocks were not read at all, and one above a nested
// block (path `ingress`) suppressed every block of that type rather than the one it was written above.
describe('terraform suppressions in nested blocks', () => {
  const tf = dedent(`
    resource "aws_security_group" "g" {
      name = "g"
      # iac-check:ignore sg-open-admin-ports RDP for the vendor, SEC-12
      ingress {
        from_port   = 3389
        to_port     = 3389
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
      ingress {
        from_port = 22
        to_port   = 22
        protocol  = "tcp"
        # iac-check:ignore sg-open-admin-ports bastion, SEC-7
        cidr_blocks = ["0.0.0.0/0"]
      }
      ingress {
        from_port   = 5432
        to_port     = 5432
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
      dynamic "egress" {
        for_each = [1]
        content {
          // iac-check:ignore sg-restricted-egress egress proxy
          from_port   = 0
          to_port     = 0
          protocol    = "-1"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
    }
  `);

  it('gives each comment the indexed path of the block or attribute below it', async () => {
    const r = await buildFiles({ 'main.tf': tf });
    const paths = r.byAddr('aws_security_group.g').suppressions.map((s) => [s.ruleId, s.path, s.span.start.line]);
    expect(paths).toEqual([
      ['sg-open-admin-ports', 'ingress[0]', 3],
      ['sg-open-admin-ports', 'ingress[1].cidr_blocks', 14],
      ['sg-restricted-egress', 'egress', 26],
    ]);
  });

  it('reads suppressions only in files that hold one, and keeps ordinary comment lines between a suppression and its block', async () => {
    const plain = dedent(`
      # a note that mentions iac-check:ignore but is none
      resource "aws_sqs_queue" "q" {
        # just a comment
        name = "q"
      }
    `);
    const mixed = dedent(`
      # iac-check:ignore sqs-encryption queue of public data, SEC-3
      # (reviewed 2026)
      resource "aws_sqs_queue" "r" {
        name = "r" # trailing note
      }
    `);
    const r = await buildFiles({ 'main.tf': tf, 'plain.tf': plain, 'mixed.tf': mixed });
    expect(r.byAddr('aws_sqs_queue.q').suppressions).toEqual([]);
    expect(r.byAddr('aws_sqs_queue.r').suppressions.map((s) => [s.ruleId, s.reason, s.path, s.span.start.line])).toEqual([['sqs-encryption', 'queue of public data, SEC-3', undefined, 1]]);
    expect(r.byAddr('aws_security_group.g').suppressions).toHaveLength(3);
  });

  it('suppresses the findings of those blocks only', async () => {
    const { result } = await scanFiles({ 'main.tf': tf }, { rules: ['sg-open-admin-ports', 'sg-restricted-egress'] });
    expect(result.errors).toEqual([]);
    const got = result.findings.map((f) => [f.ruleId, f.location.span.start.line, f.suppression?.reason ?? null]);
    expect(got).toEqual([
      ['sg-open-admin-ports', 8, 'RDP for the vendor, SEC-12'],
      ['sg-open-admin-ports', 15, 'bastion, SEC-7'],
      ['sg-open-admin-ports', 21, null],
      ['sg-restricted-egress', 30, 'egress proxy'],
    ]);
    expect(result.notices.filter((n) => n.message.includes('unused suppression'))).toEqual([]);
  });
});

// Regression: findings about an aws_security_group_rule / aws_vpc_security_group_ingress_rule were
// reported on the group, so two such rules shared one fingerprint and a comment on the rule resource
// was "unused". As for CloudFormation's AWS::EC2::SecurityGroupIngress, the rule resource owns them.
describe('terraform standalone security group rules own their findings', () => {
  it('reports each rule on its own address, with distinct fingerprints and its own suppression', async () => {
    const { result } = await scanFiles({ 'main.tf': dedent(`
      resource "aws_security_group" "app" {
        name = "app"
      }

      resource "aws_security_group_rule" "ssh" {
        type              = "ingress"
        from_port         = 22
        to_port           = 22
        protocol          = "tcp"
        # iac-check:ignore sg-open-admin-ports bastion, SEC-7
        cidr_blocks       = ["0.0.0.0/0"]
        security_group_id = aws_security_group.app.id
      }

      resource "aws_security_group_rule" "pg" {
        type              = "ingress"
        from_port         = 5432
        to_port           = 5432
        protocol          = "tcp"
        cidr_blocks       = ["0.0.0.0/0"]
        security_group_id = aws_security_group.app.id
      }

      resource "aws_vpc_security_group_ingress_rule" "rdp" {
        security_group_id = aws_security_group.app.id
        cidr_ipv4         = "0.0.0.0/0"
        from_port         = 3389
        to_port           = 3389
        ip_protocol       = "tcp"
      }
    `) }, { rules: ['sg-open-admin-ports'] });
    expect(result.errors).toEqual([]);
    const got = result.findings.map((f) => [f.resource.address, f.resource.type, f.location.span.start.line, f.suppression?.reason ?? null]);
    expect(got).toEqual([
      ['aws_security_group_rule.ssh', 'aws_security_group_rule', 11, 'bastion, SEC-7'],
      ['aws_security_group_rule.pg', 'aws_security_group_rule', 20, null],
      ['aws_vpc_security_group_ingress_rule.rdp', 'aws_vpc_security_group_ingress_rule', 26, null],
    ]);
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(3);
    expect(result.notices.filter((n) => n.message.includes('unused suppression'))).toEqual([]);
  });
});

describe('Terraform: suppressions above split bucket resources', () => {
  it('a comment above aws_s3_bucket_acl suppresses the finding located in it, and only that one', async () => {
    const { result } = await scanFiles(
      {
        'main.tf': [
          'resource "aws_s3_bucket" "site" {',
          '  bucket = "site"',
          '}',
          '',
          '# iac-check:ignore s3-public-access static website, reviewed',
          'resource "aws_s3_bucket_acl" "site" {',
          '  bucket = aws_s3_bucket.site.id',
          '  acl    = "public-read"',
          '}',
          '',
        ].join('\n'),
      },
      { rules: ['s3-public-access', 's3-public-access-block'] },
    );
    const shown = result.findings.map((f) => `${f.messageId}:${f.location.span.start.line}:${f.suppression?.reason ?? '-'}`).sort();
    expect(shown).toEqual(['noPublicAccessBlock:1:-', 'publicAcl:8:static website, reviewed']);
    expect(result.notices.filter((n) => n.message.startsWith('unused suppression'))).toEqual([]);
  });
});
