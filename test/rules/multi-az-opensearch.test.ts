/** `multi-az` on OpenSearch domains in a VPC (their subnets count as zones when zone awareness is not written) and MSK Serverless. */
import rule from '../../rules/reliability/multi-az.js';
import { cfn, ruleTester, tf } from './tester.js';

const SUBNETS = `
      SubnetA:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.0.0/24
          AvailabilityZone: !Select [0, !GetAZs '']
      SubnetB:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.1.0/24
          AvailabilityZone: !Select [1, !GetAZs '']`;

ruleTester(rule, [
  cfn('OpenSearch domain in a VPC over subnets of two zones: zone aware, so the missing dedicated masters are found; one over one subnet', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: 2
          VPCOptions:
            SubnetIds: [!Ref SubnetA, !Ref SubnetB]
      Small:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: 2
          VPCOptions:
            SubnetIds: [!Ref SubnetA]${SUBNETS}
  `, [{ messageId: 'noManagers', line: 5, column: 7 }, { messageId: 'subnetsOneAz', line: 15, column: 21 }]),
  cfn('OpenSearch domain in a VPC over two zones with dedicated masters; MSK Serverless (multi-AZ by design)', `
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: 2
            DedicatedMasterEnabled: true
          VPCOptions:
            SubnetIds: [!Ref SubnetA, !Ref SubnetB]
      Events:
        Type: AWS::MSK::ServerlessCluster
        Properties:
          ClusterName: events
          ClientAuthentication: { Sasl: { Iam: { Enabled: true } } }
          VpcConfigs:
            - SubnetIds: [!Ref SubnetA, !Ref SubnetB]${SUBNETS}
  `),
  cfn('OpenSearch domain on subnets read from an SSM parameter is undecidable', `
    Parameters:
      Subnets:
        Type: AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>
        Default: /network/search-subnets
    Resources:
      Search:
        Type: AWS::OpenSearchService::Domain
        Properties:
          ClusterConfig:
            InstanceCount: 2
            DedicatedMasterEnabled: true
          VPCOptions:
            SubnetIds: !Ref Subnets
  `, [], { undecidable: [{ line: 13, column: 20, says: 'read from SSM' }] }),
  tf('aws_opensearch_domain in one subnet without zone awareness', `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }

    resource "aws_opensearch_domain" "search" {
      domain_name = "search"
      cluster_config {
        instance_count = 2
      }
      vpc_options {
        subnet_ids = [aws_subnet.a.id]
      }
    }
  `, [{ messageId: 'subnetsOneAz', line: 13, column: 19 }]),
  tf('aws_opensearch_domain over two zones with dedicated masters; aws_msk_serverless_cluster', `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }

    resource "aws_subnet" "b" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.1.0/24"
      availability_zone = "eu-west-1b"
    }

    resource "aws_opensearch_domain" "search" {
      domain_name = "search"
      cluster_config {
        instance_count           = 2
        dedicated_master_enabled = true
      }
      vpc_options {
        subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
      }
    }

    resource "aws_msk_serverless_cluster" "events" {
      cluster_name = "events"
      vpc_config {
        subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
      }
      client_authentication {
        sasl {
          iam {
            enabled = true
          }
        }
      }
    }
  `),
]);
