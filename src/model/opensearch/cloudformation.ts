import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readDomain } from './common.js';

// AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain — EncryptionAtRestOptions { Enabled, KmsKeyId },
// NodeToNodeEncryptionOptions { Enabled }, DomainEndpointOptions { EnforceHTTPS, TLSSecurityPolicy }.
const DOMAINS = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];
const SPELLING = {
  atRest: ['EncryptionAtRestOptions', 'Enabled'],
  kmsKey: ['EncryptionAtRestOptions', 'KmsKeyId'],
  nodeToNode: ['NodeToNodeEncryptionOptions', 'Enabled'],
  enforceHttps: ['DomainEndpointOptions', 'EnforceHTTPS'],
  tlsPolicy: ['DomainEndpointOptions', 'TLSSecurityPolicy'],
};

export const adapter: Adapter = {
  service: 'opensearch',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(...DOMAINS)) model.searchDomains.push(readDomain(new PropertyReader(node, graph, 'Properties'), SPELLING));
  },
};
