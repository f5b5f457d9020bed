import type { Adapter } from '../adapter.js';
import { adaptTopics } from './common.js';

// aws_sns_topic — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic
export const adapter: Adapter = {
  service: 'sns',
  source: 'terraform',
  adapt(graph, model) {
    adaptTopics(graph, model, { type: 'aws_sns_topic', properties: '', kmsKey: 'kms_master_key_id' });
  },
};
