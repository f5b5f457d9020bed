import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { readDomain } from './common.js';

// aws_opensearch_domain, aws_elasticsearch_domain — encrypt_at_rest { enabled, kms_key_id },
// node_to_node_encryption { enabled }, domain_endpoint_options { enforce_https, tls_security_policy }.
const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];
const SPELLING = {
  atRest: ['encrypt_at_rest', 0, 'enabled'],
  kmsKey: ['encrypt_at_rest', 0, 'kms_key_id'],
  nodeToNode: ['node_to_node_encryption', 0, 'enabled'],
  enforceHttps: ['domain_endpoint_options', 0, 'enforce_https'],
  tlsPolicy: ['domain_endpoint_options', 0, 'tls_security_policy'],
};

export const adapter: Adapter = {
  service: 'opensearch',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(...DOMAINS)) {
      if (node.mode === 'managed') model.searchDomains.push(readDomain(new PropertyReader(node, graph, ''), SPELLING));
    }
  },
};
