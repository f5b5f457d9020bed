import rule from '../../rules/meta/suppression-reason.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('comment without a reason above the resource', `
    Resources:
      # iac-check:ignore s3-public-access
      Logs:
        Type: AWS::S3::Bucket
  `, [{ messageId: 'missingReason', line: 2, column: 3 }]),
  cfn('metadata entry without a reason', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Metadata:
          iac-check:
            ignore:
              - id: s3-public-access
  `, [{ messageId: 'missingReason', line: 7, column: 13 }]),
  cfn('comment with a reason', `
    Resources:
      # iac-check:ignore s3-public-access served through CloudFront only
      Logs:
        Type: AWS::S3::Bucket
  `),
  cfn('metadata entry with a reason', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Metadata:
          iac-check:
            ignore:
              - id: s3-public-access
                reason: public website assets
  `),
  tf('comment without a reason', `
    # iac-check:ignore s3-public-access
    resource "aws_s3_bucket" "logs" {
      bucket = "logs"
    }
  `, [{ messageId: 'missingReason', line: 1, column: 1 }]),
  tf('comment with a reason', `
    // iac-check:ignore s3-public-access public website assets
    resource "aws_s3_bucket" "logs" {
      bucket = "logs"
    }
  `),
]);
