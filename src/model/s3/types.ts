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

/**
 * An S3 access point (`AWS::S3::AccessPoint`, `aws_s3_access_point`): its own policy and block public
 * access settings, checked on their own whatever the bucket (which may be outside the scan).
 */
export interface AccessPoint extends ModelResource {
  name: Val<string>;
  /** The bucket it serves: a scanned bucket, or a name / parameter of a bucket outside the scan. */
  bucket: Val<Link>;
  /** Its access point policy (inline, or `aws_s3control_access_point_policy`). */
  policies: PolicyDocument[];
  /** Each setting true unless turned off: AWS enables all four for a new access point. */
  publicAccessBlock: PublicAccessBlock;
  /** A VPC access point (`VpcConfiguration`) takes requests from that VPC only, never from the internet. */
  vpcOnly: Val<boolean>;
}
