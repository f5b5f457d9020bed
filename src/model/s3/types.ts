import type { Link, ModelResource, Val } from '../val.js';
import type { PolicyDocument } from '../iam/types.js';

export interface PublicAccessBlock {
  blockPublicAcls: Val<boolean>;
  ignorePublicAcls: Val<boolean>;
  blockPublicPolicy: Val<boolean>;
  restrictPublicBuckets: Val<boolean>;
}

/** `aws_s3_account_public_access_block`: the public access block of the whole account, for every bucket in it. */
export interface AccountPublicAccessBlock extends ModelResource, PublicAccessBlock {}

export interface ReplicationRule {
  enabled: Val<boolean>;
  destination: Val<Link>;
  /** The destination bucket's region when it can be known (from the destination's deploy context). */
  destinationRegion: Val<string>;
}

export interface Bucket extends ModelResource {
  name: Val<string>;
  /** Canned ACL (`private`, `public-read` …); `private` when unset. */
  acl: Val<string>;
  /** Grants to the AllUsers / AuthenticatedUsers groups written as explicit grants. */
  publicGrants: Val<string[]>;
  /** Absent when no public access block is declared for the bucket. */
  publicAccessBlock?: PublicAccessBlock;
  /** Where the block is declared, or the bucket when it is not. */
  publicAccessBlockOrigin: Val<boolean>;
  objectOwnership: Val<string>;
  /** Bucket policies attached to this bucket (inline or separate resources). */
  policies: PolicyDocument[];
  /** `AES256`, `aws:kms`, `aws:kms:dsse`; default `AES256` (SSE-S3 since January 2023). */
  encryptionAlgorithm: Val<string>;
  kmsKey: Val<string>;
  versioning: Val<boolean>;
  mfaDelete: Val<boolean>;
  objectLock: Val<boolean>;
  replication: ReplicationRule[];
  accessLogging: Val<boolean>;
}
