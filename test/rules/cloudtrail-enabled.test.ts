import rule from '../../rules/security/cloudtrail-enabled.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('every setting left to its default', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-logs
  `, [{ messageId: 'notMultiRegion', line: 2, column: 3 }]),
  cfn('every setting off explicitly', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: false
          IsMultiRegionTrail: false
          IncludeGlobalServiceEvents: false
          EnableLogFileValidation: false
          S3BucketName: org-trail-logs
  `, [{ messageId: 'loggingOff', line: 5, column: 18 }, { messageId: 'notMultiRegion', line: 6, column: 27 }]),
  cfn('logging off through a parameter default', `
    Parameters:
      Logging:
        Type: String
        Default: 'false'
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: !Ref Logging
          IsMultiRegionTrail: true
          EnableLogFileValidation: true
          S3BucketName: org-trail-logs
  `, [{ messageId: 'loggingOff', line: 9, column: 18 }]),
  cfn('multi-region chosen by a decided condition', `
    Parameters:
      Env:
        Type: String
        Default: dev
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          IsMultiRegionTrail: !If [IsProd, true, false]
          EnableLogFileValidation: true
          S3BucketName: org-trail-logs
  `, [{ messageId: 'notMultiRegion', line: 12, column: 46 }]),
  cfn('a fully set trail', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          IsMultiRegionTrail: true
          IncludeGlobalServiceEvents: true
          EnableLogFileValidation: true
          S3BucketName: org-trail-logs
  `, []),
  cfn('unknown values are not findings', `
    Parameters:
      Logging:
        Type: String
      Env:
        Type: String
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: !Ref Logging
          IsMultiRegionTrail: !If [IsProd, true, false]
          EnableLogFileValidation: true
          S3BucketName: org-trail-logs
  `, []),
  // ── Terraform ──
  tf('every setting left to its default', `
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-trail-logs"
    }
  `, [{ messageId: 'notMultiRegion', line: 1, column: 1 }]),
  tf('every setting off explicitly', `
    resource "aws_cloudtrail" "main" {
      name                          = "main"
      s3_bucket_name                = "org-trail-logs"
      enable_logging                = false
      is_multi_region_trail         = false
      include_global_service_events = false
      enable_log_file_validation    = false
    }
  `, [{ messageId: 'loggingOff', line: 4, column: 35 }, { messageId: 'notMultiRegion', line: 5, column: 35 }]),
  tf('a variable default turns multi-region off', `
    variable "multi_region" {
      type    = bool
      default = false
    }

    resource "aws_cloudtrail" "main" {
      name                       = "main"
      s3_bucket_name             = "org-trail-logs"
      is_multi_region_trail      = var.multi_region
      enable_log_file_validation = true
    }
  `, [{ messageId: 'notMultiRegion', line: 9, column: 32 }]),
  tf('a fully set trail', `
    resource "aws_cloudtrail" "main" {
      name                       = "main"
      s3_bucket_name             = "org-trail-logs"
      is_multi_region_trail      = true
      enable_log_file_validation = true
    }
  `, []),
  tf('a variable without default is not a finding', `
    variable "multi_region" {
      type = bool
    }

    resource "aws_cloudtrail" "main" {
      name                       = "main"
      s3_bucket_name             = "org-trail-logs"
      is_multi_region_trail      = var.multi_region
      enable_log_file_validation = true
    }
  `, []),
]);
