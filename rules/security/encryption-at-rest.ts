import { defineRule } from '../../src/engine/rule.js';
import { reportUnencrypted } from '../../src/engine/at-rest.js';

export default defineRule({
  meta: {
    id: 'encryption-at-rest',
    title: 'Data stores are encrypted at rest',
    checks: 'EBS, RDS/Aurora, EFS, ElastiCache, OpenSearch, DocumentDB, Neptune (queues, topics and streams: `encryption-at-rest-messages`; AWS-owned keys: `encryption-customer-key`)',
    severity: 'high',
    controls: ['1.21'],
    rationale:
      'Sensitive data must be encrypted where it is stored (checklist 1.21). EBS volumes, RDS/Aurora storage, EFS file ' +
      'systems and ElastiCache replication groups are unencrypted unless the template says otherwise, and encryption can ' +
      'only be turned on by recreating the resource. EBS volumes pass when the scan also enables the account\'s EBS ' +
      'encryption by default. OpenSearch domains and DocumentDB and Neptune cluster storage are unencrypted unless asked. ' +
      'Queues, topics and streams hold messages in flight and are `encryption-at-rest-messages`, one severity lower; stores ' +
      'that are always encrypted (DynamoDB, Backup vaults, MSK) but on a key the customer cannot control are ' +
      '`encryption-customer-key`. S3 is not reported: since January 2023 every new object is encrypted with ' +
      'SSE-S3 when the bucket sets nothing, and no bucket setting can turn that off. Read replicas and instances of an ' +
      'Aurora cluster take the encryption of their source or cluster, which is checked instead.',
    remediation:
      'Set the encryption property (StorageEncrypted / storage_encrypted, Encrypted / encrypted, AtRestEncryptionEnabled / ' +
      'at_rest_encryption_enabled, KmsMasterKeyId / kms_master_key_id …), preferably with a customer managed KMS key, or ' +
      'enable EBS encryption by default for the account (AWS::EC2::EBSEncryptionByDefault is not a CloudFormation type; ' +
      'Terraform: aws_ebs_encryption_by_default).',
    messages: {
      unencrypted: '{{what}} is not encrypted at rest: `{{property}}` {{how}}{{unless}}.',
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
    // Messages in flight are encryption-at-rest-messages; the key of always-encrypted stores is encryption-customer-key.
    for (const store of ctx.model.facets.dataStores) if (store.contents !== 'messages') reportUnencrypted(ctx, store);
  },
});
