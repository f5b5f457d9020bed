import rule from '../../rules/security/s3-public-access-block.js';
import { cfn, ruleTester, tf } from './tester.js';

const PAB = `
          PublicAccessBlockConfiguration:
            BlockPublicAcls: true
            IgnorePublicAcls: true
            BlockPublicPolicy: true
            RestrictPublicBuckets: true`;

const TF_PAB = `
    resource "aws_s3_bucket_public_access_block" "site" {
      bucket                  = aws_s3_bucket.site.id
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
      restrict_public_buckets = true
    }`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('private bucket with the whole block', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: Private${PAB}
  `, []),
  cfn('no public access block', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: site
  `, [{ messageId: 'noPublicAccessBlock', line: 2, column: 3 }]),
  cfn('a whole public access block behind an undecided condition is not a finding', `
    Parameters:
      Env:
        Type: String
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          PublicAccessBlockConfiguration: !If
            - IsProd
            - { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
            - !Ref AWS::NoValue
  `, [], { undecidable: [{ line: 10, column: 39 }] }),
  // ── Terraform ──
  tf('public-read through a separate ACL resource, no public access block', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }

    resource "aws_s3_bucket_acl" "site" {
      bucket = aws_s3_bucket.site.id
      acl    = "public-read"
    }
  `, [{ messageId: 'noPublicAccessBlock', line: 1, column: 1 }]),
  tf('private bucket with the whole block', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
  `, []),
  tf('a bucket without any public access block', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
  `, [{ messageId: 'noPublicAccessBlock', line: 1, column: 1 }]),
  tf('the account public access block with all four settings on covers a bucket without its own', `
    resource "aws_s3_account_public_access_block" "account" {
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
      restrict_public_buckets = true
    }
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
  `, []),
  tf('an account public access block with a setting off leaves a bucket without its own reported', `
    resource "aws_s3_account_public_access_block" "account" {
      block_public_acls   = true
      block_public_policy = true
    }
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
  `, [{ messageId: 'noPublicAccessBlock', line: 5, column: 1 }]),
  tf('a limited bucket policy on var.bucket is no finding, and no public access block is demanded of it', `
    variable "bucket" {
      type = string
    }
    resource "aws_s3_bucket_policy" "site" {
      bucket = var.bucket
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "arn:aws:s3:::site/*"
          Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1234" } }
        }]
      })
    }
  `, []),
]);
