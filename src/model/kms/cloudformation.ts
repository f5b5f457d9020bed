import type { Adapter } from '../adapter.js';
import { policyFromProperty } from '../iam/policy.js';
import { PropertyReader } from '../read.js';
import type { KmsKey } from './types.js';

// AWS::KMS::Key — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kms-key.html
// EnableKeyRotation: default false; KeySpec: default SYMMETRIC_DEFAULT; KeyPolicy: a JSON policy document;
// PendingWindowInDays: 7–30, default 30.
const KEY = 'AWS::KMS::Key';
const ENABLE_KEY_ROTATION = 'EnableKeyRotation';
const KEY_SPEC = 'KeySpec';
const KEY_POLICY = 'KeyPolicy';
const PENDING_WINDOW = 'PendingWindowInDays';

export const adapter: Adapter = {
  service: 'kms',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(KEY)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const key: KmsKey = {
        resource: r.info(),
        rotation: r.bool([ENABLE_KEY_ROTATION], { value: false, assumed: 'automatic rotation off' }),
        keySpec: r.str([KEY_SPEC], { value: 'SYMMETRIC_DEFAULT', assumed: 'key spec SYMMETRIC_DEFAULT' }),
        deletionWindow: r.num([PENDING_WINDOW], { value: 30, assumed: '30 days' }),
      };
      const policy = policyFromProperty(r, [KEY_POLICY]);
      if (policy) key.policy = policy;
      model.kmsKeys.push(key);
    }
  },
};
