import noHardcodedSecretsRule from '../../rules/security/no-hardcoded-secrets.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(noHardcodedSecretsRule, [
  // ── CloudFormation ──
  cfn('a literal master password', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MasterUsername: shop
          MasterUserPassword: Winter2024!
  `, [{ messageId: 'named', line: 7, column: 27 }]),
  cfn('a NoEcho parameter with a default, reported where it is used', `
    Parameters:
      DbPassword:
        Type: String
        NoEcho: true
        Default: Winter2024!
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MasterUsername: shop
          MasterUserPassword: !Ref DbPassword
  `, [{ messageId: 'named', line: 12, column: 27 }]),
  cfn('an access key id in a Lambda environment, and a literal token', `
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
              UPSTREAM_KEY_ID: AKIAZ7EXAMPLE2QWERTY
              API_TOKEN: 3f9c2a7d51e84b06
              LOG_LEVEL: info
  `, [{ messageId: 'shaped', line: 11, column: 28 }, { messageId: 'named', line: 12, column: 22 }]),
  cfn('a container environment pair', `
    Resources:
      Task:
        Type: AWS::ECS::TaskDefinition
        Properties:
          ContainerDefinitions:
            - Name: app
              Image: shop/app:1
              Environment:
                - Name: DB_PASSWORD
                  Value: hunter22hunter
  `, [{ messageId: 'named', line: 10, column: 22 }]),
  cfn('dynamic references, NoEcho without default, generated secrets', `
    Parameters:
      ApiToken:
        Type: String
        NoEcho: true
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          MasterUsername: shop
          MasterUserPassword: "{{resolve:secretsmanager:shop/db:SecretString:password}}"
      Secret:
        Type: AWS::SecretsManager::Secret
        Properties:
          GenerateSecretString:
            PasswordLength: 32
            ExcludePunctuation: true
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs20.x
          Handler: index.handler
          Code: { ZipFile: "exports.handler = async () => {}" }
          Role: arn:aws:iam::123456789012:role/fn
          Environment:
            Variables:
              API_TOKEN: !Ref ApiToken
              DB_SECRET_ARN: !Ref Secret
      User:
        Type: AWS::IAM::User
        Properties:
          LoginProfile:
            Password: "{{resolve:ssm-secure:/shop/initial-password}}"
            PasswordResetRequired: true
  `, []),

  // ── Terraform ──
  tf('a literal database password', `
    resource "aws_db_instance" "db" {
      engine   = "postgres"
      username = "shop"
      password = "Winter2024!"
    }
  `, [{ messageId: 'named', line: 4, column: 14 }]),
  tf('a sensitive variable with a default, reported where it is used', `
    variable "db_password" {
      type      = string
      sensitive = true
      default   = "Winter2024!"
    }
    resource "aws_db_instance" "db" {
      engine   = "postgres"
      username = "shop"
      password = var.db_password
    }
  `, [{ messageId: 'named', line: 9, column: 14 }]),
  tf('a private key and a secret string', `
    resource "aws_secretsmanager_secret_version" "tls" {
      secret_id     = "shop/tls"
      secret_string = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\\n-----END RSA PRIVATE KEY-----"
    }
  `, [{ messageId: 'shaped', line: 3, column: 19 }]),
  tf('a container definition with a token in its environment', `
    resource "aws_ecs_task_definition" "app" {
      family = "app"
      container_definitions = jsonencode([{
        name  = "app"
        image = "shop/app:1"
        environment = [{ name = "GITHUB_TOKEN", value = "ghp_abcdefghijklmnopqrstuvwxyz0123456789" }]
      }])
    }
  `, [{ messageId: 'shaped', line: 6, column: 53 }]),
  tf('variables without defaults, generated passwords, managed master passwords', `
    variable "api_token" {
      type      = string
      sensitive = true
    }
    resource "random_password" "db" {
      length = 32
    }
    resource "aws_db_instance" "db" {
      engine   = "postgres"
      username = "shop"
      password = random_password.db.result
    }
    resource "aws_rds_cluster" "orders" {
      engine                      = "aurora-postgresql"
      master_username             = "shop"
      manage_master_user_password = true
    }
    resource "aws_lambda_function" "fn" {
      function_name = "fn"
      role          = "arn:aws:iam::123456789012:role/fn"
      environment {
        variables = {
          API_TOKEN     = var.api_token
          PASSWORD_PATH = "/shop/db/password"
        }
      }
    }
  `, []),
]);
