import type { Adapter } from '../adapter.js';
import { adaptQueues } from './common.js';

// aws_sqs_queue — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue
//   sqs_managed_sse_enabled is optional and computed: on for new queues unless a KMS key is set.
export const adapter: Adapter = {
  service: 'sqs',
  source: 'terraform',
  adapt(graph, model) {
    adaptQueues(graph, model, { type: 'aws_sqs_queue', properties: '', managedSse: 'sqs_managed_sse_enabled', name: 'name', kmsKey: 'kms_master_key_id' });
  },
};
