import rule from '../../rules/reliability/auto-scaling.js';
import { cfn, ruleTester, tf } from './tester.js';

const ECS_CFN = `
      Cluster:
        Type: AWS::ECS::Cluster
      Web:
        Type: AWS::ECS::Service
        Properties:
          Cluster: !Ref Cluster
          DesiredCount: 2
          TaskDefinition: arn:aws:ecs:eu-west-1:111111111111:task-definition/web:1`;

const ECS_TF = `
    resource "aws_ecs_cluster" "main" {
      name = "prod"
    }
    resource "aws_ecs_service" "web" {
      name          = "web"
      cluster       = aws_ecs_cluster.main.id
      desired_count = 2
    }`;

const TABLE_TF = `
    resource "aws_dynamodb_table" "orders" {
      name           = "orders"
      hash_key       = "id"
      read_capacity  = 5
      write_capacity = 5
      attribute {
        name = "id"
        type = "S"
      }
    }`;

ruleTester(rule, [
  // ── CloudFormation: Auto Scaling groups ──
  cfn('ASG with min = max and no policy', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: "2"
          MaxSize: "2"
  `, [{ messageId: 'fixedGroup', line: 6, column: 16 }]),
  cfn('ASG with min = max and a scaling policy', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: "2"
          MaxSize: "2"
      Cpu:
        Type: AWS::AutoScaling::ScalingPolicy
        Properties:
          AutoScalingGroupName: !Ref Web
          PolicyType: TargetTrackingScaling
  `),
  cfn('ASG with min = max and a scheduled action', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: 2
          MaxSize: 2
      Evening:
        Type: AWS::AutoScaling::ScheduledAction
        Properties:
          AutoScalingGroupName: !Ref Web
          MaxSize: 6
          Recurrence: "0 18 * * *"
  `),
  cfn('ASG with min < max', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: 2
          MaxSize: 6
  `),
  cfn('ASG whose size is a parameter without default', `
    Parameters:
      Size: { Type: Number }
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: 2
          MaxSize: !Ref Size
  `, [], { undecidable: [{ line: 8, column: 16 }] }),
  cfn('ASG with min = max and a policy that names its group by an unknown value', `
    Parameters:
      GroupName: { Type: String }
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: 2
          MaxSize: 2
      Cpu:
        Type: AWS::AutoScaling::ScalingPolicy
        Properties:
          AutoScalingGroupName: !Ref GroupName
  `, [], { undecidable: [{ line: 12, column: 29, says: 'names its group by an unknown value' }] }),

  // ── CloudFormation: ECS services ──
  cfn('ECS service without a scalable target', `
    Resources:${ECS_CFN}
  `, [{ messageId: 'noTarget', line: 8, column: 21 }]),
  cfn('ECS service with a target built with Fn::Join and a target tracking policy', `
    Resources:${ECS_CFN}
      Scaling:
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          ServiceNamespace: ecs
          ScalableDimension: ecs:service:DesiredCount
          ResourceId: !Join ['/', [service, !Ref Cluster, !GetAtt Web.Name]]
          MinCapacity: 2
          MaxCapacity: 10
      Cpu:
        Type: AWS::ApplicationAutoScaling::ScalingPolicy
        Properties:
          PolicyName: cpu
          PolicyType: TargetTrackingScaling
          ScalingTargetId: !Ref Scaling
  `),
  cfn('ECS service with a target built with Fn::Sub but no policy', `
    Resources:${ECS_CFN}
      Scaling:
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          ServiceNamespace: ecs
          ScalableDimension: ecs:service:DesiredCount
          ResourceId: !Sub service/\${Cluster}/\${Web.Name}
          MinCapacity: 2
          MaxCapacity: 10
  `, [{ messageId: 'idleTarget', line: 10, column: 3 }]),
  cfn('ECS service matched by a literal resource id, with an inline scheduled action', `
    Resources:
      Cluster:
        Type: AWS::ECS::Cluster
        Properties:
          ClusterName: prod
      Web:
        Type: AWS::ECS::Service
        Properties:
          Cluster: !Ref Cluster
          ServiceName: web
      Scaling:
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          ServiceNamespace: ecs
          ScalableDimension: ecs:service:DesiredCount
          ResourceId: service/prod/web
          MinCapacity: 1
          MaxCapacity: 4
          ScheduledActions:
            - ScheduledActionName: evening
              Schedule: cron(0 18 * * ? *)
              ScalableTargetAction: { MaxCapacity: 8 }
  `),
  cfn('ECS service with the default desired count and a target whose resource id is a parameter', `
    Parameters:
      ScaledService: { Type: String }
    Resources:
      Web:
        Type: AWS::ECS::Service
        Properties:
          Cluster: prod
      Scaling:
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          ServiceNamespace: ecs
          ScalableDimension: ecs:service:DesiredCount
          ResourceId: !Ref ScaledService
          MinCapacity: 1
          MaxCapacity: 4
  `, [], { undecidable: [{ line: 13, column: 19, says: 'is unknown' }] }),
  cfn('ECS daemon service', `
    Resources:
      Agent:
        Type: AWS::ECS::Service
        Properties:
          Cluster: prod
          SchedulingStrategy: DAEMON
  `),

  // ── CloudFormation: DynamoDB ──
  cfn('provisioned table (default billing mode) without targets', `
    Resources:
      Orders:
        Type: AWS::DynamoDB::Table
        Properties:
          TableName: orders
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
  `, [{ messageId: 'noTarget', line: 2, column: 3 }]),
  cfn('provisioned table with a read target only', `
    Resources:
      Orders:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PROVISIONED
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
      Read:
        Type: AWS::ApplicationAutoScaling::ScalableTarget
        Properties:
          ServiceNamespace: dynamodb
          ScalableDimension: dynamodb:table:ReadCapacityUnits
          ResourceId: !Sub table/\${Orders}
          MinCapacity: 5
          MaxCapacity: 50
          ScheduledActions: [{ ScheduledActionName: s, Schedule: rate(1 day), ScalableTargetAction: { MinCapacity: 5 } }]
  `, [{ messageId: 'noTarget', line: 5, column: 20 }]),
  cfn('on-demand table', `
    Resources:
      Orders:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
  `),

  // ── CloudFormation: lone instances ──
  cfn('instance registered in a target group', `
    Resources:
      Server:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
      Group:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Port: 80
          Protocol: HTTP
          VpcId: vpc-123
          Targets:
            - Id: !Ref Server
              Port: 80
  `, [{ messageId: 'loneInstance', line: 2, column: 3 }]),
  cfn('instance not registered with any load balancer, IP targets', `
    Resources:
      Server:
        Type: AWS::EC2::Instance
        Properties:
          ImageId: ami-12345678
      Group:
        Type: AWS::ElasticLoadBalancingV2::TargetGroup
        Properties:
          Port: 80
          Protocol: HTTP
          TargetType: ip
          VpcId: vpc-123
          Targets:
            - Id: 10.0.0.10
  `),

  // ── Terraform ──
  tf('ASG with min = max and no policy', `
    resource "aws_autoscaling_group" "web" {
      min_size = 3
      max_size = 3
    }
  `, [{ messageId: 'fixedGroup', line: 3, column: 14 }]),
  tf('ASG with min = max and an aws_autoscaling_schedule', `
    resource "aws_autoscaling_group" "web" {
      min_size = 3
      max_size = 3
    }
    resource "aws_autoscaling_schedule" "evening" {
      scheduled_action_name  = "evening"
      autoscaling_group_name = aws_autoscaling_group.web.name
      max_size               = 6
    }
  `),
  tf('ASG with min = max and an aws_autoscaling_policy', `
    resource "aws_autoscaling_group" "web" {
      min_size = 3
      max_size = 3
    }
    resource "aws_autoscaling_policy" "cpu" {
      name                   = "cpu"
      autoscaling_group_name = aws_autoscaling_group.web.name
      policy_type            = "TargetTrackingScaling"
    }
  `),
  tf('ASG size from a variable without default', `
    variable "size" {}
    resource "aws_autoscaling_group" "web" {
      min_size = var.size
      max_size = 4
    }
  `, [], { undecidable: [{ line: 3, column: 14 }] }),
  tf('ECS service without a scalable target', ECS_TF, [{ messageId: 'noTarget', line: 7, column: 19 }]),
  tf('ECS service with a target by interpolation and a policy on the target', `${ECS_TF}
    resource "aws_appautoscaling_target" "web" {
      service_namespace  = "ecs"
      scalable_dimension = "ecs:service:DesiredCount"
      resource_id        = "service/\${aws_ecs_cluster.main.name}/\${aws_ecs_service.web.name}"
      min_capacity       = 2
      max_capacity       = 10
    }
    resource "aws_appautoscaling_policy" "cpu" {
      name               = "cpu"
      policy_type        = "TargetTrackingScaling"
      service_namespace  = aws_appautoscaling_target.web.service_namespace
      scalable_dimension = aws_appautoscaling_target.web.scalable_dimension
      resource_id        = aws_appautoscaling_target.web.resource_id
    }
  `),
  tf('ECS service with a literal target id and a scheduled action, no policy', `${ECS_TF}
    resource "aws_appautoscaling_target" "web" {
      service_namespace  = "ecs"
      scalable_dimension = "ecs:service:DesiredCount"
      resource_id        = "service/prod/web"
      min_capacity       = 2
      max_capacity       = 10
    }
    resource "aws_appautoscaling_scheduled_action" "evening" {
      name               = "evening"
      service_namespace  = "ecs"
      scalable_dimension = "ecs:service:DesiredCount"
      resource_id        = "service/prod/web"
      schedule           = "cron(0 18 * * ? *)"
    }
  `),
  tf('ECS service with a target on a variable resource id', `${ECS_TF}
    variable "scaled" {}
    resource "aws_appautoscaling_target" "web" {
      service_namespace  = "ecs"
      scalable_dimension = "ecs:service:DesiredCount"
      resource_id        = var.scaled
      min_capacity       = 2
      max_capacity       = 10
    }
  `, [], { undecidable: [{ line: 13, column: 24 }] }),
  tf('provisioned table without targets', TABLE_TF, [{ messageId: 'noTarget', line: 1, column: 1 }]),
  tf('provisioned table with read and write targets and policies', `${TABLE_TF}
    resource "aws_appautoscaling_target" "read" {
      service_namespace  = "dynamodb"
      scalable_dimension = "dynamodb:table:ReadCapacityUnits"
      resource_id        = "table/\${aws_dynamodb_table.orders.name}"
      min_capacity       = 5
      max_capacity       = 50
    }
    resource "aws_appautoscaling_target" "write" {
      service_namespace  = "dynamodb"
      scalable_dimension = "dynamodb:table:WriteCapacityUnits"
      resource_id        = "table/orders"
      min_capacity       = 5
      max_capacity       = 50
    }
    resource "aws_appautoscaling_policy" "read" {
      name               = "read"
      service_namespace  = "dynamodb"
      scalable_dimension = aws_appautoscaling_target.read.scalable_dimension
      resource_id        = aws_appautoscaling_target.read.resource_id
    }
    resource "aws_appautoscaling_policy" "write" {
      name               = "write"
      service_namespace  = "dynamodb"
      scalable_dimension = aws_appautoscaling_target.write.scalable_dimension
      resource_id        = aws_appautoscaling_target.write.resource_id
    }
  `),
  tf('on-demand table', `
    resource "aws_dynamodb_table" "orders" {
      name         = "orders"
      hash_key     = "id"
      billing_mode = "PAY_PER_REQUEST"
    }
  `),
  tf('instance attached to a target group', `
    resource "aws_instance" "server" {
      ami = "ami-12345678"
    }
    resource "aws_lb_target_group" "web" {
      port     = 80
      protocol = "HTTP"
    }
    resource "aws_lb_target_group_attachment" "server" {
      target_group_arn = aws_lb_target_group.web.arn
      target_id        = aws_instance.server.id
    }
  `, [{ messageId: 'loneInstance', line: 1, column: 1 }]),
  tf('instance attached to a classic load balancer', `
    resource "aws_instance" "server" {
      ami = "ami-12345678"
    }
    resource "aws_elb" "web" {
      instances = [aws_instance.server.id]
    }
  `, [{ messageId: 'loneInstance', line: 1, column: 1 }]),
  tf('instance without load balancer and a lambda target', `
    resource "aws_instance" "server" {
      ami = "ami-12345678"
    }
    resource "aws_lb_target_group_attachment" "fn" {
      target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/fn/abc"
      target_id        = "arn:aws:lambda:eu-west-1:111111111111:function:fn"
    }
  `),
]);
