import { deliversToItself, reportUndelivered } from '../../src/engine/log-delivery.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'central-logging',
    title: 'Logs are delivered to a central place and kept for a defined time',
    checks:
      'VPCs without flow logs; load balancers, CloudFront distributions and API Gateway stages (REST, HTTP and WebSocket) without access logs; web ACLs ' +
      'without logging (S3 access logs and trails to CloudWatch Logs: `supplementary-logging`; retention: `log-retention`)',
    severity: 'medium',
    controls: ['2.3'],
    rationale:
      'Logs must be collected and kept centrally (checklist 2.3), and none of the sources below logs by default. A VPC has ' +
      'no flow logs until a flow log names it, one of its subnets or network interfaces (Amazon VPC user guide, "Logging IP ' +
      'traffic using VPC Flow Logs"); Application, Network and Classic Load Balancers write access logs only when ' +
      '`access_logs.s3.enabled` / `AccessLoggingPolicy` / `access_logs { enabled = true }` is set (Elastic Load Balancing user ' +
      'guides; a Network Load Balancer writes them for TLS listeners only, so one without a TLS listener is not judged); ' +
      'CloudFront standard logging is off unless a logging configuration or a CloudWatch Logs delivery source names the ' +
      'distribution; an API Gateway stage writes no access logs without `AccessLogSetting` / `access_log_settings` (HTTP and WebSocket API stages: `AccessLogSettings` / `access_log_settings` of `AWS::ApiGatewayV2::Stage` / `aws_apigatewayv2_stage`); a WAFv2 ' +
      'web ACL logs nothing without a logging configuration. Logs that something else records too (S3 server access logs, ' +
      'a trail\'s delivery to CloudWatch Logs) and buckets that log into themselves are `supplementary-logging`, and log ' +
      'groups that never expire `log-retention`, both one severity lower. A value that cannot be known (a condition, a variable, a flow log whose resource is unknown) is a notice, never a finding.',
    remediation:
      'Add a flow log (AWS::EC2::FlowLog / aws_flow_log) for each VPC; turn on load balancer access logs to a log bucket; set ' +
      'a CloudFront logging configuration (or a CloudWatch Logs delivery); set AccessLogSetting / access_log_settings on API ' +
      'Gateway stages; add a WAFv2 logging configuration for each web ACL. Deliver everything to a log-archive account ' +
      'where the checklist asks for central logs.',
    messages: {
      none: '{{what}} has no {{logs}}: {{assumed}}.',
      notDelivered: '{{what}} does not deliver {{logs}}: `{{property}}` {{how}}.',
    },
    precision: 'high',
    tags: ['reliability', 'logging', 'operations'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: abc123\n      StageName: prod\n',
        pass:
          'Resources:\n  Api:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: abc123\n      StageName: prod\n' +
          '      AccessLogSetting:\n        DestinationArn: !GetAtt ApiLogs.Arn\n  ApiLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 90\n',
      },
      terraform: {
        fail: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "abc123"\n  deployment_id = "def456"\n  stage_name    = "prod"\n}\n',
        pass:
          'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "abc123"\n  deployment_id = "def456"\n  stage_name    = "prod"\n' +
          '  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = "$context.requestId"\n  }\n}\n' +
          'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/api/prod"\n  retention_in_days = 90\n}\n',
      },
    },
  },
  check(ctx) {
    // Sources whose logs exist elsewhere too, and buckets logging into themselves, are supplementary-logging;
    // log groups that never expire are log-retention (both low).
    for (const s of ctx.model.facets.logSources) if (!s.lower && !deliversToItself(s)) reportUndelivered(ctx, s);
  },
});
