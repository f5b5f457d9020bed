import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { graphqlEndpoint } from './common.js';
import type { GraphqlApi } from './types.js';

// AWS::AppSync::GraphQLApi — `Visibility` GLOBAL (default) | PRIVATE.
const API = 'AWS::AppSync::GraphQLApi';
const VISIBILITY = 'Visibility';

export const adapter: Adapter = {
  service: 'appsync',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(API)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const api: GraphqlApi = { resource: r.info(), visibility: r.str([VISIBILITY], { value: 'GLOBAL', assumed: 'GLOBAL: reachable from the internet' }) };
      model.graphqlApis.push(api);
      model.facets.networkEndpoints.push(graphqlEndpoint(api));
    }
  },
};
