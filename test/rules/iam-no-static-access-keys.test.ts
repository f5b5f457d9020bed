import rule from '../../rules/security/iam-no-static-access-keys.js';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from '../cdk/synth.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(rule, [
  cfn('an access key for a user of the template', `
    Resources:
      Ci:
        Type: AWS::IAM::User
      CiKey:
        Type: AWS::IAM::AccessKey
        Properties:
          UserName: !Ref Ci
  `, [{ messageId: 'accessKey', line: 4, column: 3 }]),
  cfn('an inactive key', `
    Resources:
      CiKey:
        Type: AWS::IAM::AccessKey
        Properties:
          UserName: ci
          Status: Inactive
  `, []),
  cfn('a status that is unknown is not a finding', `
    Parameters:
      Status:
        Type: String
    Resources:
      CiKey:
        Type: AWS::IAM::AccessKey
        Properties:
          UserName: ci
          Status: !Ref Status
  `, []),
  tf('an access key', `
    resource "aws_iam_access_key" "ci" {
      user = "ci"
    }
  `, [{ messageId: 'accessKey', line: 1, column: 1 }]),
  tf('an inactive key', `
    resource "aws_iam_access_key" "ci" {
      user   = "ci"
      status = "Inactive"
    }
  `, []),
]);

describe('iam-no-static-access-keys on CDK', () => {
  it('reports the key of iam.AccessKey', async () => {
    const findings = await synthAndScan((stack) => {
      const user = new iam.User(stack, 'Ci');
      new iam.AccessKey(stack, 'CiKey', { user });
    }, 'iam-no-static-access-keys');
    expect(findings.map((f) => [f.messageId, f.resource.type, f.resource.source])).toEqual([['accessKey', 'AWS::IAM::AccessKey', 'cdk']]);
  });
});
