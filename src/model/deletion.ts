import type { ResourceNode } from '../graph/graph.js';
import type { PropertyReader } from './read.js';
import { convertValue, toBool, toStr } from './read.js';
import type { Val } from './val.js';
import { defaulted } from './val.js';

/*
 * Whether deleting or replacing a stateful resource keeps its data, for every data store.
 *
 * DeletionPolicy — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
 * "The default policy is Snapshot for AWS::RDS::DBCluster resources and for AWS::RDS::DBInstance
 * resources that don't specify the DBClusterIdentifier property"; everything else defaults to Delete.
 * UpdateReplacePolicy — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatereplacepolicy.html
 * "By default, CloudFormation then deletes the old resource" (Delete for every type).
 */
const KEEPS_DATA = new Set(['Retain', 'Snapshot', 'RetainExceptOnCreate']);
const DELETION_POLICY = 'DeletionPolicy';
const UPDATE_REPLACE_POLICY = 'UpdateReplacePolicy';

/** The CloudFormation default for most types: the data goes with the resource. */
export const CFN_DELETE = { value: false, assumed: 'Delete' };

/** CloudFormation: does the resource's DeletionPolicy keep its data when the stack deletes it? */
export function cfnRetainOnDelete(node: ResourceNode, r: PropertyReader, dflt: { value: boolean; assumed: string } = CFN_DELETE): Val<boolean> {
  return policy(node.deletionPolicy, DELETION_POLICY, r, dflt);
}

/** CloudFormation: does the resource's UpdateReplacePolicy keep the old resource's data when an update replaces it? */
export function cfnRetainOnReplace(node: ResourceNode, r: PropertyReader): Val<boolean> {
  return policy(node.updateReplacePolicy, UPDATE_REPLACE_POLICY, r, CFN_DELETE);
}

function policy(v: ResourceNode['deletionPolicy'], attribute: string, r: PropertyReader, dflt: { value: boolean; assumed: string }): Val<boolean> {
  const origin = { ...r.origin([attribute], v?.span), path: attribute };
  if (!v) return defaulted(dflt.value, origin, dflt.assumed);
  const s = convertValue(v, toStr, origin);
  if (s.provenance === 'unknown') return s;
  return { ...s, value: KEEPS_DATA.has(s.value) };
}

/**
 * Terraform: `lifecycle { prevent_destroy = true }` keeps the resource; for RDS and Redshift, a
 * final snapshot (`skip_final_snapshot`, provider default false) keeps the data too, and for EBS
 * volumes `final_snapshot = true`.
 */
export function tfRetainOnDelete(node: ResourceNode, r: PropertyReader, finalSnapshot?: { attribute: string; skip?: boolean }): Val<boolean> {
  const origin = { ...r.origin([]), path: 'lifecycle.prevent_destroy' };
  const prevent = node.deletionPolicy ? convertValue(node.deletionPolicy, toBool, { ...origin, span: node.deletionPolicy.span }) : undefined;
  if (prevent && prevent.provenance !== 'unknown' && prevent.value) return prevent;
  if (finalSnapshot) {
    const skip = finalSnapshot.skip ?? true;
    const v = skip
      ? r.bool([finalSnapshot.attribute], { value: false, assumed: `a final snapshot on destroy (${finalSnapshot.attribute} defaults to false)` })
      : r.bool([finalSnapshot.attribute], { value: false, assumed: `deleted with its data on destroy (${finalSnapshot.attribute} defaults to false, no lifecycle prevent_destroy)` });
    if (v.provenance === 'unknown') return v;
    return skip ? { ...v, value: !v.value } : v;
  }
  if (prevent) return prevent;
  return defaulted(false, origin, 'deleted with its data on destroy (no lifecycle prevent_destroy)');
}
