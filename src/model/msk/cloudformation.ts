import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readCluster, readServerlessCluster } from './common.js';

// AWS::MSK::Cluster — EncryptionInfo { EncryptionAtRest { DataVolumeKMSKeyId }, EncryptionInTransit { ClientBroker (TLS), InCluster (true) } },
// BrokerNodeGroupInfo { ClientSubnets }.
const CLUSTER = 'AWS::MSK::Cluster';
// AWS::MSK::ServerlessCluster — `VpcConfigs[0].SubnetIds` (encrypted and multi-AZ by design).
const SERVERLESS = 'AWS::MSK::ServerlessCluster';
const SERVERLESS_SUBNETS = ['VpcConfigs', 0, 'SubnetIds'];
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
    for (const node of graph.ofType(SERVERLESS)) readServerlessCluster(new PropertyReader(node, graph, 'Properties'), SERVERLESS_SUBNETS, model);
  },
};
