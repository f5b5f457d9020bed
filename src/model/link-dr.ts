import type { CloudModel } from './model.js';
import { findBucket } from './s3/query.js';
import type { Link, ModelResource, Val } from './val.js';
import { isKnown } from './val.js';

/** CDK's asset and staging buckets: `cdk-<qualifier>-assets-<account>-<region>`, `cdk-<app>-staging-<account>-<region>`. */
const CDK_ASSET_BUCKET = /^cdk-[a-z0-9-]+-(assets|staging)-/;
/** The construct ids CDK gives those buckets (bootstrap `StagingBucket`, app staging `CdkStagingBucket`). */
const CDK_ASSET_CONSTRUCT = /(^|\/)(CdkStagingBucket|StagingBucket)(\/Resource)?$/;

/** The canned ACL that lets S3 log delivery write server access logs into a bucket. */
const LOG_DELIVERY_ACL = 'log-delivery-write';

/**
 * Stores that hold only build output or logs, not the workload's records, for dr-region: the
 * artifact buckets of CodePipeline pipelines and CDK's asset and staging buckets (named or built
 * by CDK as such) are rebuilt by the next deployment; buckets that receive logs (the destinations
 * of the log sources and logging configurations of the scan, buckets with the log-delivery ACL)
 * keep a record of the workload, not the workload. Framework-neutral: it reads model links and names.
 */
export function linkStoreRoles(model: CloudModel): void {
  const byId = new Map(model.facets.dataStores.map((s) => [s.owner.resource.id, s]));
  const byName = new Map(model.buckets.flatMap((b) => (isKnown(b.name) && b.name.provenance === 'explicit' ? [[b.name.value, b.resource.id] as const] : [])));
  for (const p of model.pipelines) {
    for (const l of p.artifactBuckets) {
      if (!isKnown(l)) continue;
      const id = l.value.id ?? (l.value.literal !== undefined ? byName.get(l.value.literal) : undefined);
      const s = id ? byId.get(id) : undefined;
      if (s && !s.role) s.role = 'build-artifacts';
    }
  }
  const logs = (l: Val<Link>, from: ModelResource): void => {
    const b = isKnown(l) ? findBucket(model, l.value, from.resource) : undefined;
    const s = b && b.resource.id !== from.resource.id ? byId.get(b.resource.id) : undefined;
    if (s && !s.role) s.role = 'log-bucket';
  };
  for (const src of model.facets.logSources) for (const d of src.destinations) logs(d, src.owner);
  for (const c of model.logConfigurations) for (const d of c.destinations) logs(d, c);
  for (const b of model.buckets) {
    const s = byId.get(b.resource.id);
    if (!s || s.role) continue;
    if (isKnown(b.acl) && b.acl.value === LOG_DELIVERY_ACL) { s.role = 'log-bucket'; continue; }
    const named = isKnown(b.name) && CDK_ASSET_BUCKET.test(b.name.value);
    const built = b.resource.source === 'cdk' && CDK_ASSET_CONSTRUCT.test(b.resource.construct?.path ?? b.resource.address);
    if (named || built) s.role = 'build-artifacts';
  }
}
