import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';
import type { VpnConnection } from './types.js';

// aws_vpn_connection — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpn_connection
//   static_routes_only: false (BGP) when not set.
const CONNECTION = 'aws_vpn_connection';
const CUSTOMER_GATEWAY = 'customer_gateway_id';
const VPN_GATEWAY = 'vpn_gateway_id';
const TRANSIT_GATEWAY = 'transit_gateway_id';
const STATIC_ROUTES_ONLY = 'static_routes_only';

export const adapter: Adapter = {
  service: 'vpn',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(CONNECTION)) {
      const r = new PropertyReader(node, graph, '');
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
