import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readCluster, readServerlessCluster } from './common.js';

// aws_msk_cluster — encryption_info { encryption_at_rest_kms_key_arn, encryption_in_transit { client_broker (TLS), in_cluster (true) } },
// broker_node_group_info { client_subnets }.
const CLUSTER = 'aws_msk_cluster';
// aws_msk_serverless_cluster — `vpc_config { subnet_ids }` (encrypted and multi-AZ by design).
const SERVERLESS = 'aws_msk_serverless_cluster';
const SERVERLESS_SUBNETS = ['vpc_config', 0, 'subnet_ids'];
const INFO = 'encryption_info';
const TRANSIT = [INFO, 0, 'encryption_in_transit', 0];
const SPELLING = {
  kmsKey: [INFO, 0, 'encryption_at_rest_kms_key_arn'],
  clientBroker: [...TRANSIT, 'client_broker'],
  inCluster: [...TRANSIT, 'in_cluster'],
  subnets: ['broker_node_group_info', 0, 'client_subnets'],
};

export const adapter: Adapter = {
  service: 'msk',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      if (node.mode === 'managed') readCluster(new PropertyReader(node, graph, ''), SPELLING, model);
    }
    for (const node of graph.ofType(SERVERLESS)) {
      if (node.mode === 'managed') readServerlessCluster(new PropertyReader(node, graph, ''), SERVERLESS_SUBNETS, model);
    }
  },
};
