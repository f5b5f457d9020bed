import { defineRule } from '../../src/engine/rule.js';
import { explicit } from '../../src/model/val.js';

/**
 * A suppression is a decision someone made; without its reason the next reader cannot
 * judge it. Suppressions without a reason are not honoured, and this rule says where they are.
 */
export default defineRule({
  meta: {
    id: 'suppression-reason',
    title: 'Suppressions must give a reason',
    checks: 'suppressions without a reason (they are not honoured)',
    severity: 'low',
    controls: [],
    rationale:
      'A suppression hides a finding from every later review. The reason is what lets a reviewer tell an accepted risk from a silenced one, so iac-check does not honour a suppression that gives none.',
    remediation:
      'Add the reason after the rule id: `# iac-check:ignore <rule-id> <reason>`, or a `reason` beside the `id` in the resource\'s `Metadata: { iac-check: { ignore: [...] } }`.',
    messages: {
      missingReason: 'The suppression of {{ruleId}} on {{resource}} gives no reason, so it is not honoured.',
    },
    precision: 'very-high',
    tags: ['maintainability'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Logs:\n    # iac-check:ignore s3-public-access\n    Type: AWS::S3::Bucket\n',
        pass: 'Resources:\n  Logs:\n    # iac-check:ignore s3-public-access the bucket is fronted by CloudFront\n    Type: AWS::S3::Bucket\n',
      },
      terraform: {
        fail: '# iac-check:ignore s3-public-access\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
        pass: '# iac-check:ignore s3-public-access the bucket is fronted by CloudFront\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
      },
    },
  },
  check(ctx) {
    for (const r of ctx.model.resources) {
      for (const s of r.resource.suppressions) {
        if (s.reason !== '') continue;
        const at = explicit(s.ruleId, { span: s.span, path: '', resource: r.resource.address });
        ctx.report({ messageId: 'missingReason', at, resource: r, data: { ruleId: s.ruleId, resource: r.resource.address } });
      }
    }
  },
});
