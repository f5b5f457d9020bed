import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'secrets-customer-key',
    title: 'Secrets Manager secrets are encrypted with a customer managed key',
    severity: 'medium',
    checks: 'Secrets Manager secrets on the AWS managed key',
    controls: ['1.10'],
    rationale:
      'Secrets Manager always encrypts secrets at rest; without `KmsKeyId` it uses the AWS managed key ' +
      '`aws/secretsmanager`, whose key policy lets every principal of the account that may read the secret decrypt it, ' +
      'cannot be shared with another account, and cannot be rotated or disabled by you. A customer managed key adds a ' +
      'second, auditable permission for decryption and is required to share a secret across accounts (checklist 1.10, ' +
      '"secrets without a customer key"). This is a key-management finding, not "unencrypted": hence its own rule, ' +
      'one severity below `secrets-encrypted`.',
    remediation: 'Create a KMS key for the workload\'s secrets and set `KmsKeyId` / `kms_key_id` on the secret.',
    messages: {
      awsManagedKey: 'Secret is encrypted with the AWS managed key: `{{property}}` is not set (default: {{assumed}}).',
    },
    precision: 'very-high',
    tags: ['security', 'secrets', 'kms'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString:\n        PasswordLength: 32\n',
        pass: 'Resources:\n  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: alias/shop-secrets\n      GenerateSecretString:\n        PasswordLength: 32\n',
      },
      terraform: {
        fail: 'resource "aws_secretsmanager_secret" "db" {\n  name = "shop/db"\n}\n',
        pass: 'resource "aws_secretsmanager_secret" "db" {\n  name       = "shop/db"\n  kms_key_id = "alias/shop-secrets"\n}\n',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.secrets) {
      if (s.kmsKey.provenance !== 'default') continue;
      ctx.report({ messageId: 'awsManagedKey', at: s.kmsKey, resource: s, data: { property: s.kmsKey.origin.path.replace(/^Properties\./, ''), assumed: s.kmsKey.assumed } });
    }
  },
});
