import type { Adapter } from '../adapter.js';
import { cfnRetainOnDelete, cfnRetainOnReplace } from '../deletion.js';
import { adaptDatabases, DB_PORT } from './common.js';
import { adaptServiceGroups } from '../service-security-groups.js';

// AWS::RDS::DBInstance — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
// AWS::RDS::DBCluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html
// AWS::RDS::DBSubnetGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbsubnetgroup.html
// AWS::RDS::GlobalCluster — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-globalcluster.html
// AWS::RDS::DBParameterGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbparametergroup.html
// AWS::RDS::DBClusterParameterGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbclusterparametergroup.html
const ENGINE = 'Engine';
const ENGINE_VERSION = 'EngineVersion';
const CLUSTER_ID = 'DBClusterIdentifier';
const STORAGE_ENCRYPTED = 'StorageEncrypted';
const KMS_KEY = 'KmsKeyId';
const BACKUP_RETENTION = 'BackupRetentionPeriod';
const DELETION_PROTECTION = 'DeletionProtection';
const SUBNET_GROUP = 'DBSubnetGroupName';
const VPC_SECURITY_GROUPS = 'VPCSecurityGroups';
const PUBLICLY_ACCESSIBLE = 'PubliclyAccessible';
const GLOBAL_CLUSTER_ID = 'GlobalClusterIdentifier';
const SOURCE_CLUSTER = 'SourceDBClusterIdentifier';
const SUBNET_IDS = 'SubnetIds';

const RETENTION_DEFAULT = { value: 1, assumed: '1 day (RDS API default)' };

/** Database log types exported to CloudWatch Logs (none unless listed). */
const LOG_EXPORTS = 'EnableCloudwatchLogsExports';

export const adapter: Adapter = {
  service: 'rds',
  source: 'cloudformation',
  adapt(graph, model) {
    adaptDatabases(graph, model, {
      properties: 'Properties',
      instance: {
        logExports: LOG_EXPORTS,
        type: 'AWS::RDS::DBInstance',
        memberOf: CLUSTER_ID,
        engine: ENGINE,
        engineDefault: { value: '', assumed: 'the engine of the source snapshot or instance' },
        identifier: 'DBInstanceIdentifier',
        engineVersion: ENGINE_VERSION,
        parameterGroup: 'DBParameterGroupName',
        storageEncrypted: STORAGE_ENCRYPTED,
        kmsKey: KMS_KEY,
        multiAz: 'MultiAZ',
        backupRetention: BACKUP_RETENTION,
        backupRetentionDefault: RETENTION_DEFAULT,
        deletionProtection: DELETION_PROTECTION,
        subnetGroup: SUBNET_GROUP,
        securityGroups: VPC_SECURITY_GROUPS,
        replicaSource: 'SourceDBInstanceIdentifier',
        restoredFrom: ['DBSnapshotIdentifier', 'DBClusterSnapshotIdentifier', 'SourceDbiResourceId', 'SourceDBInstanceAutomatedBackupsArn'],
        publiclyAccessible: PUBLICLY_ACCESSIBLE,
        // Without a subnet group the instance lands in the default VPC, where RDS makes it public.
        publicDefault: (hasSubnetGroup) => (hasSubnetGroup
          ? { value: false, assumed: 'not publicly accessible (DB subnet group set)' }
          : { value: true, assumed: 'publicly accessible (default VPC, no DB subnet group)' }),
        retainOnDelete: (node, r) => cfnRetainOnDelete(node, r, { value: true, assumed: 'Snapshot (CloudFormation default for DB instances outside a cluster)' }),
        retainOnReplace: cfnRetainOnReplace,
      },
      member: {
        cluster: CLUSTER_ID,
        engine: ENGINE,
        subnetGroup: SUBNET_GROUP,
        securityGroups: VPC_SECURITY_GROUPS,
        publiclyAccessible: PUBLICLY_ACCESSIBLE,
        publicDefault: { value: false, assumed: 'not publicly accessible (the cluster\'s subnets)' },
        retainOnDelete: (node, r) => cfnRetainOnDelete(node, r, { value: false, assumed: 'DeletionPolicy Delete (the data is the cluster\'s)' }),
      },
      cluster: {
        logExports: LOG_EXPORTS,
        type: 'AWS::RDS::DBCluster',
        engine: ENGINE,
        engineDefault: { value: '', assumed: 'the engine of the source snapshot or cluster' },
        engineMode: 'EngineMode',
        identifier: CLUSTER_ID,
        engineVersion: ENGINE_VERSION,
        parameterGroup: 'DBClusterParameterGroupName',
        storageEncrypted: STORAGE_ENCRYPTED,
        kmsKey: KMS_KEY,
        backupRetention: BACKUP_RETENTION,
        backupRetentionDefault: RETENTION_DEFAULT,
        deletionProtection: DELETION_PROTECTION,
        subnetGroup: SUBNET_GROUP,
        securityGroups: 'VpcSecurityGroupIds',
        globalCluster: GLOBAL_CLUSTER_ID,
        replicationSource: 'ReplicationSourceIdentifier',
        availabilityZones: 'AvailabilityZones',
        // SnapshotIdentifier, and SourceDBClusterIdentifier (point-in-time restore) on the cluster itself.
        restoredFrom: ['SnapshotIdentifier', SOURCE_CLUSTER],
        retainOnDelete: (node, r) => cfnRetainOnDelete(node, r, { value: true, assumed: 'Snapshot (CloudFormation default for DB clusters)' }),
        retainOnReplace: cfnRetainOnReplace,
      },
      subnetGroup: { type: 'AWS::RDS::DBSubnetGroup', subnetIds: SUBNET_IDS },
      globalCluster: { type: 'AWS::RDS::GlobalCluster', identifier: GLOBAL_CLUSTER_ID, sourceCluster: SOURCE_CLUSTER },
      // AWS::RDS::DBParameterGroup / AWS::RDS::DBClusterParameterGroup: `Family`, `Parameters` (a map of name → value).
      parameterGroups: {
        instance: 'AWS::RDS::DBParameterGroup',
        cluster: 'AWS::RDS::DBClusterParameterGroup',
        family: 'Family',
        parameters: 'Parameters',
        parameter: (r, name) => r.str(['Parameters', name]),
      },
    });
    // AWS::RDS::DBSecurityGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbsecuritygroup.html
    //   DBSecurityGroupIngress: [{ CIDRIP, EC2SecurityGroupId, EC2SecurityGroupName, EC2SecurityGroupOwnerId }], EC2VpcId, GroupDescription.
    // AWS::RDS::DBSecurityGroupIngress — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-security-group-ingress.html
    //   DBSecurityGroupName (required), CIDRIP, EC2SecurityGroupId, EC2SecurityGroupName.
    const ingress = { cidr: 'CIDRIP', groupId: 'EC2SecurityGroupId', groupName: 'EC2SecurityGroupName' };
    adaptServiceGroups(graph, model, {
      properties: 'Properties',
      servicePort: DB_PORT,
      group: { type: 'AWS::RDS::DBSecurityGroup', description: 'GroupDescription', vpc: 'EC2VpcId', ingress: 'DBSecurityGroupIngress', names: ingress },
      standalone: { type: 'AWS::RDS::DBSecurityGroupIngress', group: 'DBSecurityGroupName', names: ingress },
    });
  },
};
