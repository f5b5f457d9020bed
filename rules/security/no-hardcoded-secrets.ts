import { defineRule } from '../../src/engine/rule.js';
import type { SecretValue } from '../../src/model/secrets/types.js';
import { redact } from '../../src/secrets/patterns.js';

/** A literal of a secret-named property that is not a secret itself: empty, a placeholder for a reference, an ARN of a stored secret. */
function notASecret(s: string): boolean {
  const t = s.trim();
  return t === '' || t.startsWith('arn:') || /^(true|false|null|none)$/i.test(t);
}

/** The property or variable, as written (`Properties.` left out). */
function where(s: SecretValue): string {
  return s.value.origin.path.replace(/^Properties\./, '');
}

export default defineRule({
  meta: {
    id: 'no-hardcoded-secrets',
    title: 'No credentials are written into the code',
    severity: 'critical',
    checks: 'strings shaped like credentials (AWS key ids, private keys, GitHub/GitLab/Slack/Stripe/Google/npm/SendGrid tokens) anywhere in a resource or a Terraform provider block, literal values of secret-named properties and environment variables, also through parameter and variable defaults; the secret is shown redacted (first characters and length)',
    controls: ['1.9'],
    rationale:
      'A credential written into a template or configuration is in every clone, fork, build log, artifact and Terraform ' +
      'state of it, for ever, and can no longer be rotated by changing it in one place (checklist 1.9). This rule finds ' +
      'strings shaped like well-known credentials anywhere in a resource or a Terraform `provider` block (`access_key`, `secret_key`, `token`) (AWS access key ids, private keys, GitHub, ' +
      'GitLab, Slack, Stripe, Google, npm and SendGrid tokens) and literal values of properties, map keys and environment ' +
      'variables named like secrets (`MasterUserPassword`, `password`, `secret_key`, `SecretString`, `DB_PASSWORD`, ' +
      '`API_TOKEN` …), including literals that reach them through a parameter\'s or variable\'s default. Values that are ' +
      'resolved at deploy time pass: CloudFormation dynamic references (`{{resolve:secretsmanager:…}}`, ' +
      '`{{resolve:ssm-secure:…}}`), `NoEcho` parameters and Terraform variables without a default, references to ' +
      '`random_password` or a secret store, and `manage_master_user_password`. The secret itself is never shown: ' +
      'messages carry at most its first 4 characters (no more than a quarter of it) and its length.',
    remediation:
      'Remove the value from the code and rotate it: it is already exposed. Keep it in AWS Secrets Manager or an SSM ' +
      'SecureString parameter and reference it (`{{resolve:secretsmanager:name:SecretString:password}}`, ' +
      '`ManageMasterUserPassword: true`, a `data "aws_secretsmanager_secret_version"`), or pass it in as a NoEcho ' +
      'parameter / a sensitive variable without a default.',
    messages: {
      shaped: '`{{property}}` holds {{shape}} written in the code ({{redacted}}).',
      named: '`{{property}}` is a literal secret written in the code ({{redacted}}).',
    },
    precision: 'high',
    tags: ['security', 'secrets', 'credentials'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: shop\n      MasterUserPassword: Winter2024!\n',
        pass: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: shop\n      ManageMasterUserPassword: true\n',
      },
      terraform: {
        fail: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  username = "shop"\n  password = "Winter2024!"\n}\n',
        pass: 'resource "aws_db_instance" "db" {\n  engine                      = "postgres"\n  username                    = "shop"\n  manage_master_user_password = true\n}\n',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.secretValues) {
      if (s.value.provenance !== 'explicit' || s.dynamicReference) continue;
      if (s.shape && s.match) {
        ctx.report({ messageId: 'shaped', at: s.value, resource: s, data: { property: where(s), shape: s.shape, redacted: redact(s.match) } });
      } else if (s.named && !notASecret(s.value.value)) {
        ctx.report({ messageId: 'named', at: s.value, resource: s, data: { property: where(s), redacted: redact(s.value.value) } });
      }
    }
  },
});
