/** `multi-az` on lone EC2 instances: instances serving a load balancer on their own, and the only instance of a role. */
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
  // ── CloudFormation ──
  cfn('an instance serving a target group on its own', `
    Resources:
      Web:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetA
          SecurityGroupIds: [sg-web]
      Pool:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Port: 80
          Protocol: HTTP
          VpcId: vpc-123
          Targets:
            - Id: !Ref Web${SUBNETS}
  `, [{ messageId: 'servesAlone', line: 2, column: 3 }]),
  cfn('two instances of a target group in zones 0 and 1 of Fn::GetAZs; a target group an Auto Scaling group also serves', `
    Resources:
      WebA:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetA
          SecurityGroupIds: [sg-web]
      WebB:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetB
          SecurityGroupIds: [sg-web]
      Pool:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Port: 80
          Protocol: HTTP
          VpcId: vpc-123
          Targets:
            - Id: !Ref WebA
            - Id: !Ref WebB
      Api:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetA
          SecurityGroupIds: [sg-api]
      ApiPool:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Port: 80
          Protocol: HTTP
          VpcId: vpc-123
          Targets:
            - Id: !Ref Api
      ApiGroup:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
          TargetGroupARNs: [!Ref ApiPool]${SUBNETS}
  `),
  cfn('the only instance of its role (a bastion) in zone 0 of Fn::GetAZs', `
    Resources:
      Bastion:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          AvailabilityZone: !Select [0, !GetAZs '']
          SecurityGroupIds: [sg-bastion]
  `, [{ messageId: 'loneInstance', line: 2, column: 3 }]),
  cfn('two instances of one role in the same zone; two of another role in zones 0 and 1', `
    Resources:
      WorkerA:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetA
          SecurityGroupIds: [sg-worker]
      WorkerB:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          AvailabilityZone: !Select [0, !GetAZs '']
          SecurityGroupIds: [sg-worker]
      CacheA:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetA
          SecurityGroupIds: [sg-cache, sg-base]
      CacheB:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetB
          SecurityGroupIds: [sg-base, sg-cache]${SUBNETS}
  `, [{ messageId: 'roleOneAz', line: 2, column: 3 }]),
  cfn('two instances of one role on subnets read from SSM parameters are undecidable', `
    Parameters:
      SubnetOne:
        Type: AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>
        Default: /network/subnet-one
      SubnetTwo:
        Type: AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>
        Default: /network/subnet-two
    Resources:
      WorkerA:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetOne
          SecurityGroupIds: [sg-worker]
      WorkerB:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SubnetId: !Ref SubnetTwo
          SecurityGroupIds: [sg-worker]
  `, [], { undecidable: [{ line: 13, column: 17, says: 'read from SSM' }] }),
  cfn('an instance whose security group is a parameter without default is undecidable', `
    Parameters:
      Group: { Type: 'AWS::EC2::SecurityGroup::Id' }
    Resources:
      Worker:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          SecurityGroupIds: [!Ref Group]
      Other:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          AvailabilityZone: eu-west-1a
          SecurityGroupIds: [sg-other]
      OtherB:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
          AvailabilityZone: eu-west-1b
          SecurityGroupIds: [sg-other]
  `, [], { undecidable: [{ line: 8, column: 26, says: 'only one of its role' }] }),
  // ── Terraform ──
  tf('an aws_instance attached alone to a target group', `
    resource "aws_instance" "web" {
      ami                    = "ami-12345678"
      instance_type          = "t3.micro"
      availability_zone      = "eu-west-1a"
      vpc_security_group_ids = ["sg-web"]
    }

    resource "aws_lb_target_group" "web" {
      port     = 80
      protocol = "HTTP"
      vpc_id   = "vpc-1"
    }

    resource "aws_lb_target_group_attachment" "web" {
      target_group_arn = aws_lb_target_group.web.arn
      target_id        = aws_instance.web.id
    }
  `, [{ messageId: 'servesAlone', line: 1, column: 1 }]),
  tf('aws_instance with count 2 over zones of aws_availability_zones; a target group an Auto Scaling group is attached to', `
    data "aws_availability_zones" "azs" {}

    resource "aws_subnet" "app" {
      count             = 2
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.\${count.index}.0/24"
      availability_zone = data.aws_availability_zones.azs.names[count.index]
    }

    resource "aws_instance" "worker" {
      count                  = 2
      ami                    = "ami-12345678"
      instance_type          = "t3.micro"
      subnet_id              = aws_subnet.app[count.index].id
      vpc_security_group_ids = ["sg-worker"]
    }

    resource "aws_instance" "api" {
      ami                    = "ami-12345678"
      instance_type          = "t3.micro"
      subnet_id              = aws_subnet.app[0].id
      vpc_security_group_ids = ["sg-api"]
    }

    resource "aws_lb_target_group" "api" {
      port     = 80
      protocol = "HTTP"
      vpc_id   = "vpc-1"
    }

    resource "aws_lb_target_group_attachment" "api" {
      target_group_arn = aws_lb_target_group.api.arn
      target_id        = aws_instance.api.id
    }

    resource "aws_autoscaling_group" "api" {
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = aws_subnet.app[*].id
    }

    resource "aws_autoscaling_attachment" "api" {
      autoscaling_group_name = aws_autoscaling_group.api.id
      lb_target_group_arn    = aws_lb_target_group.api.arn
    }
  `),
  tf('the only aws_instance of its role, and two of one role on one subnet', `
    resource "aws_instance" "bastion" {
      ami           = "ami-12345678"
      instance_type = "t3.micro"
      subnet_id     = "subnet-0123456789abcdef0"
    }

    resource "aws_subnet" "a" {
      vpc_id            = "vpc-1"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }

    resource "aws_instance" "queue" {
      count                  = 2
      ami                    = "ami-12345678"
      instance_type          = "t3.micro"
      subnet_id              = aws_subnet.a.id
      vpc_security_group_ids = ["sg-queue"]
    }
  `, [{ messageId: 'loneInstance', line: 1, column: 1 }, { messageId: 'roleOneAz', line: 13, column: 1 }]),
  tf('an aws_instance whose count cannot be known is undecidable', `
    variable "workers" {
      type = number
    }

    resource "aws_instance" "worker" {
      count                  = var.workers
      ami                    = "ami-12345678"
      instance_type          = "t3.micro"
      availability_zone      = "eu-west-1a"
      vpc_security_group_ids = ["sg-worker"]
    }
  `, [], { undecidable: [{ line: 5, column: 1, says: 'how many instances' }] }),
]);
