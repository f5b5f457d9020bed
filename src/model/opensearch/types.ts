import type { Link, ModelResource, Val } from '../val.js';

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
  /** Data nodes (1 unless set). */
  instanceCount: Val<number>;
  /** Zone awareness: nodes and replica shards spread over two or three AZs (off unless set). */
  zoneAwareness: Val<boolean>;
  /** Dedicated master nodes (none unless set). */
  dedicatedMaster: Val<boolean>;
  /** Subnets of a VPC domain (`VPCOptions.SubnetIds`, `vpc_options { subnet_ids }`): one per zone its nodes use. */
  subnets: Val<Link>[];
}
