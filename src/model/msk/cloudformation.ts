import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readCluster } from './common.js';

// AWS::MSK::Cluster — EncryptionInfo { EncryptionAtRest { DataVolumeKMSKeyId }, EncryptionInTransit { ClientBroker (TLS), InCluster (true) } },
// BrokerNodeGroupInfo { ClientSubnets }.
const CLUSTER = 'AWS::MSK::Cluster';
const INFO = 'EncryptionInfo';
const SPELLING = {
  kmsKey: [INFO, 'EncryptionAtRest', 'DataVolumeKMSKeyId'],
  clientBroker: [INFO, 'EncryptionInTransit', 'ClientBroker'],
  inCluster: [INFO, 'EncryptionInTransit', 'InCluster'],
  subnets: ['BrokerNodeGroupInfo', 'ClientSubnets'],
};

export const adapter: Adapter = {
  service: 'msk',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) readCluster(new PropertyReader(node, graph, 'Properties'), SPELLING, model);
  },
};
