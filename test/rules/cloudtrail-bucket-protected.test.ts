import rule from '../../rules/security/cloudtrail-bucket-protected.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('log bucket without versioning', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref Logs
  `, [{ messageId: 'unprotected', line: 2, column: 3 }]),
  cfn('log bucket with versioning suspended, found by literal name', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: trail-logs
          VersioningConfiguration:
            Status: Suspended
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: trail-logs
  `, [{ messageId: 'unprotected', line: 7, column: 17 }]),
  cfn('log bucket with versioning', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration:
            Status: Enabled
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref Logs
  `, []),
  cfn('log bucket with object lock', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          ObjectLockEnabled: true
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref Logs
  `, []),
  cfn('versioning chosen by an undecided condition is not a finding', `
    Parameters:
      Env:
        Type: String
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration:
            Status: !If [IsProd, Enabled, Suspended]
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref Logs
  `, [], { undecidable: [{ line: 11, column: 17 }] }),
  cfn('a bucket outside the scan is not applicable', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-log-archive-trail
  `, []),
  // ── Terraform ──
  tf('log bucket without versioning', `
    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, [{ messageId: 'unprotected', line: 1, column: 1 }]),
  tf('separate versioning resource suspended', `
    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
    }

    resource "aws_s3_bucket_versioning" "logs" {
      bucket = aws_s3_bucket.logs.id
      versioning_configuration {
        status = "Suspended"
      }
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "trail-logs"
    }
  `, [{ messageId: 'unprotected', line: 8, column: 14 }]),
  tf('legacy inline versioning from a variable', `
    variable "versioned" {
      default = false
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
      versioning {
        enabled = var.versioned
      }
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, [{ messageId: 'unprotected', line: 8, column: 15 }]),
  tf('separate versioning resource enabled', `
    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
    }

    resource "aws_s3_bucket_versioning" "logs" {
      bucket = aws_s3_bucket.logs.id
      versioning_configuration {
        status = "Enabled"
      }
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, []),
  tf('object lock on the bucket', `
    resource "aws_s3_bucket" "logs" {
      bucket              = "trail-logs"
      object_lock_enabled = true
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, []),
  tf('versioning from a variable without default is not a finding', `
    variable "versioning" {
      type = string
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "trail-logs"
    }

    resource "aws_s3_bucket_versioning" "logs" {
      bucket = aws_s3_bucket.logs.id
      versioning_configuration {
        status = var.versioning
      }
    }

    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = aws_s3_bucket.logs.id
    }
  `, []),
]);
