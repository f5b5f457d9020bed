/** `multi-az` on Lambda functions in a VPC: their subnets are a compute group (kept apart from multi-az.test.ts, which issue 12's stores helper extends). */
import rule from '../../rules/reliability/multi-az.js';
import { cfn, ruleTester, tf } from './tester.js';

const SUBNETS = `
      SubnetA:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.0.0/24
          AvailabilityZone: eu-west-1a
      SubnetB:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.1.0/24
          AvailabilityZone: eu-west-1b`;

ruleTester(rule, [
  cfn('Lambda function in one subnet', `
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs22.x
          VpcConfig:
            SubnetIds: [!Ref SubnetA]
            SecurityGroupIds: [sg-123]${SUBNETS}
  `, [{ messageId: 'subnetsOneAz', line: 7, column: 21 }]),
  cfn('Lambda function in two zones, and one outside any VPC', `
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs22.x
          VpcConfig:
            SubnetIds: [!Ref SubnetA, !Ref SubnetB]
            SecurityGroupIds: [sg-123]
      Outside:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs22.x${SUBNETS}
  `),
  cfn('Lambda function in a subnet from a parameter is undecidable', `
    Parameters:
      Subnet: { Type: 'AWS::EC2::Subnet::Id' }
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs22.x
          VpcConfig:
            SubnetIds: [!Ref Subnet]
            SecurityGroupIds: [sg-123]
  `, [], { undecidable: [{ line: 9, column: 21 }] }),
  tf('Lambda function with both subnets in one zone', `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }
    resource "aws_subnet" "a2" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.2.0/24"
      availability_zone = "eu-west-1a"
    }
    resource "aws_lambda_function" "api" {
      function_name = "api"
      role          = "arn:aws:iam::111111111111:role/api"
      vpc_config {
        subnet_ids         = [aws_subnet.a.id, aws_subnet.a2.id]
        security_group_ids = ["sg-123"]
      }
    }
  `, [{ messageId: 'subnetsOneAz', line: 15, column: 27 }]),
  tf('Lambda function across two zones', `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }
    resource "aws_subnet" "b" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.1.0/24"
      availability_zone = "eu-west-1b"
    }
    resource "aws_lambda_function" "api" {
      function_name = "api"
      role          = "arn:aws:iam::111111111111:role/api"
      vpc_config {
        subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]
        security_group_ids = ["sg-123"]
      }
    }
  `),
]);
