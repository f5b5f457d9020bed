import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { Stream } from './types.js';

/*
 * Kinesis Data Streams keep records unencrypted unless server-side encryption is asked for
 * (`StreamEncryption` / `encryption_type = "KMS"`); Firehose delivery streams fed by Direct PUT
 * likewise (`DeliveryStreamEncryptionConfigurationInput` / `server_side_encryption`). Both hold
 * records in flight (a retention window, a buffer), so they are messages, not data kept for good.
 * The key alone does not encrypt a stream (the encryption type must be KMS), so it is not passed.
 */
export function streamStore(s: Stream): DataStore {
  return dataStore(s, s.kind === 'data-stream' ? 'Kinesis data stream' : 'Firehose delivery stream', {
    contents: 'messages',
    atRest: { kind: 'switch', enabled: s.encrypted },
  });
}
