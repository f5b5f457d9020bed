import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, explicit } from '../val.js';
import { mapVal } from '../val-ops.js';
import { apiEndpoints } from './common.js';
import type { ApiDomain, ApiStage, RestApi } from './types.js';
import { logSource } from '../facets.js';
import { deliveryTo } from '../logs/common.js';

// AWS::ApiGateway::RestApi — `EndpointConfiguration.Types` (one of EDGE | REGIONAL | PRIVATE; default EDGE).
// AWS::ApiGateway::Stage — `RestApiId`. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_ApiGateway.html
const REST_API = 'AWS::ApiGateway::RestApi';
const STAGE = 'AWS::ApiGateway::Stage';
const ENDPOINT_TYPES = ['EndpointConfiguration', 'Types'];
const REST_API_ID = 'RestApiId';
// Stage access logs: AccessLogSetting.DestinationArn (a log group or Firehose stream); none when not set.
const ACCESS_LOG_DESTINATION = ['AccessLogSetting', 'DestinationArn'];
// AWS::ApiGateway::DomainName — `SecurityPolicy` (TLS_1_0 unless set); AWS::ApiGatewayV2::DomainName —
// `DomainNameConfigurations[].SecurityPolicy` (judged when written).
const DOMAIN = 'AWS::ApiGateway::DomainName';
const SECURITY_POLICY = 'SecurityPolicy';
const V2_DOMAIN = 'AWS::ApiGatewayV2::DomainName';
const V2_DOMAIN_CONFIGURATIONS = 'DomainNameConfigurations';
// AWS::ApiGatewayV2::Stage — `ApiId`, access logs `AccessLogSettings.DestinationArn` (none when not set).
const V2_STAGE = 'AWS::ApiGatewayV2::Stage';
const V2_API_ID = 'ApiId';
const V2_ACCESS_LOG_DESTINATION = ['AccessLogSettings', 'DestinationArn'];

const OLD_DEFAULT = { value: 'TLS_1_0', assumed: 'TLS_1_0: TLS 1.0 and 1.1 accepted' };

export const adapter: Adapter = {
  service: 'apigateway',
  source: 'cloudformation',
  adapt(graph, model) {
    const apis: RestApi[] = [];
    const stages: ApiStage[] = [];
    const domains: { domain: ApiDomain; internetFacing: Val<boolean> }[] = [];
    for (const node of graph.ofType(REST_API)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const types = r.strList(ENDPOINT_TYPES, { value: ['EDGE'], assumed: 'an edge-optimized endpoint' });
      const endpointType = types.provenance === 'unknown' ? types : { ...types, value: types.value[0] ?? 'EDGE' };
      const api: RestApi = { resource: r.info(), endpointType };
      model.restApis.push(api);
      apis.push(api);
    }
    for (const node of graph.ofType(STAGE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const stage = { resource: r.info(), api: r.link([REST_API_ID]) ?? explicit({}, r.origin([REST_API_ID])) };
      model.apiStages.push(stage);
      stages.push(stage);
      const logs = deliveryTo(r, ACCESS_LOG_DESTINATION, 'no access logs');
      model.facets.logSources.push(logSource(stage, 'API Gateway stage', 'access logs', logs.enabled, logs.destinations));
    }
    for (const node of graph.ofType(DOMAIN)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const domain: ApiDomain = { resource: r.info(), securityPolicies: [r.str([SECURITY_POLICY], OLD_DEFAULT)] };
      model.apiDomains.push(domain);
      // Edge-optimized and regional custom domain names are public (a PRIVATE type would not be).
      domains.push({ domain, internetFacing: mapVal(r.strList(ENDPOINT_TYPES, { value: ['EDGE'], assumed: 'an edge-optimized endpoint' }), (t) => !t.includes('PRIVATE')) });
    }
    for (const node of graph.ofType(V2_DOMAIN)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const policies = r.each([V2_DOMAIN_CONFIGURATIONS]).map((c) => c.str([SECURITY_POLICY])).filter((v) => v !== undefined);
      const domain: ApiDomain = { resource: r.info(), securityPolicies: policies };
      if (policies.length > 0) model.apiDomains.push(domain);
      domains.push({ domain, internetFacing: defaulted(true, { ...r.origin([]), path: '' }, 'public: a v2 custom domain name is a regional endpoint') });
    }
    for (const node of graph.ofType(V2_STAGE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const stage = { resource: r.info(), api: r.link([V2_API_ID]) ?? explicit({}, r.origin([V2_API_ID])) };
      model.apiV2Stages.push(stage);
      const logs = deliveryTo(r, V2_ACCESS_LOG_DESTINATION, 'no access logs');
      model.facets.logSources.push(logSource(stage, 'API Gateway v2 stage', 'access logs', logs.enabled, logs.destinations));
    }
    apiEndpoints(model, apis, stages, domains);
  },
};
