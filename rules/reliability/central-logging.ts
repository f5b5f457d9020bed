import { defineRule } from '../../src/engine/rule.js';
import { how, isFalse, isKnown, property, undecided } from '../../src/engine/kit.js';
import type { Val } from '../../src/model/val.js';

/** `how` for a retention: an explicit 0 means the events never expire. */
function retentionHow(v: Val<number>): string {
  return v.provenance === 'explicit' && v.value === 0 ? 'is 0 (the events never expire)' : how(v);
}

export default defineRule({
  meta: {
    id: 'central-logging',
    title: 'Logs are delivered to a central place and kept for a defined time',
    checks:
      'VPCs without flow logs, load balancers, CloudFront distributions, API Gateway stages and S3 data buckets without access logs, ' +
      'trails not delivering to CloudWatch Logs, web ACLs without logging, log groups that never expire',
    severity: 'medium',
    controls: ['2.3'],
    rationale:
      'Logs must be collected and kept centrally (checklist 2.3), and none of the sources below logs by default. A VPC has ' +
      'no flow logs until a flow log names it, one of its subnets or network interfaces (Amazon VPC user guide, "Logging IP ' +
      'traffic using VPC Flow Logs"); Application, Network and Classic Load Balancers write access logs only when ' +
      '`access_logs.s3.enabled` / `AccessLoggingPolicy` / `access_logs { enabled = true }` is set (Elastic Load Balancing user ' +
      'guides; a Network Load Balancer writes them for TLS listeners only, so one without a TLS listener is not judged); ' +
      'CloudFront standard logging is off unless a logging configuration or a CloudWatch Logs delivery source names the ' +
      'distribution; an API Gateway stage writes no access logs without `AccessLogSetting` / `access_log_settings`; S3 ' +
      'server access logging is off unless set (reported one level lower: CloudTrail data events can record object access ' +
      'instead); a trail delivers to S3 only unless `CloudWatchLogsLogGroupArn` is set (lower: the events are kept in S3 ' +
      'already); a WAFv2 web ACL logs nothing without a logging configuration. Buckets that receive logs (the destination of ' +
      'another source, a trail bucket, a `log-delivery-write` ACL) are not asked to log their own access, but a bucket that ' +
      'logs into itself is reported: each delivery is logged again. CloudWatch log groups keep their events forever when no ' +
      'retention is set (CloudWatch Logs API, PutRetentionPolicy): a low-severity cost and data-retention finding. A value ' +
      'that cannot be known (a condition, a variable, a flow log whose resource is unknown) is a notice, never a finding.',
    remediation:
      'Add a flow log (AWS::EC2::FlowLog / aws_flow_log) for each VPC; turn on load balancer access logs to a log bucket; set ' +
      'a CloudFront logging configuration (or a CloudWatch Logs delivery); set AccessLogSetting / access_log_settings on API ' +
      'Gateway stages; send S3 server access logs of data buckets to a separate log bucket (or record CloudTrail data ' +
      'events); set CloudWatchLogsLogGroupArn / cloud_watch_logs_group_arn on trails; add a WAFv2 logging configuration for ' +
      'each web ACL; set RetentionInDays / retention_in_days on every log group. Deliver everything to a log-archive ' +
      'account where the checklist asks for central logs.',
    messages: {
      none: '{{what}} has no {{logs}}: {{assumed}}.',
      notDelivered: '{{what}} does not deliver {{logs}}: `{{property}}` {{how}}.',
      logsToItself: '{{what}} delivers its {{logs}} into itself: every delivery is logged again, so the logs grow without end; send them to a separate log bucket.',
      neverExpires: '{{what}} keeps its log events forever: `{{property}}` {{retention}}; set a retention period that fits the data (events that never expire grow in cost and hold data longer than needed).',
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
        fail: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/web"\n}\n',
        pass: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/web"\n  retention_in_days = 90\n}\n',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.facets.logSources) {
      const owner = s.owner;
      if (s.destinations.some((d) => isKnown(d) && d.value.id === owner.resource.id)) {
        const self = s.destinations.find((d) => isKnown(d) && d.value.id === owner.resource.id)!;
        ctx.report({ messageId: 'logsToItself', at: self, resource: owner, severity: 'low', data: { what: s.what, logs: s.logs } });
        continue;
      }
      if (s.notJudged) continue;
      const v = s.enabled;
      if (undecided(ctx, owner, v, `whether the ${s.what} delivers ${s.logs}`) || !isFalse(v)) continue;
      const severity = s.lower ? { severity: 'low' as const } : {};
      if (property(v) === '' && v.provenance === 'default') {
        ctx.report({ messageId: 'none', at: v, resource: owner, ...severity, data: { what: s.what, logs: s.logs, assumed: v.assumed } });
      } else {
        ctx.report({ messageId: 'notDelivered', at: v, resource: owner, ...severity, data: { what: s.what, logs: s.logs, property: property(v), how: how(v) } });
      }
    }
    for (const g of ctx.model.facets.logStores) {
      const v = g.retention;
      if (undecided(ctx, g.owner, v, `the retention of the ${g.what}`)) continue;
      if (isKnown(v) && v.value === 0) {
        ctx.report({ messageId: 'neverExpires', at: v, resource: g.owner, severity: 'low', data: { what: g.what, property: property(v), retention: retentionHow(v) } });
      }
    }
  },
});
