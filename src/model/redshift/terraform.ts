import type { Adapter } from '../adapter.js';
import { tfRetainOnDelete } from '../deletion.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import { parameterValue } from './common.js';
import { clusterStore } from './facets.js';
import type { RedshiftCluster } from './types.js';
import { adaptServiceGroups } from '../service-security-groups.js';

/*
 * aws_redshift_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster
 * `encrypted` (AWS encrypts Redshift databases by default, and the provider follows it), `kms_key_id`,
 * `cluster_parameter_group_name`, `cluster_identifier`, `multi_az` (false unless set),
 * `automated_snapshot_retention_period` (default 1; 0 turns automated snapshots off),
 * `snapshot_copy { destination_region }` (deprecated for aws_redshift_snapshot_copy),
 * `skip_final_snapshot` (default false: a final snapshot on destroy).
 * aws_redshift_snapshot_copy — …/resources/redshift_snapshot_copy: `cluster_identifier`, `destination_region`.
 * aws_redshift_parameter_group — `name`, `parameter { name, value }`; require_ssl false unless set.
 */
const CLUSTER = 'aws_redshift_cluster';
const PARAMETER_GROUP = 'aws_redshift_parameter_group';
const SNAPSHOT_COPY = 'aws_redshift_snapshot_copy';
const ENCRYPTED = 'encrypted';
const KMS_KEY = 'kms_key_id';
const PARAMETER_GROUP_NAME = 'cluster_parameter_group_name';
const CLUSTER_IDENTIFIER = 'cluster_identifier';
const MULTI_AZ = 'multi_az';
const SNAPSHOT_RETENTION = 'automated_snapshot_retention_period';
const SNAPSHOT_COPY_BLOCK = 'snapshot_copy';
const DESTINATION_REGION = 'destination_region';
const SKIP_FINAL_SNAPSHOT = 'skip_final_snapshot';
const PARAMETER = 'parameter';
const REQUIRE_SSL = 'require_ssl';

export const adapter: Adapter = {
  service: 'redshift',
  source: 'terraform',
  adapt(graph, model) {
    // Snapshot copies declared as separate resources, joined to their cluster through the graph.
    const copies = new Map<string, Val<string>[]>();
    for (const node of graph.ofType(SNAPSHOT_COPY)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const cluster = r.link([CLUSTER_IDENTIFIER]);
      const id = cluster?.provenance === 'explicit' ? cluster.value.id : undefined;
      const region = r.str([DESTINATION_REGION]);
      if (id && region) copies.set(id, [...(copies.get(id) ?? []), region]);
    }
    for (const node of graph.ofType(CLUSTER)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const inline = r.str([SNAPSHOT_COPY_BLOCK, 0, DESTINATION_REGION]);
      const c: RedshiftCluster = {
        resource: r.info(),
        encrypted: r.bool([ENCRYPTED], { value: true, assumed: 'encrypted by default' }),
        kmsKey: r.str([KMS_KEY], { value: '', assumed: 'an AWS key' }),
        parameterGroup: r.linkOr([PARAMETER_GROUP_NAME], 'the default parameter group'),
        multiAz: r.bool([MULTI_AZ], { value: false, assumed: 'false: every node in one Availability Zone' }),
        snapshotRetentionDays: r.num([SNAPSHOT_RETENTION], { value: 1, assumed: '1 day (provider default)' }),
        snapshotCopyRegions: [...(inline ? [inline] : []), ...(copies.get(node.id) ?? [])],
        retainOnDelete: tfRetainOnDelete(node, r, { attribute: SKIP_FINAL_SNAPSHOT }),
      };
      const identifier = r.str([CLUSTER_IDENTIFIER]);
      if (identifier) c.identifier = identifier;
      model.redshiftClusters.push(c);
      model.facets.dataStores.push(clusterStore(c));
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const v = parameterValue(r, [PARAMETER], REQUIRE_SSL, 'name', 'value');
      const requireSsl = v === undefined ? defaulted(false, r.origin([]), 'require_ssl false') : v.provenance === 'unknown' ? v : explicit(v.value.toLowerCase() === 'true', v.origin);
      model.redshiftParameterGroups.push({ resource: r.info(), name: r.str(['name'], { value: '', assumed: 'a generated name' }), requireSsl });
    }
    // aws_redshift_security_group (provider v4 and earlier; removed in v5 with EC2-Classic) — name, description,
    //   ingress { cidr, security_group_name, security_group_owner_id }.
    adaptServiceGroups(graph, model, {
      properties: '',
      servicePort: { port: 'the Redshift cluster\'s port', service: 'Redshift database' },
      group: { type: 'aws_redshift_security_group', name: 'name', description: 'description', ingress: 'ingress', names: { cidr: 'cidr', groupName: 'security_group_name' } },
    });
  },
};
