/**
 * encryption-at-rest on Auto Scaling launch configurations (issue 11 item 2), CDK input: the
 * `BlockDeviceMappings` a `CfnLaunchConfiguration` synthesizes.
 */
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
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
