import rule from '../../rules/reliability/monitoring-alarms.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('queue without any alarm', `
    Resources:
      Jobs:
        Type: AWS::SQS::Queue
  `, [{ messageId: 'noAlarm', line: 2, column: 3 }]),
  cfn('queue watched by an alarm with an SNS action, through GetAtt QueueName', `
    Resources:
      Jobs:
        Type: AWS::SQS::Queue
      Alerts:
        Type: AWS::SNS::Topic
      JobsAge:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/SQS
          MetricName: ApproximateAgeOfOldestMessage
          Dimensions:
            - Name: QueueName
              Value: !GetAtt Jobs.QueueName
          AlarmActions: [!Ref Alerts]
  `),
  cfn('alarm with ActionsEnabled false does not count', `
    Resources:
      Jobs:
        Type: AWS::SQS::Queue
      JobsAge:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/SQS
          MetricName: ApproximateAgeOfOldestMessage
          Dimensions:
            - Name: QueueName
              Value: !GetAtt Jobs.QueueName
          ActionsEnabled: false
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
  `, [{ messageId: 'noAction', line: 2, column: 3 }]),
  cfn('the handlers of a custom resource and of a macro serve the deployment: not key resources', `
    Resources:
      LookupFn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
      Lookup:
        Type: Custom::AmiLookup
        Properties:
          ServiceToken: !GetAtt LookupFn.Arn
      MacroFn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
      Macro:
        Type: AWS::CloudFormation::Macro
        Properties:
          Name: Expand
          FunctionName: !GetAtt MacroFn.Arn
  `),
  cfn('alarm with only OKActions does not count', `
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: nodejs22.x
      FnErrors:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/Lambda
          MetricName: Errors
          Dimensions:
            - Name: FunctionName
              Value: !Ref Fn
          OKActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
  `, [{ messageId: 'noAction', line: 2, column: 3 }]),
  cfn('load balancer matched by LoadBalancerFullName, database by a literal identifier, group by Ref', `
    Resources:
      Alb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
      AlbErrors:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/ApplicationELB
          MetricName: HTTPCode_ELB_5XX_Count
          Dimensions:
            - Name: LoadBalancer
              Value: !GetAtt Alb.LoadBalancerFullName
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
      Db:
        Type: AWS::RDS::DBInstance
        Properties:
          Engine: postgres
          DBInstanceIdentifier: orders
      DbCpu:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/RDS
          MetricName: CPUUtilization
          Dimensions:
            - Name: DBInstanceIdentifier
              Value: orders
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [subnet-1, subnet-2]
      ScaleOut:
        Type: AWS::AutoScaling::ScalingPolicy
        Properties:
          AutoScalingGroupName: !Ref Web
          PolicyType: StepScaling
      WebCpu:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/EC2
          MetricName: CPUUtilization
          Dimensions:
            - Name: AutoScalingGroupName
              Value: !Ref Web
          AlarmActions: [!Ref ScaleOut]
  `),
  cfn('a target-tracking policy makes AWS create the group\'s alarms; a simple-scaling policy does not', `
    Resources:
      Web:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '2'
          MaxSize: '4'
          VPCZoneIdentifier: [subnet-1, subnet-2]
      Tracking:
        Type: AWS::AutoScaling::ScalingPolicy
        Properties:
          AutoScalingGroupName: !Ref Web
          PolicyType: TargetTrackingScaling
          TargetTrackingConfiguration:
            PredefinedMetricSpecification:
              PredefinedMetricType: ASGAverageCPUUtilization
            TargetValue: 50
      Workers:
        Type: AWS::AutoScaling::AutoScalingGroup
        Properties:
          MinSize: '1'
          MaxSize: '4'
          VPCZoneIdentifier: [subnet-1, subnet-2]
      Simple:
        Type: AWS::AutoScaling::ScalingPolicy
        Properties:
          AutoScalingGroupName: !Ref Workers
          AdjustmentType: ChangeInCapacity
          ScalingAdjustment: 1
  `, [{ messageId: 'noAlarm', line: 17, column: 3 }]),
  cfn('alarm in another namespace or on another resource does not watch it', `
    Resources:
      Jobs:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: jobs
      Other:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: other
      Wrong:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/Lambda
          MetricName: Errors
          Dimensions:
            - Name: QueueName
              Value: jobs
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
      OtherAge:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/SQS
          MetricName: ApproximateAgeOfOldestMessage
          Dimensions:
            - Name: QueueName
              Value: other
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
  `, [{ messageId: 'noAlarm', line: 2, column: 3 }]),
  cfn('metric-math alarm and a composite alarm with the action', `
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
      WriterCpu:
        Type: AWS::CloudWatch::Alarm
        Properties:
          AlarmName: writer-cpu
          Metrics:
            - Id: cpu
              MetricStat:
                Metric:
                  Namespace: AWS/RDS
                  MetricName: CPUUtilization
                  Dimensions:
                    - Name: DBInstanceIdentifier
                      Value: !Ref Writer
                Period: 60
                Stat: Average
      Composite:
        Type: AWS::CloudWatch::CompositeAlarm
        Properties:
          AlarmRule: ALARM("writer-cpu")
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
  `),
  cfn('dimension value from a parameter without default is undecidable', `
    Parameters:
      QueueName: { Type: String }
    Resources:
      Jobs:
        Type: AWS::SQS::Queue
      JobsAge:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/SQS
          MetricName: ApproximateAgeOfOldestMessage
          Dimensions:
            - Name: QueueName
              Value: !Ref QueueName
          AlarmActions: [arn:aws:sns:eu-west-1:111111111111:alerts]
  `, [], { undecidable: [{ line: 13, column: 18 }] }),
  cfn('alarm actions from a parameter list are undecidable', `
    Parameters:
      Actions: { Type: CommaDelimitedList }
    Resources:
      Jobs:
        Type: AWS::SQS::Queue
      JobsAge:
        Type: AWS::CloudWatch::Alarm
        Properties:
          Namespace: AWS/SQS
          MetricName: ApproximateAgeOfOldestMessage
          Dimensions:
            - Name: QueueName
              Value: !GetAtt Jobs.QueueName
          AlarmActions: !Ref Actions
  `, [], { undecidable: [{ line: 14, column: 21 }] }),

  // ── Terraform ──
  tf('load balancer without any alarm', `
    resource "aws_lb" "web" {
      name    = "web"
      subnets = ["subnet-1", "subnet-2"]
    }
  `, [{ messageId: 'noAlarm', line: 1, column: 1 }]),
  tf('load balancer watched through arn_suffix, queue through its literal name', `
    resource "aws_lb" "web" {
      name    = "web"
      subnets = ["subnet-1", "subnet-2"]
    }
    resource "aws_sns_topic" "alerts" {
      name = "alerts"
    }
    resource "aws_cloudwatch_metric_alarm" "web_5xx" {
      namespace     = "AWS/ApplicationELB"
      metric_name   = "HTTPCode_ELB_5XX_Count"
      dimensions    = { LoadBalancer = aws_lb.web.arn_suffix }
      alarm_actions = [aws_sns_topic.alerts.arn]
    }
    resource "aws_sqs_queue" "jobs" {
      name = "jobs"
    }
    resource "aws_cloudwatch_metric_alarm" "jobs_age" {
      namespace     = "AWS/SQS"
      metric_name   = "ApproximateAgeOfOldestMessage"
      dimensions    = { QueueName = "jobs" }
      alarm_actions = [aws_sns_topic.alerts.arn]
    }
  `),
  tf('load balancer named by a literal full name; classic load balancer by LoadBalancerName', `
    resource "aws_lb" "web" {
      name    = "web"
      subnets = ["subnet-1", "subnet-2"]
    }
    resource "aws_cloudwatch_metric_alarm" "web_unhealthy" {
      namespace     = "AWS/ApplicationELB"
      metric_name   = "UnHealthyHostCount"
      dimensions    = { LoadBalancer = "app/web/50dc6c495c0c9188", TargetGroup = "targetgroup/web/943f017f100becff" }
      alarm_actions = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
    resource "aws_elb" "legacy" {
      name               = "legacy"
      availability_zones = ["eu-west-1a", "eu-west-1b"]
      listener {
        lb_port           = 443
        lb_protocol       = "https"
        instance_port     = 8443
        instance_protocol = "https"
      }
    }
    resource "aws_cloudwatch_metric_alarm" "legacy_latency" {
      namespace     = "AWS/ELB"
      metric_name   = "Latency"
      dimensions    = { LoadBalancerName = aws_elb.legacy.name }
      alarm_actions = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
  `),
  tf('alarm without alarm_actions, and one with actions_enabled false', `
    resource "aws_lambda_function" "api" {
      function_name = "api"
      runtime       = "python3.12"
      handler       = "app.handler"
      role          = "arn:aws:iam::111111111111:role/api"
    }
    resource "aws_cloudwatch_metric_alarm" "api_errors" {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      dimensions  = { FunctionName = aws_lambda_function.api.function_name }
    }
    resource "aws_db_instance" "db" {
      identifier = "orders"
      engine     = "postgres"
    }
    resource "aws_cloudwatch_metric_alarm" "db_cpu" {
      namespace       = "AWS/RDS"
      metric_name     = "CPUUtilization"
      dimensions      = { DBInstanceIdentifier = aws_db_instance.db.identifier }
      actions_enabled = false
      alarm_actions   = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
  `, [{ messageId: 'noAction', line: 1, column: 1 }, { messageId: 'noAction', line: 12, column: 1 }]),
  tf('metric_query alarm on an ASG and a composite alarm over an alarm without actions', `
    resource "aws_autoscaling_group" "web" {
      name                = "web"
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = ["subnet-1", "subnet-2"]
    }
    resource "aws_cloudwatch_metric_alarm" "web_cpu" {
      alarm_name = "web-cpu"
      metric_query {
        id = "cpu"
        metric {
          namespace   = "AWS/EC2"
          metric_name = "CPUUtilization"
          dimensions  = { AutoScalingGroupName = aws_autoscaling_group.web.name }
          period      = 60
          stat        = "Average"
        }
      }
    }
    resource "aws_cloudwatch_composite_alarm" "web" {
      alarm_name    = "web"
      alarm_rule    = "ALARM(\${aws_cloudwatch_metric_alarm.web_cpu.alarm_name})"
      alarm_actions = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
  `),
  tf('Auto Scaling group with a target-tracking policy', `
    resource "aws_autoscaling_group" "web" {
      name                = "web"
      min_size            = 2
      max_size            = 4
      vpc_zone_identifier = ["subnet-1", "subnet-2"]
    }
    resource "aws_autoscaling_policy" "cpu" {
      name                   = "cpu-50"
      autoscaling_group_name = aws_autoscaling_group.web.name
      policy_type            = "TargetTrackingScaling"
      target_tracking_configuration {
        predefined_metric_specification {
          predefined_metric_type = "ASGAverageCPUUtilization"
        }
        target_value = 50
      }
    }
  `),
  tf('Aurora cluster watched on DBClusterIdentifier; a queue named by a variable is undecidable', `
    variable "queue_name" {}
    resource "aws_rds_cluster" "main" {
      cluster_identifier = "main"
      engine             = "aurora-postgresql"
    }
    resource "aws_cloudwatch_metric_alarm" "main_cpu" {
      namespace     = "AWS/RDS"
      metric_name   = "CPUUtilization"
      dimensions    = { DBClusterIdentifier = "main" }
      alarm_actions = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
    resource "aws_sqs_queue" "jobs" {
      name = var.queue_name
    }
    resource "aws_cloudwatch_metric_alarm" "jobs_age" {
      namespace     = "AWS/SQS"
      metric_name   = "ApproximateAgeOfOldestMessage"
      dimensions    = { QueueName = "jobs" }
      alarm_actions = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
  `, [], { undecidable: [{ line: 18, column: 33 }] }),
  tf('dimensions from a variable map are undecidable', `
    variable "dimensions" {
      type = map(string)
    }
    resource "aws_sqs_queue" "jobs" {
      name = "jobs"
    }
    resource "aws_cloudwatch_metric_alarm" "jobs_age" {
      namespace     = "AWS/SQS"
      metric_name   = "ApproximateAgeOfOldestMessage"
      dimensions    = var.dimensions
      alarm_actions = ["arn:aws:sns:eu-west-1:111111111111:alerts"]
    }
  `, [], { undecidable: [{ line: 10, column: 19 }] }),
]);
