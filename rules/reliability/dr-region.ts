import { defineRule } from '../../src/engine/rule.js';
import { isKnown } from '../../src/engine/kit.js';
import { explicit } from '../../src/model/val.js';
import type { RegionCopy } from '../../src/model/facets.js';
import { ModelIndex } from '../../src/model/model.js';
import type { ModelResource, Val } from '../../src/model/val.js';

type Where = 'other' | 'same' | 'unknown';
/** One copy of a store: where it goes and the value that says so. */
interface Copy { where: Where; at: Val<unknown>; region?: string; reason?: string }

const BACKUP_COPY = 'AWS Backup copy action to another region';

function regionOf(r: ModelResource): string | undefined {
  return r.resource.context.region.known ? r.resource.context.region.value : undefined;
}

export default defineRule({
  meta: {
    id: 'dr-region',
    title: 'Stateful stores have a copy in another region',
    checks: 'S3, DynamoDB, RDS/Aurora, EFS, DocumentDB and Neptune copied to another region (replication, global tables and clusters, replicas, Backup copy actions); the whole solution deployed to one region only',
    severity: 'medium',
    controls: ['2.10', '2.13'],
    rationale:
      'Disaster recovery into another region (checklist 2.10 and 2.13) needs the data there before the disaster: S3 ' +
      'cross-region replication, DynamoDB global tables, Aurora, DocumentDB or Neptune global databases, cross-region read replicas, EFS ' +
      'replication, or an AWS Backup plan that selects the store and copies its recovery points to a vault in another ' +
      'region. A store\'s region comes from its deploy context (provider, configuration); resources of one stack or provider ' +
      'configuration share a region. When the store\'s region is unknown, a copy to an explicitly named region counts; a copy ' +
      'whose destination region cannot be known is accepted and reported as undecidable. Not judged: S3 buckets that are ' +
      'themselves replication destinations of a bucket in the scan (they are the copy) and CloudTrail log buckets (their ' +
      'protection is cloudtrail-bucket-protected\'s concern, and they belong in a log-archive account); DB instances of an ' +
      'Aurora cluster (the cluster is judged) and same-region read replicas (their source is judged). A source counts as ' +
      'copied when a replica of it in the scan lives in another region. Stores of records in flight (SQS, SNS, Kinesis ' +
      'streams, Firehose, MSK) and OpenSearch domains (search indexes fed from records kept elsewhere, whose cross-cluster ' +
      'replication templates do not declare) are not judged, nor are buckets that hold only build output the next deployment ' +
      'rebuilds — CodePipeline artifact stores and CDK asset and staging buckets (named cdk-<qualifier>-assets-… / ' +
      'cdk-…-staging-…, or built as CDK\'s StagingBucket / CdkStagingBucket) — or logs of other resources (the destination ' +
      'of a load balancer, CloudFront, S3 server access, flow log, WAF or other logging setting of the scan, or a bucket with ' +
      'the log-delivery-write ACL), unless they declare a replication of their own: then they are judged like any store. The whole solution (2.13) is judged once: when ' +
      'every data store, compute group and load balancer of the scan is deployed to one and the same known region and no store ' +
      'is copied to another region, that is one finding, reported at the `region` argument of the Terraform provider that ' +
      'sets it, else (a CDK stack\'s environment, the `regions` of .iac-check.yaml) at the first of those resources (compute ' +
      'groups and load balancers first, then stores judged for a copy; by file and address). A store copied to another region makes that region the one to recover into (backup and restore, pilot light). ' +
      'When some of those resources have no known region, the solution is undecidable (a notice).',
    remediation:
      'Add a replication configuration to a bucket in another region, replicas in a second region for DynamoDB tables ' +
      '(global tables), an Aurora global cluster or cross-region read replica, an EFS replication configuration to another ' +
      'region, or an AWS Backup plan rule with a copy action to a vault in another region and a selection covering the store; ' +
      'for the whole solution, deploy it (or at least its data) to a second region, and name each template\'s region in ' +
      '`regions` of .iac-check.yaml so the scan knows where it runs.',
    messages: {
      noCopy: '{{what}} has no copy in another region: no {{means}} found in the scan.',
      copySameRegion: '{{what}} is copied only within its own region ({{region}}): a disaster recovery copy needs a {{means}}.',
      oneRegion: 'The solution is deployed to one region only ({{region}}, {{source}}): none of its {{count}} data stores, compute groups and load balancers runs in another region, so an outage of {{region}} stops it. Disaster recovery into another region needs a second deployment there (pilot light, warm standby or active-active).',
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
    // Every typed resource by id, made for the first copy that names its destination (it reads every list of the model).
    let index: ModelIndex | undefined;

    /** Where a copy goes compared with the store: by the destination resource's context, else by a region value. */
    const where = (store: ModelResource, copy: RegionCopy): Copy => {
      const at = copy.at;
      const own = regionOf(store);
      if (copy.kind === 'unresolved') return { where: 'unknown', at, reason: copy.reason };
      if (copy.kind === 'same-region') return { where: 'same', at, region: own ?? 'its own region' };
      if (copy.kind === 'regions') {
        // A global table: the regions include the table's own.
        const known = copy.regions.filter(isKnown).map((r) => r.value);
        if (new Set(known).size >= 2 || (own && known.some((r) => r !== own))) return { where: 'other', at };
        const u = copy.regions.find((r) => !isKnown(r));
        if (u && u.provenance === 'unknown') return { where: 'unknown', at: u, reason: u.reason };
        return { where: 'same', at, region: known[0] ?? own ?? 'its own region' };
      }
      const dest = copy.destination ? (index ??= new ModelIndex(ctx.model)).get(copy.destination) : undefined;
      if (dest) {
        const theirs = regionOf(dest);
        if (own && theirs) return { where: own === theirs ? 'same' : 'other', at, region: own };
        const a = store.resource, b = dest.resource;
        // One stack or provider configuration deploys into one region, even an unknown one.
        if (a.context.target.id === b.context.target.id) return { where: 'same', at, region: own ?? `the region of ${a.context.target.label}` };
        if (theirs) return { where: 'other', at };
      }
      const r = isKnown(copy.region) ? copy.region.value : undefined;
      if (r) return own ? { where: own === r ? 'same' : 'other', at, region: own } : { where: 'other', at };
      const reason = copy.region?.provenance === 'unknown' ? copy.region.reason : 'its region is not known';
      return { where: 'unknown', at, reason };
    };

    /** Whether some store is copied to another region, or to one that cannot be known. */
    let copied: 'other' | 'unknown' | undefined;

    for (const store of ctx.model.facets.dataStores) {
      // Only the workload's records need a copy elsewhere; replication destinations are the copy, audit logs another rule's concern.
      if (store.contents !== 'data') continue;
      // Build output and log buckets are judged only when they declare a copy of their own (their owner asked for one).
      const minor = store.role === 'build-artifacts' || store.role === 'log-bucket';
      if (store.role && !(minor && store.copies.length > 0)) continue;
      const owner = store.owner;
      const source = store.source ? where(owner, store.source) : undefined;
      if (source && source.where !== 'other') continue; // a same-region replica: its source is judged
      const backupCopies: RegionCopy[] = store.backups.flatMap((b) => b.rules.flatMap((rule) => rule.copyActions.map((ca): RegionCopy => ({
        kind: 'to', at: ca.destinationRegion, region: ca.destinationRegion,
        ...(isKnown(ca.destinationVault) && ca.destinationVault.value.id ? { destination: ca.destinationVault.value.id } : {}),
      }))));
      const all = [...(source ? [source] : []), ...[...store.replicas, ...store.copies, ...backupCopies].map((c) => where(owner, c))];
      const means = store.replication ? `${store.replication} or ${BACKUP_COPY}` : BACKUP_COPY;
      if (all.some((c) => c.where === 'other')) { copied = 'other'; continue; }
      const unknown = all.find((c) => c.where === 'unknown');
      if (unknown) {
        copied ??= 'unknown';
        ctx.undecidable(owner, unknown.at, `${store.what} is copied to a region that cannot be known (${unknown.reason ?? 'unknown'}); accepted as a copy in another region`);
        continue;
      }
      const same = all.find((c) => c.where === 'same');
      if (same) ctx.report({ messageId: 'copySameRegion', at: same.at, resource: owner, data: { what: store.what, region: same.region ?? 'its own region', means } });
      else ctx.report({ messageId: 'noCopy', at: owner, resource: owner, data: { what: store.what, means } });
    }
    solutionRegions();

    /**
     * The whole solution in one region (2.13): the regions of its workload — data stores of any kind,
     * compute groups and load balancers — from their deploy context (Terraform provider, CDK stack
     * environment, the `regions` of the configuration). Reported once, at the region's declaration
     * when the input writes it (a provider's `region`), else at the first workload resource.
     */
    function solutionRegions(): void {
      const f = ctx.model.facets;
      const order = (a: ModelResource, b: ModelResource): number =>
        a.resource.span.file < b.resource.span.file ? -1 : a.resource.span.file > b.resource.span.file ? 1 : a.resource.address < b.resource.address ? -1 : a.resource.address > b.resource.address ? 1 : 0;
      // The application first (compute, load balancers), then the stores judged for a copy, then the rest: the first is where it is reported.
      const ranked = [
        // Endpoints in the workload's VPC subnets (load balancers); APIs and distributions are the service's, not a footprint of their own.
        [...f.computeGroups, ...f.networkEndpoints.filter((e) => e.placement === 'vpc')].map((x) => x.owner).sort(order),
        f.dataStores.filter((d) => d.contents === 'data' && !d.role).map((x) => x.owner).sort(order),
        f.dataStores.filter((d) => d.contents !== 'logs').map((x) => x.owner).sort(order), // log groups follow the workload, not a footprint
      ].flat();
      if (ranked.length === 0) return;
      const seen = new Set<string>();
      const workload = ranked.filter((o) => !seen.has(o.resource.id) && seen.add(o.resource.id));
      const regions = new Map<string, ModelResource>();
      let unknown: ModelResource | undefined;
      for (const o of workload) {
        const r = o.resource.context.region;
        if (r.known) { if (!regions.has(r.value)) regions.set(r.value, o); } else unknown ??= o;
      }
      // A copy of some store in another region is a second region to recover into (backup and restore, pilot light).
      if (regions.size >= 2 || copied === 'other') return;
      if (copied === 'unknown') return; // the store's notice says so
      if (unknown) {
        const r = unknown.resource.context.region;
        const reason = r.known ? '' : r.reason;
        ctx.undecidable(unknown, unknown, regions.size === 0
          ? `whether the solution is deployed to more than one region is unknown: ${reason} (set \`regions\` in .iac-check.yaml)`
          : `whether the solution is deployed to more than one region is unknown: ${unknown.resource.address} has no known region (${reason})`);
        return;
      }
      const [region, first] = [...regions][0]!;
      const ctxRegion = first.resource.context.region;
      const span = ctxRegion.known ? ctxRegion.span : undefined;
      const target = first.resource.context.target.label;
      const at: Val<unknown> | ModelResource = span ? explicit(region, { span, path: 'region', resource: target }) : first;
      const source = span ? `the \`region\` of ${target}` : `the region of ${target}`;
      ctx.report({ messageId: 'oneRegion', at, resource: first, data: { region, source, count: workload.length } });
    }
  },
});
