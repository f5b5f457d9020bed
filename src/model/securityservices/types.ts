import type { ModelResource, Val } from '../val.js';

/** An account-level detective service declared in the code. */
export type DetectorKind =
  | 'access-analyzer'
  | 'config-rule'
  | 'config-recorder'
  | 'guardduty'
  | 'macie'
  | 'inspector'
  | 'security-hub';

export interface Detector extends ModelResource {
  kind: DetectorKind;
  /** Whether it runs: a detector, recorder or session can be declared off. */
  enabled: Val<boolean>;
  /** Config rules: the AWS managed rule it runs (`S3_BUCKET_PUBLIC_READ_PROHIBITED` …), when it is one. */
  managedRule?: Val<string>;
  /** Access Analyzer: `ACCOUNT`, `ORGANIZATION`, or an unused-access type (which finds no public resources). */
  analyzerType?: Val<string>;
}
