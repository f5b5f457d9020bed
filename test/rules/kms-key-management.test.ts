import kmsKeyManagementRule from '../../rules/security/kms-key-management.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(kmsKeyManagementRule, [
  // ── CloudFormation ──
  cfn('a key without rotation, deletable after 7 days', `
    Resources:
      DataKey:
        Type: AWS::KMS::Key
        Properties:
          PendingWindowInDays: 7
  `, [{ messageId: 'rotationOff', line: 2, column: 3 }, { messageId: 'shortDeletionWindow', line: 5, column: 28 }]),
  cfn('rotation off explicitly, and a trail without a key', `
    Resources:
      DataKey:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: false
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-logs
  `, [{ messageId: 'rotationOff', line: 5, column: 26 }, { messageId: 'trailNotEncrypted', line: 6, column: 3 }]),
  cfn('a rotated key, an asymmetric key and an encrypted trail', `
    Resources:
      DataKey:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
      SigningKey:
        Type: AWS::KMS::Key
        Properties:
          KeySpec: ECC_NIST_P256
          KeyUsage: SIGN_VERIFY
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-logs
          KMSKeyId: !Ref DataKey
  `, []),

  // ── Terraform ──
  tf('a short deletion window, no rotation, a trail without a key', `
    resource "aws_kms_key" "data" {
      deletion_window_in_days = 7
    }
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-trail-logs"
    }
  `, [
    { messageId: 'rotationOff', line: 1, column: 1 },
    { messageId: 'shortDeletionWindow', line: 2, column: 29 },
    { messageId: 'trailNotEncrypted', line: 4, column: 1 },
  ]),
  tf('a rotated key with the default window, an encrypted trail', `
    resource "aws_kms_key" "data" {
      enable_key_rotation = true
    }
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-trail-logs"
      kms_key_id     = aws_kms_key.data.arn
    }
  `, []),
]);
