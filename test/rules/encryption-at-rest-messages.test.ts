import rule from '../../rules/security/encryption-at-rest-messages.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('SQS with SSE-SQS explicitly off and no key; default and KMS queues pass', `
    Resources:
      Off:
        Type: AWS::SQS::Queue
        Properties:
          SqsManagedSseEnabled: false
      Default:
        Type: AWS::SQS::Queue
      Kms:
        Type: AWS::SQS::Queue
        Properties:
          KmsMasterKeyId: alias/aws/sqs
  `, [{ messageId: 'unencrypted', line: 5, column: 29 }]),
  cfn('SNS topic without KmsMasterKeyId', `
    Resources:
      Topic:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: orders
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }]),
  cfn('SNS topic with a key reference', `
    Resources:
      Key:
        Type: AWS::KMS::Key
      Topic:
        Type: AWS::SNS::Topic
        Properties:
          KmsMasterKeyId: !Ref Key
  `),
  cfn('Kinesis stream and Direct PUT Firehose unencrypted; encrypted ones and a stream-fed Firehose pass', `
    Resources:
      Stream:
        Type: AWS::Kinesis::Stream
        Properties:
          ShardCount: 1
      Fire:
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          DeliveryStreamType: DirectPut
      SafeStream:
        Type: AWS::Kinesis::Stream
        Properties:
          ShardCount: 1
          StreamEncryption:
            EncryptionType: KMS
            KeyId: alias/aws/kinesis
      SafeFire:
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          DeliveryStreamEncryptionConfigurationInput:
            KeyType: AWS_OWNED_CMK
      FedFire:
        Type: AWS::KinesisFirehose::DeliveryStream
        Properties:
          DeliveryStreamType: KinesisStreamAsSource
          KinesisStreamSourceConfiguration:
            KinesisStreamARN: !GetAtt SafeStream.Arn
            RoleARN: arn:aws:iam::111111111111:role/firehose
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }, { messageId: 'unencrypted', line: 6, column: 3 }]),
  // ── Terraform ──
  tf('SQS with SSE-SQS off, SNS without key', `
    resource "aws_sqs_queue" "q" {
      sqs_managed_sse_enabled = false
    }

    resource "aws_sns_topic" "t" {
      name = "t"
    }
  `, [{ messageId: 'unencrypted', line: 2, column: 29 }, { messageId: 'unencrypted', line: 5, column: 1 }]),
  tf('SQS default, SNS and SQS with KMS keys, encrypted cache and EFS', `
    resource "aws_kms_key" "k" {
      enable_key_rotation = true
    }

    resource "aws_sqs_queue" "default" {}

    resource "aws_sqs_queue" "kms" {
      kms_master_key_id = aws_kms_key.k.arn
    }

    resource "aws_sns_topic" "t" {
      kms_master_key_id = "alias/aws/sns"
    }

    resource "aws_elasticache_replication_group" "cache" {
      replication_group_id       = "cache"
      description                = "sessions"
      at_rest_encryption_enabled = true
    }

    resource "aws_efs_file_system" "files" {
      encrypted = true
    }
  `),
  tf('aws_kinesis_stream and Direct PUT Firehose unencrypted; encrypted ones pass', `
    resource "aws_kinesis_stream" "events" {
      name        = "events"
      shard_count = 1
    }

    resource "aws_kinesis_firehose_delivery_stream" "logs" {
      name        = "logs"
      destination = "extended_s3"
    }

    resource "aws_kinesis_stream" "safe" {
      name            = "safe"
      shard_count     = 1
      encryption_type = "KMS"
      kms_key_id      = "alias/aws/kinesis"
    }

    resource "aws_kinesis_firehose_delivery_stream" "safe" {
      name        = "safe"
      destination = "extended_s3"
      server_side_encryption {
        enabled = true
      }
    }
  `, [{ messageId: 'unencrypted', line: 1, column: 1 }, { messageId: 'unencrypted', line: 6, column: 1 }]),
]);
