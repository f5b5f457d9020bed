import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Topic } from './types.js';
import { topicStore } from './facets.js';

// aws_sns_topic — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic
const TOPIC = 'aws_sns_topic';
const KMS_KEY = 'kms_master_key_id';

export const adapter: Adapter = {
  service: 'sns',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(TOPIC)) {
      const r = new PropertyReader(node, graph, '');
      const topic: Topic = { resource: r.info(), kmsKey: r.str([KMS_KEY], { value: '', assumed: 'no encryption at rest' }) };
      model.topics.push(topic);
      model.facets.dataStores.push(topicStore(topic));
    }
  },
};
