import rule from '../../rules/security/encryption-customer-key.js';
import { cfn, ruleTester, tf } from './tester.js';

// CloudWatch Logs log groups: always encrypted; without KmsKeyId / kms_key_id, with the service's own key.
ruleTester(rule, [
  cfn('log group without KmsKeyId', `
    Resources:
      Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
  `, [{ messageId: 'defaultKey', line: 2, column: 3 }]),
  cfn('log groups with a customer key: a key of the stack, a parameter', `
    Parameters:
      KeyArn:
        Type: String
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
      Keyed:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
          KmsKeyId: !GetAtt Key.Arn
      FromParameter:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
          KmsKeyId: !Ref KeyArn
  `),
  cfn('log group whose key may be left out (a condition): undecidable', `
    Parameters:
      KeyArn:
        Type: String
    Conditions:
      HasKey: !Not [!Equals [!Ref KeyArn, '']]
    Resources:
      Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
          KmsKeyId: !If [HasKey, !Ref KeyArn, '']
  `, [], { undecidable: [{ line: 11, column: 17, says: 'CloudWatch log group' }] }),
  tf('log group without kms_key_id', `
    resource "aws_cloudwatch_log_group" "app" {
      name              = "app"
      retention_in_days = 30
    }
  `, [{ messageId: 'defaultKey', line: 1, column: 1 }]),
  tf('log groups with a customer key: a key of the configuration, a variable', `
    variable "key_arn" {}
    resource "aws_kms_key" "logs" {
      enable_key_rotation = true
    }
    resource "aws_cloudwatch_log_group" "keyed" {
      name              = "keyed"
      retention_in_days = 30
      kms_key_id        = aws_kms_key.logs.arn
    }
    resource "aws_cloudwatch_log_group" "var" {
      name              = "var"
      retention_in_days = 30
      kms_key_id        = var.key_arn
    }
  `),
  tf('log group whose key may be null: undecidable', `
    variable "key_arn" {
      type = string
    }
    resource "aws_cloudwatch_log_group" "app" {
      name              = "app"
      retention_in_days = 30
      kms_key_id        = var.key_arn == "" ? null : var.key_arn
    }
  `, [], { undecidable: [{ line: 7, column: 23, says: 'CloudWatch log group' }] }),
]);
