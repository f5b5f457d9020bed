import rule from '../../rules/security/iam-password-policy.js';
import { ruleTester, tf } from './tester.js';

// CloudFormation has no password policy resource (the rule's `notApplicable`).
ruleTester(rule, [
  tf('only a short minimum length set', `
    resource "aws_iam_account_password_policy" "this" {
      minimum_password_length = 8
    }
  `, [{ messageId: 'classNotRequired', line: 1, column: 1 }, { messageId: 'classNotRequired', line: 1, column: 1 }, { messageId: 'classNotRequired', line: 1, column: 1 }, { messageId: 'classNotRequired', line: 1, column: 1 }, { messageId: 'reuseAllowed', line: 1, column: 1 }, { messageId: 'noExpiry', line: 1, column: 1 }, { messageId: 'tooShort', line: 2, column: 29 }]),
  tf('weak settings written explicitly', `
    resource "aws_iam_account_password_policy" "this" {
      minimum_password_length      = 14
      require_uppercase_characters = true
      require_lowercase_characters = true
      require_numbers              = false
      require_symbols              = true
      password_reuse_prevention    = 5
      max_password_age             = 365
    }
  `, [{ messageId: 'classNotRequired', line: 5, column: 34 }, { messageId: 'reuseAllowed', line: 7, column: 34 }, { messageId: 'noExpiry', line: 8, column: 34 }]),
  tf('the checklist policy', `
    resource "aws_iam_account_password_policy" "this" {
      minimum_password_length      = 16
      require_uppercase_characters = true
      require_lowercase_characters = true
      require_numbers              = true
      require_symbols              = true
      password_reuse_prevention    = 24
      max_password_age             = 90
    }
  `, []),
  tf('values from variables without defaults are not findings', `
    variable "length" {
      type = number
    }
    resource "aws_iam_account_password_policy" "this" {
      minimum_password_length      = var.length
      require_uppercase_characters = true
      require_lowercase_characters = true
      require_numbers              = true
      require_symbols              = true
      password_reuse_prevention    = 24
      max_password_age             = 30
    }
  `, []),
]);
