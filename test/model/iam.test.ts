import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

describe('iam policy documents', () => {
  it('reads a KMS key policy the same from a CloudFormation map, JSON text, jsonencode and an aws_iam_policy_document', async () => {
    const cfnMap = (await scanSnippet('cloudformation', `
      Resources:
        Key:
          Type: AWS::KMS::Key
          Properties:
            KeyPolicy:
              Statement:
                Effect: Allow
                Principal: { AWS: ['arn:aws:iam::111122223333:root'], Service: logs.amazonaws.com }
                Action: 'kms:*'
                Resource: '*'
                Condition:
                  StringEquals:
                    aws:PrincipalOrgID: [o-abc]
    `)).model!.kmsKeys[0]!.policy!;
    const cfnText = (await scanSnippet('cloudformation', `
      Resources:
        Key:
          Type: AWS::KMS::Key
          Properties:
            KeyPolicy: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root", "Service": ["logs.amazonaws.com"]}, "Action": ["kms:*"], "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}]}'
    `)).model!.kmsKeys[0]!.policy!;
    const tfJson = (await scanSnippet('terraform', `
      resource "aws_kms_key" "k" {
        policy = jsonencode({
          Statement = {
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::111122223333:root", Service = "logs.amazonaws.com" }
            Action    = "kms:*"
            Resource  = "*"
            Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc" } }
          }
        })
      }
    `)).model!.kmsKeys[0]!.policy!;
    const tfDoc = (await scanSnippet('terraform', `
      data "aws_iam_policy_document" "k" {
        statement {
          actions   = ["kms:*"]
          resources = ["*"]
          principals {
            type        = "AWS"
            identifiers = ["arn:aws:iam::111122223333:root"]
          }
          principals {
            type        = "Service"
            identifiers = ["logs.amazonaws.com"]
          }
          condition {
            test     = "StringEquals"
            variable = "aws:PrincipalOrgID"
            values   = ["o-abc"]
          }
        }
      }
      resource "aws_kms_key" "k" {
        policy = data.aws_iam_policy_document.k.json
      }
    `)).model!.kmsKeys[0]!.policy!;

    const expected = {
      statements: [{
        effect: { provenance: 'explicit', value: 'Allow' },
        principal: { provenance: 'explicit', value: { anyone: false, aws: ['arn:aws:iam::111122223333:root'], service: ['logs.amazonaws.com'], federated: [] } },
        actions: { provenance: 'explicit', value: ['kms:*'] },
        resources: { provenance: 'explicit', value: ['*'] },
        conditions: { provenance: 'explicit', value: [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-abc'] }] },
      }],
    };
    expect(strip(cfnMap)).toEqual(expected);
    expect(strip(cfnText)).toEqual(expected);
    expect(strip(tfJson)).toEqual(expected);
    // The data source's effect is the documented default "Allow".
    expect(strip(tfDoc)).toEqual({ statements: [{ ...expected.statements[0], effect: { provenance: 'default', value: 'Allow' } }] });
    expect(cfnMap.statements[0]!.principal!.origin.span.start.line).toBe(8);
    expect(tfDoc.statements[0]!.conditions.origin.span.start.line).toBe(13);
  });

  it('keeps unknown parts unknown', async () => {
    const { model } = await scanSnippet('cloudformation', `
      Parameters:
        Who:
          Type: String
        Vpce:
          Type: String
      Resources:
        Key:
          Type: AWS::KMS::Key
          Properties:
            KeyPolicy:
              Statement:
                - Effect: Allow
                  Principal: { AWS: !Ref Who }
                  Action: kms:Decrypt
                  Resource: '*'
                  Condition: { StringEquals: { aws:SourceVpce: !Ref Vpce } }
                - Effect: Allow
                  Principal: { AWS: ['*', !Ref Who] }
                  Action: kms:Decrypt
                  Resource: '*'
    `);
    const [a, b] = model!.kmsKeys[0]!.policy!.statements;
    expect(a!.principal!.provenance).toBe('unknown');
    expect(a!.conditions.value).toEqual([{ operator: 'StringEquals', key: 'aws:SourceVpce', values: [], unknownValues: true }]);
    expect(b!.principal).toMatchObject({ provenance: 'explicit', value: { anyone: true } });
  });
});
