import type { CloudModel } from './model.js';
import type { ModelResource } from './val.js';

/** The resources of one AWS account in the scan. */
export interface AccountScope {
  /** The 12-digit id, or undefined for resources whose account is not known. */
  account?: string;
  /** How messages name it: `account 111111111111`, or `the account the code is deployed to`. */
  label: string;
  /** Where an account-level finding is shown: the first resource of the account, by file and address. */
  anchor: ModelResource;
  /** Every resource deployed into it. */
  has(r: ModelResource): boolean;
}

/**
 * The accounts of a scan, for rules that decide something once per account. Resources whose
 * account is unknown (no `accounts` configuration, no provider or stack environment) are taken
 * as one account: the one the code is deployed to.
 */
export function accountScopes(model: CloudModel): AccountScope[] {
  const byAccount = new Map<string, ModelResource[]>();
  for (const r of model.resources) {
    const a = r.resource.context.account;
    const key = a.known ? a.value : '';
    const list = byAccount.get(key);
    if (list) list.push(r);
    else byAccount.set(key, [r]);
  }
  const out: AccountScope[] = [];
  for (const [key, list] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ids = new Set(list.map((r) => r.resource.id));
    out.push({
      ...(key ? { account: key } : {}),
      label: key ? `account ${key}` : 'the account the code is deployed to',
      anchor: list[0]!,
      has: (r) => ids.has(r.resource.id),
    });
  }
  return out;
}
