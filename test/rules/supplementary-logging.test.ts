import rule from '../../rules/reliability/supplementary-logging.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('S3 data bucket without server access logs, and one logging into itself', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Loop:
        Type: AWS::S3::Bucket
        Properties:
          LoggingConfiguration:
            LogFilePrefix: self/
  `, [{ messageId: 'notDelivered', line: 2, column: 3 }, { messageId: 'logsToItself', line: 7, column: 7 }]),
  cfn('S3: a bucket named as a log bucket is not asked to log, a logging configuration from an unknown condition is no loop, and undecidable on a data bucket', `
    Parameters:
      AccessLogs: { Type: String }
    Conditions:
      HasAccessLogs: !Not [!Equals [!Ref AccessLogs, '']]
    Resources:
      FlowLogsBucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: acme-vpc-flow-logs
          LoggingConfiguration: !If [HasAccessLogs, { DestinationBucketName: !Ref AccessLogs }, !Ref AWS::NoValue]
      Data:
        Type: AWS::S3::Bucket
        Properties:
          LoggingConfiguration: !If [HasAccessLogs, { DestinationBucketName: !Ref AccessLogs }, !Ref AWS::NoValue]
  `, [], { undecidable: [{ line: 14, column: 7 }] }),
  cfn('CloudTrail trail not delivering to CloudWatch Logs', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-archive
  `, [{ messageId: 'notDelivered', line: 2, column: 3 }]),
  // ── Terraform ──
  tf('S3 buckets: one without server access logs, one logging to a log bucket (which is not asked to log)', `
    resource "aws_s3_bucket" "data" {
      bucket = "orders-data"
    }

    resource "aws_s3_bucket" "raw" {
      bucket = "orders-raw"
    }

    resource "aws_s3_bucket_logging" "raw" {
      bucket        = aws_s3_bucket.raw.id
      target_bucket = aws_s3_bucket.logs.id
      target_prefix = "raw/"
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "orders-access-logs"
    }
  `, [{ messageId: 'notDelivered', line: 1, column: 1 }]),
  tf('S3 bucket logging into itself', `
    resource "aws_s3_bucket" "data" {
      bucket = "orders-data"
    }

    resource "aws_s3_bucket_logging" "data" {
      bucket        = aws_s3_bucket.data.id
      target_bucket = aws_s3_bucket.data.id
      target_prefix = "logs/"
    }
  `, [{ messageId: 'logsToItself', line: 7, column: 19 }]),
  tf('CloudTrail trail without CloudWatch Logs, and one with it', `
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-trail-archive"
    }

    resource "aws_cloudtrail" "watched" {
      name                       = "watched"
      s3_bucket_name             = "org-trail-archive"
      cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
      cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail"
    }

    resource "aws_cloudwatch_log_group" "trail" {
      name              = "trail"
      retention_in_days = 365
    }
  `, [{ messageId: 'notDelivered', line: 1, column: 1 }]),
  cfn('a data bucket logging to a separate log bucket, and a trail delivering to CloudWatch Logs', `
    Resources:
      LogBucket:
        Type: AWS::S3::Bucket
      Data:
        Type: AWS::S3::Bucket
        Properties:
          LoggingConfiguration:
            DestinationBucketName: !Ref LogBucket
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-logs
          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111111111111:log-group:trail:*
          CloudWatchLogsRoleArn: arn:aws:iam::111111111111:role/trail-to-logs
  `),
  tf('a trail delivering to CloudWatch Logs', `
    resource "aws_cloudtrail" "main" {
      name                       = "main"
      s3_bucket_name             = "org-trail-logs"
      cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111111111111:log-group:trail:*"
      cloud_watch_logs_role_arn  = "arn:aws:iam::111111111111:role/trail-to-logs"
    }
  `),
]);
