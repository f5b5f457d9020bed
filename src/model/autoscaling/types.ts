import type { Zone } from '../zone.js';
import type { Link, ModelResource, Val } from '../val.js';

export interface AutoScalingGroup extends ModelResource {
  subnets: Val<Link>[];
  availabilityZones: Val<Zone>[];
  minSize: Val<number>;
  maxSize: Val<number>;
  launchTemplate?: Val<Link>;
}

/** An Auto Scaling group's scaling policy or scheduled action. */
export interface AsgScalingAction extends ModelResource {
  kind: 'policy' | 'scheduled';
  group: Val<Link>;
}
