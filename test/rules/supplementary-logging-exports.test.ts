/** `supplementary-logging` on EKS control-plane logs and RDS database log exports. */
import rule from '../../rules/reliability/supplementary-logging.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('EKS cluster without control-plane logs; RDS instance and Aurora cluster exporting nothing', `
    Resources:
      Cluster:
        Type: AWS::EKS::Cluster
        Properties:
          RoleArn: arn:aws:iam::111111111111:role/eks
          ResourcesVpcConfig:
            SubnetIds: [subnet-1, subnet-2]
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          DBInstanceClass: db.t3.micro
      Aurora:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          EnableCloudwatchLogsExports: []
      Writer:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: aurora-mysql
          DBClusterIdentifier: !Ref Aurora
  `, [{ messageId: 'notDelivered', line: 2, column: 3 }, { messageId: 'notDelivered', line: 8, column: 3 }, { messageId: 'notDelivered', line: 17, column: 36 }]),
  cfn('EKS cluster sending audit logs; RDS instance exporting its logs; Aurora Serverless v1 not judged', `
    Resources:
      Cluster:
        Type: AWS::EKS::Cluster
        Properties:
          RoleArn: arn:aws:iam::111111111111:role/eks
          ResourcesVpcConfig:
            SubnetIds: [subnet-1, subnet-2]
          Logging:
            ClusterLogging:
              EnabledTypes:
                - Type: api
                - Type: audit
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: mysql
          DBInstanceClass: db.t3.micro
          EnableCloudwatchLogsExports: [error, slowquery, audit]
      Legacy:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-mysql
          EngineMode: serverless
  `),
  cfn('log exports from a parameter without default are undecidable', `
    Parameters:
      Exports: { Type: CommaDelimitedList }
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          DBInstanceClass: db.t3.micro
          EnableCloudwatchLogsExports: !Ref Exports
  `, [], { undecidable: [{ line: 9, column: 36 }] }),
  tf('aws_eks_cluster without log types; aws_rds_cluster exporting nothing', `
    resource "aws_eks_cluster" "main" {
      name     = "main"
      role_arn = "arn:aws:iam::111111111111:role/eks"
      vpc_config {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
    }

    resource "aws_rds_cluster" "main" {
      engine = "aurora-postgresql"
    }
  `, [{ messageId: 'notDelivered', line: 1, column: 1 }, { messageId: 'notDelivered', line: 9, column: 1 }]),
  tf('aws_eks_cluster with audit logs; aws_db_instance exporting postgresql logs', `
    resource "aws_eks_cluster" "main" {
      name                      = "main"
      role_arn                  = "arn:aws:iam::111111111111:role/eks"
      enabled_cluster_log_types = ["api", "audit"]
      vpc_config {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
    }

    resource "aws_db_instance" "main" {
      engine                          = "postgres"
      instance_class                  = "db.t3.micro"
      enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
    }
  `),
  tf('log types from a variable without default are undecidable', `
    variable "log_types" {
      type = list(string)
    }

    resource "aws_eks_cluster" "main" {
      name                      = "main"
      role_arn                  = "arn:aws:iam::111111111111:role/eks"
      enabled_cluster_log_types = var.log_types
      vpc_config {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
    }
  `, [], { undecidable: [{ line: 8, column: 31 }] }),
]);
