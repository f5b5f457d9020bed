import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { unknownVal } from '../val.js';
import { interfaceSubnet, NEVER_EXPIRES, ownKey, pushLogGroup, SERVICE_KEY } from './common.js';

// AWS::Logs::LogGroup — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html
// RetentionInDays not set: the events never expire (CloudWatch Logs API, PutRetentionPolicy).
const LOG_GROUP = 'AWS::Logs::LogGroup';
const LOG_GROUP_NAME = 'LogGroupName';
const RETENTION_IN_DAYS = 'RetentionInDays';
// The KMS key ARN the events are encrypted with; not set: the CloudWatch Logs service key.
const KMS_KEY_ID = 'KmsKeyId';

// AWS::EC2::FlowLog — aws-resource-ec2-flowlog.html: ResourceId + ResourceType (VPC | Subnet | NetworkInterface |
// TransitGateway | TransitGatewayAttachment); LogDestination (an ARN: bucket, log group, Firehose stream) or LogGroupName.
const FLOW_LOG = 'AWS::EC2::FlowLog';
const RESOURCE_ID = 'ResourceId';
const LOG_DESTINATION = 'LogDestination';
// AWS::EC2::NetworkInterface — aws-resource-ec2-networkinterface.html (SubnetId)
const NETWORK_INTERFACE = 'AWS::EC2::NetworkInterface';
const SUBNET_ID = 'SubnetId';

// AWS::Logs::DeliverySource — aws-resource-logs-deliverysource.html (ResourceArn: the resource that sends logs, LogType)
const DELIVERY_SOURCE = 'AWS::Logs::DeliverySource';
const RESOURCE_ARN = 'ResourceArn';

export const adapter: Adapter = {
  service: 'logs',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(LOG_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const kmsKey = r.str([KMS_KEY_ID], SERVICE_KEY);
      pushLogGroup(model, {
        resource: r.info(),
        name: r.str([LOG_GROUP_NAME]) ?? unknownVal(r.origin([LOG_GROUP_NAME]), 'the name is generated at deployment'),
        retention: r.num([RETENTION_IN_DAYS], NEVER_EXPIRES),
        kmsKey,
        ownKey: ownKey(r, [KMS_KEY_ID], kmsKey),
      });
    }
    const reader = (id: string): PropertyReader | undefined => {
      const n = graph.get(id);
      return n ? new PropertyReader(n, graph, 'Properties') : undefined;
    };
    for (const node of graph.ofType(FLOW_LOG)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const target = r.link([RESOURCE_ID]) ?? unknownVal(r.origin([RESOURCE_ID]), 'ResourceId is not set');
      const subnet = interfaceSubnet(target, graph, NETWORK_INTERFACE, reader, SUBNET_ID);
      const destinations: Val<Link>[] = [...r.links([LOG_DESTINATION]), ...r.links([LOG_GROUP_NAME])];
      model.logConfigurations.push({ resource: r.info(), logs: 'flow logs', target, destinations, ...(subnet ? { targetSubnet: subnet } : {}) });
    }
    for (const node of graph.ofType(DELIVERY_SOURCE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.logConfigurations.push({ resource: r.info(), logs: 'logs', target: r.link([RESOURCE_ARN]) ?? unknownVal(r.origin([RESOURCE_ARN]), 'ResourceArn is not set'), destinations: [] });
    }
  },
};
