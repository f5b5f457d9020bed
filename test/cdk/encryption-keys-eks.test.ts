/**
 * encryption-customer-key on CDK EKS clusters: without an encryption configuration for "secrets",
 * EKS envelope-encrypts Kubernetes API data with an AWS-owned key; with one, a key of the customer's.
 */
import * as eks from 'aws-cdk-lib/aws-eks';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('encryption-customer-key on CDK EKS clusters', () => {
  it('reports the cluster without a secrets key and passes the one with a KMS key', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = { subnetIds: ['subnet-1', 'subnet-2'] };
      new eks.CfnCluster(stack, 'Plain', { roleArn: 'arn:aws:iam::111122223333:role/eks', resourcesVpcConfig: vpc });
      const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
      new eks.CfnCluster(stack, 'Keyed', {
        roleArn: 'arn:aws:iam::111122223333:role/eks',
        resourcesVpcConfig: vpc,
        encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: key.keyArn } }],
      });
    }, 'encryption-customer-key');
    const got = findings.map((f) => [f.messageId, f.resource.constructPath]);
    expect(got).toEqual([['defaultKey', 'Test/Plain']]);
    expect(findings[0]?.message).toContain('AWS-owned key');
  });
});
