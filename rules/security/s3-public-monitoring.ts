import { defineRule } from '../../src/engine/rule.js';
import { accountScopes } from '../../src/model/accounts.js';
import type { Detector } from '../../src/model/securityservices/types.js';
import { isKnown, isTrue } from '../../src/model/val.js';

/** AWS Config managed rules that report public buckets or a missing public access block. */
const PUBLIC_BUCKET_RULES = new Set([
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
  'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS',
  'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC',
]);

/** Whether a declared service finds public buckets: external-access analyzers, public-bucket Config rules, Macie, Security Hub. */
function detectsPublicBuckets(d: Detector): boolean {
  if (!isTrue(d.enabled)) return false;
  switch (d.kind) {
    case 'access-analyzer':
      return d.analyzerType !== undefined && isKnown(d.analyzerType) && !d.analyzerType.value.toUpperCase().includes('UNUSED');
    case 'config-rule':
      return d.managedRule !== undefined && isKnown(d.managedRule) && PUBLIC_BUCKET_RULES.has(d.managedRule.value);
    case 'macie':
    case 'security-hub':
      return true;
    default:
      return false;
  }
}

export default defineRule({
  meta: {
    id: 's3-public-monitoring',
    title: 'Public S3 buckets are detected by a monitoring service',
    severity: 'medium',
    checks: 'per account with buckets: an external-access IAM Access Analyzer, a Config rule for public buckets, Macie or Security Hub declared; once per account, or `providedElsewhere`',
    controls: ['1.18'],
    rationale:
      'A bucket can be made public by a console click, a script or another stack long after this code was reviewed; ' +
      'checklist 1.18 asks for monitoring that finds it. IAM Access Analyzer (an external-access analyzer of the ' +
      'account or organisation), an AWS Config rule for public buckets (S3_BUCKET_PUBLIC_READ_PROHIBITED, ' +
      '…_WRITE_PROHIBITED, S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED, S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS[_PERIODIC]), ' +
      'Amazon Macie or AWS Security Hub (whose foundational standard checks public buckets) each do. The rule is decided ' +
      'once per account, for every account of the scan that has S3 buckets, and reported once, on the first resource ' +
      'of that account (by file and address). Resources whose account is unknown count as one account. When the ' +
      'monitoring runs outside this code (an organisation-wide analyzer in the security account), say so in ' +
      '`.iac-check.yaml` under `providedElsewhere`; the finding is then shown as suppressed with that reason.',
    remediation:
      'Declare an IAM Access Analyzer (AWS::AccessAnalyzer::Analyzer / aws_accessanalyzer_analyzer, type ACCOUNT or ' +
      'ORGANIZATION) or the S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED Config rule, or enable Macie or Security Hub, or ' +
      'record in .iac-check.yaml where it is provided: `providedElsewhere: { s3-public-monitoring: "…" }`.',
    messages: {
      noMonitoring: 'Nothing in the scan detects public S3 buckets in {{account}}: no IAM Access Analyzer, AWS Config rule for public buckets, Macie or Security Hub is declared for it.',
    },
    precision: 'medium',
    tags: ['security', 's3', 'monitoring', 'account'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n',
        pass: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n  Analyzer:\n    Type: AWS::AccessAnalyzer::Analyzer\n    Properties:\n      Type: ACCOUNT\n',
      },
      terraform: {
        fail: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "shop-uploads"\n}\n',
        pass: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "shop-uploads"\n}\n\nresource "aws_accessanalyzer_analyzer" "account" {\n  analyzer_name = "account"\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const scope of accountScopes(m)) {
      if (!m.buckets.some((b) => scope.has(b))) continue;
      const mine = m.detectors.filter((d) => scope.has(d));
      if (mine.some(detectsPublicBuckets)) continue;
      const unknown = mine.find((d) => !isKnown(d.enabled) || (d.analyzerType && !isKnown(d.analyzerType)) || (d.managedRule && !isKnown(d.managedRule)));
      if (unknown) {
        ctx.undecidable(unknown, unknown, `whether ${unknown.resource.address} detects public buckets is unknown`);
        continue;
      }
      ctx.report({ messageId: 'noMonitoring', at: scope.anchor, resource: scope.anchor, data: { account: scope.label } });
    }
  },
});
