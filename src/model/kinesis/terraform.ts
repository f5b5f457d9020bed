import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { streamStore } from './facets.js';
import type { Stream } from './types.js';

/*
 * aws_kinesis_stream — `encryption_type` (NONE unless KMS), `kms_key_id`.
 * aws_kinesis_firehose_delivery_stream — `server_side_encryption { enabled (false), key_arn }`;
 * a stream whose source is a Kinesis data stream (`kinesis_source_configuration`) takes that stream's encryption.
 */
const STREAM = 'aws_kinesis_stream';
const DELIVERY_STREAM = 'aws_kinesis_firehose_delivery_stream';
const SSE = 'server_side_encryption';
const SOURCE_STREAM = 'kinesis_source_configuration';
/** An MSK source: server-side encryption of Direct PUT does not apply. */
const SOURCE_MSK = 'msk_source_configuration';

export const adapter: Adapter = {
  service: 'kinesis',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(STREAM)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const type = r.str(['encryption_type'], { value: 'NONE', assumed: 'no encryption' });
      const encrypted = type.provenance === 'unknown' ? type : { ...type, value: type.value === 'KMS' };
      push(model, { resource: r.info(), kind: 'data-stream', encrypted, kmsKey: r.str(['kms_key_id'], { value: '', assumed: 'no key' }) });
    }
    for (const node of graph.ofType(DELIVERY_STREAM)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      if (r.has([SOURCE_STREAM]) || r.has([SOURCE_MSK])) continue;
      push(model, {
        resource: r.info(),
        kind: 'delivery-stream',
        encrypted: r.bool([SSE, 0, 'enabled'], { value: false, assumed: 'no server-side encryption' }),
        kmsKey: r.str([SSE, 0, 'key_arn'], { value: '', assumed: 'an AWS owned key' }),
      });
    }
  },
};

function push(model: Parameters<Adapter['adapt']>[1], s: Stream): void {
  model.streams.push(s);
  model.facets.dataStores.push(streamStore(s));
}
