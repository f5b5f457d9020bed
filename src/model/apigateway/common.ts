import type { CloudModel } from '../model.js';
import { networkEndpoint } from '../facets.js';
import type { Val } from '../val.js';
import { isKnown, unknownVal } from '../val.js';
import { mapVal } from '../val-ops.js';
import type { ApiDomain, ApiStage, RestApi } from './types.js';

/**
 * The network endpoints of one input kind's API Gateway resources: each REST API (its hostname; an
 * edge-optimized API is served through CloudFront by API Gateway, a regional one needs CloudFront or
 * Shield Advanced in front), each REST stage (what a WAF web ACL is associated with, unless its API is
 * private), each custom domain (its TLS security policy). An association or protection may name a
 * stage or its API by graph id, so each endpoint lists both.
 */
export function apiEndpoints(model: CloudModel, apis: RestApi[], stages: ApiStage[], domains: { domain: ApiDomain; internetFacing: Val<boolean> }[]): void {
  const apiOf = (s: ApiStage): string | undefined => (isKnown(s.api) ? s.api.value.id : undefined);
  const byId = new Map(apis.map((a) => [a.resource.id, a]));
  for (const api of apis) {
    model.facets.networkEndpoints.push(networkEndpoint(api, 'API Gateway REST API', mapVal(api.endpointType, (t) => t !== 'PRIVATE'), 'service', {
      ddos: { exposed: mapVal(api.endpointType, (t) => t === 'REGIONAL'), what: 'Regional API Gateway REST API', unknown: "the API's endpoint type is unknown" },
      ids: [api.resource.id, ...stages.filter((s) => apiOf(s) === api.resource.id).map((s) => s.resource.id)],
    }));
  }
  for (const s of stages) {
    const apiId = apiOf(s);
    const api = apiId ? byId.get(apiId) : undefined;
    const internetFacing = api ? mapVal(api.endpointType, (t) => t !== 'PRIVATE') : unknownVal(s.api.origin, 'the REST API is not in the scan');
    const isPrivate = api !== undefined && isKnown(api.endpointType) && api.endpointType.value === 'PRIVATE';
    model.facets.networkEndpoints.push(networkEndpoint(s, 'API Gateway REST API stage', internetFacing, 'service', {
      ...(isPrivate ? {} : { waf: { what: 'API Gateway REST API stage' } }),
      ids: [s.resource.id, ...(apiId ? [apiId] : [])],
    }));
  }
  for (const { domain, internetFacing } of domains) {
    model.facets.networkEndpoints.push(networkEndpoint(domain, 'API Gateway custom domain', internetFacing, 'service', {
      // TLS_1_0 is the one security policy that still accepts TLS 1.0 and 1.1.
      minimumTls: domain.securityPolicies.map((policy) => ({ policy, weak: isKnown(policy) && policy.value.toUpperCase() === 'TLS_1_0', of: 'custom-domain' as const })),
    }));
  }
}
