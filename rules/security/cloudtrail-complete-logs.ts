import { how, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';

const CHECKS: { setting: 'globalServiceEvents' | 'logFileValidation'; messageId: 'globalEventsOff' | 'logValidationOff'; what: string }[] = [
  { setting: 'globalServiceEvents', messageId: 'globalEventsOff', what: 'global service events' },
  { setting: 'logFileValidation', messageId: 'logValidationOff', what: 'log file validation' },
];

export default defineRule({
  meta: {
    id: 'cloudtrail-complete-logs',
    title: 'CloudTrail trails record global service events and validate their log files',
    checks: 'global service events and log file validation of every trail',
    severity: 'medium',
    controls: ['1.12'],
    rationale:
      'A trail that logs can still leave gaps: without global service events it misses IAM, STS and CloudFront calls, and ' +
      'without log file validation nobody can prove that a log file was not changed or deleted after delivery. Both are ' +
      'on by default for global service events and off for validation. Whether a trail logs at all and in every region is ' +
      '`cloudtrail-enabled`, one severity higher.',
    remediation:
      'Keep `IncludeGlobalServiceEvents` / `include_global_service_events` true and set `EnableLogFileValidation: true` / ' +
      '`enable_log_file_validation = true`.',
    messages: {
      globalEventsOff: 'Trail {{trail}} leaves out global service events (IAM, STS, CloudFront): `{{property}}` {{how}}.',
      logValidationOff: 'Trail {{trail}} does not validate its log files, so changed or deleted logs go unnoticed: `{{property}}` {{how}}.',
    },
    precision: 'very-high',
    tags: ['security', 'logging', 'cloudtrail'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: true\n      S3BucketName: org-trail-logs\n',
        pass: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: true\n      EnableLogFileValidation: true\n      S3BucketName: org-trail-logs\n',
      },
      terraform: {
        fail: 'resource "aws_cloudtrail" "main" {\n  name                  = "main"\n  s3_bucket_name        = "org-trail-logs"\n  is_multi_region_trail = true\n}\n',
        pass: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = "org-trail-logs"\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n}\n',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.trails) {
      for (const c of CHECKS) {
        const v = t[c.setting];
        if (undecided(ctx, t, v, c.what) || v.value === true) continue;
        ctx.report({ messageId: c.messageId, at: v, resource: t, data: { trail: t.resource.address, property: property(v), how: how(v) } });
      }
    }
  },
});
