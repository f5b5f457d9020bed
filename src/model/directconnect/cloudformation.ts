import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';
import type { DxVirtualInterface } from './types.js';

// AWS::DirectConnect::PrivateVirtualInterface — https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-directconnect-privatevirtualinterface.html
//   attaches to a Direct Connect gateway (DirectConnectGatewayId) or a virtual private gateway (VirtualGatewayId).
// AWS::DirectConnect::TransitVirtualInterface — aws-resource-directconnect-transitvirtualinterface.html (DirectConnectGatewayId).
const PRIVATE = 'AWS::DirectConnect::PrivateVirtualInterface';
const TRANSIT = 'AWS::DirectConnect::TransitVirtualInterface';
const CONNECTION = 'ConnectionId';
const DX_GATEWAY = 'DirectConnectGatewayId';
const VIRTUAL_GATEWAY = 'VirtualGatewayId';

export const adapter: Adapter = {
  service: 'directconnect',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const [type, kind] of [[PRIVATE, 'private'], [TRANSIT, 'transit']] as const) {
      for (const node of graph.ofType(type)) {
        const r = new PropertyReader(node, graph, 'Properties');
        const vif: DxVirtualInterface = {
          resource: r.info(),
          kind,
          connection: required(r.link([CONNECTION]), r.origin([CONNECTION]), CONNECTION),
          gateway: required(r.link([DX_GATEWAY]) ?? r.link([VIRTUAL_GATEWAY]), r.origin([DX_GATEWAY]), `${DX_GATEWAY} / ${VIRTUAL_GATEWAY}`),
        };
        model.dxVirtualInterfaces.push(vif);
      }
    }
  },
};
