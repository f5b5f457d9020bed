import { sameAccount, sameAccountAndRegion } from '../graph/graph.js';
import type { ModelResource } from './val.js';

/**
 * The account-level settings (EBS encryption by default, the account's S3 public access block)
 * that apply to a resource: only those deployed into its own account — and region, for regional
 * settings — never those of another root or stack that is merely scanned beside it.
 */
export function settingsFor<T extends ModelResource>(settings: readonly T[], r: ModelResource, scope: 'account' | 'region'): T[] {
  const same = scope === 'account' ? sameAccount : sameAccountAndRegion;
  return settings.filter((s) => same(s.resource.context, r.resource.context));
}
