import { defineRule } from '../../src/engine/rule.js';
import { IamIndex } from '../../src/model/iam/query.js';
import type { IamIdentity } from '../../src/model/iam/types.js';
import type { Link } from '../../src/model/val.js';
import { ModelIndex } from '../../src/model/model.js';

export default defineRule({
  meta: {
    id: 'iam-no-user-policies',
    title: 'Permissions reach IAM users through groups or roles',
    checks: 'policies written on or attached to IAM users instead of groups or roles',
    severity: 'low',
    controls: ['1.7'],
    rationale:
      'When permissions are attached to users one by one, people who do the same job drift apart, a leaver\'s rights are ' +
      'hard to see, and a shared "service user" with its own policies becomes the easy way to share credentials (checklist ' +
      '1.7). Permissions given to groups or roles are granted per job, reviewed once, and leave with the membership. ' +
      'This rule reports policies written inline on a user, policy resources that name a user, and managed policies attached ' +
      'to a user (on the user or through an attachment resource). It is a separate, low-severity rule from ' +
      '`iam-least-privilege`, which judges what a policy grants.',
    remediation:
      'Create a group (or a role for workloads) per job, attach the policies to it, and add the users to the group ' +
      '(AWS::IAM::UserToGroupAddition or the user\'s `Groups`; Terraform aws_iam_user_group_membership).',
    messages: {
      inlineOnUser: 'IAM user has an inline policy: give the permissions to a group or role instead.',
      policyNamesUser: 'Policy is attached to IAM user {{user}}: attach it to a group or role instead.',
      managedOnUser: 'Managed policy {{policy}} is attached to IAM user {{user}}: attach it to a group or role instead.',
    },
    precision: 'high',
    tags: ['security', 'iam'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n',
        pass: 'Resources:\n  Auditors:\n    Type: AWS::IAM::Group\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n  Alice:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [!Ref Auditors]\n',
      },
      terraform: {
        fail: 'resource "aws_iam_user_policy_attachment" "alice" {\n  user       = "alice"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
        pass: 'resource "aws_iam_group_policy_attachment" "auditors" {\n  group      = "auditors"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const iam = new IamIndex(m);
    // Every typed resource by id, made for the first policy named by a link (it reads every list of the model).
    let index: ModelIndex | undefined;
    // A policy named by an ARN literal, or the address of the policy resource of the scan it links to.
    const policyName = (l: Link): string => l.literal ?? (index ??= new ModelIndex(m)).get(l.id)?.resource.address ?? 'a customer managed policy of the scan';
    const userName = (u: IamIdentity | undefined, fallback: string): string => u?.resource.address ?? fallback;
    for (const i of m.iamIdentities) {
      if (i.kind !== 'user') continue;
      for (const d of i.inlinePolicies) ctx.report({ messageId: 'inlineOnUser', at: { provenance: 'explicit', value: true, origin: d.origin }, resource: i });
      for (const arn of i.managedPolicies) ctx.report({ messageId: 'managedOnUser', at: arn, resource: i, data: { policy: arn.provenance === 'unknown' ? '(unknown)' : policyName(arn.value), user: i.resource.address } });
    }
    for (const p of m.iamPolicies) {
      for (const l of p.attachedTo) {
        if (l.kind !== 'user' || l.to.provenance === 'default') continue;
        const u = iam.identity(l, p);
        const literal = l.to.provenance === 'explicit' ? l.to.value.literal : undefined;
        ctx.report({ messageId: 'policyNamesUser', at: l.to, resource: p, data: { user: userName(u, literal ?? '(unknown)') } });
      }
    }
    for (const a of m.iamPolicyAttachments) {
      for (const l of a.attachedTo) {
        if (l.kind !== 'user' || l.to.provenance === 'default') continue;
        const u = iam.identity(l, a);
        const literal = l.to.provenance === 'explicit' ? l.to.value.literal : undefined;
        const policy = a.policy.provenance === 'explicit' ? policyName(a.policy.value) : '(unknown)';
        ctx.report({ messageId: 'managedOnUser', at: l.to, resource: a, data: { policy, user: userName(u, literal ?? '(unknown)') } });
      }
    }
  },
});
