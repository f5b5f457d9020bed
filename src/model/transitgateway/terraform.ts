import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';

// aws_ec2_transit_gateway_vpc_attachment — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ec2_transit_gateway_vpc_attachment
const ATTACHMENT = 'aws_ec2_transit_gateway_vpc_attachment';
const SUBNET_IDS = 'subnet_ids';
const TRANSIT_GATEWAY = 'transit_gateway_id';
const VPC = 'vpc_id';

export const adapter: Adapter = {
  service: 'transitgateway',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(ATTACHMENT)) {
      const r = new PropertyReader(node, graph, '');
      model.transitGatewayVpcAttachments.push({
        resource: r.info(),
        transitGateway: required(r.link([TRANSIT_GATEWAY]), r.origin([TRANSIT_GATEWAY]), TRANSIT_GATEWAY),
        vpc: required(r.link([VPC]), r.origin([VPC]), VPC),
        subnets: r.links([SUBNET_IDS]),
      });
    }
  },
};
