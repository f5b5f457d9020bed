import type { Link, ModelResource, Val } from '../val.js';

/** A WAFv2 web ACL and the AWS managed rule groups it runs. */
export interface WebAcl extends ModelResource {
  /** `REGIONAL` (load balancers, API Gateway, AppSync) or `CLOUDFRONT`. */
  scope: Val<string>;
  /** Names of the AWS managed rule groups of its rules (`AWSManagedRulesCommonRuleSet` …), in order. */
  managedRuleGroups: Val<string>[];
  /** Rules whose statement could not be read (a rule group by reference, an unknown value): they may cover more. */
  otherRules: number;
}

/** A separate association of a web ACL with a resource (a load balancer, an API Gateway stage, an AppSync API). */
export interface WebAclAssociation extends ModelResource {
  webAcl: Val<Link>;
  target: Val<Link>;
  /** Graph ids of every resource the target ARN is built from (an API and its stage in one `!Sub`). */
  mentions: string[];
}
