import rule from '../../rules/reliability/backups.js';
import { cfn, ruleTester, tf } from './tester.js';

const KEYS = `
          KeySchema:
            - { AttributeName: id, KeyType: HASH }
          AttributeDefinitions:
            - { AttributeName: id, AttributeType: S }`;

ruleTester(rule, [
  // ── CloudFormation: RDS and Aurora ──
  cfn('RDS instance with backups turned off', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          BackupRetentionPeriod: 0
          DeletionProtection: true
  `, [{ messageId: 'backupOff', line: 6, column: 30 }]),
  cfn('RDS instance with the default retention (1 day) and no deletion protection', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        DeletionPolicy: Snapshot
        UpdateReplacePolicy: Snapshot
        Properties:
          Engine: postgres
  `, [{ messageId: 'noDeletionProtection', line: 2, column: 3 }]),
  cfn('RDS instance: 7 days, deletion protection, and its read replica', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          BackupRetentionPeriod: 7
          DeletionProtection: true
      Replica:
        Type: AWS::RDS::DBInstance
        Properties:
          SourceDBInstanceIdentifier: !Ref Db
  `),
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
  `, []),
  cfn('RDS instance replaced by an update loses its data (UpdateReplacePolicy default Delete)', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        DeletionPolicy: Snapshot
        Properties:
          Engine: postgres
          BackupRetentionPeriod: 14
  `, [{ messageId: 'deletable', line: 2, column: 3 }]),

  // ── CloudFormation: DynamoDB ──
  cfn('DynamoDB table without point-in-time recovery, deletion policy or protection', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST${KEYS}
  `, [{ messageId: 'backupOff', line: 2, column: 3 }, { messageId: 'deletable', line: 2, column: 3 }]),
  cfn('DynamoDB table with point-in-time recovery and Retain policies (as CDK writes them)', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        DeletionPolicy: Retain
        UpdateReplacePolicy: Retain
        Properties:
          BillingMode: PAY_PER_REQUEST
          PointInTimeRecoverySpecification:
            PointInTimeRecoveryEnabled: true${KEYS}
  `, [{ messageId: 'noDeletionProtection', line: 2, column: 3 }]),
  cfn('DynamoDB table with point-in-time recovery off explicitly, deletion protection on', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
          DeletionProtectionEnabled: true
          PointInTimeRecoverySpecification:
            PointInTimeRecoveryEnabled: false${KEYS}
  `, [{ messageId: 'backupOff', line: 8, column: 37 }]),
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
  cfn('S3 bucket without versioning; its replication destination is not judged', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          ReplicationConfiguration:
            Role: arn:aws:iam::111122223333:role/replication
            Rules:
              - Status: Enabled
                Destination:
                  Bucket: !GetAtt Copy.Arn
      Copy:
        Type: AWS::S3::Bucket
  `, [{ messageId: 'backupOff', line: 2, column: 3 }]),
  cfn('S3 bucket with versioning suspended', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration:
            Status: Suspended
  `, [{ messageId: 'backupOff', line: 6, column: 17 }]),
  cfn('S3 bucket with versioning', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration:
            Status: Enabled
  `),
  cfn('EFS file system without automatic backups or a deletion policy', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          Encrypted: true
  `, [{ messageId: 'backupOff', line: 2, column: 3 }, { messageId: 'deletable', line: 2, column: 3 }]),
  cfn('EFS file system with automatic backups, retained', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        DeletionPolicy: Retain
        UpdateReplacePolicy: Retain
        Properties:
          Encrypted: true
          BackupPolicy:
            Status: ENABLED
  `),
  cfn('EBS volume in no Backup plan, snapshotted on delete only', `
    Resources:
      Disk:
        Type: AWS::EC2::Volume
        DeletionPolicy: Snapshot
        Properties:
          AvailabilityZone: eu-west-1a
          Size: 100
  `, [{ messageId: 'noBackupPlan', line: 2, column: 3 }, { messageId: 'deletable', line: 2, column: 3 }]),
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
  cfn('EBS volume whose tag does not match the selection\'s', `
    Resources:
      Disk:
        Type: AWS::EC2::Volume
        DeletionPolicy: Snapshot
        UpdateReplacePolicy: Snapshot
        Properties:
          AvailabilityZone: eu-west-1a
          Size: 100
          Tags:
            - { Key: backup, Value: weekly }
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
  `, [{ messageId: 'noBackupPlan', line: 2, column: 3 }]),
  cfn('DynamoDB table left out by the conditions of a wildcard selection', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
          DeletionProtectionEnabled: true
          Tags:
            - { Key: env, Value: dev }${KEYS}
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
            SelectionName: prod
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            Resources: ['*']
            Conditions:
              StringEquals:
                - { ConditionKey: 'aws:ResourceTag/env', ConditionValue: prod }
  `, [{ messageId: 'backupOff', line: 2, column: 3 }]),
  cfn('Redis replication group without snapshots; Memcached is not judged', `
    Resources:
      Redis:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          Engine: redis
      Memcached:
        Type: AWS::ElastiCache::CacheCluster
        Properties:
          Engine: memcached
          CacheNodeType: cache.t3.micro
          NumCacheNodes: 1
  `, [{ messageId: 'backupOff', line: 2, column: 3 }]),
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
  cfn('Redshift cluster with automated snapshots off and no deletion policy', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          NodeType: ra3.xlplus
          ClusterType: multi-node
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
          AutomatedSnapshotRetentionPeriod: 0
  `, [{ messageId: 'deletable', line: 2, column: 3 }, { messageId: 'backupOff', line: 11, column: 41 }]),
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
  `, [{ messageId: 'backupOff', line: 4, column: 29 }]),
  tf('RDS instance with the default retention, no deletion protection', `
    resource "aws_db_instance" "db" {
      engine         = "postgres"
      instance_class = "db.t3.micro"
    }
  `, [{ messageId: 'noDeletionProtection', line: 1, column: 1 }]),
  tf('RDS instance skipping the final snapshot', `
    resource "aws_db_instance" "db" {
      engine                  = "postgres"
      instance_class          = "db.t3.micro"
      backup_retention_period = 7
      skip_final_snapshot     = true
    }
  `, [{ messageId: 'deletable', line: 5, column: 29 }]),
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
  tf('Aurora cluster with 7 days and protection, its instance judged on the cluster', `
    resource "aws_rds_cluster" "db" {
      engine                  = "aurora-postgresql"
      backup_retention_period = 7
      deletion_protection     = true
    }

    resource "aws_rds_cluster_instance" "one" {
      cluster_identifier = aws_rds_cluster.db.id
      instance_class     = "db.r6g.large"
      engine             = "aurora-postgresql"
    }
  `),
  tf('DynamoDB table without point-in-time recovery, deletion protection or prevent_destroy', `
    resource "aws_dynamodb_table" "t" {
      name         = "orders"
      billing_mode = "PAY_PER_REQUEST"
      hash_key     = "id"
      attribute {
        name = "id"
        type = "S"
      }
    }
  `, [{ messageId: 'backupOff', line: 1, column: 1 }, { messageId: 'deletable', line: 1, column: 1 }]),
  tf('DynamoDB table with point-in-time recovery and prevent_destroy', `
    resource "aws_dynamodb_table" "t" {
      name                        = "orders"
      billing_mode                = "PAY_PER_REQUEST"
      hash_key                    = "id"
      deletion_protection_enabled = true
      attribute {
        name = "id"
        type = "S"
      }
      point_in_time_recovery {
        enabled = true
      }
      lifecycle {
        prevent_destroy = true
      }
    }
  `),
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
  tf('S3 bucket with versioning suspended', `
    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }

    resource "aws_s3_bucket_versioning" "data" {
      bucket = aws_s3_bucket.data.id
      versioning_configuration {
        status = "Suspended"
      }
    }
  `, [{ messageId: 'backupOff', line: 8, column: 14 }]),
  tf('S3 bucket with versioning', `
    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }

    resource "aws_s3_bucket_versioning" "data" {
      bucket = aws_s3_bucket.data.id
      versioning_configuration {
        status = "Enabled"
      }
    }
  `),
  tf('EFS file system with aws_efs_backup_policy DISABLED', `
    resource "aws_efs_file_system" "files" {
      encrypted = true
      lifecycle {
        prevent_destroy = true
      }
    }

    resource "aws_efs_backup_policy" "files" {
      file_system_id = aws_efs_file_system.files.id
      backup_policy {
        status = "DISABLED"
      }
    }
  `, [{ messageId: 'backupOff', line: 11, column: 14 }]),
  tf('EFS file system with aws_efs_backup_policy ENABLED, prevent_destroy', `
    resource "aws_efs_file_system" "files" {
      encrypted = true
      lifecycle {
        prevent_destroy = true
      }
    }

    resource "aws_efs_backup_policy" "files" {
      file_system_id = aws_efs_file_system.files.id
      backup_policy {
        status = "ENABLED"
      }
    }
  `),
  tf('EBS volume in no Backup plan, destroyed without a snapshot', `
    resource "aws_ebs_volume" "disk" {
      availability_zone = "eu-west-1a"
      size              = 100
    }
  `, [{ messageId: 'noBackupPlan', line: 1, column: 1 }, { messageId: 'deletable', line: 1, column: 1 }]),
  tf('EBS volume with a final snapshot, selected by tag', `
    resource "aws_ebs_volume" "disk" {
      availability_zone = "eu-west-1a"
      size              = 100
      final_snapshot    = true
      tags = {
        backup = "daily"
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
  tf('DynamoDB table whose tags come from a variable without a default, and a tag selection', `
    variable "tags" {
      type = map(string)
    }

    resource "aws_dynamodb_table" "t" {
      name                        = "orders"
      billing_mode                = "PAY_PER_REQUEST"
      hash_key                    = "id"
      deletion_protection_enabled = true
      tags                        = var.tags
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
      name         = "tagged"
      plan_id      = aws_backup_plan.p.id
      iam_role_arn = "arn:aws:iam::111122223333:role/backup"
      selection_tag {
        type  = "STRINGEQUALS"
        key   = "backup"
        value = "daily"
      }
    }
  `, [], { undecidable: [{ line: 5, column: 1, says: 'aws_backup_plan.p' }] }),
  tf('Redis replication group with snapshot_retention_limit 0', `
    resource "aws_elasticache_replication_group" "r" {
      replication_group_id     = "sessions"
      description              = "sessions"
      engine                   = "redis"
      snapshot_retention_limit = 0
    }
  `, [{ messageId: 'backupOff', line: 5, column: 30 }]),
  tf('Redis replication group with snapshots, a Memcached cluster', `
    resource "aws_elasticache_replication_group" "r" {
      replication_group_id     = "sessions"
      description              = "sessions"
      engine                   = "redis"
      snapshot_retention_limit = 7
    }

    resource "aws_elasticache_cluster" "m" {
      cluster_id      = "m"
      engine          = "memcached"
      node_type       = "cache.t3.micro"
      num_cache_nodes = 1
    }
  `),
  tf('Redshift cluster with automated snapshots off and no final snapshot', `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier                  = "dw"
      node_type                           = "ra3.xlplus"
      number_of_nodes                     = 2
      automated_snapshot_retention_period = 0
      skip_final_snapshot                 = true
    }
  `, [{ messageId: 'backupOff', line: 5, column: 41 }, { messageId: 'deletable', line: 6, column: 41 }]),
  tf('Redshift cluster with default snapshots and a final snapshot', `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier        = "dw"
      node_type                 = "ra3.xlplus"
      number_of_nodes           = 2
      final_snapshot_identifier = "dw-final"
    }
  `),
  tf('Redshift cluster: retention from a variable without a default', `
    variable "days" {
      type = number
    }

    resource "aws_redshift_cluster" "dw" {
      cluster_identifier                  = "dw"
      node_type                           = "ra3.xlplus"
      automated_snapshot_retention_period = var.days
    }
  `, [], { undecidable: [{ line: 8, column: 41 }] }),
]);
