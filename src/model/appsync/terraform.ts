import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';

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
      model.graphqlApis.push({ resource: r.info(), visibility: r.str([VISIBILITY], { value: 'GLOBAL', assumed: 'GLOBAL: reachable from the internet' }) });
    }
  },
};
