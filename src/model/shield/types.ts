import type { Link, ModelResource, Val } from '../val.js';

/** A Shield Advanced protection of one resource. */
export interface ShieldProtection extends ModelResource {
  target: Val<Link>;
  /** Graph ids of every resource the ARN is built from. */
  mentions: string[];
}
