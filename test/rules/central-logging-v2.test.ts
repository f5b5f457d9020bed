/** `central-logging` on API Gateway v2 (HTTP and WebSocket) stages. */
import rule from '../../rules/reliability/central-logging.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('HTTP API stage without access logs', `
    Resources:
      Api:
        Type: AWS::ApiGatewayV2::Api
        Properties:
          Name: shop
          ProtocolType: HTTP
      Default:
        Type: AWS::ApiGatewayV2::Stage
        Properties:
          ApiId: !Ref Api
          StageName: $default
          AutoDeploy: true
  `, [{ messageId: 'notDelivered', line: 7, column: 3 }]),
  cfn('WebSocket API stage delivering access logs to a log group', `
    Resources:
      Api:
        Type: AWS::ApiGatewayV2::Api
        Properties:
          Name: chat
          ProtocolType: WEBSOCKET
          RouteSelectionExpression: $request.body.action
      Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 90
      Prod:
        Type: AWS::ApiGatewayV2::Stage
        Properties:
          ApiId: !Ref Api
          StageName: prod
          AccessLogSettings:
            DestinationArn: !GetAtt Logs.Arn
            Format: '$context.requestId $context.status'
  `),
  tf('aws_apigatewayv2_stage without access_log_settings', `
    resource "aws_apigatewayv2_api" "shop" {
      name          = "shop"
      protocol_type = "HTTP"
    }

    resource "aws_apigatewayv2_stage" "default" {
      api_id      = aws_apigatewayv2_api.shop.id
      name        = "$default"
      auto_deploy = true
    }
  `, [{ messageId: 'notDelivered', line: 6, column: 1 }]),
  tf('aws_apigatewayv2_stage delivering access logs; one delivering to a log group named by a variable', `
    variable "log_arn" {
      type = string
    }

    resource "aws_cloudwatch_log_group" "api" {
      name              = "api"
      retention_in_days = 90
    }

    resource "aws_apigatewayv2_stage" "prod" {
      api_id = "abc123"
      name   = "prod"
      access_log_settings {
        destination_arn = aws_cloudwatch_log_group.api.arn
        format          = "$context.requestId"
      }
    }

    resource "aws_apigatewayv2_stage" "test" {
      api_id = "abc123"
      name   = "test"
      access_log_settings {
        destination_arn = var.log_arn
        format          = "$context.requestId"
      }
    }
  `),
]);
