import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Queue } from './types.js';
import { queueStore } from './facets.js';
import { monitored, named } from '../cloudwatch/monitored.js';

// AWS::SQS::Queue — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
const QUEUE = 'AWS::SQS::Queue';
const SQS_MANAGED_SSE = 'SqsManagedSseEnabled';
const QUEUE_NAME = 'QueueName';
const KMS_KEY = 'KmsMasterKeyId';

export const adapter: Adapter = {
  service: 'sqs',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(QUEUE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const kmsKey = r.str([KMS_KEY], { value: '', assumed: 'no KMS key' });
      // SSE-SQS is on by default for new queues, unless a KMS key is set instead.
      const managedSse = r.bool([SQS_MANAGED_SSE], { value: !r.has([KMS_KEY]), assumed: 'SSE-SQS on for queues created since late 2022' });
      const queue: Queue = { resource: r.info(), managedSse, kmsKey };
      model.queues.push(queue);
      model.facets.dataStores.push(queueStore(queue));
      model.facets.monitored.push(monitored(queue, 'SQS queue', { namespaces: ['AWS/SQS'], dimension: 'QueueName', suggest: 'ApproximateAgeOfOldestMessage or ApproximateNumberOfMessagesVisible', ...named(r.str([QUEUE_NAME])) }));
    }
  },
};
