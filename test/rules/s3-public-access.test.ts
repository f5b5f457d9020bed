import rule from '../../rules/security/s3-public-access.js';
import { describe, expect, it } from 'vitest';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';
import { cfn, ruleTester, tf } from './tester.js';

const PAB = `
          PublicAccessBlockConfiguration:
            BlockPublicAcls: true
            IgnorePublicAcls: true
            BlockPublicPolicy: true
            RestrictPublicBuckets: true`;

const TF_PAB = `
    resource "aws_s3_bucket_public_access_block" "site" {
      bucket                  = aws_s3_bucket.site.id
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
      restrict_public_buckets = true
    }`;

ruleTester(rule, [
  // ── CloudFormation ──
  cfn('public-read canned ACL', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: PublicRead${PAB}
  `, [{ messageId: 'publicAcl', line: 5, column: 22 }]),
  cfn('public-read-write canned ACL is critical', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: PublicReadWrite${PAB}
  `, []),
  cfn('authenticated-read canned ACL', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: AuthenticatedRead${PAB}
  `, [{ messageId: 'authenticatedAcl', line: 5, column: 22 }]),
  cfn('a parameter default resolving to PublicRead', `
    Parameters:
      Acl:
        Type: String
        Default: PublicRead
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: !Ref Acl${PAB}
  `, [{ messageId: 'publicAcl', line: 9, column: 22 }]),
  cfn('Fn::If on a decided condition', `
    Parameters:
      Env:
        Type: String
        Default: dev
    Conditions:
      IsDev: !Equals [!Ref Env, dev]
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: !If [IsDev, PublicRead, Private]${PAB}
  `, [{ messageId: 'publicAcl', line: 11, column: 34 }]),
  cfn('Fn::If on an undecided condition is not a finding', `
    Parameters:
      Env:
        Type: String
    Conditions:
      IsDev: !Equals [!Ref Env, dev]
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: !If [IsDev, PublicRead, Private]${PAB}
  `, [], { undecidable: [{ line: 10, column: 22 }] }),
  cfn('private bucket with the whole block', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: Private${PAB}
  `, []),
  cfn('no public access block', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: site
  `, []),
  cfn('a block flag set to false', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          PublicAccessBlockConfiguration:
            BlockPublicAcls: true
            IgnorePublicAcls: true
            BlockPublicPolicy: false
            RestrictPublicBuckets: true
  `, [{ messageId: 'accessBlockFlagOff', line: 8, column: 28 }]),
  cfn('a block flag not set', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          PublicAccessBlockConfiguration:
            BlockPublicAcls: true
            IgnorePublicAcls: true
            BlockPublicPolicy: true
  `, [{ messageId: 'accessBlockFlagUnset', line: 5, column: 7 }]),
  cfn('a block flag from a parameter default false', `
    Parameters:
      Block:
        Type: String
        Default: 'false'
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          PublicAccessBlockConfiguration:
            BlockPublicAcls: !Ref Block
            IgnorePublicAcls: true
            BlockPublicPolicy: true
            RestrictPublicBuckets: true
  `, [{ messageId: 'accessBlockFlagOff', line: 10, column: 26 }]),
  cfn('a block flag from a parameter without default is undecidable', `
    Parameters:
      Block:
        Type: String
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          PublicAccessBlockConfiguration:
            BlockPublicAcls: !Ref Block
            IgnorePublicAcls: true
            BlockPublicPolicy: true
            RestrictPublicBuckets: true
  `, [], { undecidable: [{ line: 9, column: 26 }] }),
  cfn('bucket policy in a separate resource allows "*"', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Sid: PublicRead
                Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: !Sub '\${Site.Arn}/*'
  `, [{ messageId: 'publicPolicy', line: 16, column: 13 }]),
  cfn('bucket policy joined by literal name, AWS "*" with write actions', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: my-site${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: my-site
          PolicyDocument:
            Statement:
              Effect: Allow
              Principal: { AWS: ['*'] }
              Action: ['s3:GetObject', 's3:PutObject']
              Resource: arn:aws:s3:::my-site/*
  `, []),
  cfn('a negated condition does not limit', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: '*'
                Condition:
                  StringNotEquals:
                    aws:SourceVpce: vpce-1234
  `, [{ messageId: 'publicPolicy', line: 16, column: 13 }]),
  ...['aws:SourceVpcArn', 'aws:VpceAccount', 'aws:VpceOrgID', 'aws:VpceOrgPaths', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:PrincipalAccount', 'aws:PrincipalOrgPaths', 'aws:SourceVpc'].map((key) =>
    cfn(`a fixed ${key} limits a "*" statement`, `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: '*'
                Condition:
                  StringEquals:
                    ${key}: o-abc123/r-1/ou-2/
  `, [])),
  cfn('a wildcard value of a limiting key does not limit', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: '*'
                Condition:
                  StringLike:
                    aws:SourceVpce: vpce-*
  `, [{ messageId: 'publicPolicy', line: 16, column: 13 }]),
  cfn('a policy variable as the value does not limit', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: '*'
                Condition:
                  StringEquals:
                    aws:SourceAccount: '\${aws:PrincipalAccount}'
  `, [{ messageId: 'publicPolicy', line: 16, column: 13 }]),
  cfn('policy limited to a VPC endpoint from a parameter', `
    Parameters:
      Endpoint:
        Type: String
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: '*'
                Condition:
                  StringEquals:
                    aws:SourceVpce: !Ref Endpoint
  `, []),
  cfn('policy limited to the organization, a Deny to "*", a named principal', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { AWS: '*' }
                Action: s3:GetObject
                Resource: '*'
                Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }
              - Effect: Deny
                Principal: '*'
                Action: 's3:*'
                Resource: '*'
                Condition: { Bool: { aws:SecureTransport: 'false' } }
              - Effect: Allow
                Principal: { AWS: arn:aws:iam::111122223333:root }
                Action: s3:GetObject
                Resource: '*'
  `, []),
  cfn('a principal that is not known is not a finding', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
                Action: s3:GetObject
                Resource: '*'
  `, []),
  cfn('Allow with NotPrincipal, and an IfExists condition, are public', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:${PAB}
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Site
          PolicyDocument:
            Statement:
              - Effect: Allow
                NotPrincipal: { AWS: arn:aws:iam::111122223333:root }
                Action: s3:GetObject
                Resource: '*'
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: '*'
                Condition: { StringEqualsIfExists: { aws:SourceVpce: vpce-1 } }
  `, [{ messageId: 'publicPolicy', line: 16, column: 13 }, { messageId: 'publicPolicy', line: 20, column: 13 }]),
  cfn('a whole public access block behind an undecided condition is not a finding', `
    Parameters:
      Env:
        Type: String
    Conditions:
      IsProd: !Equals [!Ref Env, prod]
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          PublicAccessBlockConfiguration: !If
            - IsProd
            - { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
            - !Ref AWS::NoValue
  `, [], { undecidable: [{ line: 10, column: 39 }] }),
  // ── Terraform ──
  tf('public-read through a separate ACL resource, no public access block', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }

    resource "aws_s3_bucket_acl" "site" {
      bucket = aws_s3_bucket.site.id
      acl    = "public-read"
    }
  `, [{ messageId: 'publicAcl', line: 7, column: 12 }]),
  tf('legacy inline ACL from a variable default, public access block as a separate resource', `
    variable "acl" {
      default = "public-read-write"
    }

    resource "aws_s3_bucket" "site" {
      bucket = "site"
      acl    = var.acl
    }
${TF_PAB}
  `, []),
  tf('an ACL from a variable without default is not a finding', `
    variable "acl" {
      type = string
    }

    resource "aws_s3_bucket" "site" {
      bucket = "site"
      acl    = var.acl
    }
${TF_PAB}
  `, []),
  tf('public access block with a flag off', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }

    resource "aws_s3_bucket_public_access_block" "site" {
      bucket                  = aws_s3_bucket.site.id
      block_public_acls       = true
      ignore_public_acls      = false
      block_public_policy     = true
      restrict_public_buckets = true
    }
  `, [{ messageId: 'accessBlockFlagOff', line: 8, column: 29 }]),
  tf('public access block joined by literal name with a flag missing', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }

    resource "aws_s3_bucket_public_access_block" "site" {
      bucket                  = "site"
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
    }
  `, [{ messageId: 'accessBlockFlagUnset', line: 5, column: 1 }]),
  tf('private bucket with the whole block', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
  `, []),
  tf('a bucket without any public access block', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
  `, []),
  tf('jsonencode policy allowing "*"', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
    resource "aws_s3_bucket_policy" "site" {
      bucket = aws_s3_bucket.site.id
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "\${aws_s3_bucket.site.arn}/*"
        }]
      })
    }
  `, [{ messageId: 'publicPolicy', line: 15, column: 18 }]),
  tf('policy document data source with principals "*"', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
    data "aws_iam_policy_document" "site" {
      statement {
        actions   = ["s3:GetObject"]
        resources = ["\${aws_s3_bucket.site.arn}/*"]
        principals {
          type        = "*"
          identifiers = ["*"]
        }
      }
    }

    resource "aws_s3_bucket_policy" "site" {
      bucket = aws_s3_bucket.site.id
      policy = data.aws_iam_policy_document.site.json
    }
  `, [{ messageId: 'publicPolicy', line: 13, column: 3 }]),
  tf('jsonencode policy limited by aws:VpceOrgID', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
    resource "aws_s3_bucket_policy" "site" {
      bucket = aws_s3_bucket.site.id
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "\${aws_s3_bucket.site.arn}/*"
          Condition = { StringEquals = { "aws:VpceOrgID" = "o-abc123" } }
        }]
      })
    }
  `, []),
  tf('jsonencode policy whose aws:SourceVpcArn is a wildcard', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
    resource "aws_s3_bucket_policy" "site" {
      bucket = aws_s3_bucket.site.id
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "\${aws_s3_bucket.site.arn}/*"
          Condition = { ArnLike = { "aws:SourceVpcArn" = "arn:aws:ec2:*:*:vpc/*" } }
        }]
      })
    }
  `, [{ messageId: 'publicPolicy', line: 15, column: 18 }]),
  tf('policy document data source limited to a VPC endpoint', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
    data "aws_iam_policy_document" "site" {
      statement {
        actions   = ["s3:GetObject"]
        resources = ["\${aws_s3_bucket.site.arn}/*"]
        principals {
          type        = "AWS"
          identifiers = ["*"]
        }
        condition {
          test     = "StringEquals"
          variable = "aws:SourceVpce"
          values   = ["vpce-0123"]
        }
      }
    }

    resource "aws_s3_bucket_policy" "site" {
      bucket = aws_s3_bucket.site.id
      policy = data.aws_iam_policy_document.site.json
    }
  `, []),
  tf('legacy inline JSON policy text', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
      policy = <<-EOT
        {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}]}
      EOT
    }
${TF_PAB}
  `, []),
  tf('a grant to AllUsers in a separate ACL resource', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
${TF_PAB}
    resource "aws_s3_bucket_acl" "site" {
      bucket = aws_s3_bucket.site.id
      access_control_policy {
        grant {
          grantee {
            type = "Group"
            uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
          }
          permission = "READ"
        }
        owner {
          id = "abc"
        }
      }
    }
  `, [{ messageId: 'publicGrant', line: 15, column: 5 }]),
  tf('the account public access block with all four settings on covers a bucket without its own', `
    resource "aws_s3_account_public_access_block" "account" {
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
      restrict_public_buckets = true
    }
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
  `, []),
  tf('an account public access block with a setting off leaves a bucket without its own reported', `
    resource "aws_s3_account_public_access_block" "account" {
      block_public_acls   = true
      block_public_policy = true
    }
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }
  `, []),
  tf('a public bucket policy on a bucket that is not in the scan (var.bucket) is still public', `
    variable "bucket" {
      type = string
    }
    resource "aws_s3_bucket_policy" "site" {
      bucket = var.bucket
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Sid       = "Public"
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "arn:aws:s3:::site/*"
        }]
      })
    }
  `, [{ messageId: 'publicPolicy', line: 8, column: 18 }]),
  tf('a public-read ACL and a partial public access block on an undeclared bucket name', `
    resource "aws_s3_bucket_acl" "site" {
      bucket = "bucket-of-another-stack"
      acl    = "public-read"
    }
    resource "aws_s3_bucket_public_access_block" "site" {
      bucket                  = "bucket-of-another-stack"
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
      restrict_public_buckets = false
    }
  `, [{ messageId: 'publicAcl', line: 3, column: 12 }, { messageId: 'accessBlockFlagOff', line: 10, column: 29 }]),
  tf('a limited bucket policy on var.bucket is no finding, and no public access block is demanded of it', `
    variable "bucket" {
      type = string
    }
    resource "aws_s3_bucket_policy" "site" {
      bucket = var.bucket
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "arn:aws:s3:::site/*"
          Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1234" } }
        }]
      })
    }
  `, []),  cfn('a public bucket policy on a bucket given as a parameter (not in the template) is still public', `
    Parameters:
      BucketName:
        Type: String
    Resources:
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref BucketName
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: !Sub 'arn:aws:s3:::\${BucketName}/*'
  `, [{ messageId: 'publicPolicy', line: 11, column: 13 }]),
  cfn('a public bucket policy on an imported bucket and on a literal name of another stack', `
    Resources:
      Imported:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !ImportValue shared-assets-bucket
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { AWS: '*' }
                Action: s3:GetObject
                Resource: arn:aws:s3:::shared-assets/*
      Named:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: bucket-of-another-stack
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: ['s3:GetObject', 's3:ListBucket']
                Resource: ['arn:aws:s3:::bucket-of-another-stack', 'arn:aws:s3:::bucket-of-another-stack/*']
  `, [{ messageId: 'publicPolicy', line: 8, column: 13 }, { messageId: 'publicPolicy', line: 18, column: 13 }]),
  cfn('a limited bucket policy on a parameter bucket is no finding, and no public access block is demanded of it', `
    Parameters:
      BucketName:
        Type: String
    Resources:
      SitePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref BucketName
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: !Sub 'arn:aws:s3:::\${BucketName}/*'
                Condition: { StringEquals: { 'aws:SourceVpce': vpce-1234 } }
  `, []),  cfn('an access point with a public policy, on a bucket outside the template', `
    Parameters:
      BucketName:
        Type: String
    Resources:
      Shared:
        Type: AWS::S3::AccessPoint
        Properties:
          Bucket: !Ref BucketName
          Policy:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: !Sub 'arn:aws:s3:\${AWS::Region}:\${AWS::AccountId}:accesspoint/shared/object/*'
  `, [{ messageId: 'accessPointPolicy', line: 11, column: 13 }]),
  cfn('an access point that turns block public access settings off', `
    Resources:
      Open:
        Type: AWS::S3::AccessPoint
        Properties:
          Bucket: bucket-of-another-stack
          PublicAccessBlockConfiguration:
            BlockPublicAcls: true
            BlockPublicPolicy: false
            RestrictPublicBuckets: false
  `, [{ messageId: 'accessPointBlockFlagOff', line: 8, column: 28 }, { messageId: 'accessPointBlockFlagOff', line: 9, column: 32 }]),
  cfn('access points without a block (AWS turns it on), and a VPC access point with an open policy, pass', `
    Resources:
      Plain:
        Type: AWS::S3::AccessPoint
        Properties:
          Bucket: some-bucket
      Internal:
        Type: AWS::S3::AccessPoint
        Properties:
          Bucket: some-bucket
          VpcConfiguration:
            VpcId: vpc-0123456789abcdef0
          Policy:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:GetObject
                Resource: arn:aws:s3:eu-west-1:111111111111:accesspoint/internal/object/*
  `, []),
  tf('an access point with a public policy on var.bucket, and one policy attached by aws_s3control_access_point_policy', `
    variable "bucket" {
      type = string
    }
    resource "aws_s3_access_point" "shared" {
      bucket = var.bucket
      name   = "shared"
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = "s3:GetObject"
          Resource  = "arn:aws:s3:eu-west-1:111111111111:accesspoint/shared/object/*"
        }]
      })
    }
    resource "aws_s3_access_point" "later" {
      bucket = var.bucket
      name   = "later"
    }
    resource "aws_s3control_access_point_policy" "later" {
      access_point_arn = aws_s3_access_point.later.arn
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = { AWS = "*" }
          Action    = "s3:GetObject"
          Resource  = "\${aws_s3_access_point.later.arn}/object/*"
        }]
      })
    }
  `, [{ messageId: 'accessPointPolicy', line: 8, column: 18 }, { messageId: 'accessPointPolicy', line: 23, column: 18 }]),
  tf('an access point turning a setting off is reported unless its bucket in the scan blocks it', `
    resource "aws_s3_access_point" "open" {
      bucket = "bucket-of-another-stack"
      name   = "open"
      public_access_block_configuration {
        block_public_acls       = true
        block_public_policy     = false
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
    }
    resource "aws_s3_bucket" "covered" {
      bucket = "covered"
    }
    resource "aws_s3_bucket_public_access_block" "covered" {
      bucket                  = aws_s3_bucket.covered.id
      block_public_acls       = true
      ignore_public_acls      = true
      block_public_policy     = true
      restrict_public_buckets = true
    }
    resource "aws_s3_access_point" "covered" {
      bucket = aws_s3_bucket.covered.id
      name   = "covered"
      public_access_block_configuration {
        block_public_policy = false
      }
    }
  `, [{ messageId: 'accessPointBlockFlagOff', line: 6, column: 31 }]),
]);

// Regression: a principal written as a resource's ARN (`!GetAtt AppRole.Arn`) names that role and is never "*":
// the statement is decided (not public), rather than reported as undecidable.
describe('s3-public-access: a principal given as a GetAtt of an ARN (CloudFormation)', () => {
  it('is a named principal, neither a finding nor a notice', async () => {
    const { result } = await scanFiles({ 'template.yaml': dedent(`
      Resources:
        AppRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
        Data:
          Type: AWS::S3::Bucket
          Properties:
            PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
        DataPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Data
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: {AWS: [!GetAtt AppRole.Arn, '*']}
                  Action: s3:GetObject
                  Resource: !Sub '\${Data.Arn}/*'
                - Effect: Allow
                  Principal: {AWS: !GetAtt AppRole.Arn}
                  Action: [s3:GetObject, s3:PutObject]
                  Resource: !Sub '\${Data.Arn}/*'
    `) }, { rules: ['s3-public-access'] });
    expect(result.findings.map((f) => [f.messageId, f.location.span.start.line])).toEqual([['publicPolicy', 16]]);
    expect(result.notices).toEqual([]);
  });
});
