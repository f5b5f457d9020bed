import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';
import type { VpnConnection } from './types.js';

// AWS::EC2::VPNConnection — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-vpnconnection.html
//   StaticRoutesOnly: false (BGP) when not set.
const CONNECTION = 'AWS::EC2::VPNConnection';
const CUSTOMER_GATEWAY = 'CustomerGatewayId';
const VPN_GATEWAY = 'VpnGatewayId';
const TRANSIT_GATEWAY = 'TransitGatewayId';
const STATIC_ROUTES_ONLY = 'StaticRoutesOnly';

export const adapter: Adapter = {
  service: 'vpn',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(CONNECTION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const c: VpnConnection = {
        resource: r.info(),
        customerGateway: required(r.link([CUSTOMER_GATEWAY]), r.origin([CUSTOMER_GATEWAY]), CUSTOMER_GATEWAY),
        staticRoutesOnly: r.bool([STATIC_ROUTES_ONLY], { value: false, assumed: 'dynamic routing (BGP)' }),
      };
      const gateway = r.link([VPN_GATEWAY]) ?? r.link([TRANSIT_GATEWAY]);
      if (gateway) c.gateway = gateway;
      model.vpnConnections.push(c);
    }
  },
};
