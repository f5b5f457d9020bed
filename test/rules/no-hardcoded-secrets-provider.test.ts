/** `no-hardcoded-secrets` on credentials written into Terraform `provider` blocks: redacted, never shown. */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/security/no-hardcoded-secrets.js';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

const PROVIDER = `
    provider "aws" {
      region     = "eu-west-1"
      access_key = "AKIAIOSFODNN7EXAMPLE"
      secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    }

    resource "aws_sqs_queue" "orders" {
      name = "orders"
    }
`;

ruleTester(rule, [
  cfn('a literal password property (CloudFormation has no provider block)', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MasterUsername: shop
          MasterUserPassword: Winter2024!
  `, [{ messageId: 'named', line: 7, column: 27 }]),
  cfn('a dynamic reference', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MasterUsername: shop
          MasterUserPassword: '{{resolve:secretsmanager:shop-db:SecretString:password}}'
  `),
  tf('a provider block with a literal access key and secret key', PROVIDER, [{ messageId: 'shaped', line: 3, column: 16 }, { messageId: 'named', line: 4, column: 16 }]),
  tf('a provider block taking credentials from a profile, and secrets from variables without default', `
    variable "secret_key" {
      type      = string
      sensitive = true
    }

    provider "aws" {
      region  = "eu-west-1"
      profile = "deploy"
    }

    provider "aws" {
      alias      = "ci"
      region     = "eu-west-1"
      secret_key = var.secret_key
    }

    resource "aws_sqs_queue" "orders" {
      name = "orders"
    }
  `),
]);

describe('provider credentials in the outputs', () => {
  it('never carry the secret, only its redacted form', async () => {
    const { result } = await scanSnippet('terraform', PROVIDER);
    const text = JSON.stringify(result);
    expect(text).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    const messages = result.findings.filter((f) => f.ruleId === 'no-hardcoded-secrets').map((f) => f.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(/… \(\d+ characters\)/);
  });
});
