import type { ModelResource, Val } from '../val.js';

export interface Topic extends ModelResource {
  kmsKey: Val<string>;
}
