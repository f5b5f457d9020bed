import type { BackupPlan, BackupRule, BackupSelection, ResourceTags } from './backup/types.js';
import type { ScalableTarget } from './applicationautoscaling/types.js';
import type { ShieldProtection } from './shield/types.js';
import type { Link, ModelResource, Val } from './val.js';
import type { WebAcl } from './wafv2/types.js';
import type { Zone } from './zone.js';

/*
 * Facets: the questions rules ask across services. A service's adapter fills the facets its
 * resources have (an RDS cluster is a data store, a load balancer a network endpoint, an auto
 * scaling group a compute group); a rule over a concern iterates the facet and never names a
 * service, so a new resource type reaches every such rule through its adapter alone.
 *
 * A facet points at its resource (`owner`): findings and notices are reported on the owner.
 * Facet fields are model values (`Val`) with their origins, like every other model field.
 */

/** What a data store keeps: it decides how much an unencrypted or uncopied store matters. */
export type StoreContents =
  /** The workload's own records: databases, tables, file systems, buckets (these need a copy in another region). */
  | 'data'
  /** Disks of servers (EBS volumes and block devices): rebuilt from images, not copied between regions. */
  | 'server-disk'
  /** In-memory copies of data kept elsewhere (caches). */
  | 'cache'
  /** Messages in flight (queues, topics): transient, reported one level lower. */
  | 'messages'
  /** Recovery points of other stores (Backup vaults). */
  | 'recovery-points'
  /**
   * Search and analytics indexes (OpenSearch domains): fed from records kept elsewhere, and copied
   * to another region by cross-cluster replication or snapshots that templates do not declare, so
   * a missing copy is not judged.
   */
  | 'index'
  /** Build output kept for deployment (container images in ECR repositories): pushed again from the build, so a copy in another region is not judged. */
  | 'artifacts'
  /**
   * Log events (CloudWatch Logs log groups): always encrypted, only the key is judged; their
   * retention is the log rules' question (the log-store facet), and they are not copied between regions.
   */
  | 'logs'
  /** Kubernetes API data of a cluster (EKS secrets): rebuilt from the workload's manifests, not copied between regions. */
  | 'cluster-state';

/** Encryption at rest of a store. */
export type AtRest =
  /**
   * Encryption that can be off. `enabled` is the value that decides (false: the data is stored in
   * the clear); `key` is the KMS key setting, when the service takes one: a key that is set (a
   * literal or a reference known only after deployment) encrypts even where `enabled` reads false.
   * `part` names what is encrypted when it is not the whole store (`storage`).
   */
  | { kind: 'switch'; enabled: Val<boolean>; key?: Val<string>; accountDefault?: AccountDefault; part?: string }
  /**
   * Always encrypted: the only question is the key. `ownKey` is false when the data is encrypted
   * with a key the customer can neither control nor audit (an AWS-owned or service key).
   */
  | { kind: 'always'; ownKey: Val<boolean> }
  /** Decided by another resource (a read replica without its own setting has its source's encryption): judged there. */
  | { kind: 'inherited'; from: Val<Link> };

/** An account-wide setting that encrypts the store when its own setting does not (EBS encryption by default). */
export interface AccountDefault {
  /** In words, for messages: `EBS encryption by default`. */
  name: string;
  /** Set by the linker: whether the scan enables it. */
  enabled: boolean;
}

/** A copy of a store in some region, as the model could match it. */
export type RegionCopy =
  /** To a resource in the scan and/or a region named in the template (a replica, a replication rule, a Backup copy action). */
  | { kind: 'to'; at: Val<unknown>; destination?: string; region?: Val<string> }
  /** The store itself lives in several regions at once (a DynamoDB global table): `regions` includes its own. */
  | { kind: 'regions'; at: Val<unknown>; regions: Val<string>[] }
  /** A copy in the store's own region (a replica named by a plain identifier, which RDS resolves in its own region). */
  | { kind: 'same-region'; at: Val<unknown> }
  /** A copy whose destination cannot be known. */
  | { kind: 'unresolved'; at: Val<unknown>; reason: string };

/** How another resource names a store across stacks: an ARN of this service and resource type, with this name. */
export interface StoreName {
  /** `rds:db`, `rds:cluster`: the service and resource type of the store's ARN. */
  arnType: string;
  name: Val<string>;
}

/** A Backup plan that covers a store through one of its selections. */
export interface BackupCoverage {
  selection: BackupSelection;
  plan: BackupPlan;
  rules: BackupRule[];
  /** Set when the selection may or may not cover the store: a tag or tag condition the scan cannot know. */
  unsure?: string;
}

/** How a store survives the loss of one Availability Zone. */
export type Zones =
  /** A Multi-AZ switch (RDS Multi-AZ). */
  | { kind: 'switch'; multiAz: Val<boolean> }
  /** Placed in one zone by choice (EFS One Zone): `zone` names it, null for regional storage. */
  | { kind: 'one-zone'; zone: Val<string | null> }
  /** Nodes that are its replicas: a replica in another zone, automatic failover, and Multi-AZ (ElastiCache replication groups). */
  | { kind: 'replicated'; nodes: Val<number>; failover: Val<boolean>; multiAz: Val<boolean> }
  /** Nodes spread over zones or not (`AZMode`), with no failover between them (ElastiCache cache clusters). */
  | { kind: 'spread'; crossAz: Val<boolean>; nodes: Val<number> }
  /** Instances that are separate resources (Aurora): `members` is set by the linker. `what` names the store for this question. */
  | { kind: 'members'; what: string; members: ModelResource[] }
  /** Spread over zones by the service whatever the template says (serverless caches, Multi-AZ DB clusters). */
  | { kind: 'by-design' }
  /**
   * Nodes that the service spreads over zones only when asked (OpenSearch zone awareness), with
   * optional dedicated manager nodes that keep the cluster's quorum when a zone fails.
   */
  | { kind: 'zone-aware'; nodes: Val<number>; zoneAware: Val<boolean>; managers: Val<boolean>; subnets?: Val<Link>[] };
/*
 * `subnets` (zone-aware): the subnets of a domain in a VPC. When zone awareness is not written, they say
 * where the nodes are: subnets in two or more zones count as zone awareness (AWS takes one subnet per zone
 * used), one zone as none.
 */

/** A setting that decides whether a store's traffic is encrypted in transit. */
export interface TransitSetting {
  /** What happens when the setting does not encrypt, in words: `sends data between its nodes in plain text`. */
  problem: string;
  /** The value that decides; findings are reported at its origin. */
  value: Val<unknown>;
  /** Whether the value encrypts (ignored when the value is unknown). */
  encrypted: boolean;
}

export interface DataStore {
  owner: ModelResource;
  /** The store in words, for messages: `EFS file system`, `RDS DB cluster storage`. */
  what: string;
  contents: StoreContents;
  /** Absent for stores whose encryption at rest is not judged (S3: always SSE-S3, no setting turns it off). */
  atRest?: AtRest;
  zones?: Zones;
  deletionProtection?: Val<boolean>;
  /** How replicas in other stacks name this store. */
  name?: StoreName;
  /** The source this store is a replica of, when it is one (a read replica, a secondary cluster). */
  replicaOf?: Val<Link>;
  /** Set by the linker for a replica: where its source is. */
  source?: RegionCopy;
  /** The service's own way of copying the store to another region, in words (`S3 replication rule to another region`). */
  replication?: string;
  /** Copies the store declares itself (replication rules, global table regions, global cluster members). */
  copies: RegionCopy[];
  /** Set by the linker: copies that other resources make of this store (its replicas in the scan). */
  replicas: RegionCopy[];
  /** Set by the linker: Backup plans whose selections cover the store. */
  backups: BackupCoverage[];
  /**
   * Set by the linker: the store is itself the copy of another store in the scan (the destination
   * bucket of a replication rule) or holds audit logs whose protection is another rule's concern;
   * or it holds only build output that the next deployment rebuilds (`build-artifacts`: CodePipeline
   * artifact stores, CDK asset and staging buckets) or logs of other resources (`log-bucket`).
   */
  role?: 'replication-destination' | 'audit-log-bucket' | 'build-artifacts' | 'log-bucket';
  /** Settings that decide whether its clients, endpoint and nodes talk in plain text (judged by encryption-in-transit). */
  inTransit?: TransitSetting[];

  // ── backups (issue 12) ──
  /**
   * The store's own backup (RDS automated backups, DynamoDB point-in-time recovery, S3 versioning,
   * EFS automatic backups, ElastiCache and Redshift automatic snapshots); absent when the store's
   * backups are not judged (server disks of instances, caches that cannot snapshot, messages).
   */
  backup?: NativeBackup;
  /**
   * Whether deleting the resource from its stack or configuration keeps its data: CloudFormation
   * `DeletionPolicy` Retain/Snapshot (or the service's default Snapshot), Terraform
   * `lifecycle { prevent_destroy = true }` or a final snapshot. Absent where it is not judged.
   */
  retainOnDelete?: Val<boolean>;
  /** CloudFormation only: whether replacing the resource in a stack update keeps the old one's data (`UpdateReplacePolicy`). */
  retainOnReplace?: Val<boolean>;
}

/** How a store backs itself up, as its service does it. */
export type NativeBackup =
  /** Automated backups or snapshots kept for `days` days; 0 turns them off. */
  | { kind: 'retention'; what: string; days: Val<number>; byPlan: boolean; minimumDays?: number; noPlan?: string }
  /** A switch that turns the service's own backup on (point-in-time recovery, versioning, EFS automatic backups). */
  | { kind: 'switch'; what: string; enabled: Val<boolean>; byPlan: boolean; noPlan?: string }
  /** No backup of its own (EBS volumes): only an AWS Backup plan that selects the store backs it up. */
  | { kind: 'none'; what: string; byPlan: true };
/*
 * `minimumDays`: the retention the checklist asks for (7 days for RDS); below it is a lower-severity
 * finding. Without it only 0 (off) is judged.
 * `byPlan`: whether an AWS Backup plan whose selection covers the store stands in for the service's
 * own backup (AWS Backup protects RDS, DynamoDB, EFS, EBS and Redshift; not ElastiCache, and for S3
 * it needs versioning on); `noPlan` says why not, in words, when it does not.
 */

/**
 * A resource that accepts connections: a load balancer, a REST API and its stages, an API Gateway
 * custom domain, an AppSync API, a CloudFront distribution. The adapters say what it is and how it
 * takes traffic (listeners, minimum TLS, what can protect it); the linker (`link-endpoints.ts`) adds
 * what stands in front of it in the scan (web ACLs, Shield Advanced protections, distributions).
 */
export interface NetworkEndpoint {
  owner: ModelResource;
  /** The endpoint in words, for messages: `Load balancer`, `API Gateway REST API stage`, `CloudFront distribution`. */
  what: string;
  /** Whether it takes connections from the internet: a load balancer's scheme, an API's endpoint type or visibility; always for a distribution. */
  internetFacing: Val<boolean>;
  /** Subnets it is placed in (its zones are theirs); empty for endpoints the service places. */
  subnets: Val<Link>[];
  /**
   * Where it runs: in the workload's VPC subnets (load balancers), as a regional endpoint of a managed
   * service (API Gateway, AppSync), at CloudFront's edge locations, or unknown for an endpoint the scan
   * knows only through a resource that names it (a listener of a load balancer in another stack).
   */
  placement: 'vpc' | 'service' | 'edge' | 'unknown';
  /** Its listeners (protocol, port, TLS policy): Elastic Load Balancing listeners, inline on classic load balancers. */
  listeners: EndpointListener[];
  /** The lowest TLS version it accepts when a setting of the endpoint decides it without listeners (a viewer certificate, a custom domain's security policy). */
  minimumTls: MinimumTls[];
  /** Per route, whether clients may stay on plain HTTP (CloudFront cache behaviours' viewer protocol policies). */
  viewerPolicies: PlainSetting[];
  /** Connections it makes to the servers behind it when it sets their protocol itself (CloudFront custom origins). */
  backends: EndpointBackend[];
  /**
   * Set when a WAF web ACL can filter its requests and it takes them from the internet (WAF protects
   * Application Load Balancers, REST API stages, AppSync APIs and distributions): how WAF messages name it.
   */
  waf?: { what: string };
  /**
   * Set for endpoints that need protection against floods beyond Shield Standard when exposed: `exposed`
   * decides (internet-facing and not already served through CloudFront by its service; unknown is a
   * notice worded by `unknown`), `what` names it in messages.
   */
  ddos?: { exposed: Val<boolean>; what: string; unknown: string };
  /** The web ACL named on the resource itself (CloudFront `WebACLId` / `web_acl_id`): a link, a literal ARN, or a default for none. */
  webAcl?: Val<Link>;
  /** Graph ids a web ACL association, a Shield protection or a distribution's origin may name for it: the resource, and for a stage its API (for an API, its stages). */
  ids: string[];

  /** Set by the linker: the web ACLs in front of it (its own `webAcl` first, then associations), each with the web ACL when it is in the scan. */
  webAcls: { link: Val<Link>; acl?: WebAcl }[];
  /** Set by the linker: Shield Advanced protections whose resource ARN names it. */
  shield: ShieldProtection[];
  /** Set by the linker: CloudFront distributions in the scan with an origin that points at it. */
  frontedBy: ModelResource[];
}

/** A listener of an endpoint: the port and protocol it takes connections on. */
export interface EndpointListener {
  /** Where findings about the listener are reported: the listener resource, or the inline listener of a classic load balancer. */
  owner: ModelResource;
  /** Upper case: `HTTP`, `HTTPS`, `TCP`, `TLS`, `SSL`, `UDP`, `GENEVE`. */
  protocol: Val<string>;
  port: Val<number>;
  /** The TLS security policy of a TLS listener, the service's default named when absent; `''` (defaulted) on a plain listener. */
  tlsPolicy: Val<string>;
  /** Whether the TLS policy accepts TLS versions older than 1.2 (from the service's documented policies; ignored when unknown). */
  weakTls: boolean;
  /** What answers requests on the listener: the last of its default actions (`forward`, `redirect` with the protocol it redirects to), absent when it has none. */
  action?: { type: Val<string>; redirectProtocol?: Val<string> };
  /** The protocol it forwards to its targets when the listener sets it itself (classic load balancers). */
  backendProtocol?: Val<string>;
}

/** The lowest TLS version an endpoint accepts, as one of its settings decides it. */
export interface MinimumTls {
  /** The setting's value (a protocol version, a security policy), the default named when absent; findings are reported at its origin. */
  policy: Val<string>;
  /** Whether it accepts TLS versions older than 1.2 (ignored when unknown). */
  weak: boolean;
  /** Whose connections it governs, for messages: viewers of a content delivery network, or clients of a custom domain name. */
  of: 'viewers' | 'custom-domain';
}

/** A setting that decides whether clients may use plain HTTP. */
export interface PlainSetting {
  value: Val<string>;
  /** Whether it lets them (ignored when unknown). */
  plain: boolean;
}

/** A connection from the endpoint to a server behind it. */
export interface EndpointBackend {
  /** The backend in words, as the endpoint names it (an origin id), `?` when unknown. */
  name: string;
  /** The protocol setting; findings are reported at its origin. */
  protocol: Val<string>;
  /** Whether it may send requests in plain HTTP (ignored when unknown). */
  plain: boolean;
}

/** A network endpoint with the linker's lists and the fields it lacks empty: what an adapter starts from. */
export function networkEndpoint(
  owner: ModelResource,
  what: string,
  internetFacing: Val<boolean>,
  placement: NetworkEndpoint['placement'],
  fields: Partial<Omit<NetworkEndpoint, 'owner' | 'what' | 'internetFacing' | 'placement' | 'webAcls' | 'shield' | 'frontedBy'>> = {},
): NetworkEndpoint {
  return {
    owner, what, internetFacing, placement,
    subnets: [], listeners: [], minimumTls: [], viewerPolicies: [], backends: [], ids: [owner.resource.id],
    ...fields,
    webAcls: [], shield: [], frontedBy: [],
  };
}

/** Servers or tasks that run the workload: an auto scaling group, later an ECS service. */
export interface ComputeGroup {
  owner: ModelResource;
  what: string;
  subnets: Val<Link>[];
  /** Zones named directly, when no subnets are. */
  zones: Val<Zone>[];
  minSize?: Val<number>;
  maxSize?: Val<number>;
}

/** A group of subnets that a managed service places its nodes in (DB and cache subnet groups). */
export interface SubnetGroup {
  owner: ModelResource;
  what: string;
  subnets: Val<Link>[];
}

/** The facets of a scan, each list in model order (file, then address of the owner). */
export interface Facets {
  dataStores: DataStore[];
  networkEndpoints: NetworkEndpoint[];
  computeGroups: ComputeGroup[];
  subnetGroups: SubnetGroup[];

  // ── backups (issue 12) ──
  /** Tags of the scan's resources, read only when a Backup selection chooses by tag (the linker matches them). */
  resourceTags: ResourceTags[];

  // ── scaling and network (issue 12) ──
  /** Capacity that something must scale: auto scaling groups, ECS services, provisioned DynamoDB tables. */
  scalables: Scalable[];

  // ── logging (issue 12) ──
  /** Resources that produce logs (flow logs, access logs, trail events, WAF logs) and where those go. */
  logSources: LogSource[];
  /** Stores of logs whose retention is judged (CloudWatch log groups). */
  logStores: LogStore[];

  // ── alarms (issue 12) ──
  /** Key resources that CloudWatch alarms should watch (load balancers, databases, queues, functions, groups). */
  monitored: import('./cloudwatch/monitored.js').MonitoredResource[];

  // ── data stores and compute (issue 12) ──
}

export function emptyFacets(): Facets {
  return {
    dataStores: [], networkEndpoints: [], computeGroups: [], subnetGroups: [],

    // ── backups ──
    resourceTags: [],

    // ── scaling and network ──
    scalables: [],

    // ── logging ──
    logSources: [], logStores: [],

    // ── alarms ──
    monitored: [],

    // ── data stores and compute ──

  };
}

/** A data store with the linker's fields empty: what an adapter starts from. */
export function dataStore(owner: ModelResource, what: string, fields: Partial<Omit<DataStore, 'owner' | 'what'>> = {}): DataStore {
  return { owner, what, contents: 'data', copies: [], replicas: [], backups: [], ...fields };
}

/**
 * A resource that produces logs (a VPC's flow logs, a load balancer's or a distribution's access
 * logs, a trail's events in CloudWatch Logs, a web ACL's logs) and where they go. The value that
 * decides is `enabled`: a switch on the resource, or, when only a separate resource can turn the
 * logs on (a flow log, a WAF logging configuration), a default "none" at the resource that the
 * linker replaces when such a resource names the owner. `destinations` are the links the diagram
 * draws as "logs to" edges.
 */
export interface LogSource {
  owner: ModelResource;
  /** The resource in words: `VPC`, `Application Load Balancer`, `S3 bucket`. */
  what: string;
  /** The logs in words, as they follow "has no" / "does not deliver": `flow logs`, `access logs`, `server access logs`. */
  logs: string;
  enabled: Val<boolean>;
  /** Where the logs go (a bucket, a log group, a stream), each as written. */
  destinations: Val<Link>[];
  /** Separate resources of the scan that deliver these logs (flow logs …) can turn them on: the linker looks for them. */
  configuredBy?: string;
  /** Logs that exist only under a condition the linker checks (`tls-listener`: NLB access logs cover TLS listeners only). */
  onlyWith?: 'tls-listener';
  /** A reason the finding weighs less for this source (another mechanism can record the same, a narrower concern). */
  lower?: string;
  /** Set by the linker: why the source is not judged (it receives logs itself, it has nothing to log). */
  notJudged?: string;
}

/** A store of logs whose retention is judged: `retention` in days, 0 when the logs never expire. */
export interface LogStore {
  owner: ModelResource;
  what: string;
  retention: Val<number>;
}

/** A log source with its optional fields left out. */
export function logSource(owner: ModelResource, what: string, logs: string, enabled: Val<boolean>, destinations: Val<Link>[] = [], fields: Partial<Pick<LogSource, 'configuredBy' | 'onlyWith' | 'lower'>> = {}): LogSource {
  return { owner, what, logs, enabled, destinations, ...fields };
}

/**
 * Capacity that stays where the template puts it unless something scales it (checklist 2.2): an auto
 * scaling group (its own scaling policies and scheduled actions), an ECS service or a provisioned
 * DynamoDB table (Application Auto Scaling targets on its dimensions).
 */
export interface Scalable {
  owner: ModelResource;
  what: string;
  /**
   * Whether the capacity is fixed until something scales it: an ASG with min = max, a replica ECS
   * service, a table in provisioned mode. False: nothing to judge (min < max, a daemon service, on-demand).
   */
  fixed: Val<boolean>;
  /** The value that holds the capacity, for messages and locations: `DesiredCount`, `BillingMode`, `MaxSize`. */
  capacity: Val<unknown>;
  scaledBy:
    /** The group's own scaling policies and scheduled actions. */
    | { kind: 'auto-scaling-group' }
    /**
     * Application Auto Scaling: each dimension needs a target. `resourceIds` are the literal resource ids
     * the resource is known by (`service/prod/web`, `table/orders`), empty when its names are not known.
     */
    | { kind: 'application'; namespace: string; dimensions: string[]; resourceIds: string[] };
  /** Set by the linker: ASG scaling policies and scheduled actions that name the group. */
  actions: ModelResource[];
  /** Set by the linker: Application Auto Scaling targets matched to the resource (by reference or by literal id). */
  targets: ScalableTarget[];
  /** Set by the linker: targets or actions whose resource cannot be known and that might be this one's. */
  unsure: { resource: ModelResource; at: Val<unknown>; reason: string }[];
}

/** A scalable with the linker's lists empty: what an adapter starts from. */
export function scalable(owner: ModelResource, what: string, fixed: Val<boolean>, capacity: Val<unknown>, scaledBy: Scalable['scaledBy']): Scalable {
  return { owner, what, fixed, capacity, scaledBy, actions: [], targets: [], unsure: [] };
}
