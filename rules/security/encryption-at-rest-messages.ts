import { reportUnencrypted } from '../../src/engine/at-rest.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'encryption-at-rest-messages',
    title: 'Queues and topics are encrypted at rest',
    checks: 'SQS queues with SSE-SQS turned off and no KMS key, SNS topics without a KMS key, Kinesis data streams and Direct PUT Firehose delivery streams without server-side encryption',
    severity: 'medium',
    controls: ['1.21'],
    rationale:
      'Messages waiting in a queue or topic are stored data too (checklist 1.21), but they are transient and usually copies of ' +
      'data kept elsewhere, so an unencrypted queue or topic is one severity below an unencrypted database or disk ' +
      '(`encryption-at-rest`). SQS queues are encrypted with SSE-SQS unless `SqsManagedSseEnabled` is turned off and no KMS ' +
      'key is set; SNS topics are unencrypted unless they name a KMS key; Kinesis data streams and Direct PUT Firehose ' +
      'delivery streams are unencrypted unless server-side encryption is asked for (a Firehose fed by a Kinesis stream or ' +
      'MSK takes its source\'s encryption).',
    remediation:
      'Leave SSE-SQS on (`SqsManagedSseEnabled` / `sqs_managed_sse_enabled`) or set `KmsMasterKeyId` / `kms_master_key_id` on ' +
      'queues; set `KmsMasterKeyId` / `kms_master_key_id` on topics, preferably with a customer managed key.',
    messages: {
      unencrypted: '{{what}} is not encrypted at rest: `{{property}}` {{how}}{{unless}}.',
    },
    precision: 'high',
    tags: ['security', 'encryption', 'data-protection'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: order-events\n',
        pass: 'Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: order-events\n      KmsMasterKeyId: alias/aws/sns\n',
      },
      terraform: {
        fail: 'resource "aws_sns_topic" "events" {\n  name = "order-events"\n}\n',
        pass: 'resource "aws_sns_topic" "events" {\n  name              = "order-events"\n  kms_master_key_id = "alias/aws/sns"\n}\n',
      },
    },
  },
  check(ctx) {
    for (const store of ctx.model.facets.dataStores) if (store.contents === 'messages') reportUnencrypted(ctx, store);
  },
});
