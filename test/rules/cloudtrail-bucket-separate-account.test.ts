import rule from '../../rules/security/cloudtrail-bucket-separate-account.js';
import { cfn, ruleTester, tf } from './tester.js';

const TRAIL_ACCOUNT = '111111111111';
const ARCHIVE_ACCOUNT = '222222222222';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('bucket declared in the same template', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref Logs
  `, [{ messageId: 'sameTarget', line: 8, column: 21 }]),
  cfn('a literal name of a bucket in the same template', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: trail-logs
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: trail-logs
  `, [{ messageId: 'sameTarget', line: 10, column: 21 }]),
  cfn('a bucket of another template in the same account', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: trail-logs
  `, [{ messageId: 'sameAccount', line: 6, column: 21 }], {
    files: { 'logs.yaml': 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: trail-logs\n' },
    config: { accounts: { 'template.yaml': TRAIL_ACCOUNT, 'logs.yaml': TRAIL_ACCOUNT } },
  }),
  cfn('a bucket of another template in the log archive account', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: trail-logs
  `, [], {
    files: { 'logs.yaml': 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: trail-logs\n' },
    config: { accounts: { 'template.yaml': TRAIL_ACCOUNT, 'logs.yaml': ARCHIVE_ACCOUNT } },
  }),
  cfn('a literal name outside the scan', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-log-archive-trail
  `, [], { config: { logArchiveAccount: ARCHIVE_ACCOUNT, accounts: { 'template.yaml': TRAIL_ACCOUNT } } }),
  cfn('the configured log archive account is the trail\'s own', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-log-archive-trail
  `, [{ messageId: 'logArchiveIsTrailAccount', line: 6, column: 21 }], { config: { logArchiveAccount: TRAIL_ACCOUNT, accounts: { 'template.yaml': TRAIL_ACCOUNT } } }),
  cfn('a parameter default naming a bucket of the template', `
    Parameters:
      LogBucket:
        Type: String
        Default: trail-logs
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: trail-logs
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref LogBucket
  `, [{ messageId: 'sameTarget', line: 14, column: 21 }]),
  cfn('an unknown bucket name is not a finding', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Sub 'logs-\${AWS::AccountId}'
  `, []),
  // ── Terraform ──
  tf('bucket declared in the same module', `
    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, [{ messageId: 'sameTarget', line: 7, column: 20 }]),
  tf('a variable naming a bucket of the module', `
    variable "log_bucket" {
      default = "trail-logs"
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = var.log_bucket
    }
  `, [{ messageId: 'sameTarget', line: 11, column: 20 }]),
  tf('a bucket under a provider that assumes a role in the log archive account', `
    provider "aws" {
      region = "us-east-1"
      assume_role {
        role_arn = "arn:aws:iam::${TRAIL_ACCOUNT}:role/deploy"
      }
    }

    provider "aws" {
      alias  = "archive"
      region = "us-east-1"
      assume_role {
        role_arn = "arn:aws:iam::${ARCHIVE_ACCOUNT}:role/deploy"
      }
    }

    resource "aws_s3_bucket" "logs" {
      provider = aws.archive
      bucket   = "trail-logs"
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, []),
  tf('only the bucket\'s provider names an account: undecidable, not a finding', `
    provider "aws" {
      region = "us-east-1"
    }

    provider "aws" {
      alias  = "archive"
      region = "us-east-1"
      assume_role {
        role_arn = "arn:aws:iam::${ARCHIVE_ACCOUNT}:role/deploy"
      }
    }

    resource "aws_s3_bucket" "logs" {
      provider = aws.archive
      bucket   = "trail-logs"
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, [], { undecidable: [{ line: 20, column: 20 }] }),
  tf('a bucket made by a local module through the same provider is in the same account', `
    module "logs" {
      source = "./modules/logs"
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = module.logs.bucket
    }
  `, [{ messageId: 'sameTarget', file: 'modules/logs/main.tf', line: 1, column: 1 }], {
    files: {
      'modules/logs/main.tf': 'resource "aws_s3_bucket" "this" {\n  bucket = "trail-logs"\n}\n\noutput "bucket" {\n  value = aws_s3_bucket.this.id\n}\n',
    },
  }),
  tf('a literal name outside the scan', `
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-log-archive-trail"
    }
  `, []),
  tf('a variable without default is not a finding', `
    variable "log_bucket" {
      type = string
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = var.log_bucket
    }
  `, []),
]);
