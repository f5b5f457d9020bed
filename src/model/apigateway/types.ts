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
