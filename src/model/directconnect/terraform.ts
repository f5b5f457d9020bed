import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';
import type { DxVirtualInterface } from './types.js';

// aws_dx_private_virtual_interface — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dx_private_virtual_interface
//   dx_gateway_id or vpn_gateway_id; aws_dx_transit_virtual_interface — .../docs/resources/dx_transit_virtual_interface (dx_gateway_id).
const PRIVATE = 'aws_dx_private_virtual_interface';
const TRANSIT = 'aws_dx_transit_virtual_interface';
const CONNECTION = 'connection_id';
const DX_GATEWAY = 'dx_gateway_id';
const VPN_GATEWAY = 'vpn_gateway_id';

export const adapter: Adapter = {
  service: 'directconnect',
  source: 'terraform',
  adapt(graph, model) {
    for (const [type, kind] of [[PRIVATE, 'private'], [TRANSIT, 'transit']] as const) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, '');
        const vif: DxVirtualInterface = {
          resource: r.info(),
          kind,
          connection: required(r.link([CONNECTION]), r.origin([CONNECTION]), CONNECTION),
          gateway: required(r.link([DX_GATEWAY]) ?? r.link([VPN_GATEWAY]), r.origin([DX_GATEWAY]), `${DX_GATEWAY} / ${VPN_GATEWAY}`),
        };
        model.dxVirtualInterfaces.push(vif);
      }
    }
  },
};
