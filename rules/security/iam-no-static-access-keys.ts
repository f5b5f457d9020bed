import { defineRule } from '../../src/engine/rule.js';
import { IamIndex } from '../../src/model/iam/query.js';
import { isKnown } from '../../src/model/val.js';

export default defineRule({
  meta: {
    id: 'iam-no-static-access-keys',
    title: 'No long-lived IAM access keys are created',
    checks: 'active IAM access key resources',
    severity: 'high',
    controls: ['1.11'],
    rationale:
      'Access keys are long-lived credentials: whoever holds the key id and secret acts as the user, from anywhere, until ' +
      'someone rotates or deletes the key (checklist 1.11). Workloads on AWS get short-lived credentials from a role ' +
      '(instance profiles, task roles, execution roles, IRSA, IAM Roles Anywhere); people sign in through IAM Identity ' +
      'Center. An access key created by infrastructure code also puts its secret into the stack outputs or the Terraform ' +
      'state. An inactive key (`Status: Inactive`) passes. Keys written into a provider configuration are reported by ' +
      '`no-hardcoded-secrets`.',
    remediation:
      'Remove the AWS::IAM::AccessKey / aws_iam_access_key resource and give the workload a role it assumes. Where a system ' +
      'outside AWS really needs a key, create it outside the code, keep it in a secret store and rotate it.',
    messages: {
      accessKey: 'Creates a long-lived access key for IAM user {{user}}: use a role with temporary credentials instead.',
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
  },
});
