import type { ResourceGraph, ResourceNode } from '../../graph/graph.js';
import { linkableByName } from '../../graph/graph.js';
import type { Value } from '../../graph/value.js';
import { referencedIds } from '../../graph/value.js';
import type { PropertyReader } from '../read.js';
import type { Link, Origin, Val } from '../val.js';
import { defaulted, explicit, isKnown, unknownVal } from '../val.js';
import type { ReplicationRule } from './types.js';

/** How an adapter finds a bucket's literal name in its node (`BucketName`, `bucket`). */
export type NameOf = (node: ResourceNode) => string | undefined;

const S3_ARN_PREFIX = /^arn:aws[a-z-]*:s3:::/;

/**
 * The bucket node a value designates: a reference to a bucket node (any attribute), a literal
 * bucket name or ARN equal to a scanned bucket's literal name, or an expression that mentions
 * exactly one bucket node (`arn:aws:s3:::${Bucket}`). Undefined when none matches.
 */
export function bucketNodeFor(v: Value | undefined, graph: ResourceGraph, bucketType: string, nameOf: NameOf, from: ResourceNode): ResourceNode | undefined {
  if (!v) return undefined;
  if (v.kind === 'ref') {
    const n = graph.get(v.target);
    return n?.type === bucketType ? n : undefined;
  }
  if (v.kind === 'string') return bucketByName(v.value, graph, bucketType, nameOf, from);
  if (v.kind === 'unknown') {
    const ids = [...new Set(referencedIds(v))].filter((id) => graph.get(id)?.type === bucketType);
    return ids.length === 1 ? graph.get(ids[0]!) : undefined;
  }
  return undefined;
}

/**
 * A scanned bucket whose literal name is `nameOrArn` (a name, or an S3 ARN with an optional `/key`
 * part) that `from` may designate by name (`linkableByName`): a name in another Terraform root or
 * stack of an unknown account may be another deployment's bucket of that name (environments, teams).
 */
export function bucketByName(nameOrArn: string, graph: ResourceGraph, bucketType: string, nameOf: NameOf, from: ResourceNode): ResourceNode | undefined {
  const name = nameOrArn.replace(S3_ARN_PREFIX, '').split('/')[0];
  if (!name) return undefined;
  const named = graph.ofType(bucketType).filter((n) => nameOf(n) === name && linkableByName(from.context, n.context));
  return named.find((n) => n.context.target.id === from.context.target.id) ?? named[0];
}

/**
 * A replication rule's destination: the link (resolved to a scanned bucket by name when the ARN is
 * a literal) and the destination's region, known only from the destination node's deploy context.
 * An S3 ARN carries no region, so a destination outside the scan has an unknown region.
 */
export function replicationRule(enabled: Val<boolean>, dest: Val<Link> | undefined, at: Origin, graph: ResourceGraph, bucketType: string, nameOf: NameOf, from: ResourceNode): ReplicationRule {
  let destination: Val<Link> = dest ?? unknownVal(at, 'the rule names no destination bucket');
  if (isKnown(destination) && !destination.value.id && destination.value.literal) {
    const n = bucketByName(destination.value.literal, graph, bucketType, nameOf, from);
    if (n) destination = explicit<Link>({ id: n.id, literal: destination.value.literal }, destination.origin);
  }
  let destinationRegion: Val<string>;
  const id = isKnown(destination) ? destination.value.id : undefined;
  const node = id ? graph.get(id) : undefined;
  if (!node) destinationRegion = unknownVal(destination.origin, 'the destination bucket is not in the scan, and an S3 ARN does not name a region');
  else if (node.context.region.known) destinationRegion = explicit(node.context.region.value, destination.origin);
  else destinationRegion = unknownVal(destination.origin, `the region of ${node.address} is not known (${node.context.region.reason})`);
  return { enabled, destination, destinationRegion };
}

/** A `Status` word as a boolean: `Enabled` → true, anything else written (`Suspended`, `Disabled`) → false. */
export function statusIs(word: string): (v: Value) => { ok: true; value: boolean } | { ok: false; reason: string } {
  return (v) => {
    if (v.kind === 'string') return { ok: true, value: v.value === word };
    if (v.kind === 'boolean') return { ok: true, value: v.value };
    return { ok: false, reason: `a ${v.kind} where a status was expected` };
  };
}

/** The literal string at `path` of a node's properties, if it is one. */
export function literalAt(node: ResourceNode, key: string): string | undefined {
  const v = node.properties.entries.get(key);
  return v?.kind === 'string' ? v.value : undefined;
}

/** Present-means-on settings (access logging): explicit true at the property, else the default. */
export function presence(r: PropertyReader, path: readonly (string | number)[], assumed: string): Val<boolean> {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return r.bool(path, { value: false, assumed });
  if (v.kind === 'unknown' && !v.options) return unknownVal(r.keyOrigin(path), v.reason);
  if (v.kind === 'list' && v.items.length === 0) return defaulted(false, r.origin(path), assumed);
  return explicit(true, r.keyOrigin(path));
}

