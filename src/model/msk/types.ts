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

/**
 * An MSK Serverless cluster: always encrypted at rest (AWS managed keys only) and in transit (TLS, IAM
 * access control only), and spread over the zones of its subnets by the service (MSK developer guide,
 * "MSK Serverless"): nothing a template can turn off, so the data-store facet says so and no rule finds it.
 */
export interface KafkaServerlessCluster extends ModelResource {
  subnets: Val<Link>[];
}
