import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { graphqlEndpoint } from './common.js';
import type { GraphqlApi } from './types.js';

// aws_appsync_graphql_api — `visibility` GLOBAL (default) | PRIVATE.
const API = 'aws_appsync_graphql_api';
const VISIBILITY = 'visibility';

export const adapter: Adapter = {
  service: 'appsync',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(API)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const api: GraphqlApi = { resource: r.info(), visibility: r.str([VISIBILITY], { value: 'GLOBAL', assumed: 'GLOBAL: reachable from the internet' }) };
      model.graphqlApis.push(api);
      model.facets.networkEndpoints.push(graphqlEndpoint(api));
    }
  },
};
