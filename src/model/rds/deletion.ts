import type { ResourceNode } from '../../graph/graph.js';
import type { PropertyReader } from '../read.js';
import { convertValue, toBool, toStr } from '../read.js';
import type { Val } from '../val.js';
import { defaulted } from '../val.js';

// DeletionPolicy — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
// "The default policy is Snapshot for AWS::RDS::DBCluster resources and for AWS::RDS::DBInstance
// resources that don't specify the DBClusterIdentifier property"; everything else defaults to Delete.
const KEEPS_DATA = new Set(['Retain', 'Snapshot', 'RetainExceptOnCreate']);

/** CloudFormation: does the resource's DeletionPolicy keep its data when the stack deletes it? */
export function cfnRetainOnDelete(node: ResourceNode, r: PropertyReader, dflt: { value: boolean; assumed: string }): Val<boolean> {
  const origin = r.origin(['DeletionPolicy'], node.deletionPolicy?.span);
  const origin2 = { ...origin, path: 'DeletionPolicy' };
  if (!node.deletionPolicy) return defaulted(dflt.value, origin2, dflt.assumed);
  const s = convertValue(node.deletionPolicy, toStr, origin2);
  if (s.provenance === 'unknown') return s;
  return { ...s, value: KEEPS_DATA.has(s.value) };
}

/**
 * Terraform: `lifecycle { prevent_destroy = true }` keeps the resource; for RDS, a final snapshot
 * (`skip_final_snapshot`, provider default false) keeps the data too.
 */
export function tfRetainOnDelete(node: ResourceNode, r: PropertyReader, finalSnapshot?: { attribute: string }): Val<boolean> {
  const origin = { ...r.origin([]), path: 'lifecycle.prevent_destroy' };
  const prevent = node.deletionPolicy ? convertValue(node.deletionPolicy, toBool, { ...origin, span: node.deletionPolicy.span }) : undefined;
  if (prevent && prevent.provenance !== 'unknown' && prevent.value) return prevent;
  if (finalSnapshot) {
    const skip = r.bool([finalSnapshot.attribute], { value: false, assumed: `a final snapshot on destroy (${finalSnapshot.attribute} defaults to false)` });
    if (skip.provenance === 'unknown') return skip;
    return { ...skip, value: !skip.value };
  }
  if (prevent) return prevent;
  return defaulted(false, origin, 'deleted with its data on destroy (no lifecycle prevent_destroy)');
}
