import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { explicit } from '../val.js';

// AWS::ApiGateway::RestApi — `EndpointConfiguration.Types` (one of EDGE | REGIONAL | PRIVATE; default EDGE).
// AWS::ApiGateway::Stage — `RestApiId`. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_ApiGateway.html
const REST_API = 'AWS::ApiGateway::RestApi';
const STAGE = 'AWS::ApiGateway::Stage';
const ENDPOINT_TYPES = ['EndpointConfiguration', 'Types'];
const REST_API_ID = 'RestApiId';

export const adapter: Adapter = {
  service: 'apigateway',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(REST_API)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const types = r.strList(ENDPOINT_TYPES, { value: ['EDGE'], assumed: 'an edge-optimized endpoint' });
      const endpointType = types.provenance === 'unknown' ? types : { ...types, value: types.value[0] ?? 'EDGE' };
      model.restApis.push({ resource: r.info(), endpointType });
    }
    for (const node of graph.ofType(STAGE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.apiStages.push({ resource: r.info(), api: r.link([REST_API_ID]) ?? explicit({}, r.origin([REST_API_ID])) });
    }
  },
};
