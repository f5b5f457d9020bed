import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

// AWS::MSK::Cluster — EncryptionInfo { EncryptionAtRest { DataVolumeKMSKeyId }, EncryptionInTransit { ClientBroker (TLS), InCluster (true) } }.
const CLUSTER = 'AWS::MSK::Cluster';
const INFO = 'EncryptionInfo';

export const adapter: Adapter = {
  service: 'msk',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.kafkaClusters.push({
        resource: r.info(),
        kmsKey: r.str([INFO, 'EncryptionAtRest', 'DataVolumeKMSKeyId'], { value: '', assumed: 'the AWS managed key' }),
        clientBroker: r.str([INFO, 'EncryptionInTransit', 'ClientBroker'], { value: 'TLS', assumed: 'TLS' }),
        inCluster: r.bool([INFO, 'EncryptionInTransit', 'InCluster'], { value: true, assumed: 'encrypted between brokers' }),
      });
    }
  },
};
