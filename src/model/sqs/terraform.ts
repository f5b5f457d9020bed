import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Queue } from './types.js';
import { queueStore } from './facets.js';
import { monitored, named } from '../cloudwatch/monitored.js';

// aws_sqs_queue — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue
const QUEUE = 'aws_sqs_queue';
const SQS_MANAGED_SSE = 'sqs_managed_sse_enabled';
const QUEUE_NAME = 'name';
const KMS_KEY = 'kms_master_key_id';

export const adapter: Adapter = {
  service: 'sqs',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(QUEUE)) {
      const r = new PropertyReader(node, graph, '');
      const kmsKey = r.str([KMS_KEY], { value: '', assumed: 'no KMS key' });
      // Optional and computed: SSE-SQS is on for new queues unless a KMS key is set instead.
      const managedSse = r.bool([SQS_MANAGED_SSE], { value: !r.has([KMS_KEY]), assumed: 'SSE-SQS on for queues created since late 2022' });
      const queue: Queue = { resource: r.info(), managedSse, kmsKey };
      model.queues.push(queue);
      model.facets.dataStores.push(queueStore(queue));
      model.facets.monitored.push(monitored(queue, 'SQS queue', { namespaces: ['AWS/SQS'], dimension: 'QueueName', suggest: 'ApproximateAgeOfOldestMessage or ApproximateNumberOfMessagesVisible', ...named(r.str([QUEUE_NAME])) }));
    }
  },
};
