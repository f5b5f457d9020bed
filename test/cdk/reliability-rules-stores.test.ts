/**
 * The data-store facets of OpenSearch, Kinesis and DocumentDB on CDK input: constructs as an
 * engineer writes them, synthesized in-process, scanned as a cloud assembly, judged by
 * multi-az, encryption-at-rest, encryption-in-transit and dr-region.
 */
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

const RULES = ['multi-az', 'encryption-at-rest', 'encryption-at-rest-messages', 'encryption-in-transit', 'dr-region'];

describe('data stores of issue 12 on CDK', () => {
  it('judge OpenSearch domains, Kinesis streams and DocumentDB clusters', async () => {
    const findings = await synthAndScan((stack) => {
      // Failing: a domain on the construct's defaults (one node, nothing encrypted), an unencrypted stream.
      new opensearch.Domain(stack, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11 });
      new kinesis.Stream(stack, 'Plain', { encryption: kinesis.StreamEncryption.UNENCRYPTED });
      // Passing: a zone-aware domain with dedicated masters, encrypted at rest and in transit; a stream on the Kinesis key.
      new opensearch.Domain(stack, 'Safe', {
        version: opensearch.EngineVersion.OPENSEARCH_2_11,
        capacity: { dataNodes: 3, masterNodes: 3 },
        zoneAwareness: { enabled: true, availabilityZoneCount: 3 },
        encryptionAtRest: { enabled: true },
        nodeToNodeEncryption: true,
        enforceHttps: true,
        tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2,
      });
      new kinesis.Stream(stack, 'Managed', { encryption: kinesis.StreamEncryption.MANAGED });
      // DocumentDB: one instance, storage encrypted by the construct's default.
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 2 });
      new docdb.DatabaseCluster(stack, 'Docs', {
        masterUser: { username: 'docadmin' },
        instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
        instances: 1,
        vpc,
      });
    }, RULES);
    const got = findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['dr-region', 'noCopy', 'Test/Docs/Resource'],
      ['dr-region', 'oneRegion', 'Test/Docs/Resource'],
      ['encryption-at-rest', 'unencrypted', 'Test/Search/Resource'],
      ['encryption-at-rest-messages', 'unencrypted', 'Test/Plain/Resource'],
      ['encryption-in-transit', 'storePlainText', 'Test/Search/Resource'],
      ['encryption-in-transit', 'storePlainText', 'Test/Search/Resource'],
      ['multi-az', 'oneInstance', 'Test/Docs/Resource'],
      ['multi-az', 'oneNode', 'Test/Search/Resource'],
    ]);
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});
