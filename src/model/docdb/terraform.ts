import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { parameterValue } from '../redshift/common.js';
import { documentClusterStore } from './facets.js';
import type { DocumentCluster } from './types.js';

/*
 * aws_docdb_cluster, aws_neptune_cluster — `storage_encrypted` (false unless set), `kms_key_arn`,
 * `db_cluster_parameter_group_name` (docdb) / `neptune_cluster_parameter_group_name`,
 * `deletion_protection` (false unless set), `global_cluster_identifier`.
 * aws_docdb_cluster_instance, aws_neptune_cluster_instance — `cluster_identifier`.
 * aws_docdb_subnet_group, aws_neptune_subnet_group — `subnet_ids`.
 * aws_docdb_cluster_parameter_group — `parameter { name, value }`; `tls` is `enabled` unless set.
 */
const CLUSTERS: Record<string, { engine: DocumentCluster['engine']; group: string }> = {
  aws_docdb_cluster: { engine: 'docdb', group: 'db_cluster_parameter_group_name' },
  aws_neptune_cluster: { engine: 'neptune', group: 'neptune_cluster_parameter_group_name' },
};
const INSTANCES: Record<string, DocumentCluster['engine']> = { aws_docdb_cluster_instance: 'docdb', aws_neptune_cluster_instance: 'neptune' };
const SUBNET_GROUPS: Record<string, string> = { aws_docdb_subnet_group: 'DocumentDB subnet group', aws_neptune_subnet_group: 'Neptune subnet group' };
const PARAMETER_GROUP = 'aws_docdb_cluster_parameter_group';

export const adapter: Adapter = {
  service: 'docdb',
  source: 'terraform',
  adapt(graph, model) {
    for (const [type, spec] of Object.entries(CLUSTERS)) {
      for (const node of graph.ofType(type)) {
        if (node.mode !== 'managed') continue;
        const r = new PropertyReader(node, graph, '');
        const c: DocumentCluster = {
          resource: r.info(),
          engine: spec.engine,
          storageEncrypted: r.bool(['storage_encrypted'], { value: false, assumed: 'false: unencrypted storage' }),
          kmsKey: r.str(['kms_key_arn'], { value: '', assumed: 'no KMS key' }),
          deletionProtection: r.bool(['deletion_protection'], { value: false, assumed: 'false' }),
          parameterGroup: r.linkOr([spec.group], 'the default cluster parameter group'),
        };
        const global = r.link(['global_cluster_identifier']);
        if (global) c.globalCluster = global;
        model.documentClusters.push(c);
        model.facets.dataStores.push(documentClusterStore(c));
      }
    }
    for (const [type, engine] of Object.entries(INSTANCES)) {
      for (const node of graph.ofType(type)) {
        if (node.mode !== 'managed') continue;
        const r = new PropertyReader(node, graph, '');
        model.documentInstances.push({ resource: r.info(), engine, cluster: r.linkOr(['cluster_identifier'], 'no cluster') });
      }
    }
    for (const [type, what] of Object.entries(SUBNET_GROUPS)) {
      for (const node of graph.ofType(type)) {
        if (node.mode !== 'managed') continue;
        const r = new PropertyReader(node, graph, '');
        model.facets.subnetGroups.push({ owner: { resource: r.info() }, what, subnets: r.links(['subnet_ids']) });
      }
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const tls = parameterValue(r, ['parameter'], 'tls', 'name', 'value');
      model.documentParameterGroups.push({ resource: r.info(), tls: tls ?? { provenance: 'default', value: 'enabled', origin: r.origin([]), assumed: 'tls enabled' } });
    }
  },
};
