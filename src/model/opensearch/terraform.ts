import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { domainStore, readDomain } from './common.js';

// aws_opensearch_domain, aws_elasticsearch_domain — encrypt_at_rest { enabled, kms_key_id },
// node_to_node_encryption { enabled }, domain_endpoint_options { enforce_https, tls_security_policy },
// cluster_config { instance_count, zone_awareness_enabled, dedicated_master_enabled }.
const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];
const SPELLING = {
  atRest: ['encrypt_at_rest', 0, 'enabled'],
  kmsKey: ['encrypt_at_rest', 0, 'kms_key_id'],
  nodeToNode: ['node_to_node_encryption', 0, 'enabled'],
  enforceHttps: ['domain_endpoint_options', 0, 'enforce_https'],
  tlsPolicy: ['domain_endpoint_options', 0, 'tls_security_policy'],
  instanceCount: ['cluster_config', 0, 'instance_count'],
  zoneAwareness: ['cluster_config', 0, 'zone_awareness_enabled'],
  dedicatedMaster: ['cluster_config', 0, 'dedicated_master_enabled'],
  subnets: ['vpc_options', 0, 'subnet_ids'],
};

export const adapter: Adapter = {
  service: 'opensearch',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(...DOMAINS)) {
      if (node.mode !== 'managed') continue;
      const d = readDomain(new PropertyReader(node, graph, ''), SPELLING);
      model.searchDomains.push(d);
      model.facets.dataStores.push(domainStore(d));
    }
  },
};
