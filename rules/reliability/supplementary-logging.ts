import { deliversToItself, reportUndelivered } from '../../src/engine/log-delivery.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'supplementary-logging',
    title: 'Logs that something else also records are delivered too, and no bucket logs into itself',
    checks: 'S3 data buckets without server access logs, trails not delivering to CloudWatch Logs, EKS clusters without control-plane logs, RDS DB instances and clusters exporting no database logs, buckets logging into themselves',
    severity: 'low',
    controls: ['2.3'],
    rationale:
      'Some logs are worth collecting centrally although another mechanism records much of the same (checklist 2.3): S3 ' +
      'server access logging is off unless set, and CloudTrail data events can record object access instead; a trail ' +
      'delivers to S3 only unless `CloudWatchLogsLogGroupArn` is set, and CloudWatch Logs adds search and metric filters for ' +
      'alarms on events that are already kept. An EKS cluster sends no control-plane log type (api, audit, authenticator, ' +
      'controllerManager, scheduler) to CloudWatch Logs unless `Logging.ClusterLogging.EnabledTypes` / ' +
      '`enabled_cluster_log_types` lists one, while CloudTrail records the calls to the EKS API anyway; an RDS DB instance ' +
      'or cluster exports no database log unless `EnableCloudwatchLogsExports` / `enabled_cloudwatch_logs_exports` lists ' +
      'one, while RDS keeps them on the instance for a limited time (instances of an Aurora cluster export through the ' +
      'cluster; Aurora Serverless v1 is not judged). So these are one severity below the logs that exist nowhere else ' +
      '(`central-logging`). Buckets that receive logs (the destination of another source, a trail bucket, a ' +
      '`log-delivery-write` ACL) are not asked to log their own access, but a bucket that logs into itself is reported: ' +
      'each delivery is logged again and the logs grow without end.',
    remediation:
      'Send S3 server access logs of data buckets to a separate log bucket (or record CloudTrail data events for them); set ' +
      '`CloudWatchLogsLogGroupArn` / `cloud_watch_logs_group_arn` (with a role) on trails; point a bucket\'s access logs at ' +
      'another bucket than itself; list the EKS control-plane log types to send (at least `audit` and `api`); list the ' +
      'database log types to export on RDS instances and clusters (e.g. `error`, `slowquery`, `audit` for MySQL, ' +
      '`postgresql` for PostgreSQL).',
    messages: {
      none: '{{what}} has no {{logs}}: {{assumed}}.',
      notDelivered: '{{what}} does not deliver {{logs}}: `{{property}}` {{how}}.',
      logsToItself: '{{what}} delivers its {{logs}} into itself: every delivery is logged again, so the logs grow without end; send them to a separate log bucket.',
    },
    precision: 'high',
    tags: ['reliability', 'logging', 'operations'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: org-trail-logs\n',
        pass:
          'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: org-trail-logs\n' +
          '      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111111111111:log-group:trail:*\n' +
          '      CloudWatchLogsRoleArn: arn:aws:iam::111111111111:role/trail-to-logs\n',
      },
      terraform: {
        fail: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "org-trail-logs"\n}\n',
        pass:
          'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "org-trail-logs"\n' +
          '  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111111111111:log-group:trail:*"\n' +
          '  cloud_watch_logs_role_arn  = "arn:aws:iam::111111111111:role/trail-to-logs"\n}\n',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.facets.logSources) {
      const self = deliversToItself(s);
      if (self) ctx.report({ messageId: 'logsToItself', at: self, resource: s.owner, data: { what: s.what, logs: s.logs } });
      else if (s.lower) reportUndelivered(ctx, s);
    }
  },
});
