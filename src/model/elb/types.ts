import type { Link, ModelResource, Origin, Val } from '../val.js';

export interface LoadBalancer extends ModelResource {
  kind: Val<'application' | 'network' | 'gateway' | 'classic'>;
  internetFacing: Val<boolean>;
  subnets: Val<Link>[];
  securityGroups: Val<Link>[];
  accessLogs: Val<boolean>;
  /** Classic load balancers carry their listeners inline; they are also in `CloudModel.listeners`. */
}

export interface ListenerAction {
  type: Val<string>;
  /** For `redirect` actions. */
  redirectProtocol?: Val<string>;
  targetGroup?: Val<Link>;
  origin: Origin;
}

export interface Listener extends ModelResource {
  loadBalancer: Val<Link>;
  protocol: Val<string>;
  port: Val<number>;
  sslPolicy: Val<string>;
  defaultActions: ListenerAction[];
  /** For classic load balancers' inline listeners: the back-end protocol. */
  instanceProtocol?: Val<string>;
}

export interface TargetGroup extends ModelResource {
  protocol: Val<string>;
  port: Val<number>;
  targetType: Val<string>;
  /** Graph ids of the listeners and listener rules that forward to this group (filled by the adapter from graph references). */
  usedBy: string[];
}

/** A target registered with a load balancer: an item of a target group's `Targets`, a target group attachment, a classic ELB instance. */
export interface TargetRegistration extends ModelResource {
  /** The target group (or classic load balancer) the target serves. */
  targetGroup: Val<Link>;
  /** The registered target: an instance, an IP address, a function. */
  target: Val<Link>;
}
