import { defineRule } from '../../src/engine/rule.js';
import { isSecretName } from '../../src/secrets/patterns.js';
import { isKnown } from '../../src/model/val.js';

/** The last part of a parameter path (`/shop/prod/db-password` → `db-password`). */
function leaf(name: string): string {
  return name.split('/').filter(Boolean).pop() ?? name;
}

export default defineRule({
  meta: {
    id: 'secrets-encrypted',
    title: 'Secrets are kept encrypted, not in plain-text settings',
    severity: 'high',
    checks: 'secret-named SSM parameters of type String/StringList, secrets in container environments and Lambda environment variables',
    controls: ['1.10'],
    rationale:
      'Credentials must be encrypted where they are stored (checklist 1.10). An SSM parameter of type `String` or ' +
      '`StringList` is stored and shown in plain text to anyone who can read parameters; only `SecureString` is encrypted ' +
      'with KMS, and CloudFormation cannot create one at all. A secret put into a container\'s `environment` is written in ' +
      'plain text into the ECS task definition, and one put into a Lambda function\'s environment variables is shown to ' +
      'anyone who can read the function\'s configuration — even when it was fetched from Secrets Manager at deploy time ' +
      '(`{{resolve:secretsmanager:…}}`). Parameters and variables are recognised by secret-like names (`…/db-password`, ' +
      '`API_TOKEN`) or values shaped like credentials. Literal secrets are `no-hardcoded-secrets`\' finding; Secrets Manager ' +
      'secrets are always encrypted (the choice of key is `secrets-customer-key`).',
    remediation:
      'Keep the secret in Secrets Manager or an SSM SecureString parameter (Terraform `type = "SecureString"`; from ' +
      'CloudFormation, create it outside the stack or use Secrets Manager). Give containers the secret through `Secrets` ' +
      '/ `secrets` with `ValueFrom`, and have functions read it at run time (the AWS Parameters and Secrets Lambda ' +
      'extension) instead of through an environment variable.',
    messages: {
      plainParameter: 'SSM parameter {{name}} looks like a secret but is stored in plain text: `{{property}}` is {{type}}, not SecureString.',
      containerEnvironment: 'Container environment variable {{name}} holds a secret in plain text in the task definition: pass it through `Secrets` with `ValueFrom` instead.',
      functionEnvironment: 'Lambda environment variable {{name}} holds a secret, readable in plain text in the function\'s configuration: read it from Secrets Manager or Parameter Store at run time.',
    },
    precision: 'medium',
    tags: ['security', 'secrets', 'encryption'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  DbPassword:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /shop/prod/db-password\n      Type: String\n      Value: "{{resolve:secretsmanager:shop/db:SecretString:password}}"\n',
        pass: 'Resources:\n  DbHost:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /shop/prod/db-host\n      Type: String\n      Value: db.internal.example.com\n',
      },
      terraform: {
        fail: 'resource "aws_ssm_parameter" "db_password" {\n  name  = "/shop/prod/db-password"\n  type  = "String"\n  value = var.db_password\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
        pass: 'resource "aws_ssm_parameter" "db_password" {\n  name  = "/shop/prod/db-password"\n  type  = "SecureString"\n  value = var.db_password\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const p of m.ssmParameters) {
      if (!isKnown(p.type)) {
        ctx.undecidable(p, p.type, `the parameter type is unknown: ${p.type.reason}`);
        continue;
      }
      if (p.type.value === 'SecureString') continue;
      const name = isKnown(p.name) ? p.name.value : '';
      const shaped = m.secretValues.some((s) => s.resource.id === p.resource.id && s.shape);
      if (!(name && isSecretName(leaf(name))) && !shaped) continue;
      ctx.report({ messageId: 'plainParameter', at: p.type, resource: p, data: { name: name || p.resource.address, property: p.type.origin.path.replace(/^Properties\./, ''), type: p.type.value } });
    }
    for (const s of m.secretValues) {
      if (!s.environment || !s.named) continue;
      // A literal is no-hardcoded-secrets' finding; here: a secret that reaches the environment from elsewhere.
      if (s.value.provenance === 'explicit' && !s.dynamicReference) continue;
      ctx.report({ messageId: s.environment === 'ecs' ? 'containerEnvironment' : 'functionEnvironment', at: s.value, resource: s, data: { name: s.name } });
    }
  },
});
