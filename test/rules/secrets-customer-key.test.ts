import secretsCustomerKeyRule from '../../rules/security/secrets-customer-key.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(secretsCustomerKeyRule, [
  cfn('a secret with the AWS managed key', `
    Resources:
      DbSecret:
        Type: AWS::SecretsManager::Secret
        Properties:
          GenerateSecretString:
            PasswordLength: 32
  `, [{ messageId: 'awsManagedKey', line: 2, column: 3 }]),
  cfn('a secret with a customer key', `
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
      DbSecret:
        Type: AWS::SecretsManager::Secret
        Properties:
          KmsKeyId: !Ref Key
  `, []),
  tf('a secret with the AWS managed key', `
    resource "aws_secretsmanager_secret" "db" {
      name = "shop/db"
    }
  `, [{ messageId: 'awsManagedKey', line: 1, column: 1 }]),
  tf('a secret with a customer key', `
    resource "aws_secretsmanager_secret" "db" {
      name       = "shop/db"
      kms_key_id = "alias/shop-secrets"
    }
  `, []),
]);
