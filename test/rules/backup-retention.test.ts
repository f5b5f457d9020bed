import rule from '../../rules/reliability/backup-retention.js';
import { cfn, ruleTester, tf } from './tester.js';


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
]);
