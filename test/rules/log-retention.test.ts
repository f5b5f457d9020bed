import rule from '../../rules/reliability/log-retention.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('Log group without retention', `
    Resources:
      Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          LogGroupName: /app/web
  `, [{ messageId: 'neverExpires', line: 2, column: 3 }]),
  cfn('Log group retention from a parameter without default', `
    Parameters:
      Days: { Type: Number }
    Resources:
      Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: !Ref Days
  `, [], { undecidable: [{ line: 7, column: 24 }] }),

  // ── Terraform ──
  tf('Log groups: retention unset, retention 0, and retention from a variable without default', `
    variable "days" {
      type = number
    }

    resource "aws_cloudwatch_log_group" "unset" {
      name = "/app/unset"
    }

    resource "aws_cloudwatch_log_group" "zero" {
      name              = "/app/zero"
      retention_in_days = 0
    }

    resource "aws_cloudwatch_log_group" "var" {
      name              = "/app/var"
      retention_in_days = var.days
    }
  `, [{ messageId: 'neverExpires', line: 5, column: 1 }, { messageId: 'neverExpires', line: 11, column: 23 }], { undecidable: [{ line: 16, column: 23 }] }),
  tf('Log groups with a retention period', `
    resource "aws_cloudwatch_log_group" "app" {
      name              = "/app/web"
      retention_in_days = 90
    }
  `),
  cfn('Log group with a retention period', `
    Resources:
      AppLogs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 365
  `),
]);
