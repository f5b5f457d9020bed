import { defineRule } from '../../src/engine/rule.js';
import { how, isFalse, namesKey, property, undecided } from '../../src/engine/kit.js';

export default defineRule({
  meta: {
    id: 'encryption-at-rest',
    title: 'Data stores are encrypted at rest',
    checks: 'EBS, RDS/Aurora, DynamoDB, EFS, SQS, SNS, ElastiCache, Backup vaults, OpenSearch, MSK, DocumentDB, Neptune, Kinesis streams, Firehose',
    severity: 'high',
    controls: ['1.21'],
    rationale:
      'Sensitive data must be encrypted where it is stored (checklist 1.21). EBS volumes, RDS/Aurora storage, EFS file ' +
      'systems and ElastiCache replication groups are unencrypted unless the template says otherwise, and encryption can ' +
      'only be turned on by recreating the resource. EBS volumes pass when the scan also enables the account\'s EBS ' +
      'encryption by default. SQS queues use SSE-SQS unless it is explicitly turned off; SNS topics are unencrypted without a ' +
      'KMS key. DynamoDB tables and Backup vaults are always encrypted, but with a key you neither control nor audit when ' +
      'nothing is set: a low-severity finding. OpenSearch domains, DocumentDB and Neptune cluster storage, Kinesis data streams ' +
      'and Direct PUT Firehose delivery streams are unencrypted unless asked (streams hold records in flight: medium severity; ' +
      'a Firehose fed by a Kinesis stream or MSK takes its source\'s encryption). MSK clusters are always encrypted: the AWS ' +
      'managed key is the low-severity question. S3 is not reported: since January 2023 every new object is encrypted with ' +
      'SSE-S3 when the bucket sets nothing, and no bucket setting can turn that off. Read replicas and instances of an ' +
      'Aurora cluster take the encryption of their source or cluster, which is checked instead.',
    remediation:
      'Set the encryption property (StorageEncrypted / storage_encrypted, Encrypted / encrypted, AtRestEncryptionEnabled / ' +
      'at_rest_encryption_enabled, KmsMasterKeyId / kms_master_key_id …), preferably with a customer managed KMS key, or ' +
      'enable EBS encryption by default for the account (AWS::EC2::EBSEncryptionByDefault is not a CloudFormation type; ' +
      'Terraform: aws_ebs_encryption_by_default).',
    messages: {
      unencrypted: '{{what}} is not encrypted at rest: `{{property}}` {{how}}{{unless}}.',
      defaultKey: '{{what}} is encrypted, but with a key you cannot control, audit or revoke: `{{property}}` {{how}}.',
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
    for (const store of ctx.model.facets.dataStores) {
      const rest = store.atRest;
      const owner = store.owner;
      if (!rest || rest.kind === 'inherited') continue;
      if (rest.kind === 'always') {
        if (undecided(ctx, owner, rest.ownKey, `the encryption key of the ${store.what}`)) continue;
        if (isFalse(rest.ownKey)) {
          ctx.report({ messageId: 'defaultKey', at: rest.ownKey, resource: owner, severity: 'low', data: { what: store.what, property: property(rest.ownKey), how: how(rest.ownKey) } });
        }
        continue;
      }
      // An account-wide default that the scan enables encrypts the store whatever its own setting says.
      if (rest.accountDefault?.enabled) continue;
      const what = rest.part ? `${store.what} ${rest.part}` : store.what;
      if (undecided(ctx, owner, rest.enabled, `${what} encryption at rest`)) continue;
      if (isFalse(rest.enabled) && !namesKey(rest.key)) {
        const unless = rest.accountDefault ? `, and ${rest.accountDefault.name} is not enabled in the scan` : '';
        ctx.report({
          messageId: 'unencrypted', at: rest.enabled, resource: owner,
          // Messages in flight matter less than stored data.
          ...(store.contents === 'messages' ? { severity: 'medium' as const } : {}),
          data: { what, property: property(rest.enabled), how: how(rest.enabled), unless },
        });
      }
    }
  },
});
