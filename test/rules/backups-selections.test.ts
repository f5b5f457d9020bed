/** `backups` on AWS Backup selections that leave stores out (`NotResources`) and on tags from Terraform provider `default_tags`. */
import rule from '../../rules/reliability/backups.js';
import { cfn, ruleTester, tf } from './tester.js';

const TABLE = `
      Table:
        Type: AWS::DynamoDB::Table
        DeletionPolicy: Retain
        UpdateReplacePolicy: Retain
        Properties:
          BillingMode: PAY_PER_REQUEST
          DeletionProtectionEnabled: true
          AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
          KeySchema: [{ AttributeName: id, KeyType: HASH }]
      Plan:
        Type: AWS::Backup::BackupPlan
        Properties:
          BackupPlan:
            BackupPlanName: daily
            BackupPlanRule:
              - RuleName: daily
                TargetBackupVault: Default`;

const PLAN = `
    resource "aws_backup_plan" "p" {
      name = "daily"
      rule {
        rule_name         = "daily"
        target_vault_name = "Default"
        schedule          = "cron(0 5 * * ? *)"
      }
    }`;

ruleTester(rule, [
  cfn('a selection of every resource that leaves the table out with NotResources', `
    Resources:${TABLE}
      Selection:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: all-but-the-table
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            Resources: ['*']
            NotResources: [!GetAtt Table.Arn]
  `, [{ messageId: 'backupOff', line: 2, column: 3 }]),
  cfn('NotResources naming another table', `
    Resources:${TABLE}
      Selection:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: all-but-scratch
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            Resources: ['*']
            NotResources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/scratch']
  `),
  cfn('a NotResources pattern that may name the table is undecidable', `
    Resources:${TABLE}
      Patterned:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: all-but-temporary
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            Resources: ['*']
            NotResources: ['arn:aws:dynamodb:*:*:table/*']
  `, [], { undecidable: [{ line: 2, column: 3, says: 'NotResources' }] }),
  tf('a table left out of a selection by not_resources', `
    resource "aws_dynamodb_table" "t" {
      name                        = "orders"
      billing_mode                = "PAY_PER_REQUEST"
      hash_key                    = "id"
      deletion_protection_enabled = true
      attribute {
        name = "id"
        type = "S"
      }
    }
${PLAN}

    resource "aws_backup_selection" "s" {
      name          = "all-but-orders"
      plan_id       = aws_backup_plan.p.id
      iam_role_arn  = "arn:aws:iam::111122223333:role/backup"
      resources     = ["*"]
      not_resources = [aws_dynamodb_table.t.arn]
    }
  `, [{ messageId: 'backupOff', line: 1, column: 1 }]),
  tf('a table tagged only through the provider default_tags is selected by tag', `
    provider "aws" {
      region = "eu-west-1"
      default_tags {
        tags = {
          backup = "daily"
        }
      }
    }

    resource "aws_dynamodb_table" "t" {
      name                        = "orders"
      billing_mode                = "PAY_PER_REQUEST"
      hash_key                    = "id"
      deletion_protection_enabled = true
      attribute {
        name = "id"
        type = "S"
      }
    }
${PLAN}

    resource "aws_backup_selection" "s" {
      name         = "tagged"
      plan_id      = aws_backup_plan.p.id
      iam_role_arn = "arn:aws:iam::111122223333:role/backup"
      selection_tag {
        type  = "STRINGEQUALS"
        key   = "backup"
        value = "daily"
      }
    }
  `),
]);
