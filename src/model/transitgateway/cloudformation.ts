import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';

// AWS::EC2::TransitGatewayVpcAttachment — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgatewayvpcattachment.html
// AWS::EC2::TransitGatewayAttachment — aws-resource-ec2-transitgatewayattachment.html (the same properties)
//   SubnetIds: one subnet per Availability Zone; the transit gateway reaches only the zones it has one in.
const ATTACHMENTS = ['AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayAttachment'];
const SUBNET_IDS = 'SubnetIds';
const TRANSIT_GATEWAY = 'TransitGatewayId';
const VPC = 'VpcId';

export const adapter: Adapter = {
  service: 'transitgateway',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(...ATTACHMENTS)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.transitGatewayVpcAttachments.push({
        resource: r.info(),
        transitGateway: required(r.link([TRANSIT_GATEWAY]), r.origin([TRANSIT_GATEWAY]), TRANSIT_GATEWAY),
        vpc: required(r.link([VPC]), r.origin([VPC]), VPC),
        subnets: r.links([SUBNET_IDS]),
      });
    }
  },
};
