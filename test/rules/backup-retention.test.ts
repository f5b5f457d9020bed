import rule from '../../rules/reliability/backup-retention.js';
import { cfn, ruleTester, tf } from './tester.js';

const KEYS = `
          KeySchema:
            - { AttributeName: id, KeyType: HASH }
          AttributeDefinitions:
            - { AttributeName: id, AttributeType: S }`;

ruleTester(rule, [
  // ── CloudFormation: RDS and Aurora ──
  cfn('RDS instance with the default retention (1 day) and no deletion protection', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        DeletionPolicy: Snapshot
        UpdateReplacePolicy: Snapshot
        Properties:
          Engine: postgres
  `, [{ messageId: 'shortRetention', line: 2, column: 3 }]),
  cfn('RDS instance: retention from a parameter without a default', `
    Parameters:
      Days: { Type: Number }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          BackupRetentionPeriod: !Ref Days
          DeletionProtection: true
  `, [], { undecidable: [{ line: 8, column: 30, says: 'retention' }] }),
  cfn('Aurora cluster with 3 days; its member instance is judged on the cluster', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-postgresql
          BackupRetentionPeriod: 3
          DeletionProtection: true
      Member:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-postgresql
          DBClusterIdentifier: !Ref Cluster
  `, [{ messageId: 'shortRetention', line: 6, column: 30 }]),
  // ── CloudFormation: DynamoDB ──
  cfn('DynamoDB table covered by an AWS Backup plan selection that names it', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
          DeletionProtectionEnabled: true${KEYS}
      Plan:
        Type: AWS::Backup::BackupPlan
        Properties:
          BackupPlan:
            BackupPlanName: daily
            BackupPlanRule:
              - RuleName: daily
                TargetBackupVault: Default
      Selection:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: tables
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            Resources:
              - !GetAtt Table.Arn
  `),

  // ── CloudFormation: S3, EFS, EBS, ElastiCache, Redshift ──
  cfn('EBS volume in no Backup plan, snapshotted on delete only', `
    Resources:
      Disk:
        Type: AWS::EC2::Volume
        DeletionPolicy: Snapshot
        Properties:
          AvailabilityZone: eu-west-1a
          Size: 100
  `, []),
  cfn('EBS volume selected by a Backup plan by tag', `
    Resources:
      Disk:
        Type: AWS::EC2::Volume
        DeletionPolicy: Snapshot
        UpdateReplacePolicy: Snapshot
        Properties:
          AvailabilityZone: eu-west-1a
          Size: 100
          Tags:
            - { Key: backup, Value: daily }
      Plan:
        Type: AWS::Backup::BackupPlan
        Properties:
          BackupPlan:
            BackupPlanName: daily
            BackupPlanRule:
              - RuleName: daily
                TargetBackupVault: Default
      Selection:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: tagged
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            ListOfTags:
              - { ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily }
  `),
  cfn('Redis cache cluster with a snapshot retention', `
    Resources:
      Redis:
        Type: AWS::ElastiCache::CacheCluster
        Properties:
          Engine: redis
          CacheNodeType: cache.t3.micro
          NumCacheNodes: 1
          SnapshotRetentionLimit: 5
  `),
  cfn('Redshift cluster with the default retention, snapshotted on delete and replace', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        DeletionPolicy: Snapshot
        UpdateReplacePolicy: Snapshot
        Properties:
          NodeType: ra3.xlplus
          ClusterType: multi-node
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
  `),

  // ── Terraform ──
  tf('RDS instance with backup_retention_period 0', `
    resource "aws_db_instance" "db" {
      engine                  = "postgres"
      instance_class          = "db.t3.micro"
      backup_retention_period = 0
      deletion_protection     = true
    }
  `, []),
  tf('RDS instance with the default retention, no deletion protection', `
    resource "aws_db_instance" "db" {
      engine         = "postgres"
      instance_class = "db.t3.micro"
    }
  `, [{ messageId: 'shortRetention', line: 1, column: 1 }]),
  tf('RDS instance: retention from a variable without a default', `
    variable "days" {
      type = number
    }

    resource "aws_db_instance" "db" {
      engine                  = "postgres"
      instance_class          = "db.t3.micro"
      backup_retention_period = var.days
      deletion_protection     = true
    }
  `, [], { undecidable: [{ line: 8, column: 29, says: 'retention' }] }),
  tf('DynamoDB table covered by a Backup plan selection by reference', `
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

    resource "aws_backup_plan" "p" {
      name = "daily"
      rule {
        rule_name         = "daily"
        target_vault_name = "Default"
        schedule          = "cron(0 5 * * ? *)"
      }
    }

    resource "aws_backup_selection" "s" {
      name         = "tables"
      plan_id      = aws_backup_plan.p.id
      iam_role_arn = "arn:aws:iam::111122223333:role/backup"
      resources    = [aws_dynamodb_table.t.arn]
    }
  `),
  tf('EBS volume in no Backup plan, destroyed without a snapshot', `
    resource "aws_ebs_volume" "disk" {
      availability_zone = "eu-west-1a"
      size              = 100
    }
  `, []),
  tf('Redis replication group with snapshot_retention_limit 0', `
    resource "aws_elasticache_replication_group" "r" {
      replication_group_id     = "sessions"
      description              = "sessions"
      engine                   = "redis"
      snapshot_retention_limit = 0
    }
  `, []),
]);
