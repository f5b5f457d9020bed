import kmsKeyPolicyPublicRule from '../../rules/security/kms-key-policy-public.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(kmsKeyPolicyPublicRule, [
  cfn('anyone may use the key', `
    Resources:
      DataKey:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
          KeyPolicy:
            Statement:
              - Effect: Allow
                Principal: "*"
                Action: kms:*
                Resource: "*"
  `, [{ messageId: 'anyone', line: 9, column: 24 }]),
  cfn('the account root, and anyone limited to the organisation', `
    Resources:
      DataKey:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
          KeyPolicy:
            Statement:
              - Effect: Allow
                Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }
                Action: kms:*
                Resource: "*"
              - Effect: Allow
                Principal: { AWS: "*" }
                Action: kms:Decrypt
                Resource: "*"
                Condition:
                  StringEquals:
                    aws:PrincipalOrgID: o-abc123def4
  `, []),
  tf('AWS "*" with a condition that does not limit who', `
    resource "aws_kms_key" "data" {
      enable_key_rotation = true
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = { AWS = "*" }
          Action    = "kms:Decrypt"
          Resource  = "*"
          Condition = { StringLike = { "kms:CallerAccount" = "*" } }
        }]
      })
    }
  `, [{ messageId: 'anyone', line: 6, column: 19 }]),
  tf('limited to one calling account', `
    resource "aws_kms_key" "data" {
      enable_key_rotation = true
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = { AWS = "*" }
          Action    = "kms:Decrypt"
          Resource  = "*"
          Condition = { StringEquals = { "kms:CallerAccount" = "123456789012" } }
        }]
      })
    }
  `, []),
]);
