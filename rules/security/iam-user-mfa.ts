import { awsManagedPolicyName } from '../../src/aws/iam-risk.js';
import { defineRule } from '../../src/engine/rule.js';
import { IamIndex } from '../../src/model/iam/query.js';
import type { IamIdentity, PolicyDocument, PolicyStatement } from '../../src/model/iam/types.js';
import type { ModelResource, Val } from '../../src/model/val.js';
import { isKnown } from '../../src/model/val.js';

const MFA_KEY = 'aws:multifactorauthpresent';

/** A Deny that applies when the request was not made with MFA: `Bool`/`BoolIfExists` false, or `Null` true, on aws:MultiFactorAuthPresent. */
function deniesWithoutMfa(s: PolicyStatement): boolean {
  if (!isKnown(s.effect) || s.effect.value !== 'Deny' || !isKnown(s.conditions)) return false;
  return s.conditions.value.some((c) => {
    if (c.key.toLowerCase() !== MFA_KEY) return false;
    const op = c.operator.toLowerCase();
    if (op === 'bool' || op === 'boolifexists') return c.values.some((v) => v.toLowerCase() === 'false');
    if (op === 'null') return c.values.some((v) => v.toLowerCase() === 'true');
    return false;
  });
}

export default defineRule({
  meta: {
    id: 'iam-user-mfa',
    title: 'IAM users who sign in to the console need MFA',
    checks: 'users with a console password and no policy that denies access without MFA',
    severity: 'high',
    controls: ['1.4'],
    rationale:
      'A password alone is phished, guessed or reused; every IAM user who signs in interactively must use MFA (checklist ' +
      '1.4). MFA devices are registered by the person, not by infrastructure code, so what code can show is whether a ' +
      'user with a console password is forced to use one: a policy reaching the user (inline, attached, or through a group) ' +
      'with a Deny that applies when `aws:MultiFactorAuthPresent` is false or absent — the "force MFA" policy AWS documents. ' +
      'A user with a console password (CloudFormation `LoginProfile`, Terraform aws_iam_user_login_profile) and no such ' +
      'policy is reported. When a policy reaching the user cannot be read (a customer managed policy outside the scan, a ' +
      'group named by an unknown value), the rule does not decide.',
    remediation:
      'Attach the documented "force MFA" policy to the users\' group: Deny NotAction (the actions needed to register an ' +
      'MFA device and change the password) on `*` with Condition `BoolIfExists: { aws:MultiFactorAuthPresent: "false" }`. ' +
      'Better still, sign people in through IAM Identity Center with MFA required and create no IAM users.',
    messages: {
      noMfaPolicy: 'IAM user {{user}} has a console password, and no policy reaching it denies access without MFA.',
    },
    precision: 'high',
    tags: ['security', 'iam', 'mfa'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      LoginProfile:\n        Password: "{{resolve:secretsmanager:alice-initial}}"\n        PasswordResetRequired: true\n',
        pass:
          'Resources:\n  People:\n    Type: AWS::IAM::Group\n    Properties:\n      Policies:\n        - PolicyName: force-mfa\n          PolicyDocument:\n' +
          '            Statement:\n              - Effect: Deny\n                NotAction: ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ChangePassword"]\n' +
          '                Resource: "*"\n                Condition:\n                  BoolIfExists:\n                    aws:MultiFactorAuthPresent: "false"\n' +
          '  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [!Ref People]\n      LoginProfile:\n        Password: "{{resolve:secretsmanager:alice-initial}}"\n',
      },
      terraform: {
        fail: 'resource "aws_iam_user" "alice" {\n  name = "alice"\n}\n\nresource "aws_iam_user_login_profile" "alice" {\n  user = aws_iam_user.alice.name\n}\n',
        pass:
          'resource "aws_iam_user" "alice" {\n  name = "alice"\n}\n\nresource "aws_iam_user_login_profile" "alice" {\n  user = aws_iam_user.alice.name\n}\n\n' +
          'resource "aws_iam_user_policy" "force_mfa" {\n  user = aws_iam_user.alice.name\n  policy = jsonencode({\n    Statement = [{\n' +
          '      Effect    = "Deny"\n      NotAction = ["iam:EnableMFADevice", "iam:CreateVirtualMFADevice"]\n      Resource  = "*"\n' +
          '      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }\n    }]\n  })\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const iam = new IamIndex(m);
    const check = (user: IamIdentity, at: Val<unknown> | ModelResource, owner: ModelResource): void => {
      const p = iam.effectivePolicies(user);
      const docs: PolicyDocument[] = p.documents.map((d) => d.document);
      if (docs.some((d) => d.statements.some(deniesWithoutMfa))) return;
      // Customer managed policies outside the scan, unknown names, unreadable documents: they might force MFA.
      const unreadable = [
        ...p.unresolved,
        ...p.named.flatMap((n) => (isKnown(n.arn) && n.arn.value.literal !== undefined && awsManagedPolicyName(n.arn.value.literal) === undefined ? [n.arn.value.literal] : [])),
        ...docs.flatMap((d) => (d.unknown ? [d.unknown] : [])),
      ];
      if (unreadable.length) {
        ctx.undecidable(owner, at, `a policy reaching IAM user ${user.resource.address} cannot be read (${unreadable.join('; ')})`);
        return;
      }
      ctx.report({ messageId: 'noMfaPolicy', at, resource: owner, data: { user: user.resource.address } });
    };
    for (const u of m.iamIdentities) {
      if (u.kind === 'user' && u.loginProfile && isKnown(u.loginProfile) && u.loginProfile.value) check(u, u.loginProfile, u);
    }
    for (const lp of m.loginProfiles) {
      const user = iam.identity({ kind: 'user', to: lp.user }, lp);
      if (user) check(user, lp, lp);
      else ctx.undecidable(lp, lp, 'the user of the login profile is not in the scan');
    }
  },
});
