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
  /** Resource ARNs or references the selection names; `*` and tag conditions cover resources broadly. */
  resources: Val<Link>[];
  /** True when the selection chooses by tags or `*`, so it may cover any store. */
  broad: Val<boolean>;
}

export interface BackupVault extends ModelResource {
  kmsKey: Val<string>;
}
