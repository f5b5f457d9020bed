import type { ModelResource, Val } from '../val.js';

/** An OpenSearch Service (or Elasticsearch Service) domain. */
export interface SearchDomain extends ModelResource {
  /** Encryption at rest: off unless enabled. */
  atRestEncryption: Val<boolean>;
  kmsKey: Val<string>;
  /** Node-to-node TLS inside the domain: off unless enabled. */
  nodeToNode: Val<boolean>;
  /** HTTPS required on the domain endpoint: off unless set. */
  enforceHttps: Val<boolean>;
  /** The endpoint's TLS policy (`Policy-Min-TLS-1-0-2019-07` unless set). */
  tlsPolicy: Val<string>;
}
