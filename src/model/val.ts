import type { Span } from '../core/source.js';
import type { DeployContext, SourceKind, Suppression, ConstructInfo } from '../graph/graph.js';

/** Where a model value came from: the file span, the property path and the resource. */
export interface Origin {
  span: Span;
  /** Dotted property path in the source spelling (`Properties.VersioningConfiguration.Status`, `versioning.enabled`). */
  path: string;
  /** The resource's address (logical id or Terraform address). */
  resource: string;
}

export type Provenance = 'explicit' | 'default' | 'unknown';

export interface ExplicitVal<T> { provenance: 'explicit'; value: T; origin: Origin }
/** An absent property, taking the service's documented default named in `assumed`; anchored at the resource. */
export interface DefaultVal<T> { provenance: 'default'; value: T; origin: Origin; assumed: string }
export interface UnknownVal { provenance: 'unknown'; value?: undefined; origin: Origin; reason: string }

/** Every model value: what it is, whether it was written, defaulted or cannot be known, and where it came from. */
export type Val<T> = ExplicitVal<T> | DefaultVal<T> | UnknownVal;

export function explicit<T>(value: T, origin: Origin): ExplicitVal<T> {
  return { provenance: 'explicit', value, origin };
}
export function defaulted<T>(value: T, origin: Origin, assumed: string): DefaultVal<T> {
  return { provenance: 'default', value, origin, assumed };
}
export function unknownVal(origin: Origin, reason: string): UnknownVal {
  return { provenance: 'unknown', origin, reason };
}

export function isKnown<T>(v: Val<T> | undefined): v is ExplicitVal<T> | DefaultVal<T> {
  return v !== undefined && v.provenance !== 'unknown';
}
export function isUnknown<T>(v: Val<T> | undefined): v is UnknownVal {
  return v !== undefined && v.provenance === 'unknown';
}
/** True only for a known `true`: an unknown value is never taken as bad or good. */
export function isTrue(v: Val<boolean> | undefined): boolean {
  return isKnown(v) && v.value === true;
}
/** True only for a known `false`. */
export function isFalse(v: Val<boolean> | undefined): boolean {
  return isKnown(v) && v.value === false;
}
/** The value when known, else undefined. */
export function valueOf<T>(v: Val<T> | undefined): T | undefined {
  return isKnown(v) ? v.value : undefined;
}
/** A key setting that names a key: a literal id or ARN, or a reference whose value is known only after deployment. */
export function namesKey(v: Val<string> | undefined): boolean {
  return v !== undefined && (v.provenance === 'unknown' || (v.provenance === 'explicit' && v.value !== ''));
}

/** What every model resource carries about itself. */
export interface ResourceInfo {
  /** The graph node id; model links refer to resources by it. */
  id: string;
  address: string;
  type: string;
  source: SourceKind;
  span: Span;
  context: DeployContext;
  suppressions: Suppression[];
  construct?: ConstructInfo;
  reportAt?: { span: Span; note: string };
  /** Terraform: the node stands for an unknown number of instances (`count` / `for_each` unknown), and why. */
  instancesUnknown?: string;
}

export interface ModelResource {
  resource: ResourceInfo;
}

/** A link to another resource: the graph id when the reference resolved, or the literal name/ARN/id written. */
export interface Link {
  id?: string;
  literal?: string;
}

const BY_ID = new WeakMap<readonly ModelResource[], { size: number; index: ReadonlyMap<string, ModelResource> }>();

/**
 * The resources of a model list by graph id (the first one of an id, as `find` would return), made
 * once per list and again when it has grown: a rule or a linker that names linked resources looks
 * each up instead of scanning the list. Each rule is handed its own view of a list, so the index is
 * its own and reading it reads the list.
 */
export function byId<T extends ModelResource>(list: readonly T[]): ReadonlyMap<string, T> {
  const known = BY_ID.get(list);
  if (known && known.size === list.length) return known.index as ReadonlyMap<string, T>;
  const index = new Map<string, T>();
  for (const r of list) if (!index.has(r.resource.id)) index.set(r.resource.id, r);
  BY_ID.set(list, { size: list.length, index });
  return index;
}
