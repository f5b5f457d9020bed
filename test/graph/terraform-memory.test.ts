import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTerraform } from '../../src/graph/terraform/index.js';
import { listFiles, writeTree } from '../fixtures/terraform/helpers.js';

/**
 * Large scans (issue 14 item 5): past `lazyBytes` of text a file keeps only its module calls until its
 * folder is evaluated, and each folder's trees are let go after the last root that can use them. The
 * graph must be the same, value for value and position for position, as when every file is kept whole.
 */
const TREE: Record<string, string> = {
  'envs/a/main.tf': `
module "store" {
  source = "../../modules/store"
  name   = "a"
}
module "none" {
  source = "../../modules/unused"
  count  = 0
}
# iac-check:ignore encryption-at-rest test bucket, no data
resource "aws_s3_bucket" "own" {
  bucket = "\${var.prefix}-own-bucket-name"
  tags   = local.tags
}
locals {
  tags = { Project = "memory", Environment = "a" }
}
`,
  'envs/a/variables.tf': 'variable "prefix" {\n  type = string\n}\n',
  'envs/a/terraform.tfvars': 'prefix = "team-a"\n',
  'envs/b/main.tf.json': JSON.stringify({ module: { store: { source: '../../modules/store', name: 'b' } }, resource: { aws_sqs_queue: { q: { name: 'queue-b', sqs_managed_sse_enabled: false } } } }, null, 2),
  'envs/c/broken.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = \n',
  'envs/c/ok.tf': 'module "store" {\n  source = "../../modules/store"\n  name   = "c"\n}\n',
  'modules/store/main.tf': `
variable "name" {}
module "inner" {
  source = "../inner"
  name   = var.name
}
resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "data"])
  bucket   = "\${var.name}-\${each.key}-bucket"
  versioning {
    enabled = true # iac-check:ignore versioning a comment on an attribute
  }
}
output "arn" { value = aws_s3_bucket.b["logs"].arn }
`,
  'modules/inner/main.tf': 'variable "name" {}\nresource "aws_sns_topic" "t" {\n  name = "${var.name}-topic-with-a-long-name"\n}\n',
  'modules/unused/main.tf': 'resource "aws_dynamodb_table" "t" {\n  name     = "unused"\n  hash_key = "id"\n}\n',
};

describe('Terraform build of a large scan', () => {
  it('builds the same graph, errors and notes when files are parsed again at evaluation', async () => {
    const root = writeTree(TREE);
    try {
      const files = listFiles(root);
      const whole = await buildTerraform({ root, files });
      const lazy = await buildTerraform({ root, files, lazyBytes: 0 });
      const nodes = whole.parts.flatMap((p) => p.nodes);
      // the fixture exercises what the lazy path must complete: module calls two levels deep, the
      // folder of a count = 0 call (built on its own afterwards), comments, a syntax error
      expect(nodes.map((n) => n.id)).toContain('envs/a::module.store.module.inner.aws_sns_topic.t');
      expect(nodes.map((n) => n.id)).toContain('modules/unused::aws_dynamodb_table.t');
      expect(nodes.find((n) => n.id === 'envs/a::aws_s3_bucket.own')!.suppressions.length).toBe(1);
      expect(whole.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['envs/c/broken.tf:3']);
      expect(lazy.parts).toEqual(whole.parts);
      expect(lazy.errors).toEqual(whole.errors);
      expect(lazy.notes).toEqual(whole.notes);
      expect(lazy.unresolvedModules).toEqual(whole.unresolvedModules);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('builds the modules-app fixture the same way', async () => {
    const root = join(import.meta.dirname, '../fixtures/terraform/modules-app');
    const files = listFiles(root);
    const whole = await buildTerraform({ root, files });
    const lazy = await buildTerraform({ root, files, lazyBytes: 0 });
    expect(whole.parts.flatMap((p) => p.nodes).length).toBeGreaterThan(3);
    expect(lazy.parts).toEqual(whole.parts);
    expect(lazy.errors).toEqual(whole.errors);
    expect(lazy.notes).toEqual(whole.notes);
  });
});
