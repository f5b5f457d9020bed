import rule from '../../rules/security/cloudtrail-complete-logs.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('validation left to its default', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          IsMultiRegionTrail: true
          S3BucketName: org-trail-logs
  `, [{ messageId: 'logValidationOff', line: 2, column: 3 }]),
  cfn('both off explicitly', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          IncludeGlobalServiceEvents: false
          EnableLogFileValidation: false
          S3BucketName: org-trail-logs
  `, [{ messageId: 'globalEventsOff', line: 6, column: 35 }, { messageId: 'logValidationOff', line: 7, column: 32 }]),
  cfn('a fully set trail', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          IncludeGlobalServiceEvents: true
          EnableLogFileValidation: true
          S3BucketName: org-trail-logs
  `, []),
  cfn('validation from a parameter without default is undecidable', `
    Parameters:
      Validate:
        Type: String
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          EnableLogFileValidation: !Ref Validate
          S3BucketName: org-trail-logs
  `, [], { undecidable: [{ line: 8, column: 32, says: 'log file validation' }] }),
  // ── Terraform ──
  tf('validation left to its default', `
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-trail-logs"
    }
  `, [{ messageId: 'logValidationOff', line: 1, column: 1 }]),
  tf('both off explicitly', `
    resource "aws_cloudtrail" "main" {
      name                          = "main"
      s3_bucket_name                = "org-trail-logs"
      include_global_service_events = false
      enable_log_file_validation    = false
    }
  `, [{ messageId: 'globalEventsOff', line: 4, column: 35 }, { messageId: 'logValidationOff', line: 5, column: 35 }]),
  tf('a fully set trail', `
    resource "aws_cloudtrail" "main" {
      name                       = "main"
      s3_bucket_name             = "org-trail-logs"
      enable_log_file_validation = true
    }
  `, []),
]);
