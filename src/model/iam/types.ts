import type { Link, ModelResource, Origin, Val } from '../val.js';

export interface PolicyCondition {
  /** `StringEquals`, `Bool`, `ArnLike` … with any `ForAllValues:`/`IfExists` kept as written. */
  operator: string;
  key: string;
  values: string[];
  /** Some values could not be known (a parameter, a variable without default): the key still limits the statement. */
  unknownValues?: boolean;
}

export interface Principal {
  /** `"*"` or `{ AWS: "*" }`: anyone. */
  anyone: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  /** S3 canonical user ids (rare; bucket policies only). */
  canonicalUser?: string[];
}

export interface PolicyStatement {
  sid?: string;
  effect: Val<'Allow' | 'Deny'>;
  /** Absent in identity policies. */
  principal?: Val<Principal>;
  notPrincipal?: Val<Principal>;
  actions: Val<string[]>;
  notActions?: Val<string[]>;
  resources: Val<string[]>;
  notResources?: Val<string[]>;
  conditions: Val<PolicyCondition[]>;
  origin: Origin;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
  origin: Origin;
  /** Set when the document (or some statements of it) could not be read: the reason. Rules treat the missing part as unknown. */
  unknown?: string;
}

export type IdentityKind = 'user' | 'group' | 'role';

/** An IAM user, group or role, with the policies written on it. */
export interface IamIdentity extends ModelResource {
  kind: IdentityKind;
  /** The name it is created with, for attachments that name it by a literal; unknown or default when generated. */
  name: Val<string>;
  /** Inline policies written on the resource itself. */
  inlinePolicies: PolicyDocument[];
  /** Managed policies attached on the resource itself: AWS managed ARNs are literals, customer policies links. */
  managedPolicies: Val<Link>[];
  /** Users: a console password written on the resource (CloudFormation `LoginProfile`). */
  loginProfile?: Val<boolean>;
  /** Users: the groups named on the resource. */
  groups: Val<Link>[];
}

/** A policy resource: a customer managed policy, or an inline policy declared as its own resource. */
export interface IamPolicy extends ModelResource {
  managed: boolean;
  document: PolicyDocument;
  /** Identities named on the policy resource itself. */
  attachedTo: IdentityLink[];
}

export interface IdentityLink {
  kind: IdentityKind;
  to: Val<Link>;
}

/** A resource that attaches a managed policy to identities (Terraform's `aws_iam_*_policy_attachment`). */
export interface IamPolicyAttachment extends ModelResource {
  policy: Val<Link>;
  attachedTo: IdentityLink[];
}

/** A resource that adds users to a group. */
export interface IamGroupMembership extends ModelResource {
  group: Val<Link>;
  users: Val<Link>[];
}

/** A long-lived access key of an IAM user. */
export interface AccessKey extends ModelResource {
  user: Val<Link>;
  /** `Active` unless set. */
  status: Val<string>;
}

/**
 * A static access key written into a Terraform provider configuration (`provider "aws" { access_key = … }`):
 * the provider signs its calls with it. The resource is the provider block (`provider.aws`, `provider.aws.dr`).
 */
export interface ProviderKey extends ModelResource {
  /** The key id as written: a literal (also through a variable's default), or unknown (a variable without default). */
  accessKey: Val<string>;
}

/** A console password given to a user as its own resource (Terraform `aws_iam_user_login_profile`). */
export interface LoginProfile extends ModelResource {
  user: Val<Link>;
}

/** The account's IAM password policy. */
export interface PasswordPolicy extends ModelResource {
  minimumLength: Val<number>;
  requireUppercase: Val<boolean>;
  requireLowercase: Val<boolean>;
  requireNumbers: Val<boolean>;
  requireSymbols: Val<boolean>;
  /** How many previous passwords cannot be reused; 0 when not set. */
  reusePrevention: Val<number>;
  /** Days a password is valid; 0 when not set (never expires). */
  maxAge: Val<number>;
}
