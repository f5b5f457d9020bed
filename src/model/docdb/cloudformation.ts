import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { DocumentCluster } from './types.js';

/*
 * AWS::DocDB::DBCluster, AWS::Neptune::DBCluster — `StorageEncrypted` (false unless set), `KmsKeyId`,
 * `DBClusterParameterGroupName`. AWS::DocDB::DBClusterParameterGroup — `Parameters` map; `tls`
 * is `enabled` unless the group sets it.
 */
const CLUSTERS: Record<string, DocumentCluster['engine']> = { 'AWS::DocDB::DBCluster': 'docdb', 'AWS::Neptune::DBCluster': 'neptune' };
const PARAMETER_GROUP = 'AWS::DocDB::DBClusterParameterGroup';

export const adapter: Adapter = {
  service: 'docdb',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const [type, engine] of Object.entries(CLUSTERS)) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, 'Properties');
        const c: DocumentCluster = {
          resource: r.info(),
          engine,
          storageEncrypted: r.bool(['StorageEncrypted'], { value: false, assumed: 'false: unencrypted storage' }),
          kmsKey: r.str(['KmsKeyId'], { value: '', assumed: 'no KMS key' }),
        };
        if (r.has(['DBClusterParameterGroupName'])) c.parameterGroup = r.link(['DBClusterParameterGroupName'])!;
        model.documentClusters.push(c);
      }
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.documentParameterGroups.push({ resource: r.info(), tls: r.str(['Parameters', 'tls'], { value: 'enabled', assumed: 'tls enabled' }) });
    }
  },
};
