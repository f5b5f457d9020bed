import rule from '../../rules/security/iam-user-mfa.js';
import { cfn, ruleTester, tf } from './tester.js';

const FORCE_MFA = `
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    NotAction: ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ChangePassword"]
                    Resource: "*"
                    Condition:
                      BoolIfExists:
                        aws:MultiFactorAuthPresent: "false"`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('a console user without a force-MFA policy', `
    Resources:
      Alice:
        Type: AWS::IAM::User
        Properties:
          ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
          LoginProfile:
            Password: "{{resolve:secretsmanager:alice-initial}}"
  `, [{ messageId: 'noMfaPolicy', line: 6, column: 7 }]),
  cfn('a console user in a group that forces MFA', `
    Resources:
      People:
        Type: AWS::IAM::Group
        Properties:
          Policies:
            - PolicyName: force-mfa${FORCE_MFA}
      Alice:
        Type: AWS::IAM::User
        Properties:
          Groups: [!Ref People]
          LoginProfile:
            Password: "{{resolve:secretsmanager:alice-initial}}"
  `, []),
  cfn('a user without a console password', `
    Resources:
      Batch:
        Type: AWS::IAM::User
  `, []),
  cfn('a customer managed policy outside the scan is not decided', `
    Resources:
      Alice:
        Type: AWS::IAM::User
        Properties:
          ManagedPolicyArns: [arn:aws:iam::123456789012:policy/force-mfa]
          LoginProfile:
            Password: "{{resolve:secretsmanager:alice-initial}}"
  `, []),

  // ── Terraform ──
  tf('a login profile and no force-MFA policy', `
    resource "aws_iam_user" "alice" {
      name = "alice"
    }
    resource "aws_iam_user_login_profile" "alice" {
      user = aws_iam_user.alice.name
    }
  `, [{ messageId: 'noMfaPolicy', line: 4, column: 1 }]),
  tf('a login profile, the user in a group whose policy forces MFA', `
    resource "aws_iam_user" "alice" {
      name = "alice"
    }
    resource "aws_iam_user_login_profile" "alice" {
      user = aws_iam_user.alice.name
    }
    resource "aws_iam_group" "people" {
      name = "people"
    }
    resource "aws_iam_user_group_membership" "alice" {
      user   = aws_iam_user.alice.name
      groups = [aws_iam_group.people.name]
    }
    data "aws_iam_policy_document" "force_mfa" {
      statement {
        effect      = "Deny"
        not_actions = ["iam:EnableMFADevice", "iam:CreateVirtualMFADevice"]
        resources   = ["*"]
        condition {
          test     = "BoolIfExists"
          variable = "aws:MultiFactorAuthPresent"
          values   = ["false"]
        }
      }
    }
    resource "aws_iam_policy" "force_mfa" {
      policy = data.aws_iam_policy_document.force_mfa.json
    }
    resource "aws_iam_group_policy_attachment" "force_mfa" {
      group      = aws_iam_group.people.name
      policy_arn = aws_iam_policy.force_mfa.arn
    }
  `, []),
]);
