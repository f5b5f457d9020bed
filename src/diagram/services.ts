/**
 * How each resource type appears on the diagram: its service (for the icon and the legend),
 * where it sits when nothing places it in a subnet, and whether it is drawn at all.
 * Presentation only: what a resource does is read from the model (placement.ts), not from here.
 */

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

interface Entry extends ServiceStyle {
  /** CloudFormation type prefixes (`AWS::S3::`) or exact types. */
  cfn: string[];
  /** Terraform type prefixes (`aws_s3_`) or exact types. */
  tf: string[];
}

const svc = (name: string): string => `architecture-service/${name}.svg`;
const res = (name: string): string => `resource/${name}.svg`;

/** Exact types first (more specific), then prefixes; the first match wins. */
const ENTRIES: Entry[] = [
  // Containers.
  { service: 'VPC', role: 'container', scope: 'regional', cfn: ['AWS::EC2::VPC'], tf: ['aws_vpc'] },
  { service: 'Subnet', role: 'container', scope: 'regional', cfn: ['AWS::EC2::Subnet'], tf: ['aws_subnet'] },
  // Plumbing the structure already shows.
  {
    service: 'Network plumbing', role: 'hide', scope: 'regional',
    cfn: ['AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::VPCCidrBlock', 'AWS::RDS::DBSubnetGroup', 'AWS::ElastiCache::SubnetGroup', 'AWS::EC2::EIP', 'AWS::CDK::Metadata', 'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup', 'AWS::ElastiCache::ParameterGroup'],
    tf: ['aws_route_table', 'aws_route', 'aws_route_table_association', 'aws_main_route_table_association', 'aws_internet_gateway_attachment', 'aws_db_subnet_group', 'aws_elasticache_subnet_group', 'aws_eip', 'aws_db_parameter_group', 'aws_rds_cluster_parameter_group', 'aws_elasticache_parameter_group', 'aws_vpc_ipv4_cidr_block_association', 'aws_default_route_table'],
  },
  // Security groups are shown by the paths their rules open, not as boxes.
  {
    service: 'Security group', role: 'fold', scope: 'regional',
    cfn: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
    tf: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_default_security_group'],
  },
  // Parts of another resource.
  {
    service: 'part', role: 'fold', scope: 'regional',
    cfn: ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ElasticLoadBalancingV2::ListenerCertificate', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::InstanceProfile', 'AWS::EFS::MountTarget', 'AWS::KMS::Alias', 'AWS::Backup::BackupSelection', 'AWS::Lambda::Permission', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Resource', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::SNS::Subscription', 'AWS::EC2::VolumeAttachment', 'AWS::Lambda::EventSourceMapping', 'AWS::WAFv2::WebACLAssociation', 'AWS::CloudFront::OriginAccessControl', 'AWS::CloudFront::CloudFrontOriginAccessIdentity'],
    tf: ['aws_s3_bucket_', 'aws_sqs_queue_policy', 'aws_sqs_queue_redrive_policy', 'aws_sqs_queue_redrive_allow_policy', 'aws_sns_topic_policy', 'aws_lb_listener', 'aws_lb_listener_rule', 'aws_lb_listener_certificate', 'aws_alb_listener', 'aws_alb_listener_rule', 'aws_lb_target_group_attachment', 'aws_alb_target_group_attachment', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment', 'aws_iam_policy', 'aws_iam_policy_attachment', 'aws_iam_policy_document', 'aws_iam_instance_profile', 'aws_efs_mount_target', 'aws_efs_backup_policy', 'aws_efs_replication_configuration', 'aws_kms_alias', 'aws_backup_selection', 'aws_lambda_permission', 'aws_launch_template', 'aws_launch_configuration', 'aws_api_gateway_deployment', 'aws_api_gateway_stage', 'aws_api_gateway_method', 'aws_api_gateway_resource', 'aws_api_gateway_integration', 'aws_apigatewayv2_stage', 'aws_apigatewayv2_route', 'aws_apigatewayv2_integration', 'aws_sns_topic_subscription', 'aws_volume_attachment', 'aws_lambda_event_source_mapping', 'aws_wafv2_web_acl_association', 'aws_cloudfront_origin_access_control', 'aws_cloudfront_origin_access_identity', 'aws_cloudtrail_event_data_store', 'aws_dynamodb_table_replica', 'aws_ebs_encryption_by_default', 'aws_ebs_default_kms_key'],
  },
  // Edge of the network: where the internet and on-premises networks come in.
  { service: 'Internet gateway', icon: res('AmazonVPCInternetGateway'), role: 'node', scope: 'edge', cfn: ['AWS::EC2::InternetGateway', 'AWS::EC2::EgressOnlyInternetGateway'], tf: ['aws_internet_gateway', 'aws_egress_only_internet_gateway'] },
  { service: 'VPN', icon: res('AmazonVPCVPNConnection'), role: 'node', scope: 'edge', cfn: ['AWS::EC2::VPNConnection', 'AWS::EC2::VPNGateway', 'AWS::EC2::CustomerGateway'], tf: ['aws_vpn_connection', 'aws_vpn_gateway', 'aws_customer_gateway'] },
  { service: 'Direct Connect', icon: svc('AWSDirectConnect'), role: 'node', scope: 'edge', cfn: ['AWS::DirectConnect::'], tf: ['aws_dx_'] },
  { service: 'NAT gateway', icon: res('AmazonVPCNATGateway'), role: 'node', scope: 'regional', cfn: ['AWS::EC2::NatGateway'], tf: ['aws_nat_gateway'] },
  { service: 'VPC endpoint', icon: res('AmazonVPCEndpoints'), role: 'node', scope: 'regional', cfn: ['AWS::EC2::VPCEndpoint'], tf: ['aws_vpc_endpoint'] },
  { service: 'Flow logs', icon: res('AmazonVPCFlowLogs'), role: 'node', scope: 'regional', cfn: ['AWS::EC2::FlowLog'], tf: ['aws_flow_log'] },
  { service: 'Transit Gateway', icon: svc('AWSTransitGateway'), role: 'node', scope: 'regional', cfn: ['AWS::EC2::TransitGateway'], tf: ['aws_ec2_transit_gateway'] },
  { service: 'EBS', icon: res('AmazonElasticBlockStoreVolume'), role: 'node', scope: 'regional', cfn: ['AWS::EC2::Volume'], tf: ['aws_ebs_volume'] },
  { service: 'EC2', icon: svc('AmazonEC2'), role: 'node', scope: 'regional', cfn: ['AWS::EC2::'], tf: ['aws_instance', 'aws_ec2_', 'aws_spot_', 'aws_network_interface'] },
  { service: 'Auto Scaling', icon: svc('AmazonEC2AutoScaling'), role: 'node', scope: 'regional', cfn: ['AWS::AutoScaling::'], tf: ['aws_autoscaling_'] },
  { service: 'Target group', icon: svc('ElasticLoadBalancing'), role: 'node', scope: 'regional', cfn: ['AWS::ElasticLoadBalancingV2::TargetGroup'], tf: ['aws_lb_target_group', 'aws_alb_target_group'] },
  { service: 'ELB', icon: svc('ElasticLoadBalancing'), role: 'node', scope: 'regional', cfn: ['AWS::ElasticLoadBalancing'], tf: ['aws_lb', 'aws_alb', 'aws_elb', 'aws_lb_trust_store'] },
  { service: 'CloudFront', icon: svc('AmazonCloudFront'), role: 'node', scope: 'global', cfn: ['AWS::CloudFront::'], tf: ['aws_cloudfront_'] },
  { service: 'Route 53', icon: svc('AmazonRoute53'), role: 'node', scope: 'global', cfn: ['AWS::Route53'], tf: ['aws_route53_'] },
  { service: 'WAF', icon: svc('AWSWAF'), role: 'node', scope: 'regional', cfn: ['AWS::WAFv2::', 'AWS::WAF'], tf: ['aws_wafv2_', 'aws_waf_', 'aws_wafregional_'] },
  { service: 'Shield', icon: svc('AWSShield'), role: 'node', scope: 'global', cfn: ['AWS::Shield::'], tf: ['aws_shield_'] },
  { service: 'API Gateway', icon: svc('AmazonAPIGateway'), role: 'node', scope: 'regional', cfn: ['AWS::ApiGateway', 'AWS::Serverless::Api'], tf: ['aws_api_gateway_', 'aws_apigatewayv2_'] },
  { service: 'Lambda', icon: svc('AWSLambda'), role: 'node', scope: 'regional', cfn: ['AWS::Lambda::', 'AWS::Serverless::Function'], tf: ['aws_lambda_'] },
  { service: 'ECS', icon: svc('AmazonElasticContainerService'), role: 'node', scope: 'regional', cfn: ['AWS::ECS::'], tf: ['aws_ecs_'] },
  { service: 'EKS', icon: svc('AmazonElasticKubernetesService'), role: 'node', scope: 'regional', cfn: ['AWS::EKS::'], tf: ['aws_eks_'] },
  { service: 'ECR', icon: svc('AmazonElasticContainerRegistry'), role: 'node', scope: 'regional', cfn: ['AWS::ECR::'], tf: ['aws_ecr_'] },
  { service: 'S3', icon: svc('AmazonSimpleStorageService'), role: 'node', scope: 'regional', cfn: ['AWS::S3::'], tf: ['aws_s3_bucket'] },
  { service: 'DynamoDB', icon: svc('AmazonDynamoDB'), role: 'node', scope: 'regional', cfn: ['AWS::DynamoDB::'], tf: ['aws_dynamodb_'] },
  { service: 'Aurora', icon: svc('AmazonAurora'), role: 'node', scope: 'regional', cfn: ['AWS::RDS::DBCluster', 'AWS::RDS::GlobalCluster'], tf: ['aws_rds_cluster', 'aws_rds_global_cluster'] },
  { service: 'RDS', icon: svc('AmazonRDS'), role: 'node', scope: 'regional', cfn: ['AWS::RDS::'], tf: ['aws_db_', 'aws_rds_'] },
  { service: 'ElastiCache', icon: svc('AmazonElastiCache'), role: 'node', scope: 'regional', cfn: ['AWS::ElastiCache::'], tf: ['aws_elasticache_'] },
  { service: 'EFS', icon: svc('AmazonEFS'), role: 'node', scope: 'regional', cfn: ['AWS::EFS::'], tf: ['aws_efs_'] },
  { service: 'OpenSearch', icon: svc('AmazonOpenSearchService'), role: 'node', scope: 'regional', cfn: ['AWS::OpenSearchService::', 'AWS::Elasticsearch::'], tf: ['aws_opensearch_', 'aws_elasticsearch_'] },
  { service: 'Redshift', icon: svc('AmazonRedshift'), role: 'node', scope: 'regional', cfn: ['AWS::Redshift::'], tf: ['aws_redshift_'] },
  { service: 'SQS', icon: svc('AmazonSimpleQueueService'), role: 'node', scope: 'regional', cfn: ['AWS::SQS::'], tf: ['aws_sqs_'] },
  { service: 'SNS', icon: svc('AmazonSimpleNotificationService'), role: 'node', scope: 'regional', cfn: ['AWS::SNS::'], tf: ['aws_sns_'] },
  { service: 'EventBridge', icon: svc('AmazonEventBridge'), role: 'node', scope: 'regional', cfn: ['AWS::Events::'], tf: ['aws_cloudwatch_event_'] },
  { service: 'Step Functions', icon: svc('AWSStepFunctions'), role: 'node', scope: 'regional', cfn: ['AWS::StepFunctions::'], tf: ['aws_sfn_'] },
  { service: 'Kinesis', icon: svc('AmazonKinesis'), role: 'node', scope: 'regional', cfn: ['AWS::Kinesis', 'AWS::KinesisFirehose::'], tf: ['aws_kinesis_'] },
  { service: 'CloudTrail', icon: svc('AWSCloudTrail'), role: 'node', scope: 'regional', cfn: ['AWS::CloudTrail::'], tf: ['aws_cloudtrail'] },
  { service: 'CloudWatch Logs', icon: res('AmazonCloudWatchLogs'), role: 'node', scope: 'regional', cfn: ['AWS::Logs::'], tf: ['aws_cloudwatch_log_'] },
  { service: 'CloudWatch', icon: svc('AmazonCloudWatch'), role: 'node', scope: 'regional', cfn: ['AWS::CloudWatch::'], tf: ['aws_cloudwatch_'] },
  { service: 'KMS', icon: svc('AWSKeyManagementService'), role: 'node', scope: 'regional', cfn: ['AWS::KMS::'], tf: ['aws_kms_'] },
  { service: 'Secrets Manager', icon: svc('AWSSecretsManager'), role: 'node', scope: 'regional', cfn: ['AWS::SecretsManager::'], tf: ['aws_secretsmanager_'] },
  { service: 'Backup', icon: svc('AWSBackup'), role: 'node', scope: 'regional', cfn: ['AWS::Backup::'], tf: ['aws_backup_'] },
  { service: 'IAM', icon: res('AWSIdentityAccessManagementRole'), role: 'node', scope: 'global', cfn: ['AWS::IAM::'], tf: ['aws_iam_'] },
  { service: 'Cognito', icon: svc('AmazonCognito'), role: 'node', scope: 'regional', cfn: ['AWS::Cognito::'], tf: ['aws_cognito_'] },
  { service: 'Config', icon: svc('AWSConfig'), role: 'node', scope: 'regional', cfn: ['AWS::Config::'], tf: ['aws_config_'] },
  { service: 'GuardDuty', icon: svc('AmazonGuardDuty'), role: 'node', scope: 'regional', cfn: ['AWS::GuardDuty::'], tf: ['aws_guardduty_'] },
];

const GENERIC: ServiceStyle = { service: 'AWS', icon: 'resource/GenericApplication.svg', scope: 'regional', role: 'node' };

const cache = new Map<string, ServiceStyle>();

/** The diagram style of a resource type, in either spelling. */
export function styleOf(type: string): ServiceStyle {
  const hit = cache.get(type);
  if (hit) return hit;
  const found = find(type, true) ?? find(type, false) ?? GENERIC;
  const style: ServiceStyle = { service: found.service, scope: found.scope, role: found.role, ...(found.icon ? { icon: found.icon } : {}) };
  cache.set(type, style);
  return style;
}

function find(type: string, exact: boolean): Entry | undefined {
  const keys = (e: Entry): string[] => (type.startsWith('AWS::') ? e.cfn : e.tf);
  return ENTRIES.find((e) => keys(e).some((k) => (exact ? k === type : type.startsWith(k) && !isExactOnly(k))));
}

/**
 * A CloudFormation key with three parts (`AWS::EC2::VPC`) names one type; with a trailing `::` or two
 * parts it is a prefix. A Terraform key ending in `_` is a prefix; any other names one type.
 */
function isExactOnly(key: string): boolean {
  if (key.startsWith('AWS::')) return !key.endsWith('::') && key.split('::').length === 3;
  return !key.endsWith('_');
}

/** The icons and the external ends used besides the service icons. */
export const EXTERNAL_ICONS = {
  internet: 'resource/Internet.svg',
  onPremises: 'architecture-group/Corporatedatacenter.svg',
} as const;
