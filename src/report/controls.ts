/**
 * The AWS Retail Competency technical validation checklist (version 1.0, December 2019) as data:
 * one entry per control of CONTROLS.md, with the rules that decide it. The checklist reporter
 * reads this table; a rule's own `meta.controls` is what SARIF and JSON show.
 */

export type ControlGroup = 'security' | 'reliability' | 'operational excellence' | 'performance efficiency';
export const CONTROL_GROUPS: readonly ControlGroup[] = ['security', 'reliability', 'operational excellence', 'performance efficiency'];

/** What iac-check can decide from infrastructure code alone. */
export type StaticCoverage = 'yes' | 'partly' | 'no';

export interface Control {
  /** `1.15` … */
  id: string;
  group: ControlGroup;
  /** What the control asks, in a few words. */
  summary: string;
  /** Whether the checklist applies the control to each delivery model. */
  appliesTo: { saas: boolean; customerDeployed: boolean };
  static: StaticCoverage;
  /** Rules that check it; empty when only evidence outside the code can. */
  ruleIds: readonly string[];
  /** Met by the fact that the infrastructure is code (2.5). */
  metByCode?: true;
}

export const CHECKLIST_NAME = 'AWS Retail Competency technical validation checklist';
export const CHECKLIST_VERSION = '1.0 (December 2019)';

const BOTH = { saas: true, customerDeployed: true } as const;
const SAAS = { saas: true, customerDeployed: false } as const;

function c(id: string, group: ControlGroup, summary: string, appliesTo: Control['appliesTo'], coverage: StaticCoverage, ruleIds: string[] = []): Control {
  return Object.freeze({ id, group, summary, appliesTo, static: coverage, ruleIds: Object.freeze(ruleIds) });
}

const S: ControlGroup = 'security';
const R: ControlGroup = 'reliability';
const O: ControlGroup = 'operational excellence';
const P: ControlGroup = 'performance efficiency';

const CONTROLS: readonly Control[] = Object.freeze([
  c('1.1', S, 'The root user is kept out of day-to-day work', SAAS, 'no'),
  c('1.2', S, 'The root user signs in with MFA', SAAS, 'no'),
  c('1.3', S, 'Day-to-day work is done through IAM identities', SAAS, 'no'),
  c('1.4', S, 'Every IAM user who signs in interactively uses MFA', SAAS, 'partly', ['iam-user-mfa']),
  c('1.5', S, 'IAM credentials are rotated on a schedule', SAAS, 'partly', ['iam-password-policy']),
  c('1.6', S, 'The account enforces a strong password policy', SAAS, 'yes', ['iam-password-policy']),
  c('1.7', S, 'IAM credentials are never shared between people', SAAS, 'partly', ['iam-least-privilege', 'iam-no-user-policies']),
  c('1.8', S, 'IAM policies grant only the permissions needed', SAAS, 'yes', ['iam-least-privilege']),
  c('1.9', S, 'No credentials are written into code or configuration', BOTH, 'yes', ['no-hardcoded-secrets']),
  c('1.10', S, 'Stored credentials are encrypted', BOTH, 'yes', ['secrets-encrypted', 'secrets-customer-key']),
  c('1.11', S, 'Access keys exist only for people or for services that cannot assume a role', BOTH, 'yes', ['iam-no-static-access-keys']),
  c('1.12', S, 'CloudTrail records every region', SAAS, 'yes', ['cloudtrail-enabled']),
  c('1.13', S, 'CloudTrail delivers to a bucket in a separate account', SAAS, 'yes', ['cloudtrail-bucket-separate-account']),
  c('1.14', S, 'The CloudTrail bucket is versioned or protected by MFA delete', SAAS, 'yes', ['cloudtrail-bucket-protected']),
  c('1.15', S, 'Security groups allow only the traffic they need', BOTH, 'yes', ['sg-restricted-ingress', 'sg-restricted-egress', 'sg-internal-scope']),
  c('1.16', S, 'Each S3 bucket has the access level it needs', BOTH, 'yes', ['s3-public-access']),
  c('1.17', S, 'No S3 bucket is public by accident', BOTH, 'yes', ['s3-public-access']),
  c('1.18', S, 'Public buckets are detected by monitoring', SAAS, 'partly', ['s3-public-monitoring']),
  c('1.19', S, 'Changes to instances and containers are detected', SAAS, 'partly', ['change-detection']),
  c('1.20', S, 'All data has a classification', BOTH, 'no'),
  c('1.21', S, 'Sensitive data is encrypted at rest', BOTH, 'yes', ['encryption-at-rest']),
  c('1.22', S, 'Encryption keys are rotated and their policies are tight', BOTH, 'yes', ['kms-key-management', 'kms-key-policy-public']),
  c('1.23', S, 'Data is encrypted in transit', BOTH, 'yes', ['encryption-in-transit']),
  c('1.24', S, 'Incident response has been practised', SAAS, 'no'),
  c('1.25', S, 'The PCI DSS scope has been assessed', BOTH, 'no'),
  c('1.26', S, 'Card data stays encrypted inside the VPC', BOTH, 'yes', ['encryption-in-transit']),
  c('1.27', S, 'Every layer is protected against DDoS', SAAS, 'partly', ['ddos-protection']),
  c('1.28', S, 'The OWASP Top 10 risks are mitigated', SAAS, 'yes', ['waf-owasp-rules']),
  c('2.1', R, 'Network connectivity is highly available', BOTH, 'partly', ['network-redundancy']),
  c('2.2', R, 'Capacity scales with the business', BOTH, 'yes', ['auto-scaling']),
  c('2.3', R, 'Logs are collected in one place', SAAS, 'yes', ['central-logging']),
  c('2.4', R, 'Monitoring and alarms are managed in one place', SAAS, 'yes', ['monitoring-alarms']),
  Object.freeze({ ...c('2.5', R, 'Infrastructure is provisioned by automation', BOTH, 'yes'), metByCode: true as const }),
  c('2.6', R, 'Data is backed up regularly to durable storage', BOTH, 'yes', ['backups']),
  c('2.7', R, 'Restoring from backup has been tested', SAAS, 'no'),
  c('2.8', R, 'The solution survives losing one Availability Zone', BOTH, 'yes', ['multi-az']),
  c('2.9', R, 'Losing an Availability Zone has been rehearsed', SAAS, 'no'),
  c('2.10', R, 'A disaster recovery plan states RPO and RTO', BOTH, 'partly', ['dr-region']),
  c('2.11', R, 'The recovery time objective is under 24 hours', SAAS, 'no'),
  c('2.12', R, 'The disaster recovery plan has been tested', SAAS, 'no'),
  c('2.13', R, 'Disaster recovery targets a second region', SAAS, 'yes', ['dr-region']),
  c('3.1', O, 'Code is deployed by automation', SAAS, 'no'),
  c('3.2', O, 'Runbooks and escalation paths exist', SAAS, 'no'),
  c('3.3', O, 'AWS Business Support is active', SAAS, 'no'),
  c('4.1', P, 'Performance is tested before each release', BOTH, 'no'),
  c('4.2', P, 'Performance thresholds have alarms', BOTH, 'yes', ['monitoring-alarms']),
]);

/** Every control of the checklist, in checklist order. */
export function listControls(): readonly Control[] {
  return CONTROLS;
}

export function findControl(id: string): Control | undefined {
  return CONTROLS.find((x) => x.id === id);
}

/** Whether the checklist applies `control` to a solution delivered this way. */
export function controlApplies(control: Control, delivery: 'saas' | 'customer-deployed'): boolean {
  return delivery === 'saas' ? control.appliesTo.saas : control.appliesTo.customerDeployed;
}
