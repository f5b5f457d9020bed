import rule from '../../rules/security/encryption-customer-key.js';
import { cfn, ruleTester, tf } from './tester.js';

// EKS clusters: Kubernetes API data is envelope-encrypted by default with an AWS-owned key (1.28+);
// a customer key comes from EncryptionConfig / encryption_config for "secrets".
ruleTester(rule, [
  cfn('EKS cluster without EncryptionConfig; one encrypting no secrets', `
    Resources:
      Cluster:
        Type: AWS::EKS::Cluster
        Properties:
          RoleArn: arn:aws:iam::111122223333:role/eks
          ResourcesVpcConfig:
            SubnetIds: [subnet-1, subnet-2]
      Other:
        Type: AWS::EKS::Cluster
        Properties:
          RoleArn: arn:aws:iam::111122223333:role/eks
          ResourcesVpcConfig:
            SubnetIds: [subnet-1, subnet-2]
          EncryptionConfig:
            - Resources: [configmaps]
              Provider:
                KeyArn: arn:aws:kms:us-east-1:111122223333:key/abc
  `, [{ messageId: 'defaultKey', line: 2, column: 3 }, { messageId: 'defaultKey', line: 15, column: 9 }]),
  cfn('EKS cluster encrypting secrets with a key of the stack', `
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          EnableKeyRotation: true
      Cluster:
        Type: AWS::EKS::Cluster
        Properties:
          RoleArn: arn:aws:iam::111122223333:role/eks
          ResourcesVpcConfig:
            SubnetIds: [subnet-1, subnet-2]
          EncryptionConfig:
            - Resources: [secrets]
              Provider:
                KeyArn: !GetAtt Key.Arn
  `),
  cfn('EKS cluster whose encryption configuration depends on a condition: undecidable', `
    Parameters:
      KeyArn:
        Type: String
    Conditions:
      HasKey: !Not [!Equals [!Ref KeyArn, '']]
    Resources:
      Cluster:
        Type: AWS::EKS::Cluster
        Properties:
          RoleArn: arn:aws:iam::111122223333:role/eks
          ResourcesVpcConfig:
            SubnetIds: [subnet-1, subnet-2]
          EncryptionConfig: !If
            - HasKey
            - - Resources: [secrets]
                Provider:
                  KeyArn: !Ref KeyArn
            - []
  `, [], { undecidable: [{ line: 13, column: 25, says: 'EKS cluster' }] }),
  tf('EKS cluster without encryption_config', `
    resource "aws_eks_cluster" "main" {
      name     = "main"
      role_arn = "arn:aws:iam::111122223333:role/eks"
      vpc_config {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
    }
  `, [{ messageId: 'defaultKey', line: 1, column: 1 }]),
  tf('EKS cluster encrypting secrets with a key of the configuration', `
    resource "aws_kms_key" "eks" {
      enable_key_rotation = true
    }
    resource "aws_eks_cluster" "main" {
      name     = "main"
      role_arn = "arn:aws:iam::111122223333:role/eks"
      vpc_config {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
      encryption_config {
        resources = ["secrets"]
        provider {
          key_arn = aws_kms_key.eks.arn
        }
      }
    }
  `),
  tf('EKS cluster whose encrypted resources come from a variable: undecidable', `
    variable "resources" {
      type = list(string)
    }
    resource "aws_eks_cluster" "main" {
      name     = "main"
      role_arn = "arn:aws:iam::111122223333:role/eks"
      vpc_config {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
      encryption_config {
        resources = var.resources
        provider {
          key_arn = "arn:aws:kms:us-east-1:111122223333:key/abc"
        }
      }
    }
  `, [], { undecidable: [{ line: 11, column: 17, says: 'EKS cluster' }] }),
]);
