import type { Adapter } from '../adapter.js';
import { terraformPolicyFromProperty } from '../iam/terraform.js';
import { PropertyReader } from '../read.js';
import type { KmsKey } from './types.js';

// aws_kms_key — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key
// enable_key_rotation: default false; customer_master_key_spec: default SYMMETRIC_DEFAULT;
// policy: JSON text, jsonencode(...) or data.aws_iam_policy_document.x.json (absent: the default key policy);
// deletion_window_in_days: 7–30, default 30.
const KEY = 'aws_kms_key';
const ENABLE_KEY_ROTATION = 'enable_key_rotation';
const KEY_SPEC = 'customer_master_key_spec';
const KEY_SPEC_ALT = 'key_spec';
const POLICY = 'policy';
const DELETION_WINDOW = 'deletion_window_in_days';

export const adapter: Adapter = {
  service: 'kms',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(KEY)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const specKey = r.has([KEY_SPEC]) || !r.has([KEY_SPEC_ALT]) ? KEY_SPEC : KEY_SPEC_ALT;
      const key: KmsKey = {
        resource: r.info(),
        rotation: r.bool([ENABLE_KEY_ROTATION], { value: false, assumed: 'automatic rotation off' }),
        keySpec: r.str([specKey], { value: 'SYMMETRIC_DEFAULT', assumed: 'key spec SYMMETRIC_DEFAULT' }),
        deletionWindow: r.num([DELETION_WINDOW], { value: 30, assumed: '30 days' }),
      };
      const policy = terraformPolicyFromProperty(r, [POLICY]);
      if (policy) key.policy = policy;
      model.kmsKeys.push(key);
    }
  },
};
