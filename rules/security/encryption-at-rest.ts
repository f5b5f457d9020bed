import { settingsFor } from '../../src/model/deployment.js';
import { defineRule } from '../../src/engine/rule.js';
import type { BlockDevice } from '../../src/model/ec2/types.js';
import type { ModelResource, Val } from '../../src/model/val.js';
import { isFalse, isTrue } from '../../src/model/val.js';

/** How a value came to be false: written, or the default it assumed. */
function how(v: Val<unknown>): string {
  if (v.provenance === 'default') return `is not set, so the default applies (${v.assumed})`;
  return v.provenance === 'explicit' && typeof v.value !== 'boolean' ? `is ${JSON.stringify(v.value)}` : 'is false';
}

/** The property name as written in the source (`Properties.` left out). */
function prop(v: Val<unknown>): string {
  return v.origin.path.replace(/^Properties\./, '');
}

/** A key property that is set: a literal id/ARN, or a reference whose value is known only after deployment. */
function hasKey(v: Val<string>): boolean {
  return v.provenance === 'unknown' || (v.provenance === 'explicit' && v.value !== '');
}

export default defineRule({
  meta: {
    id: 'encryption-at-rest',
    title: 'Data stores are encrypted at rest',
    severity: 'high',
    controls: ['1.21'],
    rationale:
      'Sensitive data must be encrypted where it is stored (checklist 1.21). EBS volumes, RDS/Aurora storage, EFS file ' +
      'systems and ElastiCache replication groups are unencrypted unless the template says otherwise, and encryption can ' +
      'only be turned on by recreating the resource. EBS volumes pass when the scan also enables the account\'s EBS ' +
      'encryption by default. SQS queues use SSE-SQS unless it is explicitly turned off; SNS topics are unencrypted without a ' +
      'KMS key. DynamoDB tables and Backup vaults are always encrypted, but with a key you neither control nor audit when ' +
      'nothing is set: a low-severity finding. S3 is not reported: since January 2023 every new object is encrypted with ' +
      'SSE-S3 when the bucket sets nothing, and no bucket setting can turn that off. Read replicas and instances of an ' +
      'Aurora cluster take the encryption of their source or cluster, which is checked instead.',
    remediation:
      'Set the encryption property (StorageEncrypted / storage_encrypted, Encrypted / encrypted, AtRestEncryptionEnabled / ' +
      'at_rest_encryption_enabled, KmsMasterKeyId / kms_master_key_id …), preferably with a customer managed KMS key, or ' +
      'enable EBS encryption by default for the account (AWS::EC2::EBSEncryptionByDefault is not a CloudFormation type; ' +
      'Terraform: aws_ebs_encryption_by_default).',
    messages: {
      volumeUnencrypted: 'EBS volume is not encrypted at rest: `{{property}}` {{how}}, and EBS encryption by default is not enabled in the scan.',
      blockDeviceUnencrypted: 'EBS block device {{device}} is not encrypted at rest: `{{property}}` {{how}}, and EBS encryption by default is not enabled in the scan.',
      dbUnencrypted: '{{what}} storage is not encrypted at rest: `{{property}}` {{how}}.',
      fileSystemUnencrypted: 'EFS file system is not encrypted at rest: `{{property}}` {{how}}.',
      cacheUnencrypted: 'ElastiCache replication group is not encrypted at rest: `{{property}}` {{how}}.',
      queueUnencrypted: 'SQS queue is not encrypted at rest: `{{property}}` is false and no KMS key is set.',
      topicUnencrypted: 'SNS topic is not encrypted at rest: `{{property}}` {{how}}.',
      tableOwnedKey: 'DynamoDB table relies on the AWS-owned key (`{{property}}` {{how}}): the data is encrypted, but with a key you cannot control, audit or revoke.',
      vaultServiceKey: 'Backup vault encrypts recovery points with the AWS Backup service key (`{{property}}` {{how}}), not a customer managed key.',
    },
    precision: 'high',
    tags: ['security', 'encryption', 'data-protection'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Data:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n',
        pass: 'Resources:\n  Data:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n      Encrypted: true\n',
      },
      terraform: {
        fail: 'resource "aws_efs_file_system" "data" {\n  performance_mode = "generalPurpose"\n}\n',
        pass: 'resource "aws_efs_file_system" "data" {\n  performance_mode = "generalPurpose"\n  encrypted        = true\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const unknown = (resource: ModelResource, v: Val<unknown>, what: string): boolean => {
      if (v.provenance !== 'unknown') return false;
      ctx.undecidable(resource, v, `${what} is unknown: ${v.reason}`);
      return true;
    };

    // EBS: volumes, and block devices of instances and launch templates.
    // Encryption by default is a setting of one account and region: it covers only resources deployed there.
    const byDefault = (r: ModelResource): boolean => settingsFor(m.ebsEncryptionByDefault, r, 'region').some((e) => isTrue(e.enabled));
    {
      for (const v of m.volumes) {
        if (byDefault(v)) continue;
        if (unknown(v, v.encrypted, 'volume encryption')) continue;
        if (isFalse(v.encrypted) && !hasKey(v.kmsKey)) {
          ctx.report({ messageId: 'volumeUnencrypted', at: v.encrypted, resource: v, data: { property: prop(v.encrypted), how: how(v.encrypted) } });
        }
      }
      const devices = (owner: ModelResource, list: BlockDevice[]): void => {
        if (byDefault(owner)) return;
        for (const d of list) {
          if (unknown(owner, d.encrypted, 'block device encryption')) continue;
          if (isFalse(d.encrypted) && !hasKey(d.kmsKey)) {
            const device = d.deviceName.provenance === 'explicit' ? d.deviceName.value : '(unnamed)';
            ctx.report({ messageId: 'blockDeviceUnencrypted', at: d.encrypted, resource: owner, data: { device, property: prop(d.encrypted), how: how(d.encrypted) } });
          }
        }
      };
      for (const i of m.instances) devices(i, i.blockDevices);
      for (const t of m.launchTemplates) devices(t, t.blockDevices);
    }

    // RDS: instances outside a cluster (read replicas inherit from their source), and clusters.
    for (const db of m.dbInstances) {
      if (db.cluster) continue;
      if (db.replicaOf && db.storageEncrypted.provenance === 'default') continue;
      if (unknown(db, db.storageEncrypted, 'storage encryption')) continue;
      if (isFalse(db.storageEncrypted) && !hasKey(db.kmsKey)) {
        ctx.report({ messageId: 'dbUnencrypted', at: db.storageEncrypted, resource: db, data: { what: 'RDS DB instance', property: prop(db.storageEncrypted), how: how(db.storageEncrypted) } });
      }
    }
    for (const c of m.dbClusters) {
      if (c.replicaOf && c.storageEncrypted.provenance === 'default') continue;
      if (unknown(c, c.storageEncrypted, 'storage encryption')) continue;
      if (isFalse(c.storageEncrypted) && !hasKey(c.kmsKey)) {
        ctx.report({ messageId: 'dbUnencrypted', at: c.storageEncrypted, resource: c, data: { what: 'RDS DB cluster', property: prop(c.storageEncrypted), how: how(c.storageEncrypted) } });
      }
    }

    for (const f of m.fileSystems) {
      if (unknown(f, f.encrypted, 'file system encryption')) continue;
      if (isFalse(f.encrypted)) {
        ctx.report({ messageId: 'fileSystemUnencrypted', at: f.encrypted, resource: f, data: { property: prop(f.encrypted), how: how(f.encrypted) } });
      }
    }

    for (const c of m.cacheClusters) {
      if (c.kind !== 'replication-group') continue;
      if (unknown(c, c.atRestEncryption, 'at-rest encryption')) continue;
      if (isFalse(c.atRestEncryption)) {
        ctx.report({ messageId: 'cacheUnencrypted', at: c.atRestEncryption, resource: c, data: { property: prop(c.atRestEncryption), how: how(c.atRestEncryption) } });
      }
    }

    for (const q of m.queues) {
      if (unknown(q, q.managedSse, 'SSE-SQS')) continue;
      if (isFalse(q.managedSse) && !hasKey(q.kmsKey)) {
        ctx.report({ messageId: 'queueUnencrypted', at: q.managedSse, resource: q, severity: 'medium', data: { property: prop(q.managedSse) } });
      }
    }

    for (const t of m.topics) {
      if (!hasKey(t.kmsKey)) {
        ctx.report({ messageId: 'topicUnencrypted', at: t.kmsKey, resource: t, severity: 'medium', data: { property: prop(t.kmsKey), how: how(t.kmsKey) } });
      }
    }

    for (const t of m.dynamoTables) {
      if (unknown(t, t.encryptionKey, 'table encryption')) continue;
      if (t.encryptionKey.value === 'owned') {
        const h = t.encryptionKey.provenance === 'default' ? `is not set, so the default applies (${t.encryptionKey.assumed})` : 'is false';
        ctx.report({ messageId: 'tableOwnedKey', at: t.encryptionKey, resource: t, severity: 'low', data: { property: prop(t.encryptionKey), how: h } });
      }
    }

    for (const v of m.backupVaults) {
      if (!hasKey(v.kmsKey)) {
        ctx.report({ messageId: 'vaultServiceKey', at: v.kmsKey, resource: v, severity: 'low', data: { property: prop(v.kmsKey), how: how(v.kmsKey) } });
      }
    }
  },
});
