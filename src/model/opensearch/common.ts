import type { DataStore } from '../facets.js';
import { dataStore } from '../facets.js';
import type { Path, PropertyReader } from '../read.js';
import type { SearchDomain } from './types.js';

/** Where one input kind keeps each setting of a domain. */
export interface DomainSpelling {
  atRest: Path;
  kmsKey: Path;
  nodeToNode: Path;
  enforceHttps: Path;
  tlsPolicy: Path;
  instanceCount: Path;
  zoneAwareness: Path;
  dedicatedMaster: Path;
  subnets: Path;
}

/*
 * Defaults (OpenSearch Service API, CreateDomain; Terraform aws_opensearch_domain): encryption at
 * rest, node-to-node encryption and HTTPS enforcement are off unless requested; the TLS security
 * policy is Policy-Min-TLS-1-0-2019-07. The cluster has one data node (`InstanceCount` /
 * `instance_count` 1), zone awareness off and no dedicated master nodes unless configured.
 */
export function readDomain(r: PropertyReader, s: DomainSpelling): SearchDomain {
  return {
    resource: r.info(),
    atRestEncryption: r.bool(s.atRest, { value: false, assumed: 'false: unencrypted' }),
    kmsKey: r.str(s.kmsKey, { value: '', assumed: 'the AWS managed key' }),
    nodeToNode: r.bool(s.nodeToNode, { value: false, assumed: 'false: plain text between nodes' }),
    enforceHttps: r.bool(s.enforceHttps, { value: false, assumed: 'false: HTTP accepted' }),
    tlsPolicy: r.str(s.tlsPolicy, { value: 'Policy-Min-TLS-1-0-2019-07', assumed: 'Policy-Min-TLS-1-0-2019-07: TLS 1.0 accepted' }),
    instanceCount: r.num(s.instanceCount, { value: 1, assumed: '1 data node' }),
    zoneAwareness: r.bool(s.zoneAwareness, { value: false, assumed: 'false: every node in one Availability Zone' }),
    dedicatedMaster: r.bool(s.dedicatedMaster, { value: false, assumed: 'false: the data nodes also elect the master' }),
    subnets: r.links(s.subnets),
  };
}

/** TLS policies of a domain endpoint that still accept TLS 1.0 and 1.1. */
const OLD_TLS = new Set(['Policy-Min-TLS-1-0-2019-07']);

export function domainStore(d: SearchDomain): DataStore {
  const tls = d.tlsPolicy;
  return dataStore(d, 'OpenSearch domain', {
    contents: 'index',
    atRest: { kind: 'switch', enabled: d.atRestEncryption, key: d.kmsKey },
    zones: { kind: 'zone-aware', nodes: d.instanceCount, zoneAware: d.zoneAwareness, managers: d.dedicatedMaster, subnets: d.subnets },
    inTransit: [
      { problem: 'sends data between its nodes in plain text', value: d.nodeToNode, encrypted: d.nodeToNode.value === true },
      { problem: 'accepts plain HTTP on its endpoint', value: d.enforceHttps, encrypted: d.enforceHttps.value === true },
      // Only when HTTPS is enforced does the TLS policy matter.
      ...(d.enforceHttps.value === true ? [{ problem: 'accepts TLS 1.0 and 1.1 on its endpoint', value: tls, encrypted: tls.value !== undefined && !OLD_TLS.has(tls.value) }] : []),
    ],
  });
}
