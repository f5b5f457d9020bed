import type { Adapter } from '../adapter.js';
import { adaptTopics } from './common.js';

// AWS::SNS::Topic — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html
export const adapter: Adapter = {
  service: 'sns',
  source: 'cloudformation',
  adapt(graph, model) {
    adaptTopics(graph, model, { type: 'AWS::SNS::Topic', properties: 'Properties', kmsKey: 'KmsMasterKeyId' });
  },
};
