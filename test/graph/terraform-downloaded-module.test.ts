import { describe, expect, it } from 'vitest';
import { scanFiles } from '../helpers/scan-snippet.js';

// A registry module that `terraform init` downloaded lives under .terraform/, which git usually ignores:
// findings inside it are shown on the `module` call of the user's own code, with the module's line beside them.
describe('Terraform: resources of a downloaded module', () => {
  it('report on the module call, with the declaration as a related location', async () => {
    const { result } = await scanFiles(
      {
        'main.tf': [
          'provider "aws" {',
          '  region = "eu-west-1"',
          '}',
          '',
          'module "logs" {',
          '  source  = "example/s3-bucket/aws"',
          '  version = "1.0.0"',
          '  bucket  = "acme-logs"',
          '}',
          '',
        ].join('\n'),
        '.terraform/modules/modules.json': JSON.stringify({
          Modules: [
            { Key: '', Source: '', Dir: '.' },
            { Key: 'logs', Source: 'registry.terraform.io/example/s3-bucket/aws', Version: '1.0.0', Dir: '.terraform/modules/logs' },
          ],
        }),
        '.terraform/modules/logs/main.tf': [
          'variable "bucket" {',
          '  type = string',
          '}',
          '',
          'resource "aws_s3_bucket" "this" {',
          '  bucket = var.bucket',
          '}',
          '',
          'resource "aws_s3_bucket_public_access_block" "this" {',
          '  bucket                  = aws_s3_bucket.this.id',
          '  block_public_acls       = true',
          '  block_public_policy     = true',
          '  ignore_public_acls      = true',
          '  restrict_public_buckets = false',
          '}',
          '',
        ].join('\n'),
      },
      { rules: ['s3-public-access'] },
    );
    expect(result.errors).toEqual([]);
    const findings = result.findings.map((f) => ({
      at: `${f.location.span.file}:${f.location.span.start.line}`,
      resource: f.resource.address,
      related: f.related.map((r) => `${r.span.file}:${r.span.start.line}`),
    }));
    expect(findings).toEqual([
      { at: 'main.tf:5', resource: 'module.logs.aws_s3_bucket.this', related: ['.terraform/modules/logs/main.tf:14'] },
    ]);
  });
});
