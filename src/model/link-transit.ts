import type { DataStore, TransitSetting } from './facets.js';
import type { CloudModel } from './model.js';
import type { Link, ModelResource, Val } from './val.js';
import { defaulted, unknownVal } from './val.js';
import { rdsTransitSettings } from './rds/transit.js';

/**
 * In-transit settings that live in a parameter group the store names (issue 11 item 2): Redshift
 * `require_ssl`, DocumentDB `tls`, RDS/Aurora `rds.force_ssl` and `require_secure_transport`
 * (engine and version defaults in rds/transit.ts). A store that names no group gets the default group's value; a
 * group that is not in the scan (a literal name, an import) leaves the setting unknown. The setting
 * joins the store's data-store facet, where encryption-in-transit judges it.
 */
export function linkTransit(model: CloudModel): void {
  const stores = new Map(model.facets.dataStores.map((s) => [s.owner.resource.id, s]));
  const redshift = new Map(model.redshiftParameterGroups.map((g) => [g.resource.id, g]));
  for (const c of model.redshiftClusters) {
    // Redshift's default parameter group has require_ssl false: clients may connect without SSL.
    const v = fromGroup(c, c.parameterGroup, redshift, (g) => g.requireSsl, { value: false, assumed: 'require_ssl false in the default parameter group' });
    if (v) add(stores.get(c.resource.id), { problem: 'accepts connections without SSL (`require_ssl` is not true)', value: v, encrypted: v.value === true });
  }
  const docdb = new Map(model.documentParameterGroups.map((g) => [g.resource.id, g]));
  for (const c of model.documentClusters) {
    if (c.engine !== 'docdb') continue;
    // DocumentDB's default cluster parameter group has tls enabled; only `disabled` turns it off.
    const v = fromGroup(c, c.parameterGroup, docdb, (g) => g.tls, { value: 'enabled', assumed: 'tls enabled in the default cluster parameter group' });
    if (v) add(stores.get(c.resource.id), { problem: 'accepts connections without TLS (`tls` is disabled)', value: v, encrypted: v.value !== undefined && v.value.toLowerCase() !== 'disabled' });
  }
  for (const [id, t] of rdsTransitSettings(model)) add(stores.get(id), t);
}

/** The setting of the group a store names, the default group's when it names none, unknown when the group is not in the scan. */
function fromGroup<G, T>(
  store: ModelResource,
  group: Val<Link> | undefined,
  groups: Map<string, G>,
  setting: (g: G) => Val<T>,
  dflt: { value: T; assumed: string },
): Val<T> | undefined {
  if (!group) return undefined;
  if (group.provenance === 'unknown') return group;
  const { id, literal } = group.value;
  // No group named: the adapter's default link stands for the service's default parameter group.
  if (id === undefined && literal === undefined) return group.provenance === 'default' ? defaulted(dflt.value, group.origin, dflt.assumed) : undefined;
  const g = id !== undefined ? groups.get(id) : undefined;
  if (g) return setting(g);
  return unknownVal(group.origin, `the parameter group of ${store.resource.address} (${literal ?? id}) is not in the scan`);
}

function add(store: DataStore | undefined, t: TransitSetting): void {
  if (!store) return;
  store.inTransit = [...(store.inTransit ?? []), t];
}
