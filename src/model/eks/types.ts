import type { Link, ModelResource, Val } from '../val.js';

/** An EKS managed node group or Fargate profile: where the cluster's pods run. */
export interface EksNodeGroup extends ModelResource {
  kind: 'node-group' | 'fargate-profile';
  /** The subnets its nodes (or Fargate pods) are placed in: their zones are its zones. */
  subnets: Val<Link>[];
  /** Scaling bounds, when written (managed node groups only). */
  minSize?: Val<number>;
  maxSize?: Val<number>;
}
