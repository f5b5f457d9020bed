import type { ResourceGraph, ResourceNode } from '../../graph/graph.js';
import type { Adapter } from '../adapter.js';
import { terraformPolicyFromProperty } from '../iam/terraform.js';
import type { PolicyDocument } from '../iam/types.js';
import type { Path, SubReader } from '../read.js';
import { PropertyReader, withPartSuppressions } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { bucketNodeFor, literalAt, presence, replicationRule, statusIs } from './common.js';
import type { Bucket, PublicAccessBlock, ReplicationRule } from './types.js';
import { bucketLogs, bucketStore } from './facets.js';
import { terraformAccessPoints } from './access-points.js';

// aws_s3_bucket — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket
// (inline `acl`, `grant`, `versioning`, `server_side_encryption_configuration`, `logging`,
// `replication_configuration`, `policy`, `object_lock_configuration` are the provider v3 forms, deprecated in v4).
const BUCKET = 'aws_s3_bucket';
// `force_destroy` (default false): destroying the bucket first deletes every object in it.
const FORCE_DESTROY = 'force_destroy';
const BUCKET_NAME = 'bucket';
const ACL = 'acl';
const GRANT = 'grant';
const GRANT_URI = 'uri';
const GRANT_PERMISSIONS = 'permissions';
const POLICY = 'policy';
const VERSIONING = 'versioning';
const VERSIONING_ENABLED = 'enabled';
const VERSIONING_MFA_DELETE = 'mfa_delete';
const SSE_CONFIGURATION = 'server_side_encryption_configuration';
const SSE_RULE = 'rule';
const SSE_BY_DEFAULT = 'apply_server_side_encryption_by_default';
const SSE_ALGORITHM = 'sse_algorithm';
const SSE_KMS_KEY = 'kms_master_key_id';
const LOGGING = 'logging';
const REPLICATION = 'replication_configuration';
const REPLICATION_RULES_V3 = 'rules';
const REPLICATION_STATUS = 'status';
const REPLICATION_DESTINATION = 'destination';
const REPLICATION_DESTINATION_BUCKET = 'bucket';
const OBJECT_LOCK_ENABLED = 'object_lock_enabled';
const OBJECT_LOCK_CONFIGURATION = 'object_lock_configuration';

// Split resources, each with `bucket` = the bucket's name (usually aws_s3_bucket.x.id):
// aws_s3_bucket_public_access_block — …/resources/s3_bucket_public_access_block (each flag optional, default false)
const PUBLIC_ACCESS_BLOCK = 'aws_s3_bucket_public_access_block';
const BLOCK_PUBLIC_ACLS = 'block_public_acls';
const IGNORE_PUBLIC_ACLS = 'ignore_public_acls';
const BLOCK_PUBLIC_POLICY = 'block_public_policy';
const RESTRICT_PUBLIC_BUCKETS = 'restrict_public_buckets';
// aws_s3_bucket_acl — …/resources/s3_bucket_acl (`acl`, or `access_control_policy { grant { grantee { type, uri } permission } }`)
const BUCKET_ACL = 'aws_s3_bucket_acl';
const ACCESS_CONTROL_POLICY = 'access_control_policy';
const GRANTEE = 'grantee';
const PERMISSION = 'permission';
// aws_s3_bucket_policy — …/resources/s3_bucket_policy
const BUCKET_POLICY = 'aws_s3_bucket_policy';
// aws_s3_bucket_server_side_encryption_configuration — …/resources/s3_bucket_server_side_encryption_configuration
const BUCKET_SSE = 'aws_s3_bucket_server_side_encryption_configuration';
// aws_s3_bucket_versioning — …/resources/s3_bucket_versioning (versioning_configuration { status, mfa_delete })
const BUCKET_VERSIONING = 'aws_s3_bucket_versioning';
const VERSIONING_CONFIGURATION = 'versioning_configuration';
const VERSIONING_STATUS = 'status';
// aws_s3_bucket_logging — …/resources/s3_bucket_logging
const BUCKET_LOGGING = 'aws_s3_bucket_logging';
const TARGET_BUCKET = 'target_bucket';
// aws_s3_bucket_replication_configuration — …/resources/s3_bucket_replication_configuration (rule { status, destination { bucket } })
const BUCKET_REPLICATION = 'aws_s3_bucket_replication_configuration';
const REPLICATION_RULE = 'rule';
// aws_s3_bucket_ownership_controls — …/resources/s3_bucket_ownership_controls (rule { object_ownership })
const BUCKET_OWNERSHIP = 'aws_s3_bucket_ownership_controls';
const OWNERSHIP_RULE = 'rule';
const OBJECT_OWNERSHIP = 'object_ownership';
// aws_s3_bucket_object_lock_configuration — …/resources/s3_bucket_object_lock_configuration (object_lock_enabled default "Enabled")
const BUCKET_OBJECT_LOCK = 'aws_s3_bucket_object_lock_configuration';
// aws_s3_account_public_access_block — …/resources/s3_account_public_access_block (same four flags, default false; account_id defaults to the provider's)
const ACCOUNT_PUBLIC_ACCESS_BLOCK = 'aws_s3_account_public_access_block';

const SPLIT_TYPES = [PUBLIC_ACCESS_BLOCK, BUCKET_ACL, BUCKET_POLICY, BUCKET_SSE, BUCKET_VERSIONING, BUCKET_LOGGING, BUCKET_REPLICATION, BUCKET_OWNERSHIP, BUCKET_OBJECT_LOCK];

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

const nameOf = (n: ResourceNode): string | undefined => literalAt(n, BUCKET_NAME);

/** The split resources of each bucket, by type, in address order. */
type Parts = Map<string, PropertyReader[]>;

export const adapter: Adapter = {
  service: 's3',
  source: 'terraform',
  adapt(graph, model) {
    terraformAccessPoints(graph, model);
    const parts = new Map<string, Parts>();
    for (const node of graph.ofType(...SPLIT_TYPES)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const bucket = bucketNodeFor(r.value([BUCKET_NAME]), graph, BUCKET, nameOf, node);
      if (!bucket) {
        // `bucket = var.bucket`, or a name not declared in the scan: its public-access settings are still checked.
        if (node.type === BUCKET_ACL || node.type === BUCKET_POLICY || node.type === PUBLIC_ACCESS_BLOCK) model.externalBuckets.push(externalBucket(r));
        continue;
      }
      const byType = parts.get(bucket.id) ?? new Map<string, PropertyReader[]>();
      byType.set(node.type, [...(byType.get(node.type) ?? []), r]);
      parts.set(bucket.id, byType);
    }
    for (const node of graph.ofType(BUCKET)) {
      if (node.mode !== 'managed') continue;
      const bucketParts = parts.get(node.id) ?? new Map<string, PropertyReader[]>();
      const bucket = readBucket(node, graph, bucketParts);
      model.buckets.push(bucket);
      // `force_destroy = true` deletes every object when the bucket is destroyed (unless prevent_destroy refuses the destroy).
      const force = new PropertyReader(node, graph, '').bool([FORCE_DESTROY]);
      const prevented = node.deletionPolicy?.kind === 'boolean' && node.deletionPolicy.value;
      model.facets.dataStores.push(bucketStore(bucket, force?.provenance === 'explicit' && force.value && !prevented ? { ...force, value: false } : undefined));
      const logging = bucketParts.get(BUCKET_LOGGING)?.[0];
      model.facets.logSources.push(bucketLogs(bucket, logging ? logging.link([TARGET_BUCKET]) : new PropertyReader(node, graph, '').link([LOGGING, 0, TARGET_BUCKET])));
    }
    for (const node of graph.ofType(ACCOUNT_PUBLIC_ACCESS_BLOCK)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.accountPublicAccessBlocks.push({ resource: r.info(), ...publicAccessFlags(r) });
    }
  },
};

/** The four settings of `aws_s3_bucket_public_access_block` and `aws_s3_account_public_access_block` (same spelling, false when unset). */
function publicAccessFlags(r: PropertyReader): PublicAccessBlock {
  const flag = (key: string): Val<boolean> => r.bool([key], { value: false, assumed: `${key} false (not set in the block)` });
  return {
    blockPublicAcls: flag(BLOCK_PUBLIC_ACLS),
    ignorePublicAcls: flag(IGNORE_PUBLIC_ACLS),
    blockPublicPolicy: flag(BLOCK_PUBLIC_POLICY),
    restrictPublicBuckets: flag(RESTRICT_PUBLIC_BUCKETS),
  };
}

/**
 * A bucket that is not declared in the scan, known only through one resource that configures it
 * (its ACL, policy or public access block on `var.bucket`): that resource's settings, and neutral
 * defaults for the rest, which no rule reads (only s3-public-access looks at external buckets).
 */
function externalBucket(r: PropertyReader): Bucket {
  const type = r.node.type;
  const at = r.origin([]);
  const assumed = `the bucket is not declared in the scan; only its ${type} is checked`;
  const policy = type === BUCKET_POLICY ? terraformPolicyFromProperty(r, [POLICY]) : undefined;
  return {
    resource: r.info(),
    name: r.str([BUCKET_NAME]) ?? unknownVal(r.origin([BUCKET_NAME]), 'the bucket is not declared in the scan'),
    acl: type === BUCKET_ACL && r.has([ACL]) ? r.str([ACL], { value: 'private', assumed: 'canned ACL "private"' }) : defaulted('private', at, assumed),
    publicGrants: type === BUCKET_ACL && r.has([ACCESS_CONTROL_POLICY]) ? grantsV4(r) : defaulted([], at, assumed),
    ...(type === PUBLIC_ACCESS_BLOCK ? { publicAccessBlock: publicAccessFlags(r) } : {}),
    publicAccessBlockOrigin: type === PUBLIC_ACCESS_BLOCK ? explicit(true, r.origin([], r.node.span)) : defaulted(false, at, assumed),
    objectOwnership: defaulted('BucketOwnerEnforced', at, assumed),
    policies: policy ? [policy] : [],
    encryptionAlgorithm: defaulted('AES256', at, assumed),
    kmsKey: defaulted('', at, assumed),
    versioning: defaulted(false, at, assumed),
    mfaDelete: defaulted(false, at, assumed),
    objectLock: defaulted(false, at, assumed),
    replication: [],
    accessLogging: defaulted(false, at, assumed),
  };
}

function readBucket(node: ResourceNode, graph: ResourceGraph, parts: Parts): Bucket {
  const r = new PropertyReader(node, graph, '');
  // A split resource, when declared, wins over the deprecated inline form.
  const part = (type: string): PropertyReader | undefined => parts.get(type)?.[0];

  // Public access block: only ever a separate resource.
  const pabR = part(PUBLIC_ACCESS_BLOCK);
  let publicAccessBlock: PublicAccessBlock | undefined;
  let publicAccessBlockOrigin: Val<boolean>;
  if (pabR) {
    publicAccessBlockOrigin = explicit(true, pabR.origin([], pabR.node.span));
    publicAccessBlock = publicAccessFlags(pabR);
  } else {
    publicAccessBlockOrigin = defaulted(false, r.origin([]), 'no public access block declared for the bucket');
  }

  // ACL and grants.
  const aclR = part(BUCKET_ACL);
  const acl = aclR?.has([ACL])
    ? aclR.str([ACL], { value: 'private', assumed: 'canned ACL "private"' })
    : r.str([ACL], { value: 'private', assumed: 'canned ACL "private"' });
  const publicGrants = aclR?.has([ACCESS_CONTROL_POLICY]) ? grantsV4(aclR) : grantsV3(r);

  // Policies: inline `policy` and aws_s3_bucket_policy resources.
  const policies: PolicyDocument[] = [];
  const inline = terraformPolicyFromProperty(r, [POLICY]);
  if (inline) policies.push(inline);
  for (const p of parts.get(BUCKET_POLICY) ?? []) {
    const doc = terraformPolicyFromProperty(p, [POLICY]);
    if (doc) policies.push(doc);
  }

  // Encryption.
  const sseR = part(BUCKET_SSE);
  const sseSrc = sseR ?? r;
  const ssePath: Path = sseR ? [SSE_RULE, 0, SSE_BY_DEFAULT, 0] : [SSE_CONFIGURATION, 0, SSE_RULE, 0, SSE_BY_DEFAULT, 0];
  const encryptionAlgorithm = sseSrc.str([...ssePath, SSE_ALGORITHM], { value: 'AES256', assumed: 'SSE-S3 (AES256), applied to new objects since January 2023' });
  const kmsKey = sseSrc.str([...ssePath, SSE_KMS_KEY], { value: '', assumed: 'no KMS key' });

  // Versioning and MFA delete.
  const verR = part(BUCKET_VERSIONING);
  let versioning: Val<boolean>;
  let mfaDelete: Val<boolean>;
  if (verR) {
    versioning = verR.read([VERSIONING_CONFIGURATION, 0, VERSIONING_STATUS], statusIs('Enabled'), { value: false, assumed: 'versioning off' })!;
    mfaDelete = verR.read([VERSIONING_CONFIGURATION, 0, VERSIONING_MFA_DELETE], statusIs('Enabled'), { value: false, assumed: 'MFA delete off' })!;
  } else {
    versioning = r.bool([VERSIONING, 0, VERSIONING_ENABLED], { value: false, assumed: 'versioning off' });
    mfaDelete = r.bool([VERSIONING, 0, VERSIONING_MFA_DELETE], { value: false, assumed: 'MFA delete off' });
  }

  // Object lock: `object_lock_enabled`, the v3 block, or a separate configuration resource.
  const lockR = part(BUCKET_OBJECT_LOCK);
  let objectLock: Val<boolean>;
  if (r.has([OBJECT_LOCK_ENABLED])) objectLock = r.bool([OBJECT_LOCK_ENABLED], { value: false, assumed: 'object lock off' });
  else if (r.has([OBJECT_LOCK_CONFIGURATION, 0, OBJECT_LOCK_ENABLED])) objectLock = r.read([OBJECT_LOCK_CONFIGURATION, 0, OBJECT_LOCK_ENABLED], statusIs('Enabled'))!;
  else if (lockR) objectLock = lockR.read([OBJECT_LOCK_ENABLED], statusIs('Enabled'), { value: true, assumed: 'object lock "Enabled"' })!;
  else objectLock = r.bool([OBJECT_LOCK_ENABLED], { value: false, assumed: 'object lock off' });

  // Replication.
  const repR = part(BUCKET_REPLICATION);
  const ruleReaders: SubReader[] = repR ? repR.each([REPLICATION_RULE]) : r.each([REPLICATION, 0, REPLICATION_RULES_V3]);
  const replication: ReplicationRule[] = ruleReaders.map((rule) =>
    replicationRule(
      rule.parent.read(rule.path([REPLICATION_STATUS]), statusIs('Enabled'), { value: false, assumed: 'rule disabled' })!,
      rule.link([REPLICATION_DESTINATION, 0, REPLICATION_DESTINATION_BUCKET]),
      rule.origin(),
      graph, BUCKET, nameOf, node,
    ));

  // Access logging.
  const logR = part(BUCKET_LOGGING);
  const accessLogging = logR ? explicit(true, logR.origin([], logR.node.span)) : presence(r, [LOGGING], 'access logging off');

  const ownR = part(BUCKET_OWNERSHIP);
  const ownershipDefault = { value: 'BucketOwnerEnforced', assumed: 'ObjectOwnership BucketOwnerEnforced (ACLs disabled) for buckets created since April 2023' };
  const objectOwnership = ownR ? ownR.str([OWNERSHIP_RULE, 0, OBJECT_OWNERSHIP], ownershipDefault) : r.str([OBJECT_OWNERSHIP], ownershipDefault);

  const bucket: Bucket = {
    resource: withPartSuppressions(r.info(), [...parts.values()].flat().map((p) => p.node)),
    name: r.str([BUCKET_NAME]) ?? unknownVal(r.origin([BUCKET_NAME]), 'the name is generated at deployment'),
    acl,
    publicGrants,
    publicAccessBlockOrigin,
    objectOwnership,
    policies,
    encryptionAlgorithm,
    kmsKey,
    versioning,
    mfaDelete,
    objectLock,
    replication,
    accessLogging,
  };
  if (publicAccessBlock) bucket.publicAccessBlock = publicAccessBlock;
  return bucket;
}

function groupName(uri: string): string | undefined {
  if (uri === ALL_USERS) return 'AllUsers';
  if (uri === AUTHENTICATED_USERS) return 'AuthenticatedUsers';
  return undefined;
}

/** Provider v3 inline `grant { type, uri, permissions }` blocks: the public ones as "PERMISSION to Group". */
function grantsV3(r: PropertyReader): Val<string[]> {
  const blocks = r.each([GRANT]);
  if (blocks.length === 0) return defaulted([], r.origin([GRANT]), 'no grants');
  const out: string[] = [];
  let first: SubReader | undefined;
  for (const g of blocks) {
    const uri = g.str([GRANT_URI]);
    if (uri?.provenance === 'unknown') return unknownVal(uri.origin, uri.reason);
    const group = uri ? groupName(uri.value) : undefined;
    if (!group) continue;
    const perms = g.strList([GRANT_PERMISSIONS]);
    if (perms?.provenance === 'unknown') return unknownVal(perms.origin, perms.reason);
    for (const p of perms?.value ?? []) out.push(`${p} to ${group}`);
    first ??= g;
  }
  return explicit(out, first ? first.origin() : r.keyOrigin([GRANT]));
}

/** aws_s3_bucket_acl `access_control_policy { grant { grantee { type, uri } permission } }`. */
function grantsV4(r: PropertyReader): Val<string[]> {
  const blocks = r.each([ACCESS_CONTROL_POLICY, 0, GRANT]);
  const out: string[] = [];
  let first: SubReader | undefined;
  for (const g of blocks) {
    const uri = g.str([GRANTEE, 0, GRANT_URI]);
    if (uri?.provenance === 'unknown') return unknownVal(uri.origin, uri.reason);
    const group = uri ? groupName(uri.value) : undefined;
    if (!group) continue;
    const perm = g.str([PERMISSION]);
    if (perm?.provenance === 'unknown') return unknownVal(perm.origin, perm.reason);
    out.push(`${perm?.value ?? 'a permission'} to ${group}`);
    first ??= g;
  }
  return explicit(out, first ? first.origin() : r.keyOrigin([ACCESS_CONTROL_POLICY]));
}
