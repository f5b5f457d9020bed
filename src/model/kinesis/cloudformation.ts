import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { streamStore } from './facets.js';
import type { Stream } from './types.js';

/*
 * AWS::Kinesis::Stream — `StreamEncryption { EncryptionType: KMS, KeyId }`; absent: unencrypted.
 * AWS::KinesisFirehose::DeliveryStream — `DeliveryStreamEncryptionConfigurationInput { KeyType, KeyARN }`;
 * absent: unencrypted (server-side encryption applies to Direct PUT streams; a stream fed by a
 * Kinesis data stream takes that stream's encryption).
 */
const STREAM = 'AWS::Kinesis::Stream';
const DELIVERY_STREAM = 'AWS::KinesisFirehose::DeliveryStream';
const STREAM_ENCRYPTION = 'StreamEncryption';
const DELIVERY_ENCRYPTION = 'DeliveryStreamEncryptionConfigurationInput';
const SOURCE_STREAM = 'KinesisStreamSourceConfiguration';
/** An MSK source: server-side encryption of Direct PUT does not apply. */
const SOURCE_MSK = 'MSKSourceConfiguration';

export const adapter: Adapter = {
  service: 'kinesis',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(STREAM)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const type = r.str([STREAM_ENCRYPTION, 'EncryptionType'], { value: 'NONE', assumed: 'no encryption' });
      const encrypted = type.provenance === 'unknown' ? type : { ...type, value: type.value === 'KMS' };
      push(model, { resource: r.info(), kind: 'data-stream', encrypted, kmsKey: r.str([STREAM_ENCRYPTION, 'KeyId'], { value: '', assumed: 'no key' }) });
    }
    for (const node of graph.ofType(DELIVERY_STREAM)) {
      const r = new PropertyReader(node, graph, 'Properties');
      if (r.has([SOURCE_STREAM]) || r.has([SOURCE_MSK])) continue;
      const encrypted = r.has([DELIVERY_ENCRYPTION])
        ? { provenance: 'explicit' as const, value: true, origin: r.keyOrigin([DELIVERY_ENCRYPTION]) }
        : r.bool([DELIVERY_ENCRYPTION], { value: false, assumed: 'no server-side encryption' });
      push(model, { resource: r.info(), kind: 'delivery-stream', encrypted, kmsKey: r.str([DELIVERY_ENCRYPTION, 'KeyARN'], { value: '', assumed: 'an AWS owned key' }) });
    }
  },
};

function push(model: Parameters<Adapter['adapt']>[1], s: Stream): void {
  model.streams.push(s);
  model.facets.dataStores.push(streamStore(s));
}
