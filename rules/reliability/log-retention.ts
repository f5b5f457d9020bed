import { how, isKnown, undecided, property } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Val } from '../../src/model/val.js';

/** `how` for a retention: an explicit 0 means the events never expire. */
function retentionHow(v: Val<number>): string {
  return v.provenance === 'explicit' && v.value === 0 ? 'is 0 (the events never expire)' : how(v);
}

export default defineRule({
  meta: {
    id: 'log-retention',
    title: 'Log groups keep their events for a defined time',
    checks: 'CloudWatch log groups without a retention period',
    severity: 'low',
    controls: ['2.3'],
    rationale:
      'Logs managed centrally (checklist 2.3) are kept for a defined time. A CloudWatch log group keeps its events forever ' +
      'when no retention is set (CloudWatch Logs API, PutRetentionPolicy): the cost grows without end and personal data in ' +
      'the logs is held longer than needed. It is a cost and data-retention question, not a missing log, so it is one ' +
      'severity below `central-logging`.',
    remediation: 'Set `RetentionInDays` / `retention_in_days` on every log group to a period that fits the data and its rules.',
    messages: {
      neverExpires: '{{what}} keeps its log events forever: `{{property}}` {{retention}}; set a retention period that fits the data (events that never expire grow in cost and hold data longer than needed).',
    },
    precision: 'very-high',
    tags: ['reliability', 'logging', 'cost'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  AppLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /app/web\n',
        pass: 'Resources:\n  AppLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /app/web\n      RetentionInDays: 90\n',
      },
      terraform: {
        fail: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app/web"\n}\n',
        pass: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app/web"\n  retention_in_days = 90\n}\n',
      },
    },
  },
  check(ctx) {
    for (const g of ctx.model.facets.logStores) {
      const v = g.retention;
      if (undecided(ctx, g.owner, v, `the retention of the ${g.what}`)) continue;
      if (isKnown(v) && v.value === 0) ctx.report({ messageId: 'neverExpires', at: v, resource: g.owner, data: { what: g.what, property: property(v), retention: retentionHow(v) } });
    }
  },
});
