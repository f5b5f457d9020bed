import { defineRule } from '../../src/engine/rule.js';
import { ModelIndex } from '../../src/model/model.js';
import { findBucket } from '../../src/model/s3/query.js';
import type { Link, ModelResource, Val } from '../../src/model/val.js';
import { isFalse, isKnown, isTrue } from '../../src/model/val.js';

type Where = 'other' | 'same' | 'unknown';
/** One copy of a store: where it goes and the value that says so. */
interface Copy { where: Where; at: Val<unknown>; region?: string; reason?: string }

const MEANS = {
  bucket: 'S3 replication rule to another region or AWS Backup copy action to another region',
  table: 'DynamoDB global table replica in another region or AWS Backup copy action to another region',
  db: 'cross-region read replica, Aurora global database or AWS Backup copy action to another region',
  efs: 'EFS replication to another region or AWS Backup copy action to another region',
};

function regionOf(r: ModelResource): string | undefined {
  return r.resource.context.region.known ? r.resource.context.region.value : undefined;
}

/** `arn:aws:rds:eu-west-1:…` → `eu-west-1`. */
function arnRegion(text: string): string | undefined {
  return /^arn:[\w-]+:[\w-]+:([a-z]{2}(?:-[a-z]+)+-\d+):/.exec(text)?.[1];
}

export default defineRule({
  meta: {
    id: 'dr-region',
    title: 'Stateful stores have a copy in another region',
    severity: 'medium',
    controls: ['2.10', '2.13'],
    rationale:
      'Disaster recovery into another region (checklist 2.10 and 2.13) needs the data there before the disaster: S3 ' +
      'cross-region replication, DynamoDB global tables, Aurora global databases or cross-region read replicas, EFS ' +
      'replication, or an AWS Backup plan that selects the store and copies its recovery points to a vault in another ' +
      'region. A store\'s region comes from its deploy context (provider, configuration); resources of one stack or provider ' +
      'configuration share a region. When the store\'s region is unknown, a copy to an explicitly named region counts; a copy ' +
      'whose destination region cannot be known is accepted and reported as undecidable. Not judged: S3 buckets that are ' +
      'themselves replication destinations of a bucket in the scan (they are the copy) and CloudTrail log buckets (their ' +
      'protection is cloudtrail-bucket-protected\'s concern, and they belong in a log-archive account); DB instances of an ' +
      'Aurora cluster (the cluster is judged) and same-region read replicas (their source is judged). A source counts as ' +
      'copied when a replica of it in the scan lives in another region.',
    remediation:
      'Add a replication configuration to a bucket in another region, replicas in a second region for DynamoDB tables ' +
      '(global tables), an Aurora global cluster or cross-region read replica, an EFS replication configuration to another ' +
      'region, or an AWS Backup plan rule with a copy action to a vault in another region and a selection covering the store.',
    messages: {
      noCopy: '{{what}} has no copy in another region: no {{means}} found in the scan.',
      copySameRegion: '{{what}} is copied only within its own region ({{region}}): a disaster recovery copy needs a {{means}}.',
    },
    precision: 'medium',
    tags: ['reliability', 'disaster-recovery'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n',
        pass:
          'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n' +
          '      ReplicationConfiguration:\n        Destinations:\n          - Region: us-west-2\n',
      },
      terraform: {
        fail: 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_efs_file_system" "files" {\n  encrypted = true\n}\n',
        pass:
          'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_efs_file_system" "files" {\n  encrypted = true\n}\n\n' +
          'resource "aws_efs_replication_configuration" "dr" {\n  source_file_system_id = aws_efs_file_system.files.id\n\n' +
          '  destination {\n    region = "us-west-2"\n  }\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const index = new ModelIndex(m);

    /** Where a copy goes compared with the store: by the destination resource's context, else by a region value. */
    const compare = (store: ModelResource, at: Val<unknown>, region: Val<string> | string | undefined, destId?: string): Copy => {
      const own = regionOf(store);
      const dest = destId ? index.get(destId) : undefined;
      if (dest) {
        const theirs = regionOf(dest);
        if (own && theirs) return { where: own === theirs ? 'same' : 'other', at, region: own };
        const a = store.resource, b = dest.resource;
        // One stack or provider configuration deploys into one region, even an unknown one.
        if (a.context.target.id === b.context.target.id) return { where: 'same', at, region: own ?? `the region of ${a.context.target.label}` };
        if (theirs) return { where: 'other', at };
      }
      const r = typeof region === 'string' ? region : isKnown(region) ? region.value : undefined;
      if (r) return own ? { where: own === r ? 'same' : 'other', at, region: own } : { where: 'other', at };
      const reason = typeof region === 'object' && region.provenance === 'unknown' ? region.reason : 'its region is not known';
      return { where: 'unknown', at, reason };
    };
    /** A replica link (`replicaOf`) seen from the replica: another region, or the same. */
    const viaLink = (store: ModelResource, link: Val<Link>): Copy => {
      if (!isKnown(link)) return { where: 'unknown', at: link, reason: link.reason };
      if (link.value.id) return compare(store, link, undefined, link.value.id);
      const r = link.value.literal ? arnRegion(link.value.literal) : undefined;
      // A plain identifier names a source in the replica's own region.
      return r ? compare(store, link, r) : { where: 'same', at: link, region: regionOf(store) ?? 'its own region' };
    };

    // AWS Backup: plans by id, and the copy actions that cover each store.
    const plans = new Map(m.backupPlans.map((p) => [p.resource.id, p]));
    const backupCopies = (store: ModelResource): Copy[] => {
      const out: Copy[] = [];
      for (const sel of m.backupSelections) {
        const covers = isTrue(sel.broad) || sel.resources.some((l) => isKnown(l) && l.value.id === store.resource.id);
        if (!covers || !isKnown(sel.plan) || !sel.plan.value.id) continue;
        const plan = plans.get(sel.plan.value.id);
        for (const rule of plan?.rules ?? []) {
          for (const ca of rule.copyActions) {
            const destId = isKnown(ca.destinationVault) ? ca.destinationVault.value.id : undefined;
            out.push(compare(store, ca.destinationRegion, ca.destinationRegion, destId));
          }
        }
      }
      return out;
    };

    const judge = (store: ModelResource, what: string, means: string, copies: Copy[]): void => {
      const all = [...copies, ...backupCopies(store)];
      if (all.some((c) => c.where === 'other')) return;
      const unknown = all.find((c) => c.where === 'unknown');
      if (unknown) {
        ctx.undecidable(store, unknown.at, `${what} is copied to a region that cannot be known (${unknown.reason ?? 'unknown'}); accepted as a copy in another region`);
        return;
      }
      const same = all.find((c) => c.where === 'same');
      if (same) ctx.report({ messageId: 'copySameRegion', at: same.at, resource: store, data: { what, region: same.region ?? 'its own region', means } });
      else ctx.report({ messageId: 'noCopy', at: store, resource: store, data: { what, means } });
    };

    // S3 buckets, except replication destinations and CloudTrail log buckets.
    const skipBuckets = new Set<string>();
    for (const b of m.buckets) for (const r of b.replication) if (isKnown(r.destination) && r.destination.value.id) skipBuckets.add(r.destination.value.id);
    for (const t of m.trails) {
      const logBucket = isKnown(t.bucket) ? findBucket(m, t.bucket.value, t.resource) : undefined;
      if (logBucket) skipBuckets.add(logBucket.resource.id);
    }
    for (const b of m.buckets) {
      if (skipBuckets.has(b.resource.id)) continue;
      const copies = b.replication
        .filter((r) => !isFalse(r.enabled))
        .map((r) => compare(b, r.destinationRegion, r.destinationRegion, isKnown(r.destination) ? r.destination.value.id : undefined));
      judge(b, 'S3 bucket', MEANS.bucket, copies);
    }

    for (const t of m.dynamoTables) {
      const copies: Copy[] = [];
      if (t.global && t.replicaRegions.length > 0) {
        const known = t.replicaRegions.filter(isKnown).map((r) => r.value);
        const own = regionOf(t);
        const distinct = new Set(known);
        if (distinct.size >= 2 || (own && known.some((r) => r !== own))) copies.push({ where: 'other', at: t.replicaRegions[0]! });
        else {
          const u = t.replicaRegions.find((r) => !isKnown(r));
          if (u && u.provenance === 'unknown') copies.push({ where: 'unknown', at: u, reason: u.reason });
          else copies.push({ where: 'same', at: t.replicaRegions[0]!, region: known[0] ?? own ?? 'its own region' });
        }
      }
      judge(t, 'DynamoDB table', MEANS.table, copies);
    }

    /** Does a replica's source link name this store: by graph id, or by an ARN/identifier naming it? */
    const names = (link: Val<Link> | undefined, store: ModelResource & { identifier?: Val<string> }, kind: 'db' | 'cluster'): boolean => {
      if (!link || !isKnown(link)) return false;
      if (link.value.id) return link.value.id === store.resource.id;
      const id = store.identifier && isKnown(store.identifier) ? store.identifier.value : undefined;
      const lit = link.value.literal;
      if (!id || !lit) return false;
      const m = /^arn:[\w-]+:rds:([a-z0-9-]+):\d*:(db|cluster):(.+)$/.exec(lit);
      if (!m) return false;
      const own = regionOf(store);
      return m[2] === kind && m[3] === id && (!own || own === m[1]);
    };
    for (const db of m.dbInstances) {
      const own = db.replicaOf ? viaLink(db, db.replicaOf) : undefined;
      if (own && own.where !== 'other') continue; // a same-region read replica: its source is judged
      const copies: Copy[] = own ? [own] : [];
      for (const r of m.dbInstances) {
        if (r !== db && names(r.replicaOf, db, 'db')) copies.push(compare(db, r.replicaOf!, undefined, r.resource.id));
      }
      judge(db, 'RDS DB instance', MEANS.db, copies);
    }

    const globals = m.globalClusters;
    const globalOf = (l: Val<Link> | undefined): string | undefined => {
      if (!l || !isKnown(l)) return undefined;
      if (l.value.id) return l.value.id;
      return globals.find((g) => isKnown(g.identifier) && g.identifier.value === l.value.literal)?.resource.id ?? (l.value.literal ? `literal:${l.value.literal}` : undefined);
    };
    for (const c of m.dbClusters) {
      const own = c.replicaOf ? viaLink(c, c.replicaOf) : undefined;
      if (own && own.where !== 'other') continue;
      const copies: Copy[] = own ? [own] : [];
      for (const r of m.dbClusters) {
        if (r !== c && names(r.replicaOf, c, 'cluster')) copies.push(compare(c, r.replicaOf!, undefined, r.resource.id));
      }
      // Aurora global database: the other members of the same global cluster.
      const g = globalOf(c.globalCluster) ?? globals.find((x) => x.sourceCluster && isKnown(x.sourceCluster) && x.sourceCluster.value.id === c.resource.id)?.resource.id;
      if (g) {
        const gc = globals.find((x) => x.resource.id === g);
        const members = new Set(m.dbClusters.filter((o) => o !== c && globalOf(o.globalCluster) === g).map((o) => o.resource.id));
        if (gc?.sourceCluster && isKnown(gc.sourceCluster) && gc.sourceCluster.value.id && gc.sourceCluster.value.id !== c.resource.id) members.add(gc.sourceCluster.value.id);
        const at = c.globalCluster ?? gc?.sourceCluster ?? c.engine;
        for (const id of members) copies.push(compare(c, at, undefined, id));
        if (members.size === 0) copies.push({ where: 'unknown', at, reason: 'the global cluster has no other member in the scan (a secondary may be deployed separately)' });
      }
      judge(c, 'RDS DB cluster', MEANS.db, copies);
    }

    for (const f of m.fileSystems) {
      judge(f, 'EFS file system', MEANS.efs, f.replicationRegions.map((r) => compare(f, r, r)));
    }
  },
});
