import type { Link, ModelResource, Val } from '../val.js';

/** An Application Auto Scaling scalable target: what scales (`ResourceId`, `ScalableDimension`) between which bounds. */
export interface ScalableTarget extends ModelResource {
  /** `ecs`, `dynamodb`, … */
  namespace: Val<string>;
  /** `ecs:service:DesiredCount`, `dynamodb:table:ReadCapacityUnits`, … */
  dimension: Val<string>;
  /** `service/<cluster>/<service>`, `table/<name>`; unknown when built from references. */
  resourceId: Val<string>;
  /** Graph ids of the resources the resource id is built from (`!Join`, `!Sub`, interpolation), for the linker's match. */
  resourceIdRefs: string[];
  minCapacity: Val<number>;
  maxCapacity: Val<number>;
  /** Scheduled actions declared on the target itself (CloudFormation `ScheduledActions`). */
  inlineSchedules: number;
  /** Set by the linker: the scaling policies and scheduled actions that act on this target. */
  actions: ScalingAction[];
  /** Set by the linker: actions whose target cannot be known and that might act on this one. */
  unsure: ScalingAction[];
}

/** An Application Auto Scaling scaling policy or scheduled action. */
export interface ScalingAction extends ModelResource {
  kind: 'policy' | 'scheduled';
  /** The target named directly (CloudFormation `ScalingTargetId`), or any resource the action's resource id refers to. */
  target?: Val<Link>;
  namespace: Val<string>;
  dimension: Val<string>;
  resourceId: Val<string>;
  resourceIdRefs: string[];
}
