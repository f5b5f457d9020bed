import type { ModelResource, Val } from '../val.js';

/** A Kinesis data stream or a Firehose delivery stream: encrypted at rest only when asked. */
export interface Stream extends ModelResource {
  kind: 'data-stream' | 'delivery-stream';
  encrypted: Val<boolean>;
  kmsKey: Val<string>;
}
