import type { Path, PropertyReader } from '../read.js';
import type { SearchDomain } from './types.js';

/** Where one input kind keeps each setting of a domain. */
export interface DomainSpelling {
  atRest: Path;
  kmsKey: Path;
  nodeToNode: Path;
  enforceHttps: Path;
  tlsPolicy: Path;
}

/*
 * Defaults (OpenSearch Service API, CreateDomain): encryption at rest, node-to-node encryption and
 * HTTPS enforcement are off unless requested; the TLS security policy is Policy-Min-TLS-1-0-2019-07.
 */
export function readDomain(r: PropertyReader, s: DomainSpelling): SearchDomain {
  return {
    resource: r.info(),
    atRestEncryption: r.bool(s.atRest, { value: false, assumed: 'false: unencrypted' }),
    kmsKey: r.str(s.kmsKey, { value: '', assumed: 'the AWS managed key' }),
    nodeToNode: r.bool(s.nodeToNode, { value: false, assumed: 'false: plain text between nodes' }),
    enforceHttps: r.bool(s.enforceHttps, { value: false, assumed: 'false: HTTP accepted' }),
    tlsPolicy: r.str(s.tlsPolicy, { value: 'Policy-Min-TLS-1-0-2019-07', assumed: 'Policy-Min-TLS-1-0-2019-07: TLS 1.0 accepted' }),
  };
}
