import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { CloudModel } from '../model.js';
import type { Path, PropertyReader } from '../read.js';
import { explicit, namesKey } from '../val.js';
import type { KafkaCluster, KafkaServerlessCluster } from './types.js';

/** Where one input kind keeps each setting of a cluster. */
export interface ClusterSpelling {
  kmsKey: Path;
  clientBroker: Path;
  inCluster: Path;
  subnets: Path;
}

/*
 * Defaults (MSK API, CreateCluster): data volumes are always encrypted, with the AWS managed key
 * unless a customer key is named; client-broker encryption is TLS and in-cluster encryption true.
 * Brokers are placed in the client subnets, one AZ per subnet (MSK takes two or three).
 */
export function readCluster(r: PropertyReader, s: ClusterSpelling, model: CloudModel): KafkaCluster {
  const c: KafkaCluster = {
    resource: r.info(),
    kmsKey: r.str(s.kmsKey, { value: '', assumed: 'the AWS managed key' }),
    clientBroker: r.str(s.clientBroker, { value: 'TLS', assumed: 'TLS' }),
    inCluster: r.bool(s.inCluster, { value: true, assumed: 'encrypted between brokers' }),
    subnets: r.links(s.subnets),
  };
  model.kafkaClusters.push(c);
  model.facets.dataStores.push(clusterStore(c));
  model.facets.subnetGroups.push({ owner: c, what: 'MSK broker node group', subnets: c.subnets });
  return c;
}

function clusterStore(c: KafkaCluster): DataStore {
  const k = c.kmsKey;
  const cb = c.clientBroker;
  return dataStore(c, 'MSK cluster', {
    contents: 'messages',
    // Always encrypted; a key that is named (a literal or a reference) is the customer's own.
    atRest: { kind: 'always', ownKey: namesKey(k) ? explicit(true, k.origin) : { ...k, value: false } as KafkaCluster['inCluster'] },
    inTransit: [
      { problem: cb.value === 'PLAINTEXT' ? 'accepts only plain-text client connections' : 'accepts plain-text client connections', value: cb, encrypted: cb.value === 'TLS' },
      { problem: 'sends data between its brokers in plain text', value: c.inCluster, encrypted: c.inCluster.value === true },
    ],
  });
}

/** An MSK Serverless cluster and its data-store facet: zones by design, encryption not judged (it cannot be off). */
export function readServerlessCluster(r: PropertyReader, subnets: Path, model: CloudModel): void {
  const c: KafkaServerlessCluster = { resource: r.info(), subnets: r.links(subnets) };
  model.kafkaServerlessClusters.push(c);
  model.facets.dataStores.push(dataStore(c, 'MSK Serverless cluster', { contents: 'messages', zones: { kind: 'by-design' } }));
}
