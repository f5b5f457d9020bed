/**
 * encryption-at-rest on Auto Scaling launch configurations (issue 11 item 2), CDK input: the
 * `BlockDeviceMappings` a `CfnLaunchConfiguration` synthesizes; encryption-customer-key on ECR
 * repositories (`ecr.Repository` and its `encryption` / `encryptionKey`).
 */
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('encryption-at-rest on CDK launch configurations', () => {
  it('finds an unencrypted block device and passes an encrypted one', async () => {
    const findings = await synthAndScan((stack) => {
      new autoscaling.CfnLaunchConfiguration(stack, 'Plain', {
        imageId: 'ami-12345678',
        instanceType: 't3.micro',
        blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 20, encrypted: false } }],
      });
      new autoscaling.CfnLaunchConfiguration(stack, 'Sealed', {
        imageId: 'ami-12345678',
        instanceType: 't3.micro',
        blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 20, encrypted: true } }],
      });
    }, 'encryption-at-rest');
    expect(findings.map((f) => f.resource.constructPath)).toEqual(['Test/Plain']);
    expect(findings[0]?.message).toContain('EBS block device /dev/xvda is not encrypted at rest: `BlockDeviceMappings[0].Ebs.Encrypted` is false');
  });
});

describe('encryption-customer-key on CDK ECR repositories', () => {
  it('finds the AES256 default and the AWS managed key, and passes a customer key', async () => {
    const findings = await synthAndScan((stack) => {
      new ecr.Repository(stack, 'Plain');
      new ecr.Repository(stack, 'Managed', { encryption: ecr.RepositoryEncryption.KMS });
      new ecr.Repository(stack, 'Owned', { encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }) });
    }, 'encryption-customer-key');
    expect(findings.map((f) => f.resource.constructPath).sort()).toEqual(['Test/Managed/Resource', 'Test/Plain/Resource']);
    expect(findings.find((f) => f.resource.constructPath === 'Test/Managed/Resource')?.message).toContain('the AWS managed key aws/ecr');
  });
});
