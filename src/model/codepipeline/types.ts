import type { Link, ModelResource, Val } from '../val.js';

/** A CodePipeline pipeline: only where it keeps its build artifacts is modelled. */
export interface Pipeline extends ModelResource {
  /** The artifact store buckets (one per region for cross-region pipelines). */
  artifactBuckets: Val<Link>[];
}
