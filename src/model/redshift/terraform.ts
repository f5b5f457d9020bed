import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { defaulted, explicit } from '../val.js';
import { parameterValue } from './common.js';

/*
 * aws_redshift_cluster — `encrypted` (AWS encrypts Redshift databases by default, and the provider
 * follows it), `kms_key_id`, `cluster_parameter_group_name`.
 * aws_redshift_parameter_group — `name`, `parameter { name, value }`; require_ssl false unless set.
 */
const CLUSTER = 'aws_redshift_cluster';
const PARAMETER_GROUP = 'aws_redshift_parameter_group';
const ENCRYPTED = 'encrypted';
const KMS_KEY = 'kms_key_id';
const PARAMETER_GROUP_NAME = 'cluster_parameter_group_name';
const PARAMETER = 'parameter';
const REQUIRE_SSL = 'require_ssl';

export const adapter: Adapter = {
  service: 'redshift',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.redshiftClusters.push({
        resource: r.info(),
        encrypted: r.bool([ENCRYPTED], { value: true, assumed: 'encrypted by default' }),
        kmsKey: r.str([KMS_KEY], { value: '', assumed: 'an AWS key' }),
        ...(r.has([PARAMETER_GROUP_NAME]) ? { parameterGroup: r.link([PARAMETER_GROUP_NAME])! } : {}),
      });
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const v = parameterValue(r, [PARAMETER], REQUIRE_SSL, 'name', 'value');
      const requireSsl = v === undefined ? defaulted(false, r.origin([]), 'require_ssl false') : v.provenance === 'unknown' ? v : explicit(v.value.toLowerCase() === 'true', v.origin);
      model.redshiftParameterGroups.push({ resource: r.info(), name: r.str(['name'], { value: '', assumed: 'a generated name' }), requireSsl });
    }
  },
};
