import { how, isFalse, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'encryption-customer-key',
    title: 'Always-encrypted stores use a key the customer controls',
    checks: 'DynamoDB tables, Backup vaults, MSK clusters, ECR repositories, CloudWatch Logs log groups and EKS cluster secrets on an AWS-owned or AWS managed key',
    severity: 'low',
    controls: ['1.21'],
    rationale:
      'Some stores are always encrypted at rest and only the key can be chosen: DynamoDB tables use an AWS-owned key and Backup ' +
      'vaults the AWS Backup service key, MSK clusters an AWS managed key, ECR repositories S3-managed keys or the AWS managed key aws/ecr, CloudWatch Logs log groups a key of the CloudWatch Logs service, and EKS clusters (Kubernetes 1.28 and later) envelope-encrypt Kubernetes API data with an AWS-owned key, unless a KMS key is named. The data is encrypted, but with a key the customer can ' +
      'neither audit in CloudTrail nor revoke, so this is a low-severity finding apart from stores that are not encrypted at all ' +
      '(`encryption-at-rest`).',
    remediation:
      'Name a customer managed KMS key (DynamoDB `SSESpecification` with `SSEEnabled: true` and `KMSMasterKeyId` / ' +
      '`server_side_encryption { enabled = true, kms_key_arn = … }`; Backup `EncryptionKeyArn` / `kms_key_arn`; ECR `EncryptionConfiguration` with `EncryptionType: KMS` and `KmsKey` / `encryption_configuration { encryption_type = "KMS", kms_key = … }`; EKS `EncryptionConfig` for `secrets` with `Provider.KeyArn` / `encryption_config { resources = ["secrets"], provider { key_arn = … } }`; log group `KmsKeyId` / `kms_key_id`, with a key policy that lets the ' +
      '`logs.<region>.amazonaws.com` service principal use it).',
    messages: {
      defaultKey: '{{what}} is encrypted, but with a key you cannot control, audit or revoke: `{{property}}` {{how}}.',
    },
    precision: 'high',
    tags: ['security', 'encryption', 'kms'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: shop\n',
        pass: 'Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: shop\n      EncryptionKeyArn: arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab\n',
      },
      terraform: {
        fail: 'resource "aws_backup_vault" "shop" {\n  name = "shop"\n}\n',
        pass: 'resource "aws_backup_vault" "shop" {\n  name        = "shop"\n  kms_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n}\n',
      },
    },
  },
  check(ctx) {
    for (const store of ctx.model.facets.dataStores) {
      const rest = store.atRest;
      if (rest?.kind !== 'always') continue;
      if (undecided(ctx, store.owner, rest.ownKey, `the encryption key of the ${store.what}`)) continue;
      if (isFalse(rest.ownKey)) ctx.report({ messageId: 'defaultKey', at: rest.ownKey, resource: store.owner, data: { what: store.what, property: property(rest.ownKey), how: how(rest.ownKey) } });
    }
  },
});
