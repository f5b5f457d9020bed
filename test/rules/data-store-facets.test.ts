/**
 * The data-store facet is what the data-store rules read: a store that only an adapter knows
 * about (here a made-up resource type, as Redshift would be) reaches every such rule with no rule
 * change, and both input kinds give the same facets.
 */
import { describe, expect, it } from 'vitest';
import drRegion from '../../rules/reliability/dr-region.js';
import encryptionAtRest from '../../rules/security/encryption-at-rest.js';
import encryptionAtRestMessages from '../../rules/security/encryption-at-rest-messages.js';
import encryptionCustomerKey from '../../rules/security/encryption-customer-key.js';
import { check, model, store, val } from '../helpers/model-builders.js';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfnOnlyRemoved, strip } from '../model/strip.js';

describe('a new kind of data store reaches the data-store rules through its facet', () => {
  it('encryption-at-rest: reports a switch that is off, at the value, with the default it assumed', () => {
    const off = store('Warehouse', { what: 'Redshift cluster', atRest: { kind: 'switch', enabled: val.dflt(false, 'false: unencrypted', 4, 3, 'Properties.Encrypted') } });
    const on = store('Other', { what: 'Redshift cluster', atRest: { kind: 'switch', enabled: val.set(true, 9, 18) } });
    const { findings, notices } = check(encryptionAtRest, model({ facets: { dataStores: [off, on] } }));
    expect(findings).toEqual([{
      messageId: 'unencrypted', line: 4, column: 3, severity: 'high',
      message: 'Redshift cluster is not encrypted at rest: `Encrypted` is not set, so the default applies (false: unencrypted).',
    }]);
    expect(notices).toEqual([]);
  });

  it('encryption-at-rest: a key reference counts as encryption, an unknown switch is undecidable, messages are another rule', () => {
    const keyed = store('Keyed', { atRest: { kind: 'switch', enabled: val.set(false, 3, 5), key: val.unknown('a reference', 4, 5) } });
    const unknown = store('Unknown', { atRest: { kind: 'switch', enabled: val.unknown('a parameter without a default', 7, 22) } });
    const queue = store('Queue', { what: 'Stream', contents: 'messages', atRest: { kind: 'switch', enabled: val.set(false, 12, 20) } });
    const { findings, notices } = check(encryptionAtRest, model({ facets: { dataStores: [keyed, unknown, queue] } }));
    expect(findings).toEqual([]);
    expect(notices).toEqual([{ line: 7, column: 22, message: 'could not decide: Test store encryption at rest is unknown: a parameter without a default' }]);
    const messages = check(encryptionAtRestMessages, model({ facets: { dataStores: [keyed, unknown, queue] } }));
    expect(messages.findings.map((f) => [f.line, f.column, f.severity])).toEqual([[12, 20, 'medium']]);
    expect(messages.notices).toEqual([]);
  });

  it('encryption-customer-key: an always-encrypted store is judged on its key only (low); encryption-at-rest leaves it', () => {
    const owned = store('Owned', { what: 'Timestream database', atRest: { kind: 'always', ownKey: val.dflt(false, 'an AWS-owned key', 2, 3, 'Properties.KmsKeyId') } });
    const { findings } = check(encryptionCustomerKey, model({ facets: { dataStores: [owned] } }));
    expect(findings.map((f) => [f.messageId, f.severity, f.line, f.column])).toEqual([['defaultKey', 'low', 2, 3]]);
    expect(check(encryptionAtRest, model({ facets: { dataStores: [owned] } })).findings).toEqual([]);
  });

  it('dr-region: a store with no copy is reported on the resource, a copy to another region passes', () => {
    const alone = store('Alone', { what: 'Redshift cluster', line: 2 });
    const copied = store('Copied', { what: 'Redshift cluster', line: 8, copies: [{ kind: 'to', at: val.set('us-west-2', 10, 20), region: val.set('us-west-2', 10, 20) }] });
    const cache = store('Cache', { contents: 'cache', line: 14 });
    const { findings } = check(drRegion, model({ facets: { dataStores: [alone, copied, cache] } }));
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.message])).toEqual([
      ['noCopy', 2, 3, 'Redshift cluster has no copy in another region: no AWS Backup copy action to another region found in the scan.'],
    ]);
  });
});

describe('data-store facets from both input kinds', () => {
  it('are the same for the same resources', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Files:
          Type: AWS::EFS::FileSystem
          Properties:
            Encrypted: true
            AvailabilityZoneName: us-east-1a
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            SqsManagedSseEnabled: false
        Topic:
          Type: AWS::SNS::Topic
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            MultiAZ: true
            DBInstanceIdentifier: orders
            DeletionProtection: true
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_efs_file_system" "files" {
        encrypted              = true
        availability_zone_name = "us-east-1a"
      }
      resource "aws_sqs_queue" "queue" {
        sqs_managed_sse_enabled = false
      }
      resource "aws_sns_topic" "topic" {}
      resource "aws_db_instance" "db" {
        multi_az            = true
        identifier          = "orders"
        deletion_protection = true
      }
    `)).model!;
    const shape = (m: typeof cfn): unknown => strip(m.facets.dataStores.map(({ owner, ...rest }) => ({ type: owner.resource.type.replace(/^AWS::|^aws_/, '').toLowerCase(), ...rest })));
    const names = (m: typeof cfn): string[] => m.facets.dataStores.map((s) => s.what).sort();
    expect(names(tf)).toEqual(names(cfn));
    const byWhat = (m: typeof cfn) => Object.fromEntries((shape(m) as { what: string }[]).map((s) => [s.what, { ...s, type: undefined }]));
    // UpdateReplacePolicy exists only in CloudFormation.
    expect(byWhat(tf)).toEqual(cfnOnlyRemoved(byWhat(cfn)));
  });
});
