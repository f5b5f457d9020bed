import rule from '../../rules/reliability/dr-region.js';
import { cfn, ruleTester, tf } from './tester.js';

const EAST = { config: { regions: { 'template.yaml': 'us-east-1', 'west.yaml': 'us-west-2' } } };
const PROVIDERS = `
    provider "aws" {
      region = "us-east-1"
    }

    provider "aws" {
      alias  = "west"
      region = "us-west-2"
    }
`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('EFS without replication', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          Encrypted: true
  `, [{ messageId: 'noCopy', line: 2, column: 3 }]),
  cfn('EFS replicated to an explicit region while its own region is unknown', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          ReplicationConfiguration:
            Destinations:
              - Region: us-west-2
  `),
  cfn('EFS replicated into its own region', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          ReplicationConfiguration:
            Destinations:
              - Region: us-east-1
  `, [{ messageId: 'copySameRegion', line: 7, column: 21 }, { messageId: 'oneRegion', line: 2, column: 3 }], EAST),
  cfn('DynamoDB table without replicas, global table in one region', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
      Global:
        Type: AWS::DynamoDB::GlobalTable
        Properties:
          Replicas:
            - Region: !Ref AWS::Region
  `, [{ messageId: 'noCopy', line: 2, column: 3 }, { messageId: 'oneRegion', line: 6, column: 3 }, { messageId: 'copySameRegion', line: 10, column: 19 }], EAST),
  cfn('DynamoDB global table in two regions; a replica of unknown region is accepted', `
    Resources:
      Global:
        Type: AWS::DynamoDB::GlobalTable
        Properties:
          Replicas:
            - Region: us-east-1
            - Region: eu-west-1
      Unsure:
        Type: AWS::DynamoDB::GlobalTable
        Properties:
          Replicas:
            - Region: !Ref AWS::Region
  `),
  cfn('RDS instance without any copy', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
  `, [{ messageId: 'noCopy', line: 2, column: 3 }]),
  cfn('RDS instance backed up with a copy to a vault of another region', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
      Vault:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: main
      Plan:
        Type: AWS::Backup::BackupPlan
        Properties:
          BackupPlan:
            BackupPlanName: daily
            BackupPlanRule:
              - RuleName: daily
                TargetBackupVault: !Ref Vault
                CopyActions:
                  - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr
      Selection:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: db
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            Resources:
              - !Sub arn:aws:rds:us-east-1:111122223333:db:\${Db}
  `),
  cfn('backup copy to a vault of the same template stays in the region', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          FileSystemTags:
            - { Key: backup, Value: 'true' }
      Vault:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: main
      Copy:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: copy
      Plan:
        Type: AWS::Backup::BackupPlan
        Properties:
          BackupPlan:
            BackupPlanName: daily
            BackupPlanRule:
              - RuleName: daily
                TargetBackupVault: !Ref Vault
                CopyActions:
                  - DestinationBackupVaultArn: !GetAtt Copy.BackupVaultArn
      Selection:
        Type: AWS::Backup::BackupSelection
        Properties:
          BackupPlanId: !Ref Plan
          BackupSelection:
            SelectionName: all
            IamRoleArn: arn:aws:iam::111122223333:role/backup
            ListOfTags:
              - ConditionType: STRINGEQUALS
                ConditionKey: backup
                ConditionValue: 'true'
  `, [{ messageId: 'copySameRegion', line: 24, column: 44 }]),
  cfn('Aurora cluster that replicates from another region, and a global cluster member', `
    Resources:
      Replica:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          ReplicationSourceIdentifier: arn:aws:rds:eu-west-1:111122223333:cluster:primary
      Global:
        Type: AWS::RDS::GlobalCluster
        Properties:
          GlobalClusterIdentifier: shop
          SourceDBClusterIdentifier: !Ref Primary
      Primary:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
  `),
  cfn('Aurora global cluster member with a secondary in another template and region', `
    Resources:
      Primary:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          GlobalClusterIdentifier: shop
      Lonely:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
  `, [{ messageId: 'noCopy', line: 7, column: 3 }], {
    ...EAST,
    files: {
      'west.yaml': 'Resources:\n  Secondary:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      GlobalClusterIdentifier: shop\n',
      'global.yaml': 'Resources:\n  Global:\n    Type: AWS::RDS::GlobalCluster\n    Properties:\n      GlobalClusterIdentifier: shop\n      SourceDBClusterIdentifier: arn:aws:rds:us-east-1:111122223333:cluster:primary\n',
    },
  }),
  cfn('RDS instance copied by a cross-region read replica in another template', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          DBInstanceIdentifier: shop
  `, [], {
    ...EAST,
    files: { 'west.yaml': 'Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:111122223333:db:shop\n' },
  }),
  cfn('S3 bucket replicated to a bucket of the same template', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration: { Status: Enabled }
          ReplicationConfiguration:
            Role: arn:aws:iam::111122223333:role/replication
            Rules:
              - Status: Enabled
                Destination:
                  Bucket: !GetAtt Copy.Arn
      Copy:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration: { Status: Enabled }
  `, [{ messageId: 'copySameRegion', line: 11, column: 23 }]),
  cfn('CloudTrail log bucket is not judged; a bucket without replication is', `
    Resources:
      Logs:
        Type: AWS::S3::Bucket
      Data:
        Type: AWS::S3::Bucket
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: !Ref Logs
  `, [{ messageId: 'noCopy', line: 4, column: 3 }]),
  cfn('S3 bucket replicated to a bucket named by ARN (region unknown: accepted)', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          VersioningConfiguration: { Status: Enabled }
          ReplicationConfiguration:
            Role: arn:aws:iam::111122223333:role/replication
            Rules:
              - Status: Enabled
                Destination:
                  Bucket: arn:aws:s3:::data-replica-west
  `),

  // ── Terraform ──
  tf('EFS without replication', PROVIDERS + `
    resource "aws_efs_file_system" "files" {
      encrypted = true
    }
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }, { messageId: 'noCopy', line: 10, column: 1 }]),
  tf('EFS replicated to another region', PROVIDERS + `
    resource "aws_efs_file_system" "files" {
      encrypted = true
    }

    resource "aws_efs_replication_configuration" "dr" {
      source_file_system_id = aws_efs_file_system.files.id

      destination {
        region = "eu-west-1"
      }
    }
  `),
  tf('EFS replicated into its own region', PROVIDERS + `
    resource "aws_efs_file_system" "files" {
      encrypted = true
    }

    resource "aws_efs_replication_configuration" "dr" {
      source_file_system_id = aws_efs_file_system.files.id

      destination {
        region = "us-east-1"
      }
    }
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }, { messageId: 'copySameRegion', line: 18, column: 14 }]),
  tf('DynamoDB table without replicas', PROVIDERS + `
    resource "aws_dynamodb_table" "t" {
      name     = "t"
      hash_key = "id"
    }
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }, { messageId: 'noCopy', line: 10, column: 1 }]),
  tf('DynamoDB replica block and a separate replica resource in another region', PROVIDERS + `
    resource "aws_dynamodb_table" "a" {
      name     = "a"
      hash_key = "id"

      replica {
        region_name = "us-west-2"
      }
    }

    resource "aws_dynamodb_table" "b" {
      name     = "b"
      hash_key = "id"
    }

    resource "aws_dynamodb_table_replica" "b_west" {
      provider         = aws.west
      global_table_arn = aws_dynamodb_table.b.arn
    }
  `),
  tf('RDS instance without copy; another with a cross-region read replica', PROVIDERS + `
    resource "aws_db_instance" "alone" {
      engine = "postgres"
    }

    resource "aws_db_instance" "source" {
      engine = "postgres"
    }

    resource "aws_db_instance" "west" {
      provider            = aws.west
      replicate_source_db = aws_db_instance.source.arn
    }
  `, [{ messageId: 'noCopy', line: 10, column: 1 }]),
  tf('Aurora global database across two providers', PROVIDERS + `
    resource "aws_rds_global_cluster" "g" {
      global_cluster_identifier = "shop"
      engine                    = "aurora-postgresql"
    }

    resource "aws_rds_cluster" "primary" {
      engine                    = "aurora-postgresql"
      global_cluster_identifier = aws_rds_global_cluster.g.id
    }

    resource "aws_rds_cluster" "secondary" {
      provider                  = aws.west
      engine                    = "aurora-postgresql"
      global_cluster_identifier = aws_rds_global_cluster.g.id
    }
  `),
  tf('backup plan copying to a vault under the west provider, selecting the database', PROVIDERS + `
    resource "aws_db_instance" "db" {
      engine = "postgres"
    }

    resource "aws_backup_vault" "main" {
      name = "main"
    }

    resource "aws_backup_vault" "dr" {
      provider = aws.west
      name     = "dr"
    }

    resource "aws_backup_plan" "p" {
      name = "p"

      rule {
        rule_name         = "daily"
        target_vault_name = aws_backup_vault.main.name

        copy_action {
          destination_vault_arn = aws_backup_vault.dr.arn
        }
      }
    }

    resource "aws_backup_selection" "s" {
      name         = "s"
      iam_role_arn = "arn:aws:iam::111122223333:role/backup"
      plan_id      = aws_backup_plan.p.id
      resources    = [aws_db_instance.db.arn]
    }
  `),
  tf('backup plan copying within the region', PROVIDERS + `
    resource "aws_db_instance" "db" {
      engine = "postgres"
    }

    resource "aws_backup_vault" "main" {
      name = "main"
    }

    resource "aws_backup_plan" "p" {
      name = "p"

      rule {
        rule_name         = "daily"
        target_vault_name = aws_backup_vault.main.name

        copy_action {
          destination_vault_arn = "arn:aws:backup:us-east-1:111122223333:backup-vault:copy"
        }
      }
    }

    resource "aws_backup_selection" "s" {
      name         = "s"
      iam_role_arn = "arn:aws:iam::111122223333:role/backup"
      plan_id      = aws_backup_plan.p.id
      resources    = ["*"]
    }
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }, { messageId: 'copySameRegion', line: 26, column: 31 }]),
  tf('S3 bucket replicated to a bucket under the west provider', PROVIDERS + `
    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }

    resource "aws_s3_bucket" "replica" {
      provider = aws.west
      bucket   = "data-replica"
    }

    resource "aws_s3_bucket_replication_configuration" "r" {
      bucket = aws_s3_bucket.data.id
      role   = "arn:aws:iam::111122223333:role/replication"

      rule {
        status = "Enabled"

        destination {
          bucket = aws_s3_bucket.replica.arn
        }
      }
    }
  `),
  tf('S3 bucket without replication', PROVIDERS + `
    resource "aws_s3_bucket" "data" {
      bucket = "data"
    }
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }, { messageId: 'noCopy', line: 10, column: 1 }]),
  cfn('CloudTrail log bucket named by its literal name is not judged', `
    Resources:
      TrailLogs:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: org-trail-logs
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-logs
  `),
  // ── issue 12: DocumentDB and Neptune are judged; search indexes and streams are not ──
  cfn('DocumentDB cluster without a copy in another region', `
    Resources:
      Docs:
        Type: AWS::DocDB::DBCluster
        Properties:
          StorageEncrypted: true
  `, [{ messageId: 'noCopy', line: 2, column: 3 }]),
  cfn('OpenSearch domains, MSK clusters and Kinesis streams are not judged', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          EngineVersion: OpenSearch_2.11
      Kafka:
        Type: AWS::MSK::Cluster
        Properties:
          ClusterName: events
      Stream:
        Type: AWS::Kinesis::Stream
        Properties:
          ShardCount: 1
  `),
  tf('DocumentDB global cluster across two providers; a Neptune cluster without a copy', PROVIDERS + `
    resource "aws_docdb_global_cluster" "g" {
      global_cluster_identifier = "docs"
      engine                    = "docdb"
    }

    resource "aws_docdb_cluster" "primary" {
      cluster_identifier        = "docs-east"
      global_cluster_identifier = aws_docdb_global_cluster.g.id
    }

    resource "aws_docdb_cluster" "secondary" {
      provider                  = aws.west
      cluster_identifier        = "docs-west"
      global_cluster_identifier = aws_docdb_global_cluster.g.id
    }

    resource "aws_neptune_cluster" "graph" {
      cluster_identifier = "graph"
    }
  `, [{ messageId: 'noCopy', line: 26, column: 1 }]),
  tf('Neptune cluster in a global database whose secondary is deployed elsewhere is undecidable', PROVIDERS + `
    resource "aws_neptune_cluster" "graph" {
      cluster_identifier        = "graph"
      global_cluster_identifier = "graph-global"
    }
  `, [], { undecidable: [{ line: 12, column: 31, says: 'deployed separately' }] }),
  // ── issue 12: the whole solution in one region (2.13), and stores that hold only build output ──
  tf('a stateless application under one provider is deployed to one region only', `
    provider "aws" {
      region = "eu-west-1"
    }

    resource "aws_autoscaling_group" "web" {
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = ["subnet-1", "subnet-2"]
    }
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }]),
  tf('an application with a standby group under a second provider', PROVIDERS + `
    resource "aws_autoscaling_group" "web" {
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = ["subnet-1", "subnet-2"]
    }

    resource "aws_autoscaling_group" "standby" {
      provider            = aws.west
      min_size            = 0
      max_size            = 4
      vpc_zone_identifier = ["subnet-3", "subnet-4"]
    }
  `),
  tf('a provider region that cannot be known leaves the solution undecided', `
    variable "region" {
      type = string
    }

    provider "aws" {
      region = var.region
    }

    resource "aws_autoscaling_group" "web" {
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = ["subnet-1", "subnet-2"]
    }
  `, [], { undecidable: [{ line: 9, column: 1, says: 'more than one region' }] }),
  tf('CodePipeline artifact buckets are not judged', PROVIDERS + `
    resource "aws_s3_bucket" "artifacts" {
      bucket = "shop-pipeline-artifacts"
    }

    resource "aws_codepipeline" "deploy" {
      name     = "deploy"
      role_arn = "arn:aws:iam::111111111111:role/pipeline"

      artifact_store {
        location = aws_s3_bucket.artifacts.bucket
        type     = "S3"
      }
    }

    resource "aws_s3_bucket" "standby" {
      provider = aws.west
      bucket   = "shop-standby"
    }
  `, [{ messageId: 'noCopy', line: 24, column: 1 }]),
  cfn('a template configured into one region is the solution in one region', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [subnet-1, subnet-2]
  `, [{ messageId: 'oneRegion', line: 2, column: 3 }], EAST),
  cfn('templates configured into two regions', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [subnet-1, subnet-2]
  `, [], { ...EAST, files: { 'west.yaml': 'Resources:\n  Standby:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: "0"\n      MaxSize: "4"\n      VPCZoneIdentifier: [subnet-3, subnet-4]\n' } }),
  cfn('without configured regions the solution is undecided', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [subnet-1, subnet-2]
  `, [], { undecidable: [{ line: 2, column: 3, says: 'set `regions`' }] }),
  cfn('CDK asset and CodePipeline artifact buckets are not judged', `
    Resources:
      Assets:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: cdk-hnb659fds-assets-111111111111-us-east-1
      Artifacts:
        Type: AWS::S3::Bucket
      Pipeline:
        Type: AWS::CodePipeline::Pipeline
        Properties:
          RoleArn: arn:aws:iam::111111111111:role/pipeline
          ArtifactStore:
            Type: S3
            Location: !Ref Artifacts
          Stages: []
  `, [], { undecidable: [{ line: 6, column: 3, says: 'more than one region' }] }),
  tf('a bucket that receives server access logs is not judged; the bucket it logs for is', PROVIDERS + `
    resource "aws_s3_bucket" "orders" {
      bucket = "shop-orders"
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "shop-access-logs"
    }

    resource "aws_s3_bucket_logging" "orders" {
      bucket        = aws_s3_bucket.orders.id
      target_bucket = aws_s3_bucket.logs.id
      target_prefix = "orders/"
    }

    resource "aws_s3_bucket" "standby" {
      provider = aws.west
      bucket   = "shop-standby"
    }
  `, [{ messageId: 'noCopy', line: 10, column: 1 }, { messageId: 'noCopy', line: 24, column: 1 }]),
  cfn('a log bucket that declares its own replication is judged; another log bucket is not', `
    Resources:
      AuditLogs:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: LogDeliveryWrite
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: LogDeliveryWrite
          ReplicationConfiguration:
            Role: arn:aws:iam::111111111111:role/replication
            Rules:
              - Status: Enabled
                Destination:
                  Bucket: !GetAtt LogsCopy.Arn
      LogsCopy:
        Type: AWS::S3::Bucket
  `, [{ messageId: 'copySameRegion', line: 15, column: 23 }, { messageId: 'oneRegion', line: 2, column: 3 }], EAST),
  // ── Redshift (its data-store facet: cross-region snapshot copy) ──
  cfn('Redshift cluster without a snapshot copy', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          ClusterType: multi-node
          NodeType: ra3.xlplus
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
  `, [{ messageId: 'noCopy', line: 2, column: 3 }, { messageId: 'oneRegion', line: 2, column: 3 }], EAST),
  cfn('Redshift cluster copying snapshots to another region', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          ClusterType: multi-node
          NodeType: ra3.xlplus
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
          DestinationRegion: us-west-2
  `, [], EAST),
  cfn('Redshift cluster copying snapshots to its own region', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          ClusterType: multi-node
          NodeType: ra3.xlplus
          NumberOfNodes: 2
          DBName: dw
          MasterUsername: admin
          ManageMasterPassword: true
          DestinationRegion: us-east-1
  `, [{ messageId: 'copySameRegion', line: 11, column: 26 }, { messageId: 'oneRegion', line: 2, column: 3 }], EAST),
  tf('Redshift cluster without a snapshot copy', PROVIDERS + `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"
    }
  `, [{ messageId: 'noCopy', line: 10, column: 1 }, { messageId: 'oneRegion', line: 2, column: 3 }]),
  tf('Redshift cluster with an inline snapshot_copy to another region', PROVIDERS + `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"

      snapshot_copy {
        destination_region = "us-west-2"
      }
    }
  `),
  tf('Redshift cluster with an aws_redshift_snapshot_copy to its own region', PROVIDERS + `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"
    }

    resource "aws_redshift_snapshot_copy" "dw" {
      cluster_identifier = aws_redshift_cluster.dw.id
      destination_region = "us-east-1"
    }
  `, [{ messageId: 'copySameRegion', line: 17, column: 24 }, { messageId: 'oneRegion', line: 2, column: 3 }]),
]);
