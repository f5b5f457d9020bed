import { how, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Trail } from '../../src/model/cloudtrail/types.js';
import type { Val } from '../../src/model/val.js';

type Setting = 'multiRegion' | 'logging' | 'globalServiceEvents' | 'logFileValidation';
type MessageId = 'notMultiRegion' | 'loggingOff' | 'globalEventsOff' | 'logValidationOff';

const CHECKS: { setting: Setting; messageId: MessageId; what: string; severity: 'high' | 'medium' }[] = [
  { setting: 'multiRegion', messageId: 'notMultiRegion', what: 'multi-region', severity: 'high' },
  { setting: 'logging', messageId: 'loggingOff', what: 'logging', severity: 'high' },
  { setting: 'globalServiceEvents', messageId: 'globalEventsOff', what: 'global service events', severity: 'medium' },
  { setting: 'logFileValidation', messageId: 'logValidationOff', what: 'log file validation', severity: 'medium' },
];

/** How a false value was arrived at, for the message: written, or the default it assumed. */
/*
 * Scope note: control 1.12 also asks that a trail exists at all. A scan that holds resources but no
 * trail is not reported: a finding needs a resource to point at, and the trail commonly lives in
 * another repository (an organization trail in the management account). The checklist report
 * marks the control's evidence instead.
 */
export default defineRule({
  meta: {
    id: 'cloudtrail-enabled',
    title: 'CloudTrail trails must log every region, global service events, and validate their log files',
    checks: 'multi-region, logging on, global service events, log file validation',
    severity: 'high',
    controls: ['1.12'],
    rationale:
      'A trail that covers one region misses activity in all the others, including regions an attacker chooses because ' +
      'nobody watches them. A trail whose logging is off records nothing. Without global service events, IAM, STS and ' +
      'CloudFront calls are missing. Without log file validation nobody can prove that a log file was not changed or deleted.',
    remediation:
      'Set multi-region on (`IsMultiRegionTrail: true` / `is_multi_region_trail = true`), keep logging on (`IsLogging: true` / ' +
      '`enable_logging`), include global service events, and turn on log file validation (`EnableLogFileValidation: true` / ' +
      '`enable_log_file_validation = true`).',
    messages: {
      notMultiRegion: 'Trail {{trail}} records only the region it is deployed in: `{{property}}` {{how}}.',
      loggingOff: 'Trail {{trail}} does not log: `{{property}}` {{how}}.',
      globalEventsOff: 'Trail {{trail}} leaves out global service events (IAM, STS, CloudFront): `{{property}}` {{how}}.',
      logValidationOff: 'Trail {{trail}} does not validate its log files, so changed or deleted logs go unnoticed: `{{property}}` {{how}}.',
    },
    precision: 'very-high',
    tags: ['security', 'logging', 'cloudtrail'],
    examples: {
      cloudformation: {
        fail: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: org-trail-logs
`,
        pass: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      IncludeGlobalServiceEvents: true
      EnableLogFileValidation: true
      S3BucketName: org-trail-logs
`,
      },
      terraform: {
        fail: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "org-trail-logs"
}
`,
        pass: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "org-trail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
`,
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.trails) {
      for (const c of CHECKS) {
        const v: Val<boolean> = (t as Trail)[c.setting];
        if (undecided(ctx, t, v, c.what) || v.value === true) continue;
        ctx.report({ messageId: c.messageId, at: v, resource: t, data: { trail: t.resource.address, property: property(v), how: how(v) }, severity: c.severity });
      }
    }
  },
});
