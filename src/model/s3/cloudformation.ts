import type { ResourceGraph, ResourceNode } from '../../graph/graph.js';
import type { Adapter } from '../adapter.js';
import { policyFromProperty } from '../iam/policy.js';
import type { PolicyDocument } from '../iam/types.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { bucketNodeFor, literalAt, presence, replicationRule, statusIs } from './common.js';
import type { Bucket, PublicAccessBlock, ReplicationRule } from './types.js';
import { bucketLogs, bucketStore } from './facets.js';
import { cloudFormationAccessPoints } from './access-points.js';

// AWS::S3::Bucket — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html
const BUCKET = 'AWS::S3::Bucket';
const BUCKET_NAME = 'BucketName';
// AccessControl allowed values: AuthenticatedRead | AwsExecRead | BucketOwnerFullControl | BucketOwnerRead |
// LogDeliveryWrite | Private | PublicRead | PublicReadWrite — the model keeps the canned ACL spelling (`public-read`).
const ACCESS_CONTROL = 'AccessControl';
const CANNED_ACLS: Record<string, string> = {
  AuthenticatedRead: 'authenticated-read', AwsExecRead: 'aws-exec-read', BucketOwnerFullControl: 'bucket-owner-full-control',
  BucketOwnerRead: 'bucket-owner-read', LogDeliveryWrite: 'log-delivery-write', Private: 'private', PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
};
// …PublicAccessBlockConfiguration — aws-properties-s3-bucket-publicaccessblockconfiguration.html (each flag optional, false when not set)
const PUBLIC_ACCESS_BLOCK = 'PublicAccessBlockConfiguration';
const BLOCK_PUBLIC_ACLS = 'BlockPublicAcls';
const IGNORE_PUBLIC_ACLS = 'IgnorePublicAcls';
const BLOCK_PUBLIC_POLICY = 'BlockPublicPolicy';
const RESTRICT_PUBLIC_BUCKETS = 'RestrictPublicBuckets';
// …OwnershipControls — aws-properties-s3-bucket-ownershipcontrols.html
const OWNERSHIP_CONTROLS = 'OwnershipControls';
const RULES = 'Rules';
const OBJECT_OWNERSHIP = 'ObjectOwnership';
// …BucketEncryption — aws-properties-s3-bucket-bucketencryption.html
const BUCKET_ENCRYPTION = 'BucketEncryption';
const SSE_CONFIGURATION = 'ServerSideEncryptionConfiguration';
const SSE_BY_DEFAULT = 'ServerSideEncryptionByDefault';
const SSE_ALGORITHM = 'SSEAlgorithm';
const KMS_MASTER_KEY_ID = 'KMSMasterKeyID';
// …VersioningConfiguration — aws-properties-s3-bucket-versioningconfiguration.html (Status: Enabled | Suspended)
const VERSIONING = 'VersioningConfiguration';
const STATUS = 'Status';
// ObjectLockEnabled (boolean) and ObjectLockConfiguration.ObjectLockEnabled ("Enabled")
const OBJECT_LOCK_ENABLED = 'ObjectLockEnabled';
const OBJECT_LOCK_CONFIGURATION = 'ObjectLockConfiguration';
// …ReplicationConfiguration — aws-properties-s3-bucket-replicationconfiguration.html (Rules[].Status, Rules[].Destination.Bucket = bucket ARN)
const REPLICATION = 'ReplicationConfiguration';
const DESTINATION = 'Destination';
const DESTINATION_BUCKET = 'Bucket';
// …LoggingConfiguration — aws-properties-s3-bucket-loggingconfiguration.html
const LOGGING = 'LoggingConfiguration';
// DestinationBucketName not set: the logs go to the bucket itself.
const LOG_DESTINATION = 'DestinationBucketName';

// AWS::S3::BucketPolicy — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';
// The custom resource CDK adds for `autoDeleteObjects: true` (aws-cdk-lib/aws-s3 Bucket): it names the bucket it empties.
const AUTO_DELETE_OBJECTS = 'Custom::S3AutoDeleteObjects';
const AUTO_DELETE_BUCKET = 'BucketName';
const POLICY_BUCKET = 'Bucket';
const POLICY_DOCUMENT = 'PolicyDocument';

const nameOf = (n: ResourceNode): string | undefined => literalAt(n, BUCKET_NAME);

export const adapter: Adapter = {
  service: 's3',
  source: 'cloudformation',
  adapt(graph, model) {
    cloudFormationAccessPoints(graph, model);
    const policies = bucketPolicies(graph, model.externalBuckets);
    // CDK `autoDeleteObjects: true`: a custom resource that empties the bucket when the stack deletes it.
    const emptied = new Map<string, Val<boolean>>();
    for (const node of graph.ofType(AUTO_DELETE_OBJECTS)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const to = r.link([AUTO_DELETE_BUCKET]);
      if (to?.provenance === 'explicit' && to.value.id) emptied.set(to.value.id, explicit(false, { ...to.origin, path: `${node.address} (${AUTO_DELETE_OBJECTS}: CDK autoDeleteObjects empties it)` }));
    }
    for (const node of graph.ofType(BUCKET)) {
      if (node.source === 'terraform' || node.source === 'terraform-plan') continue;
      const bucket = readBucket(node, graph, policies.get(node.id) ?? []);
      model.buckets.push(bucket);
      model.facets.dataStores.push(bucketStore(bucket, emptied.get(node.id)));
      const r = new PropertyReader(node, graph, 'Properties');
      // A written LoggingConfiguration without DestinationBucketName logs into the bucket itself (not one from a condition).
      const self = r.value([LOGGING])?.kind === 'map' && !r.has([LOGGING, LOG_DESTINATION]) ? explicit<Link>({ id: node.id }, r.keyOrigin([LOGGING])) : undefined;
      model.facets.logSources.push(bucketLogs(bucket, r.link([LOGGING, LOG_DESTINATION]) ?? self));
    }
  },
};

/**
 * The policies of each bucket of the template. A policy on a bucket that is not declared in the scan (a
 * parameter, an import, a literal name) is still checked on its own: a public policy is public whatever
 * the bucket, so it becomes an external bucket that only s3-public-access and s3-public-write read.
 */
function bucketPolicies(graph: ResourceGraph, external: Bucket[]): Map<string, PolicyDocument[]> {
  const out = new Map<string, PolicyDocument[]>();
  for (const node of graph.ofType(BUCKET_POLICY)) {
    if (node.source === 'terraform' || node.source === 'terraform-plan') continue;
    const r = new PropertyReader(node, graph, 'Properties');
    const bucket = bucketNodeFor(r.value([POLICY_BUCKET]), graph, BUCKET, nameOf, node);
    const doc = policyFromProperty(r, [POLICY_DOCUMENT]);
    if (!doc) continue;
    if (!bucket) {
      external.push(externalBucket(r, doc));
      continue;
    }
    out.set(bucket.id, [...(out.get(bucket.id) ?? []), doc]);
  }
  return out;
}

/** A bucket known only through its `AWS::S3::BucketPolicy`: that policy, and neutral defaults no rule reads. */
function externalBucket(r: PropertyReader, policy: PolicyDocument): Bucket {
  const at = r.origin([]);
  const assumed = 'the bucket is not declared in the scan; only its AWS::S3::BucketPolicy is checked';
  return {
    resource: r.info(),
    name: r.str([POLICY_BUCKET]) ?? unknownVal(r.origin([POLICY_BUCKET]), 'the bucket is not declared in the scan'),
    acl: defaulted('private', at, assumed),
    publicGrants: defaulted([], at, assumed),
    publicAccessBlockOrigin: defaulted(false, at, assumed),
    objectOwnership: defaulted('BucketOwnerEnforced', at, assumed),
    policies: [policy],
    encryptionAlgorithm: defaulted('AES256', at, assumed),
    kmsKey: defaulted('', at, assumed),
    versioning: defaulted(false, at, assumed),
    mfaDelete: defaulted(false, at, assumed),
    objectLock: defaulted(false, at, assumed),
    replication: [],
    accessLogging: defaulted(false, at, assumed),
  };
}

function readBucket(node: ResourceNode, graph: ResourceGraph, policies: PolicyDocument[]): Bucket {
  const r = new PropertyReader(node, graph, 'Properties');
  const pab = r.value([PUBLIC_ACCESS_BLOCK]);
  let publicAccessBlock: PublicAccessBlock | undefined;
  let publicAccessBlockOrigin: Val<boolean>;
  if (pab === undefined || pab.kind === 'null') {
    publicAccessBlockOrigin = defaulted(false, r.origin([PUBLIC_ACCESS_BLOCK]), 'no public access block declared for the bucket');
  } else if (pab.kind === 'unknown') {
    publicAccessBlockOrigin = unknownVal(r.origin([PUBLIC_ACCESS_BLOCK], pab.span), pab.reason);
    const flag = (): Val<boolean> => unknownVal(r.origin([PUBLIC_ACCESS_BLOCK], pab.span), pab.reason);
    publicAccessBlock = { blockPublicAcls: flag(), ignorePublicAcls: flag(), blockPublicPolicy: flag(), restrictPublicBuckets: flag() };
  } else {
    publicAccessBlockOrigin = explicit(true, r.keyOrigin([PUBLIC_ACCESS_BLOCK]));
    const flag = (key: string): Val<boolean> => r.bool([PUBLIC_ACCESS_BLOCK, key], { value: false, assumed: `${key} false (not set in the block)` });
    publicAccessBlock = {
      blockPublicAcls: flag(BLOCK_PUBLIC_ACLS),
      ignorePublicAcls: flag(IGNORE_PUBLIC_ACLS),
      blockPublicPolicy: flag(BLOCK_PUBLIC_POLICY),
      restrictPublicBuckets: flag(RESTRICT_PUBLIC_BUCKETS),
    };
  }

  const sse = [BUCKET_ENCRYPTION, SSE_CONFIGURATION, 0, SSE_BY_DEFAULT];
  const objectLock = r.has([OBJECT_LOCK_ENABLED]) || !r.has([OBJECT_LOCK_CONFIGURATION, OBJECT_LOCK_ENABLED])
    ? r.bool([OBJECT_LOCK_ENABLED], { value: false, assumed: 'object lock off' })
    : r.read([OBJECT_LOCK_CONFIGURATION, OBJECT_LOCK_ENABLED], statusIs('Enabled'))!;

  const replication: ReplicationRule[] = r.each([REPLICATION, RULES]).map((rule) =>
    replicationRule(
      rule.parent.read(rule.path([STATUS]), statusIs('Enabled'), { value: false, assumed: 'rule disabled' })!,
      rule.link([DESTINATION, DESTINATION_BUCKET]),
      rule.origin(),
      graph, BUCKET, nameOf, node,
    ));

  const bucket: Bucket = {
    resource: r.info(),
    name: r.str([BUCKET_NAME]) ?? unknownVal(r.origin([BUCKET_NAME]), 'the name is generated at deployment'),
    acl: cannedAcl(r.str([ACCESS_CONTROL], { value: 'private', assumed: 'canned ACL "private"' })),
    // AWS::S3::Bucket has no explicit grants, only the canned ACL.
    publicGrants: defaulted([], r.origin([ACCESS_CONTROL]), 'no grants'),
    publicAccessBlockOrigin,
    objectOwnership: r.str([OWNERSHIP_CONTROLS, RULES, 0, OBJECT_OWNERSHIP], { value: 'BucketOwnerEnforced', assumed: 'ObjectOwnership BucketOwnerEnforced (ACLs disabled) for buckets created since April 2023' }),
    policies,
    encryptionAlgorithm: r.str([...sse, SSE_ALGORITHM], { value: 'AES256', assumed: 'SSE-S3 (AES256), applied to new objects since January 2023' }),
    kmsKey: r.str([...sse, KMS_MASTER_KEY_ID], { value: '', assumed: 'no KMS key' }),
    versioning: r.read([VERSIONING, STATUS], statusIs('Enabled'), { value: false, assumed: 'versioning off' })!,
    // CloudFormation cannot turn MFA delete on (only the root user can, through the API).
    mfaDelete: defaulted(false, r.origin([VERSIONING]), 'MFA delete off'),
    objectLock,
    replication,
    accessLogging: presence(r, [LOGGING], 'access logging off'),
  };
  if (publicAccessBlock) bucket.publicAccessBlock = publicAccessBlock;
  return bucket;
}

function cannedAcl(v: Val<string>): Val<string> {
  return v.provenance === 'explicit' && CANNED_ACLS[v.value] ? { ...v, value: CANNED_ACLS[v.value]! } : v;
}
