import { tagTest } from './backup/common.js';
import type { BackupSelection } from './backup/types.js';
import { EBS_ENCRYPTION_BY_DEFAULT } from './ec2/facets.js';
import type { BackupCoverage, DataStore, RegionCopy } from './facets.js';
import { settingsFor } from './deployment.js';
import type { CloudModel } from './model.js';
import { linkGlobalDatabases } from './rds/facets.js';
import { linkDocumentGlobals } from './docdb/facets.js';
import { findBucket } from './s3/query.js';
import type { Link, Val } from './val.js';
import { explicit, isKnown, isTrue } from './val.js';

/** `arn:aws:rds:eu-west-1:111122223333:db:orders` → its parts; undefined for anything else. */
export function parseArn(text: string): { service: string; region: string; resourceType: string; name: string } | undefined {
  const m = /^arn:[\w-]+:([\w-]+):([a-z0-9-]*):\d*:([\w-]+)[:/](.+)$/.exec(text);
  return m ? { service: m[1]!, region: m[2]!, resourceType: m[3]!, name: m[4]! } : undefined;
}

/**
 * Joins the data-store facets with what other resources say about them: the account defaults
 * that encrypt them, the replicas that copy them, the Backup plans that cover them, the instances
 * of a cluster, and the stores that are themselves copies or audit logs. Framework-neutral.
 */
export function linkStores(model: CloudModel): void {
  const stores = model.facets.dataStores;
  for (const s of stores) {
    // Encryption by default is a setting of one account and region: it covers only stores deployed there.
    if (s.atRest?.kind === 'switch' && s.atRest.accountDefault?.name === EBS_ENCRYPTION_BY_DEFAULT) {
      s.atRest.accountDefault.enabled = settingsFor(model.ebsEncryptionByDefault, s.owner, 'region').some((e) => isTrue(e.enabled));
    }
    if (s.zones?.kind === 'members') {
      const id = s.owner.resource.id;
      s.zones.members = [...model.dbClusterMembers, ...model.documentInstances].filter((m) => isKnown(m.cluster) && m.cluster.value.id === id);
    }
  }

  // Replicas: each names its source by graph reference, or by an ARN of the source's type and name.
  for (const r of stores) {
    if (!r.replicaOf) continue;
    r.source = sourceOf(r.replicaOf);
    for (const s of stores) if (s !== r && names(r.replicaOf, s)) s.replicas.push({ kind: 'to', at: r.replicaOf, destination: r.owner.resource.id });
  }
  linkGlobalDatabases(model);
  linkDocumentGlobals(model);

  // AWS Backup: a selection covers a store it names, every store when it names `*`, and the stores
  // whose tags match one of its tag tests; its conditions must then all hold. The one matcher for
  // every rule that asks which plan covers a store (dr-region's copy actions, backups' coverage).
  const plans = new Map(model.backupPlans.map((p) => [p.resource.id, p]));
  const tagsOf = new Map(model.facets.resourceTags.map((t) => [t.owner.resource.id, t.tags]));
  for (const sel of model.backupSelections) {
    const plan = isKnown(sel.plan) && sel.plan.value.id ? plans.get(sel.plan.value.id) : undefined;
    if (!plan) continue;
    const broad = isTrue(sel.broad);
    const named = new Set(sel.resources.flatMap((l) => (isKnown(l) && l.value.id ? [l.value.id] : [])));
    for (const s of stores) {
      const listed = broad || named.has(s.owner.resource.id);
      // Neither named nor chosen by tag: not selected (every selection is asked about every store).
      if (!listed && sel.tags.length === 0) continue;
      const chosen = selects(sel, listed, tagsOf.get(s.owner.resource.id));
      const covered = chosen.hit === 'no' ? chosen : leftOut(sel, s, chosen);
      if (covered.hit === 'no') continue;
      s.backups.push({ selection: sel, plan, rules: plan.rules, ...(covered.hit === 'unsure' ? { unsure: covered.reason } : {}) } satisfies BackupCoverage);
    }
  }

  // Stores that are copies themselves, or hold audit logs.
  const byId = new Map(stores.map((s) => [s.owner.resource.id, s]));
  for (const b of model.buckets) {
    for (const r of b.replication) {
      const dest = isKnown(r.destination) && r.destination.value.id ? byId.get(r.destination.value.id) : undefined;
      if (dest) dest.role = 'replication-destination';
    }
  }
  for (const t of model.trails) {
    const bucket = isKnown(t.bucket) ? findBucket(model, t.bucket.value, t.resource) : undefined;
    const s = bucket ? byId.get(bucket.resource.id) : undefined;
    if (s) s.role = 'audit-log-bucket';
  }
}

/** Where a replica's source is, from the replica's link: a resource in the scan, a region in an ARN, or the replica's own region. */
function sourceOf(link: Val<Link>): RegionCopy {
  if (!isKnown(link)) return { kind: 'unresolved', at: link, reason: link.reason };
  if (link.value.id) return { kind: 'to', at: link, destination: link.value.id };
  const arn = link.value.literal ? parseArn(link.value.literal) : undefined;
  // A plain identifier names a source in the replica's own region.
  return arn?.region ? { kind: 'to', at: link, region: explicit(arn.region, link.origin) } : { kind: 'same-region', at: link };
}

/** Does a replica's source link name this store: by graph id, or by an ARN of its type and name in its region? */
function names(link: Val<Link>, store: DataStore): boolean {
  if (!isKnown(link)) return false;
  if (link.value.id) return link.value.id === store.owner.resource.id;
  const arn = link.value.literal ? parseArn(link.value.literal) : undefined;
  if (!arn || !store.name || !isKnown(store.name.name)) return false;
  const region = store.owner.resource.context.region;
  return `${arn.service}:${arn.resourceType}` === store.name.arnType && arn.name === store.name.name.value && (!region.known || region.value === arn.region);
}

type Hit = { hit: 'yes' | 'no' } | { hit: 'unsure'; reason: string };

/**
 * A selection's `NotResources` leave out what the rest of it chose: a store named there (by reference, or by
 * its ARN) is not covered; a pattern with `*`, or an entry that cannot be known, may leave it out (unsure).
 */
function leftOut(sel: BackupSelection, store: DataStore, chosen: Hit): Hit {
  for (const l of sel.notResources) {
    if (!isKnown(l)) return { hit: 'unsure', reason: `NotResources of ${sel.resource.address} holds a value that is unknown (${l.reason})` };
    if (l.value.id) { if (l.value.id === store.owner.resource.id) return { hit: 'no' }; continue; }
    const literal = l.value.literal ?? '';
    if (literal.includes('*')) return { hit: 'unsure', reason: `NotResources of ${sel.resource.address} leaves out ${literal}, which may name it` };
    if (names(l, store)) return { hit: 'no' };
  }
  return chosen;
}

/** Does a selection choose a store: named or `*` (`listed`), or tagged as one of its tag tests asks; and do its conditions all hold? */
function selects(sel: BackupSelection, listed: boolean, tags: Val<Record<string, string | null>> | undefined): Hit {
  let chosen: Hit = { hit: listed ? 'yes' : 'no' };
  if (chosen.hit === 'no') {
    const tests = sel.tags.map((c) => tagTest(c, tags));
    chosen = tests.find((t) => t.hit === 'yes') ?? tests.find((t) => t.hit === 'unsure') ?? { hit: 'no' };
  }
  if (chosen.hit === 'no' || sel.conditions.length === 0) return chosen;
  const tests = sel.conditions.map((c) => tagTest(c, tags));
  if (tests.some((t) => t.hit === 'no')) return { hit: 'no' };
  return tests.find((t) => t.hit === 'unsure') ?? chosen;
}
