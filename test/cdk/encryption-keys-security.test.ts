/**
 * encryption-customer-key on CDK log groups (second task of the security helper): `logs.LogGroup`
 * without `encryptionKey` uses the CloudWatch Logs service key; with one, a key of the customer's.
 */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('encryption-customer-key on CDK log groups', () => {
  it('reports the log group on the service key and passes the one with a KMS key', async () => {
    const findings = await synthAndScan((stack) => {
      new logs.LogGroup(stack, 'Plain', { retention: logs.RetentionDays.ONE_YEAR });
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      new logs.LogGroup(stack, 'Keyed', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key });
    }, 'encryption-customer-key');
    const got = findings.map((f) => [f.messageId, f.resource.constructPath]);
    expect(got).toEqual([['defaultKey', 'Test/Plain/Resource']]);
    expect(findings[0]?.message).toContain('`KmsKeyId` is not set, so the default applies (CloudWatch Logs encrypts the events with its own service key)');
  });
});
