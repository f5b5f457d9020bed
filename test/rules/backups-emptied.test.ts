/** `backups` on buckets emptied before deletion (Terraform `force_destroy`, CDK `autoDeleteObjects`) and on DynamoDB replicas' point-in-time recovery. */
import rule from '../../rules/reliability/backups.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('a versioned bucket that the CDK auto-delete custom resource empties', `
    Resources:
      Uploads:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration: { Status: Enabled }
      UploadsAutoDeleteObjects:
        Type: Custom::S3AutoDeleteObjects
        Properties:
          ServiceToken: arn:aws:lambda:eu-west-1:111111111111:function:auto-delete
          BucketName: !Ref Uploads
  `, [{ messageId: 'deletable', line: 10, column: 19 }]),
  cfn('a versioned bucket nothing empties (S3 refuses to delete it while it holds objects)', `
    Resources:
      Uploads:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration: { Status: Enabled }
  `),
  tf('a versioned bucket with force_destroy; a table whose replica has no point-in-time recovery', `
    resource "aws_s3_bucket" "uploads" {
      bucket        = "shop-uploads"
      force_destroy = true
    }

    resource "aws_s3_bucket_versioning" "uploads" {
      bucket = aws_s3_bucket.uploads.id
      versioning_configuration {
        status = "Enabled"
      }
    }

    resource "aws_dynamodb_table" "carts" {
      name                        = "carts"
      hash_key                    = "id"
      billing_mode                = "PAY_PER_REQUEST"
      deletion_protection_enabled = true
      stream_enabled              = true
      stream_view_type            = "NEW_AND_OLD_IMAGES"
      attribute {
        name = "id"
        type = "S"
      }
      point_in_time_recovery {
        enabled = true
      }
      replica {
        region_name = "us-west-2"
      }
      lifecycle {
        prevent_destroy = true
      }
    }
  `, [{ messageId: 'deletable', line: 3, column: 19 }, { messageId: 'backupOff', line: 27, column: 3 }]),
  tf('force_destroy under prevent_destroy; replicas with point-in-time recovery', `
    resource "aws_s3_bucket" "uploads" {
      bucket        = "shop-uploads"
      force_destroy = true
      lifecycle {
        prevent_destroy = true
      }
    }

    resource "aws_s3_bucket_versioning" "uploads" {
      bucket = aws_s3_bucket.uploads.id
      versioning_configuration {
        status = "Enabled"
      }
    }

    resource "aws_dynamodb_table" "carts" {
      name                        = "carts"
      hash_key                    = "id"
      billing_mode                = "PAY_PER_REQUEST"
      deletion_protection_enabled = true
      stream_enabled              = true
      stream_view_type            = "NEW_AND_OLD_IMAGES"
      attribute {
        name = "id"
        type = "S"
      }
      point_in_time_recovery {
        enabled = true
      }
      replica {
        region_name            = "us-west-2"
        point_in_time_recovery = true
      }
      lifecycle {
        prevent_destroy = true
      }
    }
  `),
]);
