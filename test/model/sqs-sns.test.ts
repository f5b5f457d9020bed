import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

describe('sqs and sns adapters', () => {
  it('gives the same queues and topics for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Default:
          Type: AWS::SQS::Queue
        Kms:
          Type: AWS::SQS::Queue
          Properties:
            KmsMasterKeyId: alias/aws/sqs
        Off:
          Type: AWS::SQS::Queue
          Properties:
            SqsManagedSseEnabled: false
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            KmsMasterKeyId: alias/aws/sns
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_sqs_queue" "default" {}
      resource "aws_sqs_queue" "kms" {
        kms_master_key_id = "alias/aws/sqs"
      }
      resource "aws_sqs_queue" "off" {
        sqs_managed_sse_enabled = false
      }
      resource "aws_sns_topic" "topic" {
        kms_master_key_id = "alias/aws/sns"
      }
    `)).model!;
    expect(strip(cfn.queues)).toEqual([
      { managedSse: { provenance: 'default', value: true }, kmsKey: { provenance: 'default', value: '' } },
      { managedSse: { provenance: 'default', value: false }, kmsKey: { provenance: 'explicit', value: 'alias/aws/sqs' } },
      { managedSse: { provenance: 'explicit', value: false }, kmsKey: { provenance: 'default', value: '' } },
    ]);
    expect(strip(tf.queues)).toEqual(strip(cfn.queues));
    expect(strip(tf.topics)).toEqual(strip(cfn.topics));
    expect(strip(cfn.topics)).toEqual([{ kmsKey: { provenance: 'explicit', value: 'alias/aws/sns' } }]);
    expect(cfn.queues[2]!.managedSse.origin.span.start).toEqual({ line: 11, column: 29 });
    expect(tf.queues[2]!.managedSse.origin.span.start.line).toBe(6);
  });
});
