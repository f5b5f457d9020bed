import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';

// A principal ARN whose account is known only at deploy time is still a named principal, never "*".
describe('policy principals built from templates', () => {
  it('CloudFormation: !Sub arn:aws:iam::${AWS::AccountId}:root', async () => {
    const { result, model } = await scanSnippet('cloudformation', `
      Resources:
        Site:
          Type: AWS::S3::Bucket
        Policy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Site
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Principal:
                    AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
                  Action: s3:GetObject
                  Resource: !Sub '\${Site.Arn}/*'
    `, { rules: ['s3-public-access'] });
    const principal = model!.buckets[0]!.policies[0]!.statements[0]!.principal;
    expect(principal).toMatchObject({ provenance: 'explicit', value: { anyone: false, aws: ['arn:aws:iam::${…}:root'] } });
    expect(result.notices.filter((n) => n.message.includes('principal'))).toEqual([]);
    expect(result.findings.filter((f) => f.messageId === 'publicPolicy')).toEqual([]);
  });

  it('Terraform: identifiers with an interpolated account id', async () => {
    const { model } = await scanSnippet('terraform', `
      data "aws_caller_identity" "current" {}

      resource "aws_s3_bucket" "site" {
        bucket = "site"
      }

      data "aws_iam_policy_document" "site" {
        statement {
          actions   = ["s3:GetObject"]
          resources = ["\${aws_s3_bucket.site.arn}/*"]
          principals {
            type        = "AWS"
            identifiers = ["arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"]
          }
        }
      }

      resource "aws_s3_bucket_policy" "site" {
        bucket = aws_s3_bucket.site.id
        policy = data.aws_iam_policy_document.site.json
      }
    `);
    const principal = model!.buckets[0]!.policies[0]!.statements[0]!.principal;
    expect(principal).toMatchObject({ provenance: 'explicit', value: { anyone: false, aws: ['arn:aws:iam::${…}:root'] } });
  });

  it('a wholly unknown principal stays unknown', async () => {
    const { model } = await scanSnippet('cloudformation', `
      Parameters:
        Who:
          Type: String
      Resources:
        Site:
          Type: AWS::S3::Bucket
        Policy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Site
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Principal:
                    AWS: !Ref Who
                  Action: s3:GetObject
                  Resource: '*'
    `);
    expect(model!.buckets[0]!.policies[0]!.statements[0]!.principal?.provenance).toBe('unknown');
  });
});
