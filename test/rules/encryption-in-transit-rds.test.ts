// encryption-in-transit on RDS/Aurora parameter groups (issue 11 item 2): `rds.force_ssl` (RDS for
// PostgreSQL and SQL Server, Aurora PostgreSQL) and `require_secure_transport` (RDS for MySQL and
// MariaDB, Aurora MySQL). The defaults follow the engine and its version (src/model/rds/transit.ts).
import rule from '../../rules/security/encryption-in-transit.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('PostgreSQL 16 in a group that sets rds.force_ssl 0', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          EngineVersion: '16.3'
          StorageEncrypted: true
          DBParameterGroupName: !Ref DbParameters
      DbParameters:
        Type: AWS::RDS::DBParameterGroup
        Properties:
          Description: app
          Family: postgres16
          Parameters:
            rds.force_ssl: 0
  `, [{ messageId: 'storePlainText', line: 15, column: 24 }]),
  cfn('PostgreSQL 14 in the default parameter group (rds.force_ssl 0 up to 14)', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          EngineVersion: '14.12'
          StorageEncrypted: true
  `, [{ messageId: 'storePlainText', line: 2, column: 3 }]),
  cfn('PostgreSQL 16 in the default group, and a MySQL 8.0 instance whose group requires secure transport', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          EngineVersion: '16.3'
          StorageEncrypted: true
      Orders:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          EngineVersion: '8.0.39'
          DBParameterGroupName: !Ref OrdersParameters
      OrdersParameters:
        Type: AWS::RDS::DBParameterGroup
        Properties:
          Description: orders
          Family: mysql8.0
          Parameters:
            require_secure_transport: 'ON'
  `),
  cfn('Aurora MySQL cluster whose cluster group leaves require_secure_transport at its default (OFF)', `
    Resources:
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          StorageEncrypted: true
          DBClusterParameterGroupName: !Ref ClusterParameters
      ClusterParameters:
        Type: AWS::RDS::DBClusterParameterGroup
        Properties:
          Description: cluster
          Family: aurora-mysql8.0
          Parameters:
            time_zone: UTC
  `, [{ messageId: 'storePlainText', line: 13, column: 7 }]),
  cfn('SQL Server in the default group (rds.force_ssl 0)', `
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: sqlserver-se
          LicenseModel: license-included
          StorageEncrypted: true
  `, [{ messageId: 'storePlainText', line: 2, column: 3 }]),
  cfn('undecidable: a group outside the scan, a version from a parameter', `
    Parameters:
      Version:
        Type: String
    Resources:
      Shared:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          StorageEncrypted: true
          DBParameterGroupName: shared-mysql-parameters
      Versioned:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          EngineVersion: !Ref Version
          StorageEncrypted: true
  `, [], { undecidable: [{ line: 10, column: 29 }, { line: 15, column: 22 }] }),
  tf('aws_db_parameter_group with rds.force_ssl 0', `
    resource "aws_db_instance" "db" {
      engine               = "postgres"
      engine_version       = "16.3"
      instance_class       = "db.t4g.micro"
      storage_encrypted    = true
      parameter_group_name = aws_db_parameter_group.db.name
    }
    resource "aws_db_parameter_group" "db" {
      family = "postgres16"
      parameter {
        name  = "rds.force_ssl"
        value = "0"
      }
    }
  `, [{ messageId: 'storePlainText', line: 12, column: 13 }]),
  tf('aws_rds_cluster (Aurora PostgreSQL) in the default cluster parameter group', `
    resource "aws_rds_cluster" "app" {
      engine            = "aurora-postgresql"
      engine_version    = "16.4"
      storage_encrypted = true
    }
  `, [{ messageId: 'storePlainText', line: 1, column: 1 }]),
  tf('MariaDB 10.4 cannot require TLS; MySQL without a version gets the default group', `
    resource "aws_db_instance" "legacy" {
      engine            = "mariadb"
      engine_version    = "10.4.34"
      instance_class    = "db.t4g.micro"
      storage_encrypted = true
    }
    resource "aws_db_instance" "orders" {
      engine            = "mysql"
      instance_class    = "db.t4g.micro"
      storage_encrypted = true
    }
  `, [{ messageId: 'storePlainText', line: 1, column: 1 }, { messageId: 'storePlainText', line: 7, column: 1 }]),
  tf('Aurora MySQL cluster group requiring secure transport; PostgreSQL 15 default group; MariaDB 11.8 default group', `
    resource "aws_rds_cluster" "app" {
      engine                          = "aurora-mysql"
      storage_encrypted               = true
      db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.app.name
    }
    resource "aws_rds_cluster_parameter_group" "app" {
      family = "aurora-mysql8.0"
      parameter {
        name  = "require_secure_transport"
        value = "ON"
      }
    }
    resource "aws_db_instance" "pg" {
      engine            = "postgres"
      engine_version    = "15.7"
      instance_class    = "db.t4g.micro"
      storage_encrypted = true
    }
    resource "aws_db_instance" "maria" {
      engine            = "mariadb"
      engine_version    = "11.8.3"
      instance_class    = "db.t4g.micro"
      storage_encrypted = true
    }
  `),
  tf('undecidable: MariaDB without a version, a group named by a variable', `
    variable "group" {
      type = string
    }
    resource "aws_db_instance" "maria" {
      engine            = "mariadb"
      instance_class    = "db.t4g.micro"
      storage_encrypted = true
    }
    resource "aws_db_instance" "pg" {
      engine               = "postgres"
      engine_version       = "16.3"
      instance_class       = "db.t4g.micro"
      storage_encrypted    = true
      parameter_group_name = var.group
    }
  `, [], { undecidable: [{ line: 4, column: 1 }, { line: 14, column: 26 }] }),
  tf('parameter_group_name = null is the default group (MySQL 8.0: OFF); MySQL 5.6 cannot require TLS', `
    resource "aws_db_instance" "orders" {
      engine               = "mysql"
      engine_version       = "8.0.39"
      instance_class       = "db.t4g.micro"
      storage_encrypted    = true
      parameter_group_name = null
    }
    resource "aws_db_instance" "legacy" {
      engine            = "mysql"
      engine_version    = "5.6.51"
      instance_class    = "db.t4g.micro"
      storage_encrypted = true
    }
  `, [{ messageId: 'storePlainText', line: 1, column: 1 }, { messageId: 'storePlainText', line: 8, column: 1 }]),
  tf('a literal default group name decides by its family', `
    resource "aws_db_instance" "pg" {
      engine               = "postgres"
      engine_version       = "14.12"
      instance_class       = "db.t4g.micro"
      storage_encrypted    = true
      parameter_group_name = "default.postgres14"
    }
  `, [{ messageId: 'storePlainText', line: 6, column: 26 }]),
]);
