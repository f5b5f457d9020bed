import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { unknownVal } from '../val.js';
import { interfaceSubnet, NEVER_EXPIRES, ownKey, pushLogGroup, SERVICE_KEY } from './common.js';

// aws_cloudwatch_log_group — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group
// retention_in_days: 0 or not set = the events never expire.
const LOG_GROUP = 'aws_cloudwatch_log_group';
const NAME = 'name';
const RETENTION_IN_DAYS = 'retention_in_days';
// The KMS key ARN the events are encrypted with; not set: the CloudWatch Logs service key.
const KMS_KEY_ID = 'kms_key_id';

// aws_flow_log — …/docs/resources/flow_log: one of vpc_id, subnet_id, eni_id, transit_gateway_id,
// transit_gateway_attachment_id; log_destination (ARN) or the deprecated log_group_name.
const FLOW_LOG = 'aws_flow_log';
const TARGETS = ['vpc_id', 'subnet_id', 'eni_id', 'transit_gateway_id', 'transit_gateway_attachment_id'];
const LOG_DESTINATION = 'log_destination';
const LOG_GROUP_NAME = 'log_group_name';
// aws_network_interface — …/docs/resources/network_interface (subnet_id)
const NETWORK_INTERFACE = 'aws_network_interface';
const SUBNET_ID = 'subnet_id';

// aws_cloudwatch_log_delivery_source — …/docs/resources/cloudwatch_log_delivery_source (resource_arn, log_type)
const DELIVERY_SOURCE = 'aws_cloudwatch_log_delivery_source';
const RESOURCE_ARN = 'resource_arn';

export const adapter: Adapter = {
  service: 'logs',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(LOG_GROUP)) {
      const r = new PropertyReader(node, graph, '');
      const kmsKey = r.str([KMS_KEY_ID], SERVICE_KEY);
      pushLogGroup(model, {
        resource: r.info(),
        name: r.str([NAME]) ?? unknownVal(r.origin([NAME]), 'the name is generated at deployment'),
        retention: r.num([RETENTION_IN_DAYS], NEVER_EXPIRES),
        kmsKey,
        ownKey: ownKey(r, [KMS_KEY_ID], kmsKey),
      });
    }
    const reader = (id: string): PropertyReader | undefined => {
      const n = graph.get(id);
      return n ? new PropertyReader(n, graph, '') : undefined;
    };
    for (const node of graph.ofType(FLOW_LOG)) {
      const r = new PropertyReader(node, graph, '');
      const key = TARGETS.find((k) => r.has([k]));
      const target = (key ? r.link([key]) : undefined) ?? unknownVal(r.origin([TARGETS[0]!]), 'the flow log names no VPC, subnet or network interface');
      const subnet = interfaceSubnet(target, graph, NETWORK_INTERFACE, reader, SUBNET_ID);
      const destinations: Val<Link>[] = [...r.links([LOG_DESTINATION]), ...r.links([LOG_GROUP_NAME])];
      model.logConfigurations.push({ resource: r.info(), logs: 'flow logs', target, destinations, ...(subnet ? { targetSubnet: subnet } : {}) });
    }
    for (const node of graph.ofType(DELIVERY_SOURCE)) {
      const r = new PropertyReader(node, graph, '');
      model.logConfigurations.push({ resource: r.info(), logs: 'logs', target: r.link([RESOURCE_ARN]) ?? unknownVal(r.origin([RESOURCE_ARN]), 'resource_arn is not set'), destinations: [] });
    }
  },
};
