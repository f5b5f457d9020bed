import { defineRule } from '../../src/engine/rule.js';
import type { BlockDevice } from '../../src/model/ec2/types.js';
import type { ModelResource } from '../../src/model/val.js';
import { how, undecided, isFalse, isTrue, namesKey, property } from '../../src/engine/kit.js';

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

    // EBS: volumes, and block devices of instances and launch templates.
    const byDefault = m.ebsEncryptionByDefault.some((e) => isTrue(e.enabled));
    if (!byDefault) {
      for (const v of m.volumes) {
        if (undecided(ctx, v, v.encrypted, 'volume encryption')) continue;
        if (isFalse(v.encrypted) && !namesKey(v.kmsKey)) {
          ctx.report({ messageId: 'volumeUnencrypted', at: v.encrypted, resource: v, data: { property: property(v.encrypted), how: how(v.encrypted) } });
        }
      }
      const devices = (owner: ModelResource, list: BlockDevice[]): void => {
        for (const d of list) {
          if (undecided(ctx, owner, d.encrypted, 'block device encryption')) continue;
          if (isFalse(d.encrypted) && !namesKey(d.kmsKey)) {
            const device = d.deviceName.provenance === 'explicit' ? d.deviceName.value : '(unnamed)';
            ctx.report({ messageId: 'blockDeviceUnencrypted', at: d.encrypted, resource: owner, data: { device, property: property(d.encrypted), how: how(d.encrypted) } });
          }
        }
      };
      for (const i of m.instances) devices(i, i.blockDevices);
      for (const t of m.launchTemplates) devices(t, t.blockDevices);
    }

    // RDS: instances outside a cluster (read replicas inherit from their source), and clusters.
    for (const db of m.dbInstances) {
      if (db.replicaOf && db.storageEncrypted.provenance === 'default') continue;
      if (undecided(ctx, db, db.storageEncrypted, 'storage encryption')) continue;
      if (isFalse(db.storageEncrypted) && !namesKey(db.kmsKey)) {
        ctx.report({ messageId: 'dbUnencrypted', at: db.storageEncrypted, resource: db, data: { what: 'RDS DB instance', property: property(db.storageEncrypted), how: how(db.storageEncrypted) } });
      }
    }
    for (const c of m.dbClusters) {
      if (c.replicaOf && c.storageEncrypted.provenance === 'default') continue;
      if (undecided(ctx, c, c.storageEncrypted, 'storage encryption')) continue;
      if (isFalse(c.storageEncrypted) && !namesKey(c.kmsKey)) {
        ctx.report({ messageId: 'dbUnencrypted', at: c.storageEncrypted, resource: c, data: { what: 'RDS DB cluster', property: property(c.storageEncrypted), how: how(c.storageEncrypted) } });
      }
    }

    for (const f of m.fileSystems) {
      if (undecided(ctx, f, f.encrypted, 'file system encryption')) continue;
      if (isFalse(f.encrypted)) {
        ctx.report({ messageId: 'fileSystemUnencrypted', at: f.encrypted, resource: f, data: { property: property(f.encrypted), how: how(f.encrypted) } });
      }
    }

    for (const c of m.cacheClusters) {
      if (c.kind !== 'replication-group') continue;
      if (undecided(ctx, c, c.atRestEncryption, 'at-rest encryption')) continue;
      if (isFalse(c.atRestEncryption)) {
        ctx.report({ messageId: 'cacheUnencrypted', at: c.atRestEncryption, resource: c, data: { property: property(c.atRestEncryption), how: how(c.atRestEncryption) } });
      }
    }

    for (const q of m.queues) {
      if (undecided(ctx, q, q.managedSse, 'SSE-SQS')) continue;
      if (isFalse(q.managedSse) && !namesKey(q.kmsKey)) {
        ctx.report({ messageId: 'queueUnencrypted', at: q.managedSse, resource: q, severity: 'medium', data: { property: property(q.managedSse) } });
      }
    }

    for (const t of m.topics) {
      if (!namesKey(t.kmsKey)) {
        ctx.report({ messageId: 'topicUnencrypted', at: t.kmsKey, resource: t, severity: 'medium', data: { property: property(t.kmsKey), how: how(t.kmsKey) } });
      }
    }

    for (const t of m.dynamoTables) {
      if (undecided(ctx, t, t.encryptionKey, 'table encryption')) continue;
      if (t.encryptionKey.value === 'owned') {
        const h = t.encryptionKey.provenance === 'default' ? `is not set, so the default applies (${t.encryptionKey.assumed})` : 'is false';
        ctx.report({ messageId: 'tableOwnedKey', at: t.encryptionKey, resource: t, severity: 'low', data: { property: property(t.encryptionKey), how: h } });
      }
    }

    for (const v of m.backupVaults) {
      if (!namesKey(v.kmsKey)) {
        ctx.report({ messageId: 'vaultServiceKey', at: v.kmsKey, resource: v, severity: 'low', data: { property: property(v.kmsKey), how: how(v.kmsKey) } });
      }
    }
  },
});
