import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { regionOfAz } from './common.js';
import { cfnRetainOnDelete, cfnRetainOnReplace } from '../deletion.js';
import type { FileSystem } from './types.js';
import { fileSystemStore } from './facets.js';

// AWS::EFS::FileSystem — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-filesystem.html
const FILE_SYSTEM = 'AWS::EFS::FileSystem';
const ENCRYPTED = 'Encrypted';
const KMS_KEY = 'KmsKeyId';
const AZ_NAME = 'AvailabilityZoneName';
const REPLICATION = 'ReplicationConfiguration';
const DESTINATIONS = 'Destinations';
const REGION = 'Region';
const BACKUP_POLICY = 'BackupPolicy';
const STATUS = 'Status';
// AWS::EFS::MountTarget — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-mounttarget.html
const MOUNT_TARGET = 'AWS::EFS::MountTarget';
const FILE_SYSTEM_ID = 'FileSystemId';
const SUBNET_ID = 'SubnetId';

export const adapter: Adapter = {
  service: 'efs',
  source: 'cloudformation',
  adapt(graph, model) {
    const mounts = new Map<string, Val<Link>[]>();
    for (const node of graph.ofType(MOUNT_TARGET)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const fs = r.link([FILE_SYSTEM_ID]);
      const subnet = r.link([SUBNET_ID]);
      const id = fs?.provenance === 'explicit' ? fs.value.id : undefined;
      if (id && subnet) mounts.set(id, [...(mounts.get(id) ?? []), subnet]);
    }
    for (const node of graph.ofType(FILE_SYSTEM)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const status = r.str([BACKUP_POLICY, STATUS]);
      const fs: FileSystem = {
        resource: r.info(),
        encrypted: r.bool([ENCRYPTED], { value: false, assumed: 'false: an unencrypted file system' }),
        kmsKey: r.str([KMS_KEY], { value: '', assumed: 'no KMS key (the AWS-managed aws/elasticfilesystem key when encrypted)' }),
        oneZone: r.str([AZ_NAME]) ?? defaulted<string | null>(null, r.origin([AZ_NAME]), 'Regional (Multi-AZ) storage, no AvailabilityZoneName'),
        replicationRegions: r.each([REPLICATION, DESTINATIONS]).map((d) =>
          d.str([REGION]) ?? (d.has([AZ_NAME]) ? regionOfAz(d.str([AZ_NAME])!) : unknownVal(d.origin(), 'replication destination without a Region'))),
        backupPolicy: status
          ? (status.provenance === 'unknown' ? status : explicit(status.value === 'ENABLED', status.origin))
          : defaulted(false, r.origin([BACKUP_POLICY]), 'automatic backups off (no BackupPolicy)'),
        mountTargetSubnets: mounts.get(node.id) ?? [],
        retainOnDelete: cfnRetainOnDelete(node, r),
        retainOnReplace: cfnRetainOnReplace(node, r),
      };
      model.fileSystems.push(fs);
      model.facets.dataStores.push(fileSystemStore(fs));
    }
  },
};
