import type { Adapter } from '../adapter.js';
import { tfRetainOnDelete } from '../deletion.js';
import { adaptDatabases, DB_PORT } from './common.js';
import { parameterValue } from '../redshift/common.js';
import { adaptServiceGroups } from '../service-security-groups.js';

// aws_db_instance — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance
// aws_rds_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster
// aws_rds_cluster_instance — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance
// aws_db_subnet_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_subnet_group
// aws_rds_global_cluster — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster
// aws_db_parameter_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_parameter_group
// aws_rds_cluster_parameter_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_parameter_group
const ENGINE = 'engine';
const ENGINE_VERSION = 'engine_version';
const STORAGE_ENCRYPTED = 'storage_encrypted';
const KMS_KEY = 'kms_key_id';
// Optional and computed: when unset, the RDS API default (1 day) applies.
const BACKUP_RETENTION = 'backup_retention_period';
const DELETION_PROTECTION = 'deletion_protection';
const SUBNET_GROUP = 'db_subnet_group_name';
const SECURITY_GROUPS = 'vpc_security_group_ids';
const REPLICATE_SOURCE = 'replicate_source_db';
const PUBLICLY_ACCESSIBLE = 'publicly_accessible';
const SKIP_FINAL_SNAPSHOT = 'skip_final_snapshot';
// Restores: a database made from a snapshot, a point in time or a source takes that source's encryption
// when `storage_encrypted` is not set (and for a cross-region read replica the provider ignores it).
const SNAPSHOT = 'snapshot_identifier';
const RESTORE_PIT = 'restore_to_point_in_time';
const CLUSTER_ID = 'cluster_identifier';
const GLOBAL_CLUSTER_ID = 'global_cluster_identifier';
const NOT_PUBLIC = { value: false, assumed: 'false: not publicly accessible' };

/** Database log types exported to CloudWatch Logs (none unless listed). */
const LOG_EXPORTS = 'enabled_cloudwatch_logs_exports';

export const adapter: Adapter = {
  service: 'rds',
  source: 'terraform',
  adapt(graph, model) {
    adaptDatabases(graph, model, {
      properties: '',
      instance: {
        logExports: LOG_EXPORTS,
        type: 'aws_db_instance',
        engine: ENGINE,
        engineDefault: { value: '', assumed: 'the engine of the source snapshot or instance' },
        identifier: 'identifier',
        engineVersion: ENGINE_VERSION,
        parameterGroup: 'parameter_group_name',
        storageEncrypted: STORAGE_ENCRYPTED,
        kmsKey: KMS_KEY,
        multiAz: 'multi_az',
        backupRetention: BACKUP_RETENTION,
        backupRetentionDefault: { value: 1, assumed: '1 day (RDS API default when backup_retention_period is unset)' },
        deletionProtection: DELETION_PROTECTION,
        subnetGroup: SUBNET_GROUP,
        securityGroups: SECURITY_GROUPS,
        replicaSource: REPLICATE_SOURCE,
        restoredFrom: [SNAPSHOT, RESTORE_PIT, REPLICATE_SOURCE],
        publiclyAccessible: PUBLICLY_ACCESSIBLE,
        publicDefault: () => NOT_PUBLIC,
        retainOnDelete: (node, r) => tfRetainOnDelete(node, r, { attribute: SKIP_FINAL_SNAPSHOT }),
      },
      member: {
        type: 'aws_rds_cluster_instance',
        cluster: CLUSTER_ID,
        engine: ENGINE,
        subnetGroup: SUBNET_GROUP,
        publiclyAccessible: PUBLICLY_ACCESSIBLE,
        publicDefault: NOT_PUBLIC,
        retainOnDelete: (node, r) => tfRetainOnDelete(node, r),
      },
      cluster: {
        logExports: LOG_EXPORTS,
        type: 'aws_rds_cluster',
        engine: ENGINE,
        engineDefault: { value: 'aurora', assumed: 'aurora (provider default)' },
        engineMode: 'engine_mode',
        identifier: CLUSTER_ID,
        engineVersion: ENGINE_VERSION,
        parameterGroup: 'db_cluster_parameter_group_name',
        storageEncrypted: STORAGE_ENCRYPTED,
        kmsKey: KMS_KEY,
        backupRetention: BACKUP_RETENTION,
        backupRetentionDefault: { value: 1, assumed: '1 day (provider default)' },
        deletionProtection: DELETION_PROTECTION,
        subnetGroup: SUBNET_GROUP,
        securityGroups: SECURITY_GROUPS,
        globalCluster: GLOBAL_CLUSTER_ID,
        replicationSource: 'replication_source_identifier',
        availabilityZones: 'availability_zones',
        restoredFrom: [SNAPSHOT, RESTORE_PIT],
        retainOnDelete: (node, r) => tfRetainOnDelete(node, r, { attribute: SKIP_FINAL_SNAPSHOT }),
      },
      subnetGroup: { type: 'aws_db_subnet_group', subnetIds: 'subnet_ids' },
      globalCluster: { type: 'aws_rds_global_cluster', identifier: GLOBAL_CLUSTER_ID, sourceCluster: 'source_db_cluster_identifier' },
      // aws_db_parameter_group / aws_rds_cluster_parameter_group: `family`, `parameter { name, value, apply_method }` blocks.
      parameterGroups: {
        instance: 'aws_db_parameter_group',
        cluster: 'aws_rds_cluster_parameter_group',
        family: 'family',
        parameters: 'parameter',
        parameter: (r, name) => parameterValue(r, ['parameter'], name, 'name', 'value'),
      },
    });
    // aws_db_security_group (provider v4 and earlier; removed in v5 with EC2-Classic) — name, description,
    //   ingress { cidr, security_group_name, security_group_id, security_group_owner_id }.
    adaptServiceGroups(graph, model, {
      properties: '',
      servicePort: DB_PORT,
      group: { type: 'aws_db_security_group', name: 'name', description: 'description', ingress: 'ingress', names: { cidr: 'cidr', groupId: 'security_group_id', groupName: 'security_group_name' } },
    });
  },
};
