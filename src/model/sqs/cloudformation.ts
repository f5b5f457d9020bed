import type { Adapter } from '../adapter.js';
import { adaptQueues } from './common.js';

// AWS::SQS::Queue — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
export const adapter: Adapter = {
  service: 'sqs',
  source: 'cloudformation',
  adapt(graph, model) {
    adaptQueues(graph, model, { type: 'AWS::SQS::Queue', properties: 'Properties', managedSse: 'SqsManagedSseEnabled', name: 'QueueName', kmsKey: 'KmsMasterKeyId' });
  },
};
