/** `iam-no-static-access-keys` on static keys written into Terraform `provider "aws"` blocks. */
import rule from '../../rules/security/iam-no-static-access-keys.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('an active access key resource (CloudFormation has no provider block)', `
    Resources:
      CiKey:
        Type: AWS::IAM::AccessKey
        Properties:
          UserName: ci
  `, [{ messageId: 'accessKey', line: 2, column: 3 }]),
  cfn('an inactive access key resource', `
    Resources:
      CiKey:
        Type: AWS::IAM::AccessKey
        Properties:
          UserName: ci
          Status: Inactive
  `),
  tf('a provider block with a literal access key, and an aliased one through a variable default', `
    variable "dr_access_key" {
      default = "AKIAIOSFODNN7EXAMPLF"
    }

    provider "aws" {
      region     = "eu-west-1"
      access_key = "AKIAIOSFODNN7EXAMPLE"
      secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    }

    provider "aws" {
      alias      = "dr"
      region     = "eu-central-1"
      access_key = var.dr_access_key
      secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ"
    }
  `, [{ messageId: 'providerKey', line: 7, column: 16 }, { messageId: 'providerKey', line: 14, column: 16 }]),
  tf('a provider assuming a role, and one whose key is a variable without default (undecidable)', `
    variable "access_key" {
      type      = string
      sensitive = true
    }

    provider "aws" {
      region = "eu-west-1"
      assume_role {
        role_arn = "arn:aws:iam::111111111111:role/deploy"
      }
    }

    provider "aws" {
      alias      = "ci"
      region     = "eu-west-1"
      access_key = var.access_key
    }
  `, [], { undecidable: [{ line: 16, column: 16, says: 'access_key' }] }),
]);
