import { actionMatches, expandAction } from './iam-actions.js';

/*
 * IAM actions that let a principal give itself more than it was given — the privilege-escalation
 * paths documented by AWS's own guidance on permissions that grant IAM control and by public
 * research on IAM escalation (new policy versions, attaching or writing policies, credentials for
 * other users, joining groups, rewriting trust, dropping a permissions boundary).
 */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
];

/** Actions that start code under a role passed with `iam:PassRole`: with PassRole on any role, the code runs as any role. */
export const PASS_ROLE_COMPUTE: readonly string[] = [
  'lambda:CreateFunction',
  'lambda:UpdateFunctionConfiguration',
  'ec2:RunInstances',
  'ecs:RunTask',
  'ecs:RegisterTaskDefinition',
  'cloudformation:CreateStack',
  'cloudformation:UpdateStack',
  'glue:CreateDevEndpoint',
  'glue:CreateJob',
  'codebuild:CreateProject',
  'sagemaker:CreateNotebookInstance',
  'datapipeline:CreatePipeline',
];

export const PASS_ROLE = 'iam:PassRole';

/** AWS managed policies that grant administrator-level or IAM-wide access. */
export const ADMIN_POLICIES: readonly string[] = ['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'];

/** The AWS managed policy an ARN names (`arn:aws:iam::aws:policy/AdministratorAccess` → `AdministratorAccess`). */
export function awsManagedPolicyName(arn: string): string | undefined {
  const m = /^arn:[^:]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1];
}

/** The known actions of `wanted` that a list of action patterns grants. `*` grants every one. */
export function grantedOf(patterns: string[], wanted: readonly string[]): string[] {
  return wanted.filter((a) => patterns.some((p) => actionMatches(p, a)));
}

/**
 * What a list of action patterns grants, as far as the action list knows: the actual actions
 * behind each wildcard, and the service prefixes it does not know.
 */
export function expandAll(patterns: string[]): { actions: Set<string>; unknownServices: string[] } {
  const actions = new Set<string>();
  const unknownServices: string[] = [];
  for (const p of patterns) {
    if (p === '*') continue;
    const e = expandAction(p);
    for (const a of e.actions) actions.add(a);
    if (e.unknownService !== undefined) unknownServices.push(e.unknownService);
  }
  return { actions, unknownServices };
}
