import type { AutoScalingGroup } from './autoscaling/types.js';
import type { BackupPlan, BackupSelection, BackupVault } from './backup/types.js';
import type { Distribution } from './cloudfront/types.js';
import type { Trail } from './cloudtrail/types.js';
import type { DynamoTable } from './dynamodb/types.js';
import type { EbsEncryptionByDefault, Instance, LaunchTemplate, NatGateway, SecurityGroup, Subnet, Volume, Vpc } from './ec2/types.js';
import type { FileSystem } from './efs/types.js';
import type { CacheCluster, CacheSubnetGroup } from './elasticache/types.js';
import type { Listener, LoadBalancer, TargetGroup } from './elb/types.js';
import type { AccessKey, IamGroupMembership, IamIdentity, IamPolicy, IamPolicyAttachment, LoginProfile, PasswordPolicy } from './iam/types.js';
import type { KmsKey } from './kms/types.js';
import type { SecretValue } from './secrets/types.js';
import type { Secret } from './secretsmanager/types.js';
import type { Detector } from './securityservices/types.js';
import type { ApiStage, RestApi } from './apigateway/types.js';
import type { GraphqlApi } from './appsync/types.js';
import type { ShieldProtection } from './shield/types.js';
import type { WebAcl, WebAclAssociation } from './wafv2/types.js';
import type { DocumentCluster, DocumentInstance, DocumentParameterGroup } from './docdb/types.js';
import type { EksNodeGroup } from './eks/types.js';
import type { Pipeline } from './codepipeline/types.js';
import type { Stream } from './kinesis/types.js';
import type { KafkaCluster } from './msk/types.js';
import type { SearchDomain } from './opensearch/types.js';
import type { RedshiftCluster, RedshiftParameterGroup } from './redshift/types.js';
import type { SsmParameter } from './ssm/types.js';
import type { DbCluster, DbClusterMember, DbInstance, DbParameterGroup, DbSubnetGroup, GlobalCluster } from './rds/types.js';
import type { AccountPublicAccessBlock, Bucket } from './s3/types.js';
import type { Topic } from './sns/types.js';
import type { Queue } from './sqs/types.js';
import type { LogConfiguration, LogGroup } from './logs/types.js';
import type { ScalableTarget, ScalingAction } from './applicationautoscaling/types.js';
import type { AsgScalingAction } from './autoscaling/types.js';
import type { EcsCluster, EcsService } from './ecs/types.js';
import type { TargetRegistration } from './elb/types.js';
import type { DxVirtualInterface } from './directconnect/types.js';
import type { TransitGatewayVpcAttachment } from './transitgateway/types.js';
import type { VpnConnection } from './vpn/types.js';
import type { Facets } from './facets.js';
import { emptyFacets } from './facets.js';
import type { ModelResource } from './val.js';

/** The framework-neutral cloud model every rule reads. Each list is sorted by file, then address. */
export interface CloudModel {
  /** Every resource of the scan, of any type, modelled or not (for suppressions and inventory). */
  resources: ModelResource[];
  buckets: Bucket[];
  /** Buckets not declared in the scan, known only through a policy, ACL or public access block on `var.bucket` or a foreign name. */
  externalBuckets: Bucket[];
  /** Account-level S3 public access blocks; they apply to the buckets of their own account only (`settingsFor`). */
  accountPublicAccessBlocks: AccountPublicAccessBlock[];
  securityGroups: SecurityGroup[];
  vpcs: Vpc[];
  subnets: Subnet[];
  natGateways: NatGateway[];
  volumes: Volume[];
  instances: Instance[];
  launchTemplates: LaunchTemplate[];
  ebsEncryptionByDefault: EbsEncryptionByDefault[];
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  targetGroups: TargetGroup[];
  distributions: Distribution[];
  dbInstances: DbInstance[];
  dbClusters: DbCluster[];
  /** DB instances of an Aurora cluster: their storage, backups and zones are the cluster's. */
  dbClusterMembers: DbClusterMember[];
  dbSubnetGroups: DbSubnetGroup[];
  globalClusters: GlobalCluster[];
  dynamoTables: DynamoTable[];
  fileSystems: FileSystem[];
  queues: Queue[];
  topics: Topic[];
  cacheClusters: CacheCluster[];
  cacheSubnetGroups: CacheSubnetGroup[];
  trails: Trail[];
  backupPlans: BackupPlan[];
  backupSelections: BackupSelection[];
  backupVaults: BackupVault[];
  kmsKeys: KmsKey[];
  autoScalingGroups: AutoScalingGroup[];
  iamIdentities: IamIdentity[];
  iamPolicies: IamPolicy[];
  iamPolicyAttachments: IamPolicyAttachment[];
  iamGroupMemberships: IamGroupMembership[];
  accessKeys: AccessKey[];
  loginProfiles: LoginProfile[];
  passwordPolicies: PasswordPolicy[];
  /** Strings of any resource named like a secret or shaped like a credential. */
  secretValues: SecretValue[];
  ssmParameters: SsmParameter[];
  secrets: Secret[];
  /** Account-level detective services: Access Analyzer, Config, GuardDuty, Macie, Inspector, Security Hub. */
  detectors: Detector[];
  restApis: RestApi[];
  apiStages: ApiStage[];
  graphqlApis: GraphqlApi[];
  webAcls: WebAcl[];
  webAclAssociations: WebAclAssociation[];
  shieldProtections: ShieldProtection[];
  /** Data stores modelled for the data-store facet (not yet judged by the encryption rules). */
  searchDomains: SearchDomain[];
  redshiftClusters: RedshiftCluster[];
  redshiftParameterGroups: RedshiftParameterGroup[];
  streams: Stream[];
  documentClusters: DocumentCluster[];
  documentParameterGroups: DocumentParameterGroup[];
  kafkaClusters: KafkaCluster[];

  // ── backups (issue 12) ──

  // ── scaling and network (issue 12) ──
  ecsClusters: EcsCluster[];
  ecsServices: EcsService[];
  /** Auto Scaling group scaling policies and scheduled actions. */
  asgScalingActions: AsgScalingAction[];
  /** Application Auto Scaling targets, and their scaling policies and scheduled actions. */
  scalableTargets: ScalableTarget[];
  appScalingActions: ScalingAction[];
  /** Targets registered with load balancers: target group `Targets`, `aws_lb_target_group_attachment`, classic ELB instances. */
  targetRegistrations: TargetRegistration[];
  vpnConnections: VpnConnection[];
  dxVirtualInterfaces: DxVirtualInterface[];
  transitGatewayVpcAttachments: TransitGatewayVpcAttachment[];

  // ── logging (issue 12) ──
  /** Resources that turn on logs of another one: VPC flow logs, WAF logging configurations, CloudWatch Logs delivery sources. */
  logConfigurations: LogConfiguration[];
  logGroups: LogGroup[];

  // ── alarms (issue 12) ──
  metricAlarms: import('./cloudwatch/types.js').MetricAlarm[];
  compositeAlarms: import('./cloudwatch/types.js').CompositeAlarm[];
  lambdaFunctions: import('./lambda/types.js').LambdaFunction[];

  // ── data stores and compute (issue 12) ──
  /** DB instances of DocumentDB and Neptune clusters: the cluster's zones are theirs. */
  documentInstances: DocumentInstance[];
  /** EKS managed node groups and Fargate profiles (their compute-group facets carry the subnets). */
  eksNodeGroups: EksNodeGroup[];
  /** CodePipeline pipelines (their artifact buckets hold build output, not the workload's records). */
  pipelines: Pipeline[];

  // ── rules (s3) ──
  /** EKS clusters (their control-plane logs are a log source). */
  eksClusters: import('./eks/types.js').EksCluster[];
  /** API Gateway v2 (HTTP and WebSocket) stages: access logs are their log source; no WAF applies to them. */
  apiV2Stages: import('./apigateway/types.js').ApiV2Stage[];
  /** Static access keys written into Terraform `provider "aws"` blocks. */
  providerKeys: import('./iam/types.js').ProviderKey[];
  /** API Gateway custom domain names and the TLS security policy of their endpoints. */
  apiDomains: import('./apigateway/types.js').ApiDomain[];
  /** MSK Serverless clusters (encrypted and multi-AZ by design). */
  kafkaServerlessClusters: import('./msk/types.js').KafkaServerlessCluster[];

  // ── graph (s3) ──
  /** S3 access points (their policies and block public access settings, whatever the bucket). */
  accessPoints: import('./s3/types.js').AccessPoint[];

  // ── security (s4) ──
  /** RDS DB parameter groups and DB cluster parameter groups (their TLS parameters). */
  dbParameterGroups: DbParameterGroup[];

  // ── startup (s4) ──
  /** Auto Scaling launch configurations (their EBS block devices). */
  launchConfigurations: import('./autoscaling/types.js').LaunchConfiguration[];
  /** ECR repositories (always encrypted; their key). */
  ecrRepositories: import('./ecr/types.js').EcrRepository[];
  /** The cross-service questions rules ask (data stores, endpoints …), filled by the adapters and the linker. */
  facets: Facets;
}

/** The lists of model resources (every key but `facets`). */
export type ModelKey = Exclude<keyof CloudModel, 'facets'>;

export function emptyModel(): CloudModel {
  return {
    resources: [], buckets: [], externalBuckets: [], accountPublicAccessBlocks: [], securityGroups: [], vpcs: [], subnets: [], natGateways: [], volumes: [], instances: [],
    launchTemplates: [], ebsEncryptionByDefault: [], loadBalancers: [], listeners: [], targetGroups: [],
    distributions: [], dbInstances: [], dbClusters: [], dbClusterMembers: [], dbSubnetGroups: [], globalClusters: [], dynamoTables: [],
    fileSystems: [], queues: [], topics: [], cacheClusters: [], cacheSubnetGroups: [], trails: [], backupPlans: [],
    backupSelections: [], backupVaults: [], kmsKeys: [], autoScalingGroups: [],
    iamIdentities: [], iamPolicies: [], iamPolicyAttachments: [], iamGroupMemberships: [], accessKeys: [], loginProfiles: [], passwordPolicies: [],
    secretValues: [], ssmParameters: [], secrets: [], detectors: [],
    restApis: [], apiStages: [], graphqlApis: [], webAcls: [], webAclAssociations: [], shieldProtections: [],
    searchDomains: [], redshiftClusters: [], redshiftParameterGroups: [], streams: [], documentClusters: [], documentParameterGroups: [], kafkaClusters: [],

    // ── backups ──

    // ── scaling and network ──
    ecsClusters: [], ecsServices: [], asgScalingActions: [], scalableTargets: [], appScalingActions: [], targetRegistrations: [],
    vpnConnections: [], dxVirtualInterfaces: [], transitGatewayVpcAttachments: [],

    // ── logging ──
    logConfigurations: [], logGroups: [],

    // ── alarms ──
    metricAlarms: [], compositeAlarms: [], lambdaFunctions: [],

    // ── data stores and compute ──
    documentInstances: [], eksNodeGroups: [], pipelines: [],

    // ── rules (s3) ──
    eksClusters: [], apiV2Stages: [], providerKeys: [], apiDomains: [], kafkaServerlessClusters: [],

    // ── graph (s3) ──
    accessPoints: [],

    // ── security (s4) ──
    dbParameterGroups: [],

    // ── startup (s4) ──
    launchConfigurations: [], ecrRepositories: [],

    facets: emptyFacets(),
  };
}

/** Finds any model resource by its graph id. */
export class ModelIndex {
  private readonly byId = new Map<string, ModelResource>();
  constructor(model: CloudModel) {
    for (const key of resourceLists(model)) {
      if (key === 'resources') continue;
      for (const r of model[key] as ModelResource[]) this.byId.set(r.resource.id, r);
    }
  }
  get(id: string | undefined): ModelResource | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }
}

/** The keys of the model's resource lists. */
export function resourceLists(model: CloudModel): ModelKey[] {
  return (Object.keys(model) as (keyof CloudModel)[]).filter((k): k is ModelKey => k !== 'facets');
}
