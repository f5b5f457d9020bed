import secretsEncryptedRule from '../../rules/security/secrets-encrypted.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(secretsEncryptedRule, [
  // ── CloudFormation ──
  cfn('a String parameter named like a password', `
    Resources:
      DbPassword:
        Type: AWS::SSM::Parameter
        Properties:
          Name: /shop/prod/db-password
          Type: String
          Value: "{{resolve:secretsmanager:shop/db:SecretString:password}}"
  `, [{ messageId: 'plainParameter', line: 6, column: 13 }]),
  cfn('a secret resolved into a Lambda environment variable', `
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs20.x
          Handler: index.handler
          Code: { ZipFile: "exports.handler = async () => {}" }
          Role: arn:aws:iam::123456789012:role/fn
          Environment:
            Variables:
              DB_PASSWORD: "{{resolve:secretsmanager:shop/db:SecretString:password}}"
              DB_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db
  `, [{ messageId: 'functionEnvironment', line: 11, column: 24 }]),
  cfn('a container environment set from a NoEcho parameter', `
    Parameters:
      ApiToken:
        Type: String
        NoEcho: true
    Resources:
      Task:
        Type: AWS::ECS::TaskDefinition
        Properties:
          ContainerDefinitions:
            - Name: app
              Image: shop/app:1
              Environment:
                - Name: API_TOKEN
                  Value: !Ref ApiToken
  `, [{ messageId: 'containerEnvironment', line: 14, column: 22 }]),
  cfn('plain parameters that are not secrets, and container secrets by reference', `
    Resources:
      DbHost:
        Type: AWS::SSM::Parameter
        Properties:
          Name: /shop/prod/db-host
          Type: String
          Value: db.internal.example.com
      Task:
        Type: AWS::ECS::TaskDefinition
        Properties:
          ContainerDefinitions:
            - Name: app
              Image: shop/app:1
              Secrets:
                - Name: API_TOKEN
                  ValueFrom: arn:aws:ssm:eu-west-1:123456789012:parameter/shop/api-token
  `, []),

  // ── Terraform ──
  tf('a String parameter holding a password from a variable', `
    variable "db_password" {
      type      = string
      sensitive = true
    }
    resource "aws_ssm_parameter" "db_password" {
      name  = "/shop/prod/db-password"
      type  = "String"
      value = var.db_password
    }
  `, [{ messageId: 'plainParameter', line: 7, column: 11 }]),
  tf('a generated password in a Lambda environment', `
    resource "random_password" "db" {
      length = 32
    }
    resource "aws_lambda_function" "fn" {
      function_name = "fn"
      role          = "arn:aws:iam::123456789012:role/fn"
      environment {
        variables = {
          DB_PASSWORD = random_password.db.result
        }
      }
    }
  `, [{ messageId: 'functionEnvironment', line: 9, column: 21 }]),
  tf('a SecureString parameter', `
    variable "db_password" {
      type      = string
      sensitive = true
    }
    resource "aws_ssm_parameter" "db_password" {
      name  = "/shop/prod/db-password"
      type  = "SecureString"
      value = var.db_password
    }
  `, []),
]);
