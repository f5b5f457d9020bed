import type { Zone } from '../zone.js';
import type { Link, ModelResource, Val } from '../val.js';
import type { BlockDevice } from '../ec2/types.js';

export interface AutoScalingGroup extends ModelResource {
  subnets: Val<Link>[];
  availabilityZones: Val<Zone>[];
  minSize: Val<number>;
  maxSize: Val<number>;
  launchTemplate?: Val<Link>;
  /**
   * Target groups and classic load balancers the group registers its instances with (CloudFormation
   * `TargetGroupARNs` / `LoadBalancerNames`, Terraform `target_group_arns` / `load_balancers` and
   * `aws_autoscaling_attachment`): a load balancer served by a group is not served by lone instances.
   */
  loadBalancing: Val<Link>[];
}

/** An Auto Scaling group's scaling policy or scheduled action. */
export interface AsgScalingAction extends ModelResource {
  kind: 'policy' | 'scheduled';
  group: Val<Link>;
}

/** An Auto Scaling launch configuration: its EBS block devices (each a data store of the configuration). */
export interface LaunchConfiguration extends ModelResource {
  blockDevices: BlockDevice[];
}
