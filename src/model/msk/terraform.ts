import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// aws_msk_cluster — encryption_info { encryption_at_rest_kms_key_arn, encryption_in_transit { client_broker (TLS), in_cluster (true) } }.
const CLUSTER = 'aws_msk_cluster';
const INFO = 'encryption_info';
const TRANSIT = [INFO, 0, 'encryption_in_transit', 0];

export const adapter: Adapter = {
  service: 'msk',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.kafkaClusters.push({
        resource: r.info(),
        kmsKey: r.str([INFO, 0, 'encryption_at_rest_kms_key_arn'], { value: '', assumed: 'the AWS managed key' }),
        clientBroker: r.str([...TRANSIT, 'client_broker'], { value: 'TLS', assumed: 'TLS' }),
        inCluster: r.bool([...TRANSIT, 'in_cluster'], { value: true, assumed: 'encrypted between brokers' }),
      });
    }
  },
};
