import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { DomainSpelling } from './common.js';
import { domainStore, readDomain } from './common.js';

// AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain — EncryptionAtRestOptions { Enabled, KmsKeyId },
// NodeToNodeEncryptionOptions { Enabled }, DomainEndpointOptions { EnforceHTTPS, TLSSecurityPolicy },
// ClusterConfig (Elasticsearch: ElasticsearchClusterConfig) { InstanceCount, ZoneAwarenessEnabled, DedicatedMasterEnabled }.
const SPELLING = {
  atRest: ['EncryptionAtRestOptions', 'Enabled'],
  kmsKey: ['EncryptionAtRestOptions', 'KmsKeyId'],
  nodeToNode: ['NodeToNodeEncryptionOptions', 'Enabled'],
  enforceHttps: ['DomainEndpointOptions', 'EnforceHTTPS'],
  tlsPolicy: ['DomainEndpointOptions', 'TLSSecurityPolicy'],
  subnets: ['VPCOptions', 'SubnetIds'],
};
const cluster = (block: string): Pick<DomainSpelling, 'instanceCount' | 'zoneAwareness' | 'dedicatedMaster'> => ({
  instanceCount: [block, 'InstanceCount'], zoneAwareness: [block, 'ZoneAwarenessEnabled'], dedicatedMaster: [block, 'DedicatedMasterEnabled'],
});
const DOMAINS: Record<string, DomainSpelling> = {
  'AWS::OpenSearchService::Domain': { ...SPELLING, ...cluster('ClusterConfig') },
  'AWS::Elasticsearch::Domain': { ...SPELLING, ...cluster('ElasticsearchClusterConfig') },
};

export const adapter: Adapter = {
  service: 'opensearch',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const [type, spelling] of Object.entries(DOMAINS)) {
      for (const node of graph.ofType(type)) {
        const d = readDomain(new PropertyReader(node, graph, 'Properties'), spelling);
        model.searchDomains.push(d);
        model.facets.dataStores.push(domainStore(d));
      }
    }
  },
};
