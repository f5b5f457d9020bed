import type { Val } from '../val.js';

/** Nodes per shard from a replica count: the primary plus its replicas. */
export function plusPrimary(replicas: Val<number>): Val<number> {
  return replicas.provenance === 'unknown' ? replicas : { ...replicas, value: replicas.value + 1 };
}
