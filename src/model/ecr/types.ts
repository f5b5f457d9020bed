import type { ModelResource, Val } from '../val.js';

/** An ECR repository: always encrypted at rest; only the key is a choice. */
export interface EcrRepository extends ModelResource {
  /** `AES256` (Amazon S3-managed keys, the default), `KMS` or `KMS_DSSE`. */
  encryptionType: Val<string>;
  /** The KMS key of a `KMS`/`KMS_DSSE` repository; empty: the AWS managed key `aws/ecr`. */
  kmsKey: Val<string>;
}
