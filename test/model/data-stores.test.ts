/**
 * The data stores the encryption rules do not judge yet (they will through the data-store facet):
 * each adapter pair gives the same model for both input kinds, with AWS's documented defaults.
 */
import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

async function both(cfn: string, tf: string) {
  const c = (await scanSnippet('cloudformation', cfn)).model!;
  const t = (await scanSnippet('terraform', tf)).model!;
  return { c, t };
}

describe('data store adapters', () => {
  it('OpenSearch domains: everything off unless set', async () => {
    const { c, t } = await both(`
      Resources:
        Search:
          Type: AWS::OpenSearchService::Domain
        Logs:
          Type: AWS::Elasticsearch::Domain
          Properties:
            EncryptionAtRestOptions: { Enabled: true }
            NodeToNodeEncryptionOptions: { Enabled: true }
            DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }
    `, `
      resource "aws_elasticsearch_domain" "logs" {
        domain_name = "logs"
        encrypt_at_rest {
          enabled = true
        }
        node_to_node_encryption {
          enabled = true
        }
        domain_endpoint_options {
          enforce_https       = true
          tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
        }
      }
      resource "aws_opensearch_domain" "search" {
        domain_name = "search"
      }
    `);
    expect(strip(t.searchDomains)).toEqual(strip(c.searchDomains));
    expect(strip(c.searchDomains[1])).toMatchObject({ atRestEncryption: { provenance: 'default', value: false }, enforceHttps: { value: false }, tlsPolicy: { value: 'Policy-Min-TLS-1-0-2019-07' } });
  });

  it('Redshift: encrypted unless turned off; require_ssl from the parameter group', async () => {
    const { c, t } = await both(`
      Resources:
        Warehouse:
          Type: AWS::Redshift::Cluster
          Properties:
            Encrypted: false
        Params:
          Type: AWS::Redshift::ClusterParameterGroup
          Properties:
            Parameters:
              - { ParameterName: require_ssl, ParameterValue: "true" }
    `, `
      resource "aws_redshift_cluster" "warehouse" {
        cluster_identifier = "warehouse"
        encrypted          = false
      }
      resource "aws_redshift_parameter_group" "params" {
        name   = "params"
        family = "redshift-1.0"
        parameter {
          name  = "require_ssl"
          value = "true"
        }
      }
    `);
    expect(c.redshiftClusters[0]!.encrypted).toMatchObject({ provenance: 'explicit', value: false });
    expect(t.redshiftClusters[0]!.encrypted).toMatchObject({ provenance: 'explicit', value: false });
    expect(c.redshiftParameterGroups[0]!.requireSsl).toMatchObject({ value: true });
    expect(t.redshiftParameterGroups[0]!.requireSsl).toMatchObject({ value: true });
  });

  it('Kinesis and Firehose: unencrypted unless set; DocumentDB and Neptune storage off; MSK in transit on', async () => {
    const { c, t } = await both(`
      Resources:
        Events:
          Type: AWS::Kinesis::Stream
          Properties:
            ShardCount: 1
        Delivery:
          Type: AWS::KinesisFirehose::DeliveryStream
        Docs:
          Type: AWS::DocDB::DBCluster
        Graph:
          Type: AWS::Neptune::DBCluster
          Properties:
            StorageEncrypted: true
        Kafka:
          Type: AWS::MSK::Cluster
          Properties:
            EncryptionInfo:
              EncryptionInTransit: { ClientBroker: TLS_PLAINTEXT }
    `, `
      resource "aws_kinesis_stream" "events" {
        name        = "events"
        shard_count = 1
      }
      resource "aws_kinesis_firehose_delivery_stream" "delivery" {
        name        = "delivery"
        destination = "extended_s3"
      }
      resource "aws_docdb_cluster" "docs" {}
      resource "aws_neptune_cluster" "graph" {
        storage_encrypted = true
      }
      resource "aws_msk_cluster" "kafka" {
        cluster_name = "kafka"
        encryption_info {
          encryption_in_transit {
            client_broker = "TLS_PLAINTEXT"
          }
        }
      }
    `);
    expect(c.streams.map((s) => [s.kind, s.encrypted.value])).toEqual([['delivery-stream', false], ['data-stream', false]]);
    expect(t.streams.map((s) => [s.kind, s.encrypted.value])).toEqual([['delivery-stream', false], ['data-stream', false]]);
    expect(c.documentClusters.map((d) => [d.engine, d.storageEncrypted.value])).toEqual([['docdb', false], ['neptune', true]]);
    expect(t.documentClusters.map((d) => [d.engine, d.storageEncrypted.value])).toEqual([['docdb', false], ['neptune', true]]);
    expect(strip(t.kafkaClusters)).toEqual(strip(c.kafkaClusters));
    expect(strip(c.kafkaClusters[0])).toMatchObject({ clientBroker: { value: 'TLS_PLAINTEXT' }, inCluster: { provenance: 'default', value: true } });
  });
});
