/**
 * The at-rest question shared by `encryption-at-rest` and `encryption-at-rest-messages`: the two rules
 * differ only in which stores they judge (and so in severity), not in how a store's encryption is read.
 */
import type { DataStore } from '../model/facets.js';
import { how, isFalse, namesKey, property, undecided } from './kit.js';
import type { RuleContext } from './rule.js';

/** Reports `store` (message id `unencrypted`) when its switchable encryption at rest is off and no key encrypts it anyway. */
export function reportUnencrypted(ctx: RuleContext<'unencrypted'>, store: DataStore): void {
  const rest = store.atRest;
  if (!rest || rest.kind !== 'switch') return;
  // An account-wide default that the scan enables encrypts the store whatever its own setting says.
  if (rest.accountDefault?.enabled) return;
  const what = rest.part ? `${store.what} ${rest.part}` : store.what;
  if (undecided(ctx, store.owner, rest.enabled, `${what} encryption at rest`)) return;
  if (isFalse(rest.enabled) && !namesKey(rest.key)) {
    const unless = rest.accountDefault ? `, and ${rest.accountDefault.name} is not enabled in the scan` : '';
    ctx.report({ messageId: 'unencrypted', at: rest.enabled, resource: store.owner, data: { what, property: property(rest.enabled), how: how(rest.enabled), unless } });
  }
}
