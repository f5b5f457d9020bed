import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { documentClusterStore } from './facets.js';
import type { DocumentCluster } from './types.js';

/*
 * AWS::DocDB::DBCluster, AWS::Neptune::DBCluster — `StorageEncrypted` (false unless set), `KmsKeyId`,
 * `DBClusterParameterGroupName`, `DeletionProtection` (false unless set), `GlobalClusterIdentifier`.
 * AWS::DocDB::DBInstance, AWS::Neptune::DBInstance — `DBClusterIdentifier`.
 * AWS::DocDB::DBSubnetGroup, AWS::Neptune::DBSubnetGroup — `SubnetIds`.
 * AWS::DocDB::DBClusterParameterGroup — `Parameters` map; `tls` is `enabled` unless the group sets it.
 */
const CLUSTERS: Record<string, DocumentCluster['engine']> = { 'AWS::DocDB::DBCluster': 'docdb', 'AWS::Neptune::DBCluster': 'neptune' };
const INSTANCES: Record<string, DocumentCluster['engine']> = { 'AWS::DocDB::DBInstance': 'docdb', 'AWS::Neptune::DBInstance': 'neptune' };
const SUBNET_GROUPS: Record<string, string> = { 'AWS::DocDB::DBSubnetGroup': 'DocumentDB subnet group', 'AWS::Neptune::DBSubnetGroup': 'Neptune subnet group' };
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
          deletionProtection: r.bool(['DeletionProtection'], { value: false, assumed: 'false' }),
          parameterGroup: r.linkOr(['DBClusterParameterGroupName'], 'the default cluster parameter group'),
        };
        const global = r.link(['GlobalClusterIdentifier']);
        if (global) c.globalCluster = global;
        model.documentClusters.push(c);
        model.facets.dataStores.push(documentClusterStore(c));
      }
    }
    for (const [type, engine] of Object.entries(INSTANCES)) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, 'Properties');
        model.documentInstances.push({ resource: r.info(), engine, cluster: r.linkOr(['DBClusterIdentifier'], 'no cluster') });
      }
    }
    for (const [type, what] of Object.entries(SUBNET_GROUPS)) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, 'Properties');
        model.facets.subnetGroups.push({ owner: { resource: r.info() }, what, subnets: r.links(['SubnetIds']) });
      }
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.documentParameterGroups.push({ resource: r.info(), tls: r.str(['Parameters', 'tls'], { value: 'enabled', assumed: 'tls enabled' }) });
    }
  },
};
