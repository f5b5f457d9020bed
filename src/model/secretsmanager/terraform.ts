import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// aws_secretsmanager_secret — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret
// `kms_key_id`: absent → the AWS managed key aws/secretsmanager.
const SECRET = 'aws_secretsmanager_secret';
const KMS_KEY_ID = 'kms_key_id';

export const adapter: Adapter = {
  service: 'secretsmanager',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(SECRET)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.secrets.push({ resource: r.info(), kmsKey: r.str([KMS_KEY_ID], { value: '', assumed: 'the AWS managed key aws/secretsmanager' }) });
    }
  },
};
