import { describe, expect, it } from 'vitest';
import { CLOUDFORMATION_SERVICES } from '../../src/graph/cloudformation/services.js';
import { TERRAFORM_SERVICES } from '../../src/graph/terraform/services.js';
import { styleOf } from '../../src/diagram/services.js';

describe('diagram service spellings', () => {
  const formats = [['cloudformation', CLOUDFORMATION_SERVICES], ['terraform', TERRAFORM_SERVICES]] as const;

  for (const [source, spelling] of formats) {
    it(`every ${source} exact type draws as the service its table names (a service without a style would draw as generic AWS)`, () => {
      for (const [service, keys] of spelling.types) {
        for (const key of keys.filter((k) => !spelling.isPrefix(k))) expect(styleOf({ source, type: key }).service, key).toBe(service);
      }
    });
  }

  it('reads the table of the node\'s format, so the same name in the other spelling is not matched', () => {
    expect(styleOf({ source: 'terraform', type: 'aws_s3_bucket' }).service).toBe('S3');
    expect(styleOf({ source: 'cdk', type: 'AWS::S3::Bucket' }).service).toBe('S3');
    expect(styleOf({ source: 'cloudformation', type: 'aws_s3_bucket' }).service).toBe('AWS');
    expect(styleOf({ source: 'terraform-plan', type: 'aws_s3_bucket_policy' }).role).toBe('fold');
    expect(styleOf({ source: 'cloudformation', type: 'AWS::RDS::DBCluster' }).service).toBe('Aurora');
    expect(styleOf({ source: 'cloudformation', type: 'AWS::RDS::DBInstance' }).service).toBe('RDS');
  });
});
