import type { ModelResource, Val } from '../val.js';

/** A Secrets Manager secret: always encrypted at rest, with `aws/secretsmanager` unless a customer key is named. */
export interface Secret extends ModelResource {
  /** The KMS key id/ARN/alias, or '' (default) for the AWS managed key. */
  kmsKey: Val<string>;
}
