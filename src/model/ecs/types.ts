import type { Link, ModelResource, Val } from '../val.js';

export interface EcsCluster extends ModelResource {
  /** The cluster's name when the template sets it (a generated name is unknown). */
  name: Val<string>;
}

export interface EcsService extends ModelResource {
  /** The cluster the service runs in (the `default` cluster when none is named). */
  cluster: Val<Link>;
  name: Val<string>;
  desiredCount: Val<number>;
  /** `EC2`, `FARGATE`, `EXTERNAL`, or the capacity provider strategy's when none is set. */
  launchType: Val<string>;
  /** `REPLICA` (a desired count of tasks) or `DAEMON` (one task per container instance). */
  schedulingStrategy: Val<string>;
  /** Subnets of the awsvpc network configuration (empty for bridge/host networking). */
  subnets: Val<Link>[];
}
