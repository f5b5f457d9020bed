import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { regionOfAz } from './common.js';
import { tfRetainOnDelete } from '../deletion.js';
import type { FileSystem } from './types.js';
import { fileSystemStore } from './facets.js';

// aws_efs_file_system — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system
const FILE_SYSTEM = 'aws_efs_file_system';
const ENCRYPTED = 'encrypted';
const KMS_KEY = 'kms_key_id';
const AZ_NAME = 'availability_zone_name';
// aws_efs_replication_configuration — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_replication_configuration
const REPLICATION = 'aws_efs_replication_configuration';
const SOURCE_FS = 'source_file_system_id';
const DESTINATION = 'destination';
const REGION = 'region';
// aws_efs_backup_policy — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_backup_policy
const BACKUP_POLICY = 'aws_efs_backup_policy';
const FILE_SYSTEM_ID = 'file_system_id';
const POLICY = 'backup_policy';
const STATUS = 'status';
// aws_efs_mount_target — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_mount_target
const MOUNT_TARGET = 'aws_efs_mount_target';
const SUBNET_ID = 'subnet_id';

export const adapter: Adapter = {
  service: 'efs',
  source: 'terraform',
  adapt(graph, model) {
    const fsId = (r: PropertyReader, attr: string): string | undefined => {
      const l = r.link([attr]);
      return l?.provenance === 'explicit' ? l.value.id : undefined;
    };
    const push = <T>(m: Map<string, T[]>, k: string | undefined, v: T): void => { if (k) m.set(k, [...(m.get(k) ?? []), v]); };
    const mounts = new Map<string, Val<Link>[]>();
    for (const node of graph.ofType(MOUNT_TARGET)) {
      const r = new PropertyReader(node, graph, '');
      const subnet = r.link([SUBNET_ID]);
      if (subnet) push(mounts, fsId(r, FILE_SYSTEM_ID), subnet);
    }
    const replications = new Map<string, Val<string>[]>();
    for (const node of graph.ofType(REPLICATION)) {
      const r = new PropertyReader(node, graph, '');
      for (const d of r.each([DESTINATION])) {
        const region = d.str([REGION]) ?? (d.has([AZ_NAME]) ? regionOfAz(d.str([AZ_NAME])!) : unknownVal(d.origin(), 'replication destination without a region'));
        push(replications, fsId(r, SOURCE_FS), region);
      }
    }
    const backups = new Map<string, Val<boolean>[]>();
    for (const node of graph.ofType(BACKUP_POLICY)) {
      const r = new PropertyReader(node, graph, '');
      const status = r.str([POLICY, 0, STATUS]);
      if (status) push(backups, fsId(r, FILE_SYSTEM_ID), status.provenance === 'unknown' ? status : explicit(status.value === 'ENABLED', status.origin));
    }
    for (const node of graph.ofType(FILE_SYSTEM)) {
      const r = new PropertyReader(node, graph, '');
      const fs: FileSystem = {
        resource: r.info(),
        encrypted: r.bool([ENCRYPTED], { value: false, assumed: 'false: an unencrypted file system' }),
        kmsKey: r.str([KMS_KEY], { value: '', assumed: 'no KMS key (the AWS-managed aws/elasticfilesystem key when encrypted)' }),
        oneZone: r.str([AZ_NAME]) ?? defaulted<string | null>(null, r.origin([AZ_NAME]), 'Regional (Multi-AZ) storage, no availability_zone_name'),
        replicationRegions: replications.get(node.id) ?? [],
        backupPolicy: backups.get(node.id)?.[0] ?? defaulted(false, { ...r.origin([]), path: BACKUP_POLICY }, 'automatic backups off'),
        mountTargetSubnets: mounts.get(node.id) ?? [],
        retainOnDelete: tfRetainOnDelete(node, r),
      };
      model.fileSystems.push(fs);
      model.facets.dataStores.push(fileSystemStore(fs));
    }
  },
};
