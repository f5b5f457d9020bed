import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import { mapVal } from '../val-ops.js';
import { apiEndpoints } from './common.js';
import type { ApiDomain, ApiStage, RestApi } from './types.js';
import { logSource } from '../facets.js';
import { deliveryTo } from '../logs/common.js';

// aws_api_gateway_rest_api — `endpoint_configuration { types }` (default EDGE); aws_api_gateway_stage — `rest_api_id`.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api
const REST_API = 'aws_api_gateway_rest_api';
const STAGE = 'aws_api_gateway_stage';
const ENDPOINT_TYPES = ['endpoint_configuration', 0, 'types'];
const REST_API_ID = 'rest_api_id';
// Stage access logs: access_log_settings { destination_arn }; none without the block.
const ACCESS_LOG_DESTINATION = ['access_log_settings', 0, 'destination_arn'];
// aws_api_gateway_domain_name — `security_policy` (TLS_1_0 unless set); aws_apigatewayv2_domain_name —
// `domain_name_configuration { security_policy }` (judged when written).
const DOMAIN = 'aws_api_gateway_domain_name';
const SECURITY_POLICY = 'security_policy';
const V2_DOMAIN = 'aws_apigatewayv2_domain_name';
const V2_DOMAIN_CONFIGURATION = 'domain_name_configuration';
const OLD_DEFAULT = { value: 'TLS_1_0', assumed: 'TLS_1_0: TLS 1.0 and 1.1 accepted' };
// aws_apigatewayv2_stage — `api_id`, access logs `access_log_settings { destination_arn }` (none without the block).
const V2_STAGE = 'aws_apigatewayv2_stage';
const V2_API_ID = 'api_id';

export const adapter: Adapter = {
  service: 'apigateway',
  source: 'terraform',
  adapt(graph, model) {
    const apis: RestApi[] = [];
    const stages: ApiStage[] = [];
    const domains: { domain: ApiDomain; internetFacing: Val<boolean> }[] = [];
    for (const node of graph.ofType(REST_API)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const types = r.strList(ENDPOINT_TYPES, { value: ['EDGE'], assumed: 'an edge-optimized endpoint' });
      const endpointType = types.provenance === 'unknown' ? types : { ...types, value: types.value[0] ?? 'EDGE' };
      const api: RestApi = { resource: r.info(), endpointType };
      model.restApis.push(api);
      apis.push(api);
    }
    for (const node of graph.ofType(STAGE)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const stage = { resource: r.info(), api: r.link([REST_API_ID]) ?? explicit({}, r.origin([REST_API_ID])) };
      model.apiStages.push(stage);
      stages.push(stage);
      const logs = deliveryTo(r, ACCESS_LOG_DESTINATION, 'no access logs');
      model.facets.logSources.push(logSource(stage, 'API Gateway stage', 'access logs', logs.enabled, logs.destinations));
    }
    for (const node of graph.ofType(DOMAIN)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const domain: ApiDomain = { resource: r.info(), securityPolicies: [r.str([SECURITY_POLICY], OLD_DEFAULT)] };
      model.apiDomains.push(domain);
      // Edge-optimized and regional custom domain names are public (a PRIVATE type would not be).
      domains.push({ domain, internetFacing: mapVal(r.strList(ENDPOINT_TYPES, { value: ['EDGE'], assumed: 'an edge-optimized endpoint' }), (t) => !t.includes('PRIVATE')) });
    }
    for (const node of graph.ofType(V2_DOMAIN)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const policies = r.each([V2_DOMAIN_CONFIGURATION]).map((c) => c.str([SECURITY_POLICY])).filter((v) => v !== undefined);
      const domain: ApiDomain = { resource: r.info(), securityPolicies: policies };
      if (policies.length > 0) model.apiDomains.push(domain);
      domains.push({ domain, internetFacing: defaulted(true, { ...r.origin([]), path: '' }, 'public: a v2 custom domain name is a regional endpoint') });
    }
    for (const node of graph.ofType(V2_STAGE)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const stage = { resource: r.info(), api: r.link([V2_API_ID]) ?? explicit({}, r.origin([V2_API_ID])) };
      model.apiV2Stages.push(stage);
      const logs = deliveryTo(r, ACCESS_LOG_DESTINATION, 'no access logs');
      model.facets.logSources.push(logSource(stage, 'API Gateway v2 stage', 'access logs', logs.enabled, logs.destinations));
    }
    apiEndpoints(model, apis, stages, domains);
  },
};
