import rule from '../../rules/security/encryption-customer-key.js';
import { describe, expect, it } from 'vitest';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';


ruleTester(rule, [
  // ── CloudFormation ──
  cfn('DynamoDB table relying on the AWS-owned key', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
      Off:
        Type: AWS::DynamoDB::Table
        Properties:
          SSESpecification:
            SSEEnabled: false
  `, [{ messageId: 'defaultKey', line: 2, column: 3 }, { messageId: 'defaultKey', line: 10, column: 21 }]),
  cfn('DynamoDB tables with the AWS-managed and a customer key', `
    Resources:
      Managed:
        Type: AWS::DynamoDB::Table
        Properties:
          SSESpecification:
            SSEEnabled: true
      Customer:
        Type: AWS::DynamoDB::Table
        Properties:
          SSESpecification:
            SSEEnabled: true
            SSEType: KMS
            KMSMasterKeyId: arn:aws:kms:us-east-1:111122223333:key/abc
  `),
  cfn('Backup vault without a customer key', `
    Resources:
      Vault:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: main
  `, [{ messageId: 'defaultKey', line: 2, column: 3 }]),
  cfn('Backup vault with a customer key', `
    Resources:
      Vault:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: main
          EncryptionKeyArn: arn:aws:kms:us-east-1:111122223333:key/abc
  `),
  cfn('MSK cluster on the AWS managed key; one on a customer key', `
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
      Kafka:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: events
      Owned:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: owned
          EncryptionInfo:
            EncryptionAtRest:
              DataVolumeKMSKeyId: !GetAtt Key.Arn
  `, [{ messageId: 'defaultKey', line: 6, column: 3 }]),
  // ── Terraform ──
  tf('DynamoDB without server_side_encryption', `
    resource "aws_dynamodb_table" "t" {
      name     = "t"
      hash_key = "id"
    }
  `, [{ messageId: 'defaultKey', line: 1, column: 1 }]),
  tf('DynamoDB with a customer key, vault with a key', `
    resource "aws_dynamodb_table" "t" {
      name     = "t"
      hash_key = "id"

      server_side_encryption {
        enabled     = true
        kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/abc"
      }
    }

    resource "aws_backup_vault" "v" {
      name        = "v"
      kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/abc"
    }
  `),
  tf('Backup vault without a key', `
    resource "aws_backup_vault" "v" {
      name = "v"
    }
  `, [{ messageId: 'defaultKey', line: 1, column: 1 }]),
  tf('aws_msk_cluster on the AWS managed key; one on a customer key', `
    resource "aws_kms_key" "k" {
      enable_key_rotation = true
    }

    resource "aws_msk_cluster" "events" {
      cluster_name = "events"
    }

    resource "aws_msk_cluster" "owned" {
      cluster_name = "owned"
      encryption_info {
        encryption_at_rest_kms_key_arn = aws_kms_key.k.arn
      }
    }
  `, [{ messageId: 'defaultKey', line: 5, column: 1 }]),
]);

describe('encryption-customer-key: messages', () => {
  // Regression: the Backup vault message named the default twice ("the AWS Backup service key (no EncryptionKeyArn)").
  it('names the Backup vault default once', async () => {
    const { result } = await scanFiles({ 'template.yaml': dedent(`
      Resources:
        Vault:
          Type: AWS::Backup::BackupVault
          Properties:
            BackupVaultName: main
    `) }, { rules: ['encryption-customer-key'] });
    expect(result.findings.map((f) => f.message)).toEqual([
      'Backup vault is encrypted, but with a key you cannot control, audit or revoke: `EncryptionKeyArn` is not set, so the default applies (the AWS Backup service key).',
    ]);
  });
});
