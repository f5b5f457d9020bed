import type { Zone } from '../zone.js';
import type { Link, ModelResource, Origin, ResourceInfo, Val } from '../val.js';

export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** Normalised: `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6`, or a protocol number as text. */
  protocol: Val<string>;
  fromPort: Val<number>;
  toPort: Val<number>;
  cidrIpv4?: Val<string>;
  cidrIpv6?: Val<string>;
  /** Another security group as source/destination. */
  peerGroup?: Val<Link>;
  prefixList?: Val<string>;
  description?: Val<string>;
  /** The whole rule (an inline entry, a separate rule resource, or the group for an implicit rule). */
  origin: Origin;
  /** True for the allow-all egress AWS adds when a CloudFormation group declares none. */
  implicit: boolean;
  /**
   * Set on the rules of DB, Redshift and ElastiCache security groups, which name no protocol or port:
   * they open the port the database or cache listens on: `port` names it (`the DB instance's port`),
   * `service` says what answers there (`RDS database`). Their `fromPort`/`toPort` are unknown; `portsOf` reads this instead.
   */
  servicePort?: { port: string; service: string };
  /**
   * The standalone rule resource that declares this rule (`AWS::EC2::SecurityGroupIngress` …), when it is
   * not written inside the group: findings about the rule belong to it (address, fingerprint, suppressions).
   */
  resource?: ResourceInfo;
}

export type AttachmentKind =
  | 'load-balancer' | 'instance' | 'launch-template' | 'db' | 'cache' | 'lambda' | 'ecs-service'
  | 'vpc-endpoint' | 'efs-mount-target' | 'opensearch' | 'other';

export interface SecurityGroupAttachment {
  kind: AttachmentKind;
  id: string;
  /** For load balancers: whether the attaching resource is internet-facing. */
  internetFacing?: Val<boolean>;
  /** Set by the model linker when the attaching resource is the origin of a CloudFront distribution. */
  cloudFrontFacing?: boolean;
}

export interface SecurityGroup extends ModelResource {
  name: Val<string>;
  vpc: Val<Link>;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  /** Filled by the model linker from the resources that name this group. */
  attachments: SecurityGroupAttachment[];
}

export interface Vpc extends ModelResource {
  cidrBlocks: Val<string>[];
}

export interface Subnet extends ModelResource {
  vpc: Val<Link>;
  /** A named zone, or the n-th zone of a region (`!Select [0, !GetAZs '']`, `aws_availability_zones`). */
  availabilityZone: Val<Zone>;
  cidr: Val<string>;
  mapPublicIpOnLaunch: Val<boolean>;
}

export interface BlockDevice {
  deviceName: Val<string>;
  encrypted: Val<boolean>;
  kmsKey: Val<string>;
  origin: Origin;
}

export interface Volume extends ModelResource {
  encrypted: Val<boolean>;
  kmsKey: Val<string>;
  availabilityZone: Val<string>;
  /** `DeletionPolicy` Snapshot/Retain (CloudFormation), `final_snapshot` or `prevent_destroy` (Terraform). */
  retainOnDelete: Val<boolean>;
  retainOnReplace?: Val<boolean>;
}

export interface Instance extends ModelResource {
  subnet: Val<Link>;
  /** The zone written on the instance itself (`AvailabilityZone` / `availability_zone`); absent when only its subnet says. */
  availabilityZone?: Val<Zone>;
  securityGroups: Val<Link>[];
  /** Root and extra EBS devices declared on the instance. */
  blockDevices: BlockDevice[];
  launchTemplate?: Val<Link>;
}

export interface LaunchTemplate extends ModelResource {
  securityGroups: Val<Link>[];
  blockDevices: BlockDevice[];
}

export interface NatGateway extends ModelResource {
  subnet: Val<Link>;
}

/** The account-wide "EBS encryption by default" switch, when declared. */
export interface EbsEncryptionByDefault extends ModelResource {
  enabled: Val<boolean>;
}
