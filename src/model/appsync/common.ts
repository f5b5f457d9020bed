import type { NetworkEndpoint } from '../facets.js';
import { networkEndpoint } from '../facets.js';
import { isKnown } from '../val.js';
import { mapVal } from '../val-ops.js';
import type { GraphqlApi } from './types.js';

/** An AppSync API as a network endpoint: a regional endpoint of the service, reachable from the internet with GLOBAL visibility; a WAF web ACL can protect it. */
export function graphqlEndpoint(g: GraphqlApi): NetworkEndpoint {
  const global = isKnown(g.visibility) && g.visibility.value === 'GLOBAL';
  return networkEndpoint(g, 'AppSync GraphQL API', mapVal(g.visibility, (v) => v === 'GLOBAL'), 'service', global ? { waf: { what: 'AppSync GraphQL API' } } : {});
}
