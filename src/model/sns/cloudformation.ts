import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Topic } from './types.js';
import { topicStore } from './facets.js';

// AWS::SNS::Topic — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html
const TOPIC = 'AWS::SNS::Topic';
const KMS_KEY = 'KmsMasterKeyId';

export const adapter: Adapter = {
  service: 'sns',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(TOPIC)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const topic: Topic = { resource: r.info(), kmsKey: r.str([KMS_KEY], { value: '', assumed: 'no encryption at rest' }) };
      model.topics.push(topic);
      model.facets.dataStores.push(topicStore(topic));
    }
  },
};
