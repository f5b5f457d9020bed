import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { defaulted, explicit } from '../val.js';
import { parameterValue } from './common.js';

/*
 * AWS::Redshift::Cluster — `Encrypted` (AWS now encrypts Redshift databases by default: "In Amazon
 * Redshift, your database is encrypted by default", Redshift management guide, database encryption),
 * `KmsKeyId`, `ClusterParameterGroupName`.
 * AWS::Redshift::ClusterParameterGroup — `Parameters: [{ ParameterName, ParameterValue }]`; require_ssl false unless set.
 */
const CLUSTER = 'AWS::Redshift::Cluster';
const PARAMETER_GROUP = 'AWS::Redshift::ClusterParameterGroup';
const ENCRYPTED = 'Encrypted';
const KMS_KEY = 'KmsKeyId';
const PARAMETER_GROUP_NAME = 'ClusterParameterGroupName';
const PARAMETERS = 'Parameters';
const REQUIRE_SSL = 'require_ssl';

export const adapter: Adapter = {
  service: 'redshift',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const c = {
        resource: r.info(),
        encrypted: r.bool([ENCRYPTED], { value: true, assumed: 'encrypted by default' }),
        kmsKey: r.str([KMS_KEY], { value: '', assumed: 'an AWS key' }),
        ...(r.has([PARAMETER_GROUP_NAME]) ? { parameterGroup: r.link([PARAMETER_GROUP_NAME])! } : {}),
      };
      model.redshiftClusters.push(c);
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const v = parameterValue(r, [PARAMETERS], REQUIRE_SSL, 'ParameterName', 'ParameterValue');
      const requireSsl = v === undefined ? defaulted(false, r.origin([PARAMETERS]), 'require_ssl false') : v.provenance === 'unknown' ? v : explicit(v.value.toLowerCase() === 'true', v.origin);
      model.redshiftParameterGroups.push({ resource: r.info(), name: r.str(['ParameterGroupName'], { value: '', assumed: 'a generated name' }), requireSsl });
    }
  },
};
