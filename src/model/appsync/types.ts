import type { ModelResource, Val } from '../val.js';

/** An AppSync GraphQL API. */
export interface GraphqlApi extends ModelResource {
  /** `GLOBAL` (reachable from the internet, the default) or `PRIVATE`. */
  visibility: Val<string>;
}
