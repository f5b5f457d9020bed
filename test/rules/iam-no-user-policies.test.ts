import rule from '../../rules/security/iam-no-user-policies.js';
import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('inline policy and managed policy on a user', `
    Resources:
      Alice:
        Type: AWS::IAM::User
        Properties:
          ManagedPolicyArns:
            - arn:aws:iam::aws:policy/ReadOnlyAccess
          Policies:
            - PolicyName: own
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::reports/*
  `, [{ messageId: 'managedOnUser', line: 6, column: 11 }, { messageId: 'inlineOnUser', line: 10, column: 13 }]),
  cfn('a policy resource naming a user', `
    Resources:
      Bob:
        Type: AWS::IAM::User
      Reports:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          Users: [!Ref Bob]
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::reports/*
  `, [{ messageId: 'policyNamesUser', line: 7, column: 15 }]),
  cfn('permissions through a group', `
    Resources:
      Auditors:
        Type: AWS::IAM::Group
        Properties:
          ManagedPolicyArns:
            - arn:aws:iam::aws:policy/ReadOnlyAccess
      Alice:
        Type: AWS::IAM::User
        Properties:
          Groups: [!Ref Auditors]
  `, []),

  // ── Terraform ──
  tf('a user policy and an attachment to a user', `
    resource "aws_iam_user" "alice" {
      name = "alice"
    }
    resource "aws_iam_user_policy" "alice" {
      user   = aws_iam_user.alice.name
      policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }] })
    }
    resource "aws_iam_user_policy_attachment" "alice" {
      user       = "alice"
      policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    }
  `, [{ messageId: 'policyNamesUser', line: 5, column: 12 }, { messageId: 'managedOnUser', line: 9, column: 16 }]),
  tf('attachments to a group and a role', `
    resource "aws_iam_group_policy_attachment" "auditors" {
      group      = "auditors"
      policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    }
    resource "aws_iam_policy_attachment" "shared" {
      name       = "shared"
      roles      = ["app"]
      groups     = ["auditors"]
      policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    }
  `, []),
]);

describe('iam-no-user-policies: how a message names the policy', () => {
  it('names a customer managed policy of the scan by its address, an AWS managed one by its ARN', async () => {
    const { result } = await scanSnippet('terraform', `
      resource "aws_iam_user" "ops" {
        name = "ops"
      }
      resource "aws_iam_policy" "deploy" {
        name   = "deploy"
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
      }
      resource "aws_iam_user_policy_attachment" "deploy" {
        user       = aws_iam_user.ops.name
        policy_arn = aws_iam_policy.deploy.arn
      }
      resource "aws_iam_user_policy_attachment" "read" {
        user       = aws_iam_user.ops.name
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
    `, { rules: ['iam-no-user-policies'] });
    expect(result.findings.map((f) => f.message).sort()).toEqual([
      'Managed policy arn:aws:iam::aws:policy/ReadOnlyAccess is attached to IAM user aws_iam_user.ops: attach it to a group or role instead.',
      'Managed policy aws_iam_policy.deploy is attached to IAM user aws_iam_user.ops: attach it to a group or role instead.',
    ]);
  });
});

describe('iam-no-user-policies names the attached policy', () => {
  it('by its ARN literal, or by the address of the policy resource of the scan it links to', async () => {
    const out = await scanSnippet('terraform', `
      resource "aws_iam_policy" "reports" {
        policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }] })
      }
      resource "aws_iam_user_policy_attachment" "linked" {
        user       = "alice"
        policy_arn = aws_iam_policy.reports.arn
      }
      resource "aws_iam_user_policy_attachment" "literal" {
        user       = "alice"
        policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
      }
    `, { rules: [rule.meta.id] });
    expect(out.result.findings.map((f) => f.message)).toEqual([
      'Managed policy aws_iam_policy.reports is attached to IAM user alice: attach it to a group or role instead.',
      'Managed policy arn:aws:iam::aws:policy/ReadOnlyAccess is attached to IAM user alice: attach it to a group or role instead.',
    ]);
  });
});
