import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfnOnlyRemoved, strip } from './strip.js';

describe('dynamodb adapters', () => {
  it('gives the same tables for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Customer:
          Type: AWS::DynamoDB::Table
          DeletionPolicy: Retain
          Properties:
            SSESpecification:
              SSEEnabled: true
              KMSMasterKeyId: arn:aws:kms:us-east-1:111122223333:key/k
            PointInTimeRecoverySpecification:
              PointInTimeRecoveryEnabled: true
        Plain:
          Type: AWS::DynamoDB::Table
          Properties:
            DeletionProtectionEnabled: true
    `)).model!.dynamoTables;
    const tf = (await scanSnippet('terraform', `
      resource "aws_dynamodb_table" "customer" {
        server_side_encryption {
          enabled     = true
          kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/k"
        }
        point_in_time_recovery {
          enabled = true
        }
        lifecycle {
          prevent_destroy = true
        }
      }
      resource "aws_dynamodb_table" "plain" {
        deletion_protection_enabled = true
      }
    `)).model!.dynamoTables;
    expect(strip(cfn)).toEqual([
      {
        encryptionKey: { provenance: 'explicit', value: 'customer' }, kmsKey: { provenance: 'explicit', value: 'arn:aws:kms:us-east-1:111122223333:key/k' },
        pointInTimeRecovery: { provenance: 'explicit', value: true }, deletionProtection: { provenance: 'default', value: false },
        replicaRegions: [], global: false, retainOnDelete: { provenance: 'explicit', value: true },
        retainOnReplace: { provenance: 'default', value: false },
      },
      {
        encryptionKey: { provenance: 'default', value: 'owned' }, kmsKey: { provenance: 'default', value: '' },
        pointInTimeRecovery: { provenance: 'default', value: false }, deletionProtection: { provenance: 'explicit', value: true },
        replicaRegions: [], global: false, retainOnDelete: { provenance: 'default', value: false },
        retainOnReplace: { provenance: 'default', value: false },
      },
    ]);
    expect(strip(tf)).toEqual(cfnOnlyRemoved(strip(cfn)));
    expect(cfn[0]!.encryptionKey.origin.span.start.line).toBe(8);
    expect(tf[0]!.encryptionKey.origin.span.start.line).toBe(4);
    expect(tf[1]!.encryptionKey).toMatchObject({ assumed: 'encryption with an AWS-owned key' });
  });

  it('reads global table replicas', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Global:
          Type: AWS::DynamoDB::GlobalTable
          Properties:
            SSESpecification:
              SSEEnabled: true
            Replicas:
              - Region: us-east-1
                PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
              - Region: eu-west-1
    `)).model!.dynamoTables;
    expect(strip(cfn[0])).toMatchObject({
      global: true, encryptionKey: { value: 'aws-managed' },
      pointInTimeRecovery: { provenance: 'default', value: false },
      replicaRegions: [{ provenance: 'explicit', value: 'us-east-1' }, { provenance: 'explicit', value: 'eu-west-1' }],
    });
    expect(cfn[0]!.replicaRegions[1]!.origin.span.start.line).toBe(10);
    const tf = (await scanSnippet('terraform', `
      provider "aws" {
        region = "us-east-1"
      }
      resource "aws_dynamodb_table" "t" {
        replica {
          region_name = "eu-west-1"
        }
      }
    `)).model!.dynamoTables;
    expect(strip(tf[0]!.replicaRegions)).toEqual([{ provenance: 'explicit', value: 'us-east-1' }, { provenance: 'explicit', value: 'eu-west-1' }]);
    expect(tf[0]!.replicaRegions[1]!.origin.span.start.line).toBe(6);
  });
});
