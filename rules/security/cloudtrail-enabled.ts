import { how, property, undecided } from '../../src/engine/kit.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Val } from '../../src/model/val.js';

const CHECKS: { setting: 'multiRegion' | 'logging'; messageId: 'notMultiRegion' | 'loggingOff'; what: string }[] = [
  { setting: 'multiRegion', messageId: 'notMultiRegion', what: 'multi-region' },
  { setting: 'logging', messageId: 'loggingOff', what: 'logging' },
];

/*
 * Scope note: control 1.12 also asks that a trail exists at all. A scan that holds resources but no
 * trail is not reported: a finding needs a resource to point at, and the trail commonly lives in
 * another repository (an organization trail in the management account). The checklist report
 * marks the control's evidence instead.
 */
export default defineRule({
  meta: {
    id: 'cloudtrail-enabled',
    title: 'CloudTrail trails log, in every region',
    checks: 'multi-region, logging on (global service events and log file validation: `cloudtrail-complete-logs`)',
    severity: 'high',
    controls: ['1.12'],
    rationale:
      'A trail that covers one region misses activity in all the others, including regions an attacker chooses because ' +
      'nobody watches them. A trail whose logging is off records nothing. What a logging trail leaves out (global service ' +
      'events) and whether its files can be trusted (log file validation) is `cloudtrail-complete-logs`, one severity lower.',
    remediation:
      'Set multi-region on (`IsMultiRegionTrail: true` / `is_multi_region_trail = true`) and keep logging on (`IsLogging: true` / ' +
      '`enable_logging`).',
    messages: {
      notMultiRegion: 'Trail {{trail}} records only the region it is deployed in: `{{property}}` {{how}}.',
      loggingOff: 'Trail {{trail}} does not log: `{{property}}` {{how}}.',
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
        const v: Val<boolean> = t[c.setting];
        if (undecided(ctx, t, v, c.what) || v.value === true) continue;
        ctx.report({ messageId: c.messageId, at: v, resource: t, data: { trail: t.resource.address, property: property(v), how: how(v) } });
      }
    }
  },
});
