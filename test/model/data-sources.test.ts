import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';

describe('Terraform data sources', () => {
  it('describe resources deployed elsewhere: adapters model the managed resource of the same type name only', async () => {
    const out = await scanSnippet('terraform', `
      data "aws_db_instance" "existing" {
        db_instance_identifier = "legacy"
      }
      data "aws_s3_bucket" "existing" {
        bucket = "legacy-logs"
      }
      data "aws_dynamodb_table" "existing" {
        name = "legacy"
      }
      resource "aws_db_instance" "db" {
        engine         = "postgres"
        instance_class = "db.t3.micro"
      }
    `);
    const model = out.model!;
    expect(model.dbInstances.map((d) => d.resource.address)).toEqual(['aws_db_instance.db']);
    expect(model.buckets).toEqual([]);
    expect(model.dynamoTables).toEqual([]);
    expect(out.result.findings.every((f) => !f.resource.address.startsWith('data.'))).toBe(true);
    expect(out.result.findings.some((f) => f.resource.address === 'aws_db_instance.db')).toBe(true);
  });

  it('are not counted among the resources of the scan statistics', async () => {
    const out = await scanSnippet('terraform', `
      data "aws_caller_identity" "current" {}
      data "aws_s3_bucket" "existing" {
        bucket = "legacy-logs"
      }
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }
    `);
    expect(out.result.stats.resources).toBe(1);
  });
});
