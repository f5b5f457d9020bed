import rule from '../../rules/security/s3-public-write.js';
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
  cfn('public-read-write canned ACL', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: PublicReadWrite${PAB}
  `, [{ messageId: 'publicAcl', line: 5, column: 22 }]),
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
  `, [{ messageId: 'publicPolicy', line: 17, column: 11 }]),
  // ── Terraform ──
  tf('legacy inline ACL from a variable default, public access block as a separate resource', `
    variable "acl" {
      default = "public-read-write"
    }

    resource "aws_s3_bucket" "site" {
      bucket = "site"
      acl    = var.acl
    }
${TF_PAB}
  `, [{ messageId: 'publicAcl', line: 7, column: 12 }]),
  tf('legacy inline JSON policy text', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
      policy = <<-EOT
        {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}]}
      EOT
    }
${TF_PAB}
  `, [{ messageId: 'publicPolicy', line: 3, column: 12 }]),
  cfn('public read access is s3-public-access, not this rule', `
    Resources:
      Site:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: PublicRead
  `),
  tf('a WRITE grant to AllUsers in a separate ACL resource', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }

    resource "aws_s3_bucket_acl" "site" {
      bucket = aws_s3_bucket.site.id
      access_control_policy {
        grant {
          grantee {
            type = "Group"
            uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
          }
          permission = "WRITE"
        }
        owner {
          id = "abc"
        }
      }
    }
  `, [{ messageId: 'publicGrant', line: 8, column: 5 }]),
  tf('a READ grant to AllUsers is s3-public-access, not this rule', `
    resource "aws_s3_bucket" "site" {
      bucket = "site"
    }

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
  `),
  tf('a private ACL passes', `
    resource "aws_s3_bucket" "uploads" {
      bucket = "uploads"
    }

    resource "aws_s3_bucket_acl" "uploads" {
      bucket = aws_s3_bucket.uploads.id
      acl    = "private"
    }
  `),  cfn('a bucket policy letting anyone write into a bucket of another stack (a parameter) is critical whatever the bucket', `
    Parameters:
      UploadBucket:
        Type: String
    Resources:
      UploadPolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref UploadBucket
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: '*'
                Action: s3:PutObject
                Resource: !Sub 'arn:aws:s3:::\${UploadBucket}/*'
  `, [{ messageId: 'publicPolicy', line: 11, column: 13 }]),  tf('an access point whose policy lets anyone write, whatever the bucket', `
    resource "aws_s3_access_point" "drop" {
      bucket = "bucket-of-another-stack"
      name   = "drop"
      policy = jsonencode({
        Statement = [{
          Effect    = "Allow"
          Principal = "*"
          Action    = ["s3:PutObject"]
          Resource  = "arn:aws:s3:eu-west-1:111111111111:accesspoint/drop/object/*"
        }]
      })
    }
  `, [{ messageId: 'accessPointPolicy', line: 5, column: 18 }]),
]);
