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

/** An EKS cluster: its control plane. */
export interface EksCluster extends ModelResource {
  /** Whether any control-plane log type (api, audit, authenticator, controllerManager, scheduler) goes to CloudWatch Logs: none unless listed. */
  controlPlaneLogs: Val<boolean>;
}
