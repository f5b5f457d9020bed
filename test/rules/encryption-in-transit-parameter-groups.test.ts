// encryption-in-transit on settings kept in parameter groups (issue 11 item 2): Redshift `require_ssl`,
// DocumentDB `tls`. The store names its group; the linker (src/model/link-transit.ts) joins the setting.
import rule from '../../rules/security/encryption-in-transit.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('Redshift cluster in the default parameter group (require_ssl false)', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          NodeType: ra3.xlplus
          ClusterType: single-node
  `, [{ messageId: 'storePlainText', line: 2, column: 3 }]),
  cfn('Redshift cluster whose parameter group sets require_ssl false', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          NodeType: ra3.xlplus
          ClusterParameterGroupName: !Ref WarehouseParameters
      WarehouseParameters:
        Type: AWS::Redshift::ClusterParameterGroup
        Properties:
          Description: warehouse
          ParameterGroupFamily: redshift-1.0
          Parameters:
            - ParameterName: require_ssl
              ParameterValue: 'false'
  `, [{ messageId: 'storePlainText', line: 14, column: 27 }]),
  cfn('Redshift cluster whose parameter group requires SSL, DocumentDB cluster in the default group', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          NodeType: ra3.xlplus
          ClusterParameterGroupName: !Ref WarehouseParameters
      WarehouseParameters:
        Type: AWS::Redshift::ClusterParameterGroup
        Properties:
          Description: warehouse
          ParameterGroupFamily: redshift-1.0
          Parameters:
            - ParameterName: require_ssl
              ParameterValue: 'true'
      Documents:
        Type: AWS::DocDB::DBCluster
        Properties:
          StorageEncrypted: true
  `),
  cfn('DocumentDB cluster whose parameter group turns tls off', `
    Resources:
      Documents:
        Type: AWS::DocDB::DBCluster
        Properties:
          StorageEncrypted: true
          DBClusterParameterGroupName: !Ref DocumentParameters
      DocumentParameters:
        Type: AWS::DocDB::DBClusterParameterGroup
        Properties:
          Description: documents
          Family: docdb5.0
          Parameters:
            tls: disabled
  `, [{ messageId: 'storePlainText', line: 13, column: 14 }]),
  cfn('Redshift cluster in a parameter group outside the scan', `
    Resources:
      Warehouse:
        Type: AWS::Redshift::Cluster
        Properties:
          NodeType: ra3.xlplus
          ClusterParameterGroupName: shared-warehouse-parameters
  `, [], { undecidable: [{ line: 6, column: 34 }] }),
  tf('aws_redshift_cluster in the default parameter group', `
    resource "aws_redshift_cluster" "warehouse" {
      cluster_identifier = "warehouse"
      node_type          = "ra3.xlplus"
    }
  `, [{ messageId: 'storePlainText', line: 1, column: 1 }]),
  tf('aws_docdb_cluster_parameter_group with tls disabled', `
    resource "aws_docdb_cluster" "documents" {
      storage_encrypted               = true
      db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.documents.name
    }
    resource "aws_docdb_cluster_parameter_group" "documents" {
      family = "docdb5.0"
      parameter {
        name  = "tls"
        value = "disabled"
      }
    }
  `, [{ messageId: 'storePlainText', line: 9, column: 13 }]),
  tf('aws_redshift_parameter_group with require_ssl true', `
    resource "aws_redshift_cluster" "warehouse" {
      cluster_identifier         = "warehouse"
      node_type                  = "ra3.xlplus"
      cluster_parameter_group_name = aws_redshift_parameter_group.warehouse.name
    }
    resource "aws_redshift_parameter_group" "warehouse" {
      name   = "warehouse"
      family = "redshift-1.0"
      parameter {
        name  = "require_ssl"
        value = "true"
      }
    }
  `),
]);
