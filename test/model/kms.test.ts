import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

describe('kms adapters', () => {
  it('gives the same key for both kinds, with defaults', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Rotated:
          Type: AWS::KMS::Key
          Properties:
            EnableKeyRotation: true
        Plain:
          Type: AWS::KMS::Key
          Properties:
            KeySpec: RSA_2048
    `)).model!.kmsKeys;
    const tf = (await scanSnippet('terraform', `
      resource "aws_kms_key" "plain" {
        customer_master_key_spec = "RSA_2048"
      }
      resource "aws_kms_key" "rotated" {
        enable_key_rotation = true
      }
    `)).model!.kmsKeys;
    expect(strip(cfn)).toEqual([
      { keySpec: { provenance: 'explicit', value: 'RSA_2048' }, rotation: { provenance: 'default', value: false }, deletionWindow: { provenance: 'default', value: 30 } },
      { keySpec: { provenance: 'default', value: 'SYMMETRIC_DEFAULT' }, rotation: { provenance: 'explicit', value: true }, deletionWindow: { provenance: 'default', value: 30 } },
    ]);
    expect(strip(tf)).toEqual(strip(cfn));
    expect(cfn[1]!.rotation.origin.span.start.line).toBe(5);
    expect(tf[1]!.rotation.origin.span.start.line).toBe(5);
    expect(tf[0]!.rotation).toMatchObject({ provenance: 'default', assumed: 'automatic rotation off' });
  });
});
