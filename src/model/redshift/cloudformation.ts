import type { Adapter } from '../adapter.js';
import { cfnRetainOnDelete, cfnRetainOnReplace } from '../deletion.js';
import { PropertyReader } from '../read.js';
import { defaulted, explicit } from '../val.js';
import { parameterValue } from './common.js';
import { clusterStore } from './facets.js';
import type { RedshiftCluster } from './types.js';
import { adaptServiceGroups } from '../service-security-groups.js';

/*
 * AWS::Redshift::Cluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html
 * `Encrypted` (AWS now encrypts Redshift databases by default: "In Amazon Redshift, your database is
 * encrypted by default", Redshift management guide, database encryption), `KmsKeyId`,
 * `ClusterParameterGroupName`, `ClusterIdentifier`, `MultiAZ` (false unless set),
 * `AutomatedSnapshotRetentionPeriod` (default 1 day; 0 turns automated snapshots off),
 * `DestinationRegion` (cross-region snapshot copy). DeletionPolicy defaults to Delete.
 * AWS::Redshift::ClusterParameterGroup — `Parameters: [{ ParameterName, ParameterValue }]`; require_ssl false unless set.
 */
const CLUSTER = 'AWS::Redshift::Cluster';
const PARAMETER_GROUP = 'AWS::Redshift::ClusterParameterGroup';
const ENCRYPTED = 'Encrypted';
const KMS_KEY = 'KmsKeyId';
const PARAMETER_GROUP_NAME = 'ClusterParameterGroupName';
const CLUSTER_IDENTIFIER = 'ClusterIdentifier';
const MULTI_AZ = 'MultiAZ';
const SNAPSHOT_RETENTION = 'AutomatedSnapshotRetentionPeriod';
const DESTINATION_REGION = 'DestinationRegion';
const PARAMETERS = 'Parameters';
const REQUIRE_SSL = 'require_ssl';

export const adapter: Adapter = {
  service: 'redshift',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(CLUSTER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const destination = r.str([DESTINATION_REGION]);
      const c: RedshiftCluster = {
        resource: r.info(),
        encrypted: r.bool([ENCRYPTED], { value: true, assumed: 'encrypted by default' }),
        kmsKey: r.str([KMS_KEY], { value: '', assumed: 'an AWS key' }),
        parameterGroup: r.linkOr([PARAMETER_GROUP_NAME], 'the default parameter group'),
        multiAz: r.bool([MULTI_AZ], { value: false, assumed: 'false: every node in one Availability Zone' }),
        snapshotRetentionDays: r.num([SNAPSHOT_RETENTION], { value: 1, assumed: '1 day (Redshift default)' }),
        snapshotCopyRegions: destination ? [destination] : [],
        retainOnDelete: cfnRetainOnDelete(node, r),
        retainOnReplace: cfnRetainOnReplace(node, r),
      };
      const identifier = r.str([CLUSTER_IDENTIFIER]);
      if (identifier) c.identifier = identifier;
      model.redshiftClusters.push(c);
      model.facets.dataStores.push(clusterStore(c));
    }
    for (const node of graph.ofType(PARAMETER_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const v = parameterValue(r, [PARAMETERS], REQUIRE_SSL, 'ParameterName', 'ParameterValue');
      const requireSsl = v === undefined ? defaulted(false, r.origin([PARAMETERS]), 'require_ssl false') : v.provenance === 'unknown' ? v : explicit(v.value.toLowerCase() === 'true', v.origin);
      model.redshiftParameterGroups.push({ resource: r.info(), name: r.str(['ParameterGroupName'], { value: '', assumed: 'a generated name' }), requireSsl });
    }
    // AWS::Redshift::ClusterSecurityGroup (Description) and AWS::Redshift::ClusterSecurityGroupIngress
    //   — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-clustersecuritygroupingress.html
    //   ClusterSecurityGroupName, CIDRIP, or EC2SecurityGroupName with EC2SecurityGroupOwnerId.
    adaptServiceGroups(graph, model, {
      properties: 'Properties',
      servicePort: { port: 'the Redshift cluster\'s port', service: 'Redshift database' },
      group: { type: 'AWS::Redshift::ClusterSecurityGroup', description: 'Description', names: {} },
      standalone: { type: 'AWS::Redshift::ClusterSecurityGroupIngress', group: 'ClusterSecurityGroupName', names: { cidr: 'CIDRIP', groupName: 'EC2SecurityGroupName' } },
    });
  },
};
