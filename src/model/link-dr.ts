import type { CloudModel } from './model.js';
import { isKnown } from './val.js';

/** CDK's asset and staging buckets: `cdk-<qualifier>-assets-<account>-<region>`, `cdk-<app>-staging-<account>-<region>`. */
const CDK_ASSET_BUCKET = /^cdk-[a-z0-9-]+-(assets|staging)-/;
/** The construct ids CDK gives those buckets (bootstrap `StagingBucket`, app staging `CdkStagingBucket`). */
const CDK_ASSET_CONSTRUCT = /(^|\/)(CdkStagingBucket|StagingBucket)(\/Resource)?$/;

/**
 * Stores that hold only build output, not the workload's records, for dr-region: the artifact
 * buckets of CodePipeline pipelines and CDK's asset and staging buckets (named or built by CDK
 * as such). They are rebuilt by the next deployment, so a missing copy in another region is not
 * a disaster-recovery gap. Framework-neutral: it reads model links and names.
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
  for (const b of model.buckets) {
    const s = byId.get(b.resource.id);
    if (!s || s.role) continue;
    const named = isKnown(b.name) && CDK_ASSET_BUCKET.test(b.name.value);
    const built = b.resource.source === 'cdk' && CDK_ASSET_CONSTRUCT.test(b.resource.construct?.path ?? b.resource.address);
    if (named || built) s.role = 'build-artifacts';
  }
}
