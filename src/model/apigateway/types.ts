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
