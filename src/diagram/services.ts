/**
 * How each resource type appears on the diagram: its service (for the icon and the legend),
 * where it sits when nothing places it in a subnet, and whether it is drawn at all.
 * Presentation only: what a resource does is read from the model (placement.ts), not from here.
 * Which types belong to a service is each format's spelling (`src/graph/<format>/services.ts`).
 */
import { CLOUDFORMATION_SERVICES } from '../graph/cloudformation/services.js';
import type { ResourceNode, SourceKind } from '../graph/graph.js';
import { TERRAFORM_SERVICES } from '../graph/terraform/services.js';

/** Where a resource sits when no subnet or VPC holds it. */
export type Scope = 'regional' | 'global' | 'edge';

/**
 * - `node`: drawn as a node;
 * - `fold`: a part of another resource (a bucket policy, a listener, a role policy): not drawn,
 *   its findings and references go to the resource it belongs to;
 * - `hide`: plumbing the picture already shows as structure (route tables, subnet groups);
 * - `container`: drawn as a box (VPCs and subnets).
 */
export type Role = 'node' | 'fold' | 'hide' | 'container';

export interface ServiceStyle {
  /** Short service name for labels (`S3`, `RDS`). */
  service: string;
  /** Icon file in the `aws-icons` package (`architecture-service/AmazonSimpleStorageService.svg`). */
  icon?: string;
  scope: Scope;
  role: Role;
}

/**
 * How an input format spells the resource types of each service: `[service, keys]` in order, a key
 * being one exact type or a prefix (`isPrefix`). The tables sit beside each format's graph builder.
 */
export interface ServiceSpelling {
  isPrefix(key: string): boolean;
  types: ReadonlyArray<readonly [service: string, keys: readonly string[]]>;
}

const svc = (name: string): string => `architecture-service/${name}.svg`;
const res = (name: string): string => `resource/${name}.svg`;

/** Every service the diagram draws, containers and plumbing first. */
const STYLES: readonly ServiceStyle[] = [
  { service: 'VPC', role: 'container', scope: 'regional' },
  { service: 'Subnet', role: 'container', scope: 'regional' },
  { service: 'Network plumbing', role: 'hide', scope: 'regional' },
  { service: 'Security group', role: 'fold', scope: 'regional' },
  { service: 'part', role: 'fold', scope: 'regional' },
  { service: 'Internet gateway', icon: res('AmazonVPCInternetGateway'), role: 'node', scope: 'edge' },
  { service: 'VPN', icon: res('AmazonVPCVPNConnection'), role: 'node', scope: 'edge' },
  { service: 'Direct Connect', icon: svc('AWSDirectConnect'), role: 'node', scope: 'edge' },
  { service: 'NAT gateway', icon: res('AmazonVPCNATGateway'), role: 'node', scope: 'regional' },
  { service: 'VPC endpoint', icon: res('AmazonVPCEndpoints'), role: 'node', scope: 'regional' },
  { service: 'Flow logs', icon: res('AmazonVPCFlowLogs'), role: 'node', scope: 'regional' },
  { service: 'Transit Gateway', icon: svc('AWSTransitGateway'), role: 'node', scope: 'regional' },
  { service: 'EBS', icon: res('AmazonElasticBlockStoreVolume'), role: 'node', scope: 'regional' },
  { service: 'EC2', icon: svc('AmazonEC2'), role: 'node', scope: 'regional' },
  { service: 'Auto Scaling', icon: svc('AmazonEC2AutoScaling'), role: 'node', scope: 'regional' },
  { service: 'Target group', icon: svc('ElasticLoadBalancing'), role: 'node', scope: 'regional' },
  { service: 'ELB', icon: svc('ElasticLoadBalancing'), role: 'node', scope: 'regional' },
  { service: 'CloudFront', icon: svc('AmazonCloudFront'), role: 'node', scope: 'global' },
  { service: 'Route 53', icon: svc('AmazonRoute53'), role: 'node', scope: 'global' },
  { service: 'WAF', icon: svc('AWSWAF'), role: 'node', scope: 'regional' },
  { service: 'Shield', icon: svc('AWSShield'), role: 'node', scope: 'global' },
  { service: 'API Gateway', icon: svc('AmazonAPIGateway'), role: 'node', scope: 'regional' },
  { service: 'Lambda', icon: svc('AWSLambda'), role: 'node', scope: 'regional' },
  { service: 'ECS', icon: svc('AmazonElasticContainerService'), role: 'node', scope: 'regional' },
  { service: 'EKS', icon: svc('AmazonElasticKubernetesService'), role: 'node', scope: 'regional' },
  { service: 'ECR', icon: svc('AmazonElasticContainerRegistry'), role: 'node', scope: 'regional' },
  { service: 'S3', icon: svc('AmazonSimpleStorageService'), role: 'node', scope: 'regional' },
  { service: 'DynamoDB', icon: svc('AmazonDynamoDB'), role: 'node', scope: 'regional' },
  { service: 'Aurora', icon: svc('AmazonAurora'), role: 'node', scope: 'regional' },
  { service: 'RDS', icon: svc('AmazonRDS'), role: 'node', scope: 'regional' },
  { service: 'ElastiCache', icon: svc('AmazonElastiCache'), role: 'node', scope: 'regional' },
  { service: 'EFS', icon: svc('AmazonEFS'), role: 'node', scope: 'regional' },
  { service: 'OpenSearch', icon: svc('AmazonOpenSearchService'), role: 'node', scope: 'regional' },
  { service: 'Redshift', icon: svc('AmazonRedshift'), role: 'node', scope: 'regional' },
  { service: 'SQS', icon: svc('AmazonSimpleQueueService'), role: 'node', scope: 'regional' },
  { service: 'SNS', icon: svc('AmazonSimpleNotificationService'), role: 'node', scope: 'regional' },
  { service: 'EventBridge', icon: svc('AmazonEventBridge'), role: 'node', scope: 'regional' },
  { service: 'Step Functions', icon: svc('AWSStepFunctions'), role: 'node', scope: 'regional' },
  { service: 'Kinesis', icon: svc('AmazonKinesis'), role: 'node', scope: 'regional' },
  { service: 'CloudTrail', icon: svc('AWSCloudTrail'), role: 'node', scope: 'regional' },
  { service: 'CloudWatch Logs', icon: res('AmazonCloudWatchLogs'), role: 'node', scope: 'regional' },
  { service: 'CloudWatch', icon: svc('AmazonCloudWatch'), role: 'node', scope: 'regional' },
  { service: 'KMS', icon: svc('AWSKeyManagementService'), role: 'node', scope: 'regional' },
  { service: 'Secrets Manager', icon: svc('AWSSecretsManager'), role: 'node', scope: 'regional' },
  { service: 'Backup', icon: svc('AWSBackup'), role: 'node', scope: 'regional' },
  { service: 'IAM', icon: res('AWSIdentityAccessManagementRole'), role: 'node', scope: 'global' },
  { service: 'Cognito', icon: svc('AmazonCognito'), role: 'node', scope: 'regional' },
  { service: 'Config', icon: svc('AWSConfig'), role: 'node', scope: 'regional' },
  { service: 'GuardDuty', icon: svc('AmazonGuardDuty'), role: 'node', scope: 'regional' },
];

const GENERIC: ServiceStyle = { service: 'AWS', icon: 'resource/GenericApplication.svg', scope: 'regional', role: 'node' };

const BY_SERVICE = new Map(STYLES.map((s) => [s.service, s]));

const SPELLINGS: Record<SourceKind, ServiceSpelling> = {
  cloudformation: CLOUDFORMATION_SERVICES,
  cdk: CLOUDFORMATION_SERVICES,
  terraform: TERRAFORM_SERVICES,
  'terraform-plan': TERRAFORM_SERVICES,
};

const cache = new Map<string, ServiceStyle>();

/** The diagram style of a resource, by its type in its format's spelling. */
export function styleOf(node: Pick<ResourceNode, 'type' | 'source'>): ServiceStyle {
  const spelling = SPELLINGS[node.source];
  const key = `${node.source}\0${node.type}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const service = find(spelling, node.type, true) ?? find(spelling, node.type, false);
  const style = (service && BY_SERVICE.get(service)) || GENERIC;
  cache.set(key, style);
  return style;
}

function find(spelling: ServiceSpelling, type: string, exact: boolean): string | undefined {
  const match = (k: string): boolean => (exact ? k === type : spelling.isPrefix(k) && type.startsWith(k));
  return spelling.types.find(([, keys]) => keys.some(match))?.[0];
}

/** The icons and the external ends used besides the service icons. */
export const EXTERNAL_ICONS = {
  internet: 'resource/Internet.svg',
  onPremises: 'architecture-group/Corporatedatacenter.svg',
} as const;
