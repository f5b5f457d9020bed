import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/config.js';
import { scanSnippet } from '../helpers/scan-snippet.js';
import s3PublicMonitoringRule from '../../rules/security/s3-public-monitoring.js';
import { cfn, ruleTester, tf } from './tester.js';

ruleTester(s3PublicMonitoringRule, [
  // ── CloudFormation ──
  cfn('buckets and nothing that watches them: once, on the first resource', `
    Resources:
      Assets:
        Type: AWS::S3::Bucket
      Uploads:
        Type: AWS::S3::Bucket
  `, [{ messageId: 'noMonitoring', line: 2, column: 3 }]),
  cfn('an unused-access analyzer finds no public buckets', `
    Resources:
      Uploads:
        Type: AWS::S3::Bucket
      Unused:
        Type: AWS::AccessAnalyzer::Analyzer
        Properties:
          Type: ACCOUNT_UNUSED_ACCESS
  `, [{ messageId: 'noMonitoring', line: 4, column: 3 }]),
  cfn('an external-access analyzer', `
    Resources:
      Uploads:
        Type: AWS::S3::Bucket
      Analyzer:
        Type: AWS::AccessAnalyzer::Analyzer
        Properties:
          Type: ORGANIZATION
  `, []),
  cfn('a Config rule for public buckets', `
    Resources:
      Uploads:
        Type: AWS::S3::Bucket
      PublicBuckets:
        Type: AWS::Config::ConfigRule
        Properties:
          Source:
            Owner: AWS
            SourceIdentifier: S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED
  `, []),
  cfn('no buckets, nothing to monitor', `
    Resources:
      Queue:
        Type: AWS::SQS::Queue
  `, []),

  // ── Terraform ──
  tf('a bucket and a Config rule for something else', `
    resource "aws_s3_bucket" "uploads" {
      bucket = "shop-uploads"
    }
    resource "aws_config_config_rule" "volumes" {
      name = "encrypted-volumes"
      source {
        owner             = "AWS"
        source_identifier = "ENCRYPTED_VOLUMES"
      }
    }
  `, [{ messageId: 'noMonitoring', line: 4, column: 1 }]),
  tf('one finding per account: two provider configurations', `
    provider "aws" {
      region              = "us-east-1"
      allowed_account_ids = ["111111111111"]
    }
    provider "aws" {
      alias               = "logs"
      region              = "us-east-1"
      allowed_account_ids = ["222222222222"]
    }
    resource "aws_s3_bucket" "uploads" {
      bucket = "shop-uploads"
    }
    resource "aws_s3_bucket" "logs" {
      provider = aws.logs
      bucket   = "shop-logs"
    }
    resource "aws_macie2_account" "main" {}
  `, [{ messageId: 'noMonitoring', line: 13, column: 1 }]),
  tf('Macie enabled', `
    resource "aws_s3_bucket" "uploads" {
      bucket = "shop-uploads"
    }
    resource "aws_macie2_account" "main" {
      status = "ENABLED"
    }
  `, []),
]);

describe('s3-public-monitoring provided elsewhere', () => {
  it('shows the finding as suppressed, with where the control is met', async () => {
    const config = validateConfig({ providedElsewhere: { 's3-public-monitoring': 'organisation-wide Access Analyzer in the security account' } });
    const { result } = await scanSnippet('terraform', 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\nresource "aws_instance" "b" {\n  ami = "ami-1"\n}\n', { rules: ['s3-public-monitoring'], config });
    expect(result.findings.map((f) => [f.ruleId, f.suppression?.kind, f.suppression?.reason])).toEqual([
      ['s3-public-monitoring', 'external', 'provided elsewhere: organisation-wide Access Analyzer in the security account'],
    ]);
  });
});
