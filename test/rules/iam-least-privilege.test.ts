import rule from '../../rules/security/iam-least-privilege.js';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from '../cdk/synth.js';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

const TRUST = `
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { Service: lambda.amazonaws.com }
                Action: sts:AssumeRole`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('inline role policy allowing every action', `
    Resources:
      AppRole:
        Type: AWS::IAM::Role
        Properties:${TRUST}
          Policies:
            - PolicyName: app
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
  `, [{ messageId: 'allActions', line: 15, column: 25 }]),
  cfn('a service wildcard on every resource, with the escalation actions it includes', `
    Resources:
      Deployer:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ["iam:*", "s3:GetObject"]
                Resource: "*"
  `, [{ messageId: 'serviceWildcard', line: 8, column: 21 }]),
  cfn('NotAction with Allow', `
    Resources:
      Ops:
        Type: AWS::IAM::Policy
        Properties:
          PolicyName: ops
          Roles: [ops]
          PolicyDocument:
            Statement:
              - Effect: Allow
                NotAction: iam:*
                Resource: "*"
  `, [{ messageId: 'notAction', line: 10, column: 24 }]),
  cfn('AdministratorAccess attached to a role, through the partition pseudo parameter', `
    Resources:
      Admin:
        Type: AWS::IAM::Role
        Properties:${TRUST}
          ManagedPolicyArns:
            - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
  `, [{ messageId: 'adminPolicy', line: 11, column: 11 }]),
  cfn('a wildcard that includes escalation actions: iam:*Policy* on every role', `
    Resources:
      Policy:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:*Policy*
                Resource: arn:aws:iam::123456789012:role/*
  `, [{ messageId: 'escalation', line: 8, column: 21 }]),
  cfn('PassRole on any role, with a compute action on the same role', `
    Resources:
      Role:
        Type: AWS::IAM::Role
        Properties:${TRUST}
      PassAny:
        Type: AWS::IAM::Policy
        Properties:
          PolicyName: pass
          Roles: [!Ref Role]
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: "*"
      Functions:
        Type: AWS::IAM::Policy
        Properties:
          PolicyName: functions
          Roles: [!Ref Role]
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: lambda:CreateFunction
                Resource: arn:aws:lambda:eu-west-1:123456789012:function:app
  `, [{ messageId: 'passRoleAnyRole', line: 18, column: 21 }]),
  cfn('named actions on named resources, and s3:Get* which grants no escalation', `
    Resources:
      AppRole:
        Type: AWS::IAM::Role
        Properties:${TRUST}
          ManagedPolicyArns:
            - arn:aws:iam::aws:policy/ReadOnlyAccess
          Policies:
            - PolicyName: app
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: ["s3:Get*", "dynamodb:Query"]
                    Resource: ["arn:aws:s3:::orders/*", "*"]
                  - Effect: Deny
                    Action: "*"
                    Resource: "*"
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource: arn:aws:iam::123456789012:role/app-task
  `, []),
  cfn('unknown actions are not findings', `
    Parameters:
      Actions:
        Type: CommaDelimitedList
    Resources:
      Policy:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: !Ref Actions
                Resource: "*"
  `, []),

  // ── Terraform ──
  tf('jsonencode policy allowing every action', `
    resource "aws_iam_policy" "app" {
      policy = jsonencode({
        Statement = [{
          Effect   = "Allow"
          Action   = "*"
          Resource = "*"
        }]
      })
    }
  `, [{ messageId: 'allActions', line: 5, column: 18 }]),
  tf('aws_iam_policy_document with a service wildcard, merged from a source document', `
    data "aws_iam_policy_document" "base" {
      statement {
        actions   = ["ec2:*"]
        resources = ["*"]
      }
    }
    data "aws_iam_policy_document" "app" {
      source_policy_documents = [data.aws_iam_policy_document.base.json]
      statement {
        actions   = ["sqs:SendMessage"]
        resources = ["arn:aws:sqs:eu-west-1:123456789012:orders"]
      }
    }
    resource "aws_iam_role_policy" "app" {
      role   = "app"
      policy = data.aws_iam_policy_document.app.json
    }
  `, [{ messageId: 'serviceWildcard', line: 3, column: 17 }]),
  tf('PowerUserAccess attached by an attachment resource', `
    resource "aws_iam_role" "ops" {
      name               = "ops"
      assume_role_policy = "{}"
    }
    resource "aws_iam_role_policy_attachment" "ops" {
      role       = aws_iam_role.ops.name
      policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
    }
  `, [{ messageId: 'adminPolicy', line: 7, column: 16 }]),
  tf('escalation by single actions, and NotResource', `
    resource "aws_iam_user_policy" "dev" {
      user   = "dev"
      policy = jsonencode({
        Statement = [{
          Effect      = "Allow"
          Action      = ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"]
          NotResource = "arn:aws:iam::123456789012:policy/protected"
        }]
      })
    }
  `, [{ messageId: 'escalation', line: 6, column: 21 }, { messageId: 'notResource', line: 7, column: 21 }]),
  tf('inline_policy block on a role with named actions', `
    resource "aws_iam_role" "app" {
      name               = "app"
      assume_role_policy = "{}"
      inline_policy {
        name = "app"
        policy = jsonencode({
          Statement = [{
            Effect   = "Allow"
            Action   = ["s3:GetObject"]
            Resource = "arn:aws:s3:::orders/*"
          }]
        })
      }
      managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    }
  `, []),
  tf('an inline_policy block allowing iam:* on every resource', `
    resource "aws_iam_role" "app" {
      name               = "app"
      assume_role_policy = "{}"
      inline_policy {
        name = "app"
        policy = jsonencode({
          Statement = [{
            Effect   = "Allow"
            Action   = "iam:*"
            Resource = "*"
          }]
        })
      }
    }
  `, [{ messageId: 'serviceWildcard', line: 9, column: 20 }]),
]);

describe('iam-least-privilege grants by pattern', () => {
  it('judges a pattern seen before (a remembered grant) as it judged it the first time', async () => {
    const policy = (name: string) => `
      ${name}:
        Type: AWS::IAM::ManagedPolicy
        Properties:
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ["iam:attach*", "iam:PassRole", "lambda:CreateFunction"]
                Resource: "arn:aws:iam::123456789012:role/*"`;
    const findings = async (code: string) => (await scanSnippet('cloudformation', code, { rules: [rule.meta.id] })).result.findings;
    const first = await findings(`Resources:${policy('First')}`);
    // The same patterns again, in the same template and in the next scan: the same messages.
    const again = await findings(`Resources:${policy('First')}${policy('Second')}`);
    expect(first.map((f) => f.message)).toEqual([
      'Allows privilege-escalation actions on arn:aws:iam::123456789012:role/* through `iam:attach*` (3 actions): iam:AttachUserPolicy, iam:AttachGroupPolicy, iam:AttachRolePolicy. With them the principal can grant itself more permissions.',
      'Allows `iam:PassRole` on arn:aws:iam::123456789012:role/*, together with lambda:CreateFunction: it can hand any role to a service and run code as that role.',
    ]);
    expect(again.map((f) => f.message)).toEqual([...first, ...first].map((f) => f.message));
  });
});

describe('iam-least-privilege on CDK', () => {
  it('reads the policy CDK synthesizes for grants and addToPolicy', async () => {
    const findings = await synthAndScan((stack) => {
      const role = new iam.Role(stack, 'Worker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }));
      role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'));
    }, 'iam-least-privilege');
    expect(findings.map((f) => [f.messageId, f.resource.type, f.resource.source])).toEqual([
      ['adminPolicy', 'AWS::IAM::Role', 'cdk'],
      ['serviceWildcard', 'AWS::IAM::Policy', 'cdk'],
    ]);
  });
});
