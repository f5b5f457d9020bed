import rule from '../../rules/security/encryption-at-rest.js';
import { describe, expect, it } from 'vitest';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

const TF_PROVIDER = `
    provider "aws" {
      region = "us-east-1"
    }
`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('RDS instance without StorageEncrypted (default false)', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }]),
  cfn('RDS instance with StorageEncrypted false', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          StorageEncrypted: false
  `, [{ messageId: 'unencrypted', line: 6, column: 25 }]),
  cfn('RDS instance encrypted through a parameter default', `
    Parameters:
      Encrypt: { Type: String, Default: 'true' }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          StorageEncrypted: !Ref Encrypt
  `),
  cfn('RDS instance unencrypted through a parameter default', `
    Parameters:
      Encrypt: { Type: String, Default: 'false' }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          StorageEncrypted: !Ref Encrypt
  `, [{ messageId: 'unencrypted', line: 8, column: 25 }]),
  // Regression: a restored database takes the encryption of its snapshot; absent StorageEncrypted is not "false".
  cfn('RDS instance restored from a snapshot without StorageEncrypted is undecidable', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          DBSnapshotIdentifier: arn:aws:rds:us-east-1:111122223333:snapshot:orders-2024
          DBInstanceClass: db.t3.micro
  `, [], { undecidable: [{ line: 2, column: 3 }] }),
  cfn('Aurora cluster restored from a cluster snapshot without StorageEncrypted is undecidable', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          SnapshotIdentifier: arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders-2024
  `, [], { undecidable: [{ line: 2, column: 3 }] }),
  cfn('RDS instance restored from a snapshot with StorageEncrypted false still fails', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          DBSnapshotIdentifier: orders-2024
          DBInstanceClass: db.t3.micro
          StorageEncrypted: false
  `, [{ messageId: 'unencrypted', line: 7, column: 25 }]),
  cfn('RDS instance with an unknown setting is undecidable, not a finding', `
    Parameters:
      Encrypt: { Type: String }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          StorageEncrypted: !Ref Encrypt
  `, [], { undecidable: [{ line: 8, column: 25 }] }),
  cfn('Aurora Serverless v1 is always encrypted, whatever StorageEncrypted says', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          EngineMode: serverless
      Written:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          EngineMode: serverless
          StorageEncrypted: false
  `),
  cfn('Aurora provisioned mode keeps the unencrypted default', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          EngineMode: provisioned
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }]),
  cfn('Aurora cluster unencrypted; its instance is judged through the cluster', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-postgresql
      Writer:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-postgresql
          DBClusterIdentifier: !Ref Cluster
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }]),
  cfn('Aurora cluster encrypted with a customer key', `
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-postgresql
          StorageEncrypted: true
          KmsKeyId: !Ref Key
      Writer:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-postgresql
          DBClusterIdentifier: !Ref Cluster
  `),
  cfn('read replica inherits encryption from its source', `
    Resources:
      Source:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          StorageEncrypted: true
      Replica:
        Type: AWS::RDS::DBInstance
        Properties:
          SourceDBInstanceIdentifier: !Ref Source
  `),
  cfn('EFS without Encrypted, and explicitly false', `
    Resources:
      Files:
        Type: AWS::EFS::FileSystem
        Properties:
          PerformanceMode: generalPurpose
      More:
        Type: AWS::EFS::FileSystem
        Properties:
          Encrypted: false
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }, { messageId: 'unencrypted', line: 9, column: 18 }]),
  cfn('ElastiCache replication group without at-rest encryption', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          Engine: redis
          AtRestEncryptionEnabled: false
      Serverless:
        Type: AWS::ElastiCache::ServerlessCache
        Properties:
          Engine: redis
          ServerlessCacheName: s
  `, [{ messageId: 'unencrypted', line: 7, column: 32 }]),
  cfn('ElastiCache replication group encrypted', `
    Resources:
      Cache:
        Type: AWS::ElastiCache::ReplicationGroup
        Properties:
          ReplicationGroupDescription: sessions
          AtRestEncryptionEnabled: true
  `),
  cfn('DynamoDB table relying on the AWS-owned key: encryption-customer-key, not this rule', `
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
      Off:
        Type: AWS::DynamoDB::Table
        Properties:
          SSESpecification:
            SSEEnabled: false
  `, []),
  cfn('DynamoDB tables with the AWS-managed and a customer key', `
    Resources:
      Managed:
        Type: AWS::DynamoDB::Table
        Properties:
          SSESpecification:
            SSEEnabled: true
      Customer:
        Type: AWS::DynamoDB::Table
        Properties:
          SSESpecification:
            SSEEnabled: true
            SSEType: KMS
            KMSMasterKeyId: arn:aws:kms:us-east-1:111122223333:key/abc
  `),
  cfn('Backup vault without a customer key: encryption-customer-key, not this rule', `
    Resources:
      Vault:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: main
  `, []),
  cfn('Backup vault with a customer key', `
    Resources:
      Vault:
        Type: AWS::Backup::BackupVault
        Properties:
          BackupVaultName: main
          EncryptionKeyArn: arn:aws:kms:us-east-1:111122223333:key/abc
  `),
  cfn('EBS volume unencrypted, instance block device unencrypted', `
    Resources:
      Disk:
        Type: AWS::EC2::Volume
        Properties:
          AvailabilityZone: us-east-1a
          Size: 10
      Server:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          BlockDeviceMappings:
            - DeviceName: /dev/xvda
              Ebs:
                VolumeSize: 20
                Encrypted: false
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }, { messageId: 'unencrypted', line: 15, column: 24 }]),
  cfn('EBS volume and launch template encrypted', `
    Resources:
      Disk:
        Type: AWS::EC2::Volume
        Properties:
          AvailabilityZone: us-east-1a
          Size: 10
          Encrypted: true
      Template:
        Type: AWS::EC2::LaunchTemplate
        Properties:
          LaunchTemplateData:
            BlockDeviceMappings:
              - DeviceName: /dev/xvda
                Ebs:
                  Encrypted: true
  `),
  cfn('S3 bucket with the SSE-S3 default is not reported', `
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
  `),

  // ── Terraform ──
  tf('aws_db_instance without storage_encrypted', `
    resource "aws_db_instance" "db" {
      engine         = "postgres"
      instance_class = "db.t3.micro"
    }
  `, [{ messageId: 'unencrypted', line: 1, column: 1 }]),
  tf('aws_db_instance unencrypted through a variable', `
    variable "encrypt" {
      default = false
    }

    resource "aws_db_instance" "db" {
      engine            = "postgres"
      storage_encrypted = var.encrypt
    }
  `, [{ messageId: 'unencrypted', line: 7, column: 23 }]),
  tf('aws_db_instance with an unknown variable', `
    variable "encrypt" {
      type = bool
    }

    resource "aws_db_instance" "db" {
      engine            = "postgres"
      storage_encrypted = var.encrypt
    }
  `),
  tf('aws_rds_cluster in engine_mode serverless is always encrypted', `
    resource "aws_rds_cluster" "main" {
      engine      = "aurora-mysql"
      engine_mode = "serverless"
    }
  `),
  tf('aws_rds_cluster in engine_mode provisioned keeps the unencrypted default', `
    resource "aws_rds_cluster" "main" {
      engine      = "aurora-mysql"
      engine_mode = "provisioned"
    }
  `, [{ messageId: 'unencrypted', line: 1, column: 1 }]),
  tf('aws_rds_cluster unencrypted with its instance', `
    resource "aws_rds_cluster" "main" {
      engine            = "aurora-mysql"
      storage_encrypted = false
    }

    resource "aws_rds_cluster_instance" "one" {
      cluster_identifier = aws_rds_cluster.main.id
      instance_class     = "db.r6g.large"
    }
  `, [{ messageId: 'unencrypted', line: 3, column: 23 }]),
  tf('aws_rds_cluster encrypted with a key', `
    resource "aws_kms_key" "k" {
      enable_key_rotation = true
    }

    resource "aws_rds_cluster" "main" {
      engine            = "aurora-mysql"
      storage_encrypted = true
      kms_key_id        = aws_kms_key.k.arn
    }
  `),
  tf('aws_efs_file_system unencrypted', `
    resource "aws_efs_file_system" "files" {
      creation_token = "files"
    }
  `, [{ messageId: 'unencrypted', line: 1, column: 1 }]),
  tf('ElastiCache replication group at rest off', `
    resource "aws_elasticache_replication_group" "cache" {
      replication_group_id       = "cache"
      description                = "sessions"
      at_rest_encryption_enabled = false
    }
  `, [{ messageId: 'unencrypted', line: 4, column: 32 }]),
  tf('SQS default, SNS and SQS with KMS keys, encrypted cache and EFS', `
    resource "aws_kms_key" "k" {
      enable_key_rotation = true
    }

    resource "aws_sqs_queue" "default" {}

    resource "aws_sqs_queue" "kms" {
      kms_master_key_id = aws_kms_key.k.arn
    }

    resource "aws_sns_topic" "t" {
      kms_master_key_id = "alias/aws/sns"
    }

    resource "aws_elasticache_replication_group" "cache" {
      replication_group_id       = "cache"
      description                = "sessions"
      at_rest_encryption_enabled = true
    }

    resource "aws_efs_file_system" "files" {
      encrypted = true
    }
  `),
  tf('DynamoDB without server_side_encryption: encryption-customer-key, not this rule', `
    resource "aws_dynamodb_table" "t" {
      name     = "t"
      hash_key = "id"
    }
  `, []),
  tf('DynamoDB with a customer key, vault with a key', `
    resource "aws_dynamodb_table" "t" {
      name     = "t"
      hash_key = "id"

      server_side_encryption {
        enabled     = true
        kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/abc"
      }
    }

    resource "aws_backup_vault" "v" {
      name        = "v"
      kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/abc"
    }
  `),
  tf('Backup vault without a key: encryption-customer-key, not this rule', `
    resource "aws_backup_vault" "v" {
      name = "v"
    }
  `, []),
  tf('EBS volume unencrypted', `
    resource "aws_ebs_volume" "disk" {
      availability_zone = "us-east-1a"
      size              = 10
    }
  `, [{ messageId: 'unencrypted', line: 1, column: 1 }]),
  tf('EBS volume unencrypted but encryption by default is on', `
    resource "aws_ebs_encryption_by_default" "on" {
      enabled = true
    }

    resource "aws_ebs_volume" "disk" {
      availability_zone = "us-east-1a"
      size              = 10
    }
  `),
  tf('instance root block device unencrypted', TF_PROVIDER + `
    resource "aws_instance" "web" {
      ami           = "ami-12345678"
      instance_type = "t3.micro"

      root_block_device {
        encrypted = false
      }
    }
  `, [{ messageId: 'unencrypted', line: 10, column: 17 }]),
  // ── issue 12: search domains, MSK, DocumentDB, Neptune, Kinesis and Firehose ──
  cfn('OpenSearch domain without encryption at rest; one with it', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          EngineVersion: OpenSearch_2.11
      Encrypted:
        Type: AWS::Elasticsearch::Domain
        Properties:
          EncryptionAtRestOptions:
            Enabled: true
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }]),
  cfn('DocumentDB cluster storage unencrypted (default); Neptune cluster encrypted', `
    Resources:
      Docs:
        Type: AWS::DocDB::DBCluster
        Properties:
          MasterUsername: admin
      Graph:
        Type: AWS::Neptune::DBCluster
        Properties:
          StorageEncrypted: true
  `, [{ messageId: 'unencrypted', line: 2, column: 3 }]),
  tf('aws_opensearch_domain unencrypted; aws_elasticsearch_domain encrypted', `
    resource "aws_opensearch_domain" "search" {
      domain_name = "search"
      encrypt_at_rest {
        enabled = false
      }
    }

    resource "aws_elasticsearch_domain" "legacy" {
      domain_name = "legacy"
      encrypt_at_rest {
        enabled = true
      }
    }
  `, [{ messageId: 'unencrypted', line: 4, column: 15 }]),
  tf('aws_neptune_cluster unencrypted; aws_docdb_cluster encrypted; a setting from an unknown variable', `
    variable "encrypted" {
      type = bool
    }

    resource "aws_neptune_cluster" "graph" {
      cluster_identifier = "graph"
    }

    resource "aws_docdb_cluster" "docs" {
      cluster_identifier = "docs"
      storage_encrypted  = true
    }

    resource "aws_docdb_cluster" "other" {
      cluster_identifier = "other"
      storage_encrypted  = var.encrypted
    }
  `, [{ messageId: 'unencrypted', line: 5, column: 1 }], { undecidable: [{ line: 16, column: 24, says: 'DocumentDB cluster storage' }] }),
  // ── Redshift (its data-store facet: encrypted by default) ──
  cfn('Redshift cluster with Encrypted false', `
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
          Encrypted: false
  `, [{ messageId: 'unencrypted', line: 11, column: 18 }]),
  cfn('Redshift cluster encrypted by default', `
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
  `),
  tf('Redshift cluster with encrypted false', `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"
      encrypted          = false
    }
  `, [{ messageId: 'unencrypted', line: 4, column: 24 }]),
  tf('Redshift cluster with encrypted false but a KMS key', `
    resource "aws_redshift_cluster" "dw" {
      cluster_identifier = "dw"
      node_type          = "ra3.xlplus"
      encrypted          = false
      kms_key_id         = "arn:aws:kms:us-east-1:111122223333:key/abc"
    }
  `),
  // ── Auto Scaling launch configurations (issue 11 item 2) ──
  cfn('launch configuration with an unencrypted and a defaulted EBS device', `
    Resources:
      Config:
        Type: AWS::AutoScaling::LaunchConfiguration
        Properties:
          ImageId: ami-12345678
          InstanceType: t3.micro
          BlockDeviceMappings:
            - DeviceName: /dev/xvda
              Ebs:
                VolumeSize: 20
                Encrypted: false
            - DeviceName: /dev/sdf
              Ebs:
                VolumeSize: 100
            - DeviceName: /dev/sdg
              VirtualName: ephemeral0
  `, [{ messageId: 'unencrypted', line: 11, column: 24 }, { messageId: 'unencrypted', line: 13, column: 11 }]),
  cfn('launch configuration with encrypted EBS devices', `
    Resources:
      Config:
        Type: AWS::AutoScaling::LaunchConfiguration
        Properties:
          ImageId: ami-12345678
          InstanceType: t3.micro
          BlockDeviceMappings:
            - DeviceName: /dev/xvda
              Ebs:
                Encrypted: true
  `),
  cfn('launch configuration with an imported encryption setting is undecidable', `
    Resources:
      Config:
        Type: AWS::AutoScaling::LaunchConfiguration
        Properties:
          ImageId: ami-12345678
          InstanceType: t3.micro
          BlockDeviceMappings:
            - DeviceName: /dev/xvda
              Ebs:
                Encrypted: !ImportValue disk-encryption
  `, [], { undecidable: [{ line: 10, column: 24 }] }),
  tf('aws_launch_configuration with an unencrypted root and a defaulted EBS device', `
    resource "aws_launch_configuration" "web" {
      image_id      = "ami-12345678"
      instance_type = "t3.micro"

      root_block_device {
        volume_size = 20
        encrypted   = false
      }

      ebs_block_device {
        device_name = "/dev/sdf"
        volume_size = 100
      }
    }
  `, [{ messageId: 'unencrypted', line: 7, column: 19 }, { messageId: 'unencrypted', line: 10, column: 3 }]),
  tf('aws_launch_configuration with encrypted devices', `
    resource "aws_launch_configuration" "web" {
      image_id      = "ami-12345678"
      instance_type = "t3.micro"

      root_block_device {
        encrypted = true
      }

      ebs_block_device {
        device_name = "/dev/sdf"
        encrypted   = true
      }
    }
  `),
  tf('aws_launch_configuration with unencrypted devices passes under EBS encryption by default', `
    resource "aws_ebs_encryption_by_default" "on" {
      enabled = true
    }

    resource "aws_launch_configuration" "web" {
      image_id      = "ami-12345678"
      instance_type = "t3.micro"

      root_block_device {
        volume_size = 20
      }
    }
  `),
  tf('aws_launch_configuration with an unknown variable is undecidable', `
    variable "encrypt" {
      type = bool
    }

    resource "aws_launch_configuration" "web" {
      image_id      = "ami-12345678"
      instance_type = "t3.micro"

      root_block_device {
        encrypted = var.encrypt
      }
    }
  `, [], { undecidable: [{ line: 10, column: 17 }] }),
]);

describe('encryption-at-rest: CloudFormation restores and messages', () => {
  it('says it could not decide the encryption of a database restored from a snapshot', async () => {
    const { result } = await scanFiles({ 'template.yaml': dedent(`
      Resources:
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            DBSnapshotIdentifier: orders-2024
            DBInstanceClass: db.t3.micro
    `) }, { rules: ['encryption-at-rest'] });
    expect(result.findings).toEqual([]);
    expect(result.notices.map((n) => n.message)).toEqual([
      'could not decide: RDS DB instance storage encryption at rest is unknown: StorageEncrypted is not set and DBSnapshotIdentifier is: the encryption is that of the snapshot or source it is restored from',
    ]);
  });
});
