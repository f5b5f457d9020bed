import type { Link, ModelResource, Val } from '../val.js';

/** An API Gateway REST API. */
export interface RestApi extends ModelResource {
  /** `EDGE` (the default: served through CloudFront), `REGIONAL` or `PRIVATE`. */
  endpointType: Val<string>;
}

/** A deployed stage of a REST API: what a web ACL is associated with. */
export interface ApiStage extends ModelResource {
  api: Val<Link>;
}

/** A stage of an API Gateway v2 (HTTP or WebSocket) API. */
export interface ApiV2Stage extends ModelResource {
  api: Val<Link>;
}

/**
 * An API Gateway custom domain name: the TLS its endpoint accepts. REST custom domains
 * (`AWS::ApiGateway::DomainName`, `aws_api_gateway_domain_name`) default to `TLS_1_0`, which also accepts
 * TLS 1.1 ("Choose a security policy for your REST API custom domain", API Gateway developer guide);
 * v2 domain names (`AWS::ApiGatewayV2::DomainName`, `aws_apigatewayv2_domain_name`) are judged on an
 * explicit policy only.
 */
export interface ApiDomain extends ModelResource {
  securityPolicies: Val<string>[];
}
