import { defineRule } from '../../src/engine/rule.js';
import { IamIndex } from '../../src/model/iam/query.js';
import { isKnown } from '../../src/model/val.js';
import { property } from '../../src/engine/kit.js';
import { redact } from '../../src/secrets/patterns.js';

export default defineRule({
  meta: {
    id: 'iam-no-static-access-keys',
    title: 'No long-lived IAM access keys are created',
    checks: 'active IAM access key resources, access keys written into Terraform `provider "aws"` blocks',
    severity: 'high',
    controls: ['1.11'],
    rationale:
      'Access keys are long-lived credentials: whoever holds the key id and secret acts as the user, from anywhere, until ' +
      'someone rotates or deletes the key (checklist 1.11). Workloads on AWS get short-lived credentials from a role ' +
      '(instance profiles, task roles, execution roles, IRSA, IAM Roles Anywhere); people sign in through IAM Identity ' +
      'Center. An access key created by infrastructure code also puts its secret into the stack outputs or the Terraform ' +
      'state. An inactive key (`Status: Inactive`) passes. A Terraform `provider "aws"` block with `access_key` written ' +
      'in it (a literal, or a variable\'s default) signs every deployment with a long-lived key of some IAM user; the key ' +
      'and its secret are reported again by `no-hardcoded-secrets`, redacted. A key id starting with `ASIA` is a temporary ' +
      'session key, not a long-lived one. A key from a variable without default is passed in at plan time: whether it is a ' +
      'long-lived key is unknown (a notice).',
    remediation:
      'Remove the AWS::IAM::AccessKey / aws_iam_access_key resource and give the workload a role it assumes. Where a system ' +
      'outside AWS really needs a key, create it outside the code, keep it in a secret store and rotate it. In a provider ' +
      'block, remove `access_key` / `secret_key` and let the provider take credentials from its environment: `assume_role`, ' +
      'a named `profile`, an instance or task role, or OIDC federation in CI.',
    messages: {
      accessKey: 'Creates a long-lived access key for IAM user {{user}}: use a role with temporary credentials instead.',
      providerKey: 'Provider configuration {{provider}} signs in with a long-lived access key written in the code (`{{property}}`, {{redacted}}): let it assume a role or use a profile instead.',
    },
    precision: 'very-high',
    tags: ['security', 'iam', 'credentials'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Ci:\n    Type: AWS::IAM::User\n  CiKey:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: !Ref Ci\n',
        pass: 'Resources:\n  CiKey:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: ci\n      Status: Inactive\n',
      },
      terraform: {
        fail: 'resource "aws_iam_access_key" "ci" {\n  user = "ci"\n}\n',
        pass: 'resource "aws_iam_access_key" "ci" {\n  user   = "ci"\n  status = "Inactive"\n}\n',
      },
    },
  },
  check(ctx) {
    const iam = new IamIndex(ctx.model);
    for (const k of ctx.model.accessKeys) {
      if (!isKnown(k.status)) {
        ctx.undecidable(k, k.status, `the key's status is unknown: ${k.status.reason}`);
        continue;
      }
      if (k.status.value === 'Inactive') continue;
      const user = iam.identity({ kind: 'user', to: k.user }, k);
      const name = user?.resource.address ?? (isKnown(k.user) ? k.user.value.literal : undefined) ?? '(unknown)';
      ctx.report({ messageId: 'accessKey', at: k, resource: k, data: { user: name } });
    }
    for (const k of ctx.model.providerKeys) {
      const v = k.accessKey;
      if (!isKnown(v)) { ctx.undecidable(k, v, `whether the access_key of ${k.resource.address} is a long-lived key is unknown: ${v.reason}`); continue; }
      // `ASIA…` key ids are temporary session credentials (with a session token), not an IAM user's key.
      if (v.value.trim() === '' || v.value.startsWith('ASIA')) continue;
      ctx.report({ messageId: 'providerKey', at: v, resource: k, data: { provider: k.resource.address, property: property(v), redacted: redact(v.value) } });
    }
  },
});
