import type { Link, ModelResource, Origin, Val } from '../val.js';

export interface CopyAction {
  destinationVault: Val<Link>;
  /** From the vault ARN, or the destination vault resource's context. */
  destinationRegion: Val<string>;
  origin: Origin;
}

export interface BackupRule {
  name: Val<string>;
  targetVault: Val<Link>;
  copyActions: CopyAction[];
  origin: Origin;
}

export interface BackupPlan extends ModelResource {
  rules: BackupRule[];
}

export interface BackupSelection extends ModelResource {
  plan: Val<Link>;
  /** Resource ARNs or references the selection names; `*` covers resources broadly. */
  resources: Val<Link>[];
  /** True when the selection names `*` (or an ARN pattern with `*`), so it may cover any store. */
  broad: Val<boolean>;
  /** `ListOfTags` / `selection_tag`: a resource with any of these tags is selected too. */
  tags: TagCondition[];
  /** `Conditions` / `condition`: every one must hold for a selected resource. */
  conditions: TagCondition[];
  /** `NotResources` / `not_resources`: resources (ARNs, references, `*` patterns) left out of what the rest selects. */
  notResources: Val<Link>[];
}

/** A tag test of a Backup selection: the resource's tag `key` compared with `value`. */
export interface TagCondition {
  key: Val<string>;
  value: Val<string>;
  /** `equals` / `like` (`*` wildcards), or their negations (Conditions only). */
  test: 'equals' | 'like' | 'not-equals' | 'not-like';
  origin: Origin;
}

/** The tags of a resource, read when a Backup selection chooses by tag; a value that cannot be known is null. */
export interface ResourceTags {
  /** The tagged resource (any type); facet lists are sorted by owner. */
  owner: ModelResource;
  tags: Val<Record<string, string | null>>;
}

export interface BackupVault extends ModelResource {
  kmsKey: Val<string>;
}
