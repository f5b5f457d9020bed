import rule from '../../rules/reliability/central-logging.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('VPC without a flow log', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Subnet:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: !Ref Vpc
          CidrBlock: 10.0.0.0/24
  `, [{ messageId: 'none', line: 2, column: 3 }]),
  cfn('VPC with a flow log on the VPC, and a VPC whose subnet has one', `
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      FlowLog:
        Type: AWS::EC2::FlowLog
        Properties:
          ResourceId: !Ref Vpc
          ResourceType: VPC
          TrafficType: ALL
          LogDestinationType: cloud-watch-logs
          LogGroupName: !Ref FlowLogs
          DeliverLogsPermissionArn: arn:aws:iam::111122223333:role/flow-logs
      FlowLogs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 365
      Other:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.1.0.0/16
      OtherSubnet:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: !Ref Other
          CidrBlock: 10.1.0.0/24
      SubnetFlowLog:
        Type: AWS::EC2::FlowLog
        Properties:
          ResourceId: !Ref OtherSubnet
          ResourceType: Subnet
          TrafficType: REJECT
          LogDestinationType: s3
          LogDestination: arn:aws:s3:::central-flow-logs
  `),
  cfn('VPC whose flow log names a resource that cannot be known', `
    Parameters:
      Target: { Type: String }
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      FlowLog:
        Type: AWS::EC2::FlowLog
        Properties:
          ResourceId: !Ref Target
          ResourceType: VPC
          TrafficType: ALL
          LogDestinationType: s3
          LogDestination: arn:aws:s3:::central-flow-logs
  `, [], { undecidable: [{ line: 11, column: 19 }] }),
  cfn('Application Load Balancer without access logs, and one with them off', `
    Resources:
      Alb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
      Off:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
          LoadBalancerAttributes:
            - Key: access_logs.s3.enabled
              Value: "false"
  `, [{ messageId: 'notDelivered', line: 2, column: 3 }, { messageId: 'notDelivered', line: 12, column: 18 }]),
  cfn('Load balancer access logs into a log bucket, which is not asked to log itself', `
    Resources:
      Alb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
          LoadBalancerAttributes:
            - Key: access_logs.s3.enabled
              Value: "true"
            - Key: access_logs.s3.bucket
              Value: !Ref LogBucket
      LogBucket:
        Type: AWS::S3::Bucket
  `),
  cfn('Network Load Balancer: judged only with a TLS listener', `
    Resources:
      Tcp:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Type: network
          Subnets: [subnet-1, subnet-2]
      TcpListener:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: !Ref Tcp
          Protocol: TCP
          Port: 443
          DefaultActions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/t/1 }]
      Tls:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Type: network
          Subnets: [subnet-1, subnet-2]
      TlsListener:
        Type: AWS::ElasticLoadBalancingV2::Listener
        Properties:
          LoadBalancerArn: !Ref Tls
          Protocol: TLS
          Port: 443
          Certificates: [{ CertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1 }]
          DefaultActions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/t/1 }]
  `, [{ messageId: 'notDelivered', line: 14, column: 3 }]),
  cfn('Load balancer access logs switched by a parameter without default', `
    Parameters:
      Logs: { Type: String }
    Resources:
      Alb:
        Type: AWS::ElasticLoadBalancingV2::LoadBalancer
        Properties:
          Subnets: [subnet-1, subnet-2]
          LoadBalancerAttributes:
            - Key: access_logs.s3.enabled
              Value: !Ref Logs
  `, [], { undecidable: [{ line: 10, column: 18 }] }),
  cfn('CloudFront distribution without logging', `
    Resources:
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
            Origins: [{ Id: o, DomainName: example.com }]
  `, [{ messageId: 'notDelivered', line: 2, column: 3 }]),
  cfn('CloudFront with standard logging, and one with a CloudWatch Logs delivery source', `
    Resources:
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
            Origins: [{ Id: o, DomainName: example.com }]
            Logging:
              Bucket: !GetAtt CdnLogs.DomainName
      CdnLogs:
        Type: AWS::S3::Bucket
      Cdn2:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
            Origins: [{ Id: o, DomainName: example.com }]
      Cdn2Logs:
        Type: AWS::Logs::DeliverySource
        Properties:
          Name: cdn2
          LogType: ACCESS_LOGS
          ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${Cdn2}
  `),
  cfn('API Gateway stage without access logs', `
    Resources:
      Stage:
        Type: AWS::ApiGateway::Stage
        Properties:
          RestApiId: abc123
          StageName: prod
  `, [{ messageId: 'notDelivered', line: 2, column: 3 }]),
  cfn('API Gateway stage with access logs, and one whose setting comes from a condition', `
    Parameters:
      Env: { Type: String }
    Conditions:
      Prod: !Equals [!Ref Env, prod]
    Resources:
      Stage:
        Type: AWS::ApiGateway::Stage
        Properties:
          RestApiId: abc123
          StageName: prod
          AccessLogSetting:
            DestinationArn: !GetAtt ApiLogs.Arn
            Format: $context.requestId
      ApiLogs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
      Maybe:
        Type: AWS::ApiGateway::Stage
        Properties:
          RestApiId: abc123
          StageName: test
          AccessLogSetting: !If [Prod, { DestinationArn: !GetAtt ApiLogs.Arn }, !Ref AWS::NoValue]
  `, [], { undecidable: [{ line: 23, column: 25 }] }),
  cfn('S3 data bucket without server access logs, and one logging into itself', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Loop:
        Type: AWS::S3::Bucket
        Properties:
          LoggingConfiguration:
            LogFilePrefix: self/
  `, []),
  cfn('S3 data bucket logging to a log bucket, and a bucket with the log-delivery ACL', `
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          LoggingConfiguration:
            DestinationBucketName: !Ref AccessLogs
      AccessLogs:
        Type: AWS::S3::Bucket
      Legacy:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: LogDeliveryWrite
  `),
  cfn('CloudTrail trail not delivering to CloudWatch Logs', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-archive
  `, []),
  cfn('CloudTrail trail delivering to CloudWatch Logs', `
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: org-trail-archive
          CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
          CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail
      TrailLogs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 365
  `),
  cfn('WAF web ACL without a logging configuration', `
    Resources:
      Acl:
        Type: AWS::WAFv2::WebACL
        Properties:
          Scope: REGIONAL
          DefaultAction: { Allow: {} }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
  `, [{ messageId: 'none', line: 2, column: 3 }]),
  cfn('WAF web ACL with a logging configuration', `
    Resources:
      Acl:
        Type: AWS::WAFv2::WebACL
        Properties:
          Scope: REGIONAL
          DefaultAction: { Allow: {} }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
      AclLogging:
        Type: AWS::WAFv2::LoggingConfiguration
        Properties:
          ResourceArn: !GetAtt Acl.Arn
          LogDestinationConfigs: [!GetAtt WafLogs.Arn]
      WafLogs:
        Type: AWS::Logs::LogGroup
        Properties:
          LogGroupName: aws-waf-logs-app
          RetentionInDays: 90
  `),
  // ── Terraform ──
  tf('VPC without a flow log: one finding, not one per subnet', `
    resource "aws_vpc" "main" {
      cidr_block = "10.0.0.0/16"
    }

    resource "aws_subnet" "a" {
      vpc_id     = aws_vpc.main.id
      cidr_block = "10.0.0.0/24"
    }

    resource "aws_subnet" "b" {
      vpc_id     = aws_vpc.main.id
      cidr_block = "10.0.1.0/24"
    }
  `, [{ messageId: 'none', line: 1, column: 1 }]),
  tf('VPC with a flow log, and a VPC whose network interface has one', `
    resource "aws_vpc" "main" {
      cidr_block = "10.0.0.0/16"
    }

    resource "aws_flow_log" "main" {
      vpc_id               = aws_vpc.main.id
      traffic_type         = "ALL"
      log_destination_type = "s3"
      log_destination      = "arn:aws:s3:::central-flow-logs"
    }

    resource "aws_vpc" "other" {
      cidr_block = "10.1.0.0/16"
    }

    resource "aws_subnet" "other" {
      vpc_id     = aws_vpc.other.id
      cidr_block = "10.1.0.0/24"
    }

    resource "aws_network_interface" "app" {
      subnet_id = aws_subnet.other.id
    }

    resource "aws_flow_log" "eni" {
      eni_id          = aws_network_interface.app.id
      traffic_type    = "ALL"
      log_destination = "arn:aws:s3:::central-flow-logs"
    }
  `),
  tf('VPC whose flow log names a VPC from a variable without default', `
    variable "vpc_id" {
      type = string
    }

    resource "aws_vpc" "main" {
      cidr_block = "10.0.0.0/16"
    }

    resource "aws_flow_log" "main" {
      vpc_id          = var.vpc_id
      traffic_type    = "ALL"
      log_destination = "arn:aws:s3:::central-flow-logs"
    }
  `, [], { undecidable: [{ line: 10, column: 21 }] }),
  tf('Load balancer without access logs, and one with a bucket but enabled left unset', `
    resource "aws_lb" "web" {
      subnets = ["subnet-1", "subnet-2"]
    }

    resource "aws_lb" "api" {
      subnets = ["subnet-1", "subnet-2"]

      access_logs {
        bucket = "central-lb-logs"
      }
    }
  `, [{ messageId: 'notDelivered', line: 1, column: 1 }, { messageId: 'notDelivered', line: 8, column: 3 }]),
  tf('Load balancer with access logs, classic load balancer with an access_logs block', `
    resource "aws_lb" "web" {
      subnets = ["subnet-1", "subnet-2"]

      access_logs {
        bucket  = aws_s3_bucket.logs.id
        enabled = true
      }
    }

    resource "aws_elb" "legacy" {
      subnets = ["subnet-1", "subnet-2"]

      listener {
        lb_port           = 80
        lb_protocol       = "http"
        instance_port     = 80
        instance_protocol = "http"
      }

      access_logs {
        bucket = aws_s3_bucket.logs.id
      }
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "central-lb-logs"
    }
  `),
  tf('CloudFront distribution without logging_config, and one with it', `
    resource "aws_cloudfront_distribution" "web" {
      enabled = true

      origin {
        origin_id   = "o"
        domain_name = "example.com"
      }

      default_cache_behavior {
        target_origin_id       = "o"
        viewer_protocol_policy = "https-only"
      }
    }

    resource "aws_cloudfront_distribution" "logged" {
      enabled = true

      origin {
        origin_id   = "o"
        domain_name = "example.com"
      }

      default_cache_behavior {
        target_origin_id       = "o"
        viewer_protocol_policy = "https-only"
      }

      logging_config {
        bucket = "central-cdn-logs.s3.amazonaws.com"
      }
    }
  `, [{ messageId: 'notDelivered', line: 1, column: 1 }]),
  tf('API Gateway stage without access_log_settings, and one with them', `
    resource "aws_api_gateway_stage" "prod" {
      rest_api_id   = "abc123"
      deployment_id = "dep"
      stage_name    = "prod"
    }

    resource "aws_api_gateway_stage" "logged" {
      rest_api_id   = "abc123"
      deployment_id = "dep"
      stage_name    = "logged"

      access_log_settings {
        destination_arn = aws_cloudwatch_log_group.api.arn
        format          = "$context.requestId"
      }
    }

    resource "aws_cloudwatch_log_group" "api" {
      name              = "/api/access"
      retention_in_days = 30
    }
  `, [{ messageId: 'notDelivered', line: 1, column: 1 }]),
  tf('S3 buckets: one without server access logs, one logging to a log bucket (which is not asked to log)', `
    resource "aws_s3_bucket" "data" {
      bucket = "orders-data"
    }

    resource "aws_s3_bucket" "raw" {
      bucket = "orders-raw"
    }

    resource "aws_s3_bucket_logging" "raw" {
      bucket        = aws_s3_bucket.raw.id
      target_bucket = aws_s3_bucket.logs.id
      target_prefix = "raw/"
    }

    resource "aws_s3_bucket" "logs" {
      bucket = "orders-access-logs"
    }
  `, []),
  tf('S3 bucket logging into itself', `
    resource "aws_s3_bucket" "data" {
      bucket = "orders-data"
    }

    resource "aws_s3_bucket_logging" "data" {
      bucket        = aws_s3_bucket.data.id
      target_bucket = aws_s3_bucket.data.id
      target_prefix = "logs/"
    }
  `, []),
  tf('CloudTrail trail without CloudWatch Logs, and one with it', `
    resource "aws_cloudtrail" "main" {
      name           = "main"
      s3_bucket_name = "org-trail-archive"
    }

    resource "aws_cloudtrail" "watched" {
      name                       = "watched"
      s3_bucket_name             = "org-trail-archive"
      cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
      cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail"
    }

    resource "aws_cloudwatch_log_group" "trail" {
      name              = "trail"
      retention_in_days = 365
    }
  `, []),
  tf('WAF web ACL without logging, and one with a logging configuration', `
    resource "aws_wafv2_web_acl" "none" {
      name  = "none"
      scope = "REGIONAL"
    }

    resource "aws_wafv2_web_acl" "logged" {
      name  = "logged"
      scope = "REGIONAL"
    }

    resource "aws_wafv2_web_acl_logging_configuration" "logged" {
      resource_arn            = aws_wafv2_web_acl.logged.arn
      log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
    }

    resource "aws_cloudwatch_log_group" "waf" {
      name              = "aws-waf-logs-app"
      retention_in_days = 90
    }
  `, [{ messageId: 'none', line: 1, column: 1 }]),
]);
