import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

const CFN = `
  Resources:
    Data:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: data
        AccessControl: Private
        PublicAccessBlockConfiguration:
          BlockPublicAcls: true
          IgnorePublicAcls: true
          BlockPublicPolicy: true
          RestrictPublicBuckets: true
        OwnershipControls:
          Rules:
            - ObjectOwnership: BucketOwnerEnforced
        BucketEncryption:
          ServerSideEncryptionConfiguration:
            - ServerSideEncryptionByDefault:
                SSEAlgorithm: aws:kms
                KMSMasterKeyID: alias/data
        VersioningConfiguration:
          Status: Enabled
        LoggingConfiguration:
          DestinationBucketName: access-logs
        ReplicationConfiguration:
          Role: arn:aws:iam::111122223333:role/replication
          Rules:
            - Status: Enabled
              Destination:
                Bucket: arn:aws:s3:::data-replica
    DataPolicy:
      Type: AWS::S3::BucketPolicy
      Properties:
        Bucket: !Ref Data
        PolicyDocument:
          Statement:
            - Sid: TlsOnly
              Effect: Deny
              Principal: '*'
              Action: 's3:*'
              Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*']
              Condition:
                Bool:
                  aws:SecureTransport: 'false'
`;

const TF = `
  resource "aws_s3_bucket" "data" {
    bucket = "data"
  }

  resource "aws_s3_bucket_acl" "data" {
    bucket = aws_s3_bucket.data.id
    acl    = "private"
  }

  resource "aws_s3_bucket_public_access_block" "data" {
    bucket                  = aws_s3_bucket.data.id
    block_public_acls       = true
    ignore_public_acls      = true
    block_public_policy     = true
    restrict_public_buckets = true
  }

  resource "aws_s3_bucket_ownership_controls" "data" {
    bucket = aws_s3_bucket.data.id
    rule {
      object_ownership = "BucketOwnerEnforced"
    }
  }

  resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
    bucket = aws_s3_bucket.data.id
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "alias/data"
      }
    }
  }

  resource "aws_s3_bucket_versioning" "data" {
    bucket = "data"
    versioning_configuration {
      status = "Enabled"
    }
  }

  resource "aws_s3_bucket_logging" "data" {
    bucket        = aws_s3_bucket.data.id
    target_bucket = "access-logs"
    target_prefix = "data/"
  }

  resource "aws_s3_bucket_replication_configuration" "data" {
    bucket = aws_s3_bucket.data.id
    role   = "arn:aws:iam::111122223333:role/replication"
    rule {
      status = "Enabled"
      destination {
        bucket = "arn:aws:s3:::data-replica"
      }
    }
  }

  resource "aws_s3_bucket_policy" "data" {
    bucket = aws_s3_bucket.data.id
    policy = jsonencode({
      Statement = [{
        Sid       = "TlsOnly"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      }]
    })
  }
`;

describe('s3 adapters', () => {
  it('an inline CloudFormation bucket and a Terraform bucket made of split resources give the same model', async () => {
    const cfn = (await scanSnippet('cloudformation', CFN)).model!.buckets;
    const tf = (await scanSnippet('terraform', TF)).model!.buckets;
    expect(cfn).toHaveLength(1);
    expect(tf).toHaveLength(1);
    expect(strip(tf[0])).toEqual(strip(cfn[0]));
    const b = cfn[0]!;
    expect(b.acl.value).toBe('private');
    expect(b.versioning).toMatchObject({ provenance: 'explicit', value: true });
    expect(b.replication[0]!.destination.value).toEqual({ literal: 'arn:aws:s3:::data-replica' });
    expect(b.replication[0]!.destinationRegion.provenance).toBe('unknown');
    expect(b.policies[0]!.statements[0]!.principal?.value).toEqual({ anyone: true, aws: [], service: [], federated: [] });
  });

  it('keeps the origins of each input kind', async () => {
    const cfn = (await scanSnippet('cloudformation', CFN)).model!.buckets[0]!;
    expect(cfn.publicAccessBlock!.blockPublicPolicy.origin.span.start).toEqual({ line: 10, column: 28 });
    expect(cfn.publicAccessBlock!.blockPublicPolicy.origin.path).toBe('Properties.PublicAccessBlockConfiguration.BlockPublicPolicy');
    expect(cfn.versioning.origin.span.start.line).toBe(21);
    expect(cfn.policies[0]!.statements[0]!.effect.origin.span.start.line).toBe(37);
    const tf = (await scanSnippet('terraform', TF)).model!.buckets[0]!;
    expect(tf.publicAccessBlock!.blockPublicPolicy.origin.span.start).toEqual({ line: 14, column: 29 });
    expect(tf.publicAccessBlock!.blockPublicPolicy.origin.resource).toBe('aws_s3_bucket_public_access_block.data');
    expect(tf.versioning.origin.span.start.line).toBe(38);
    expect(tf.kmsKey.origin.span.start.line).toBe(30);
  });

  it('takes defaults when nothing is set, and finds the replica region from the scanned destination', async () => {
    const { model } = await scanSnippet('terraform', `
      provider "aws" {
        region = "eu-west-1"
      }
      provider "aws" {
        alias  = "dr"
        region = "eu-central-1"
      }
      resource "aws_s3_bucket" "data" {
        bucket = "data"
        replication_configuration {
          role = "r"
          rules {
            status = "Enabled"
            destination {
              bucket = aws_s3_bucket.replica.arn
            }
          }
        }
      }
      resource "aws_s3_bucket" "replica" {
        provider = aws.dr
        bucket   = "data-replica"
      }
    `);
    const data = model!.buckets.find((b) => b.resource.address === 'aws_s3_bucket.data')!;
    expect(data.replication[0]!.destinationRegion).toMatchObject({ provenance: 'explicit', value: 'eu-central-1' });
    const replica = model!.buckets.find((b) => b.resource.address === 'aws_s3_bucket.replica')!;
    expect(replica.publicAccessBlock).toBeUndefined();
    expect(replica.publicAccessBlockOrigin).toMatchObject({ provenance: 'default', value: false });
    expect(replica.encryptionAlgorithm).toMatchObject({ provenance: 'default', value: 'AES256' });
    expect(replica.versioning).toMatchObject({ provenance: 'default', value: false, assumed: 'versioning off' });
    expect(replica.acl).toMatchObject({ provenance: 'default', value: 'private' });
  });
  it('follows the documents an aws_iam_policy_document merges in, and keeps an unknown one unknown', async () => {
    const { model } = await scanSnippet('terraform', `
      variable "extra_policy" {
        type = string
      }
      resource "aws_s3_bucket" "a" {
        bucket = "a"
      }
      resource "aws_s3_bucket" "b" {
        bucket = "b"
      }
      data "aws_iam_policy_document" "base" {
        statement {
          sid       = "Shared"
          actions   = ["s3:GetObject"]
          resources = ["*"]
        }
        statement {
          sid       = "Replaced"
          actions   = ["s3:PutObject"]
          resources = ["*"]
        }
      }
      data "aws_iam_policy_document" "a" {
        source_policy_documents = [data.aws_iam_policy_document.base.json]
        statement {
          sid       = "Replaced"
          actions   = ["s3:ListBucket"]
          resources = ["*"]
        }
      }
      data "aws_iam_policy_document" "b" {
        source_policy_documents = [var.extra_policy]
      }
      resource "aws_s3_bucket_policy" "a" {
        bucket = aws_s3_bucket.a.id
        policy = data.aws_iam_policy_document.a.json
      }
      resource "aws_s3_bucket_policy" "b" {
        bucket = aws_s3_bucket.b.id
        policy = data.aws_iam_policy_document.b.json
      }
    `);
    const a = model!.buckets.find((x) => x.resource.address === 'aws_s3_bucket.a')!;
    expect(a.policies).toHaveLength(1);
    expect(a.policies[0]!.unknown).toBeUndefined();
    expect(a.policies[0]!.statements.map((st) => [st.sid, st.actions.value])).toEqual([['Shared', ['s3:GetObject']], ['Replaced', ['s3:ListBucket']]]);
    // the merged statement keeps its own line (line 11: the first statement block of "base")
    expect(a.policies[0]!.statements[0]!.origin.span.start.line).toBe(11);
    const b = model!.buckets.find((x) => x.resource.address === 'aws_s3_bucket.b')!;
    expect(b.policies[0]!.unknown).toMatch(/source_policy_documents of data\.aws_iam_policy_document\.b/);
  });
});
