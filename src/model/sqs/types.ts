import type { ModelResource, Val } from '../val.js';

export interface Queue extends ModelResource {
  /** SSE-SQS; on by default for queues created since late 2022. */
  managedSse: Val<boolean>;
  kmsKey: Val<string>;
}
