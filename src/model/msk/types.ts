import type { Link, ModelResource, Val } from '../val.js';

/** An MSK cluster: always encrypted at rest; in transit as configured. */
export interface KafkaCluster extends ModelResource {
  /** The at-rest key: '' (default) for the AWS managed key. */
  kmsKey: Val<string>;
  /** `TLS` (default), `TLS_PLAINTEXT` or `PLAINTEXT`. */
  clientBroker: Val<string>;
  /** Encryption between brokers: true unless set. */
  inCluster: Val<boolean>;
  /** The brokers' client subnets: one Availability Zone each. */
  subnets: Val<Link>[];
}
