import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// AWS::SecretsManager::Secret — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-secret.html
// `KmsKeyId`: absent → the AWS managed key aws/secretsmanager.
const SECRET = 'AWS::SecretsManager::Secret';
const KMS_KEY_ID = 'KmsKeyId';

export const adapter: Adapter = {
  service: 'secretsmanager',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(SECRET)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.secrets.push({ resource: r.info(), kmsKey: r.str([KMS_KEY_ID], { value: '', assumed: 'the AWS managed key aws/secretsmanager' }) });
    }
  },
};
