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
  // ── ECR repositories (issue 11 item 2) ──
  cfn('ECR repository on the AES256 default and one on KMS with the AWS managed key', `
    Resources:
      Images:
        Type: AWS::ECR::Repository
        Properties:
          RepositoryName: shop/web
      Managed:
        Type: AWS::ECR::Repository
        Properties:
          EncryptionConfiguration:
            EncryptionType: KMS
  `, [{ messageId: 'defaultKey', line: 2, column: 3 }, { messageId: 'defaultKey', line: 9, column: 7 }]),
  cfn('ECR repository with explicit AES256', `
    Resources:
      Images:
        Type: AWS::ECR::Repository
        Properties:
          EncryptionConfiguration:
            EncryptionType: AES256
  `, [{ messageId: 'defaultKey', line: 5, column: 7 }]),
  cfn('ECR repositories on a customer KMS key (KMS and KMS_DSSE)', `
    Resources:
      Key:
        Type: AWS::KMS::Key
      Images:
        Type: AWS::ECR::Repository
        Properties:
          EncryptionConfiguration:
            EncryptionType: KMS
            KmsKey: !GetAtt Key.Arn
      Layers:
        Type: AWS::ECR::Repository
        Properties:
          EncryptionConfiguration:
            EncryptionType: KMS_DSSE
            KmsKey: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
  `),
  cfn('ECR repository with an imported encryption type is undecidable', `
    Resources:
      Images:
        Type: AWS::ECR::Repository
        Properties:
          EncryptionConfiguration:
            EncryptionType: !ImportValue image-encryption
  `, [], { undecidable: [{ line: 6, column: 25 }] }),
  tf('aws_ecr_repository on the default and on KMS with the AWS managed key', `
    resource "aws_ecr_repository" "web" {
      name = "shop/web"
    }

    resource "aws_ecr_repository" "managed" {
      name = "shop/managed"
      encryption_configuration {
        encryption_type = "KMS"
      }
    }
  `, [{ messageId: 'defaultKey', line: 1, column: 1 }, { messageId: 'defaultKey', line: 7, column: 3 }]),
  tf('aws_ecr_repository on a customer KMS key', `
    resource "aws_kms_key" "images" {
      enable_key_rotation = true
    }

    resource "aws_ecr_repository" "web" {
      name = "shop/web"
      encryption_configuration {
        encryption_type = "KMS"
        kms_key         = aws_kms_key.images.arn
      }
    }
  `),
  tf('aws_ecr_repository with an unknown encryption type is undecidable', `
    variable "encryption_type" {
      type = string
    }

    resource "aws_ecr_repository" "web" {
      name = "shop/web"
      encryption_configuration {
        encryption_type = var.encryption_type
      }
    }
  `, [], { undecidable: [{ line: 8, column: 23 }] }),
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

  it('names the ECR defaults: AES256, the AWS managed key under KMS, and a written AES256', async () => {
    const { result } = await scanFiles({ 'template.yaml': dedent(`
      Resources:
        Images:
          Type: AWS::ECR::Repository
        Managed:
          Type: AWS::ECR::Repository
          Properties:
            EncryptionConfiguration:
              EncryptionType: KMS
        Plain:
          Type: AWS::ECR::Repository
          Properties:
            EncryptionConfiguration:
              EncryptionType: AES256
    `) }, { rules: ['encryption-customer-key'] });
    expect(result.findings.map((f) => f.message)).toEqual([
      'ECR repository is encrypted, but with a key you cannot control, audit or revoke: `EncryptionConfiguration.EncryptionType` is not set, so the default applies (AES256: Amazon S3-managed keys).',
      'ECR repository is encrypted, but with a key you cannot control, audit or revoke: `EncryptionConfiguration.KmsKey` is not set, so the default applies (the AWS managed key aws/ecr).',
      'ECR repository is encrypted, but with a key you cannot control, audit or revoke: `EncryptionConfiguration.KmsKey` is not set, so the default applies (none with encryption type "AES256": Amazon S3-managed keys).',
    ]);
  });
});
