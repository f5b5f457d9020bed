/**
 * The rule-authoring kit: the shared ways a rule says which default it assumed, names the
 * property a value came from, and turns an unknown value into an "undecidable" notice. Rules
 * import these instead of writing their own, so every message words the same fact the same way.
 */
import type { ModelResource, Val } from '../model/val.js';
import type { RuleContext } from './rule.js';

export { byId, isFalse, isKnown, isTrue, isUnknown, namesKey } from '../model/val.js';

/**
 * How a value came to be what it is, worded to follow the property name in a message
 * ("`StorageEncrypted` {{how}}"): `is not set, so the default applies (…)`, `is false`, `is "gp2"`,
 * `is unknown (…)`.
 */
export function how(v: Val<unknown>): string {
  if (v.provenance === 'default') return `is not set, so the default applies (${v.assumed})`;
  if (v.provenance === 'unknown') return `is unknown (${v.reason})`;
  return typeof v.value === 'boolean' || typeof v.value === 'number' ? `is ${String(v.value)}` : `is ${JSON.stringify(v.value)}`;
}

/** The property a value was read from, as the template spells it (`Properties.` left out). */
export function property(v: Val<unknown>): string {
  return v.origin.path.replace(/^Properties\./, '');
}

/**
 * When `v` is unknown, tells the engine that `what` could not be decided on `resource` (a notice at
 * the value, never a finding) and returns true: `if (undecided(ctx, db, db.multiAz, 'Multi-AZ')) continue;`.
 */
export function undecided(ctx: Pick<RuleContext<string>, 'undecidable'>, resource: ModelResource, v: Val<unknown>, what: string): boolean {
  if (v.provenance !== 'unknown') return false;
  ctx.undecidable(resource, v, `${what} is unknown: ${v.reason}`);
  return true;
}

