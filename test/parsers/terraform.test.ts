import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTerraform } from '../../src/graph/terraform/index.js';
import { parseHcl } from '../../parsers/terraform/hcl.js';
import { parseTfJson } from '../../parsers/terraform/json.js';
import { attributeOf, blocksOf } from '../../parsers/terraform/ast.js';

describe('terraform HCL parser', () => {
  it('keeps line and column of blocks, attributes and nested blocks', async () => {
    const src = 'resource "aws_security_group" "sg" {\n  name = "x"\n\n  ingress {\n    from_port = 22\n  }\n}\n';
    const r = await parseHcl(src, 'a/main.tf');
    expect(r.error).toBeUndefined();
    const b = blocksOf(r.file!.body, 'resource')[0]!;
    expect(b.labels).toEqual(['aws_security_group', 'sg']);
    expect(b.span).toMatchObject({ file: 'a/main.tf', start: { line: 1, column: 1 }, end: { line: 7, column: 2 } });
    const name = attributeOf(b.body, 'name')!;
    expect(name.span.start).toEqual({ line: 2, column: 3 });
    expect(name.expr.span.start).toEqual({ line: 2, column: 10 });
    const ing = blocksOf(b.body, 'ingress')[0]!;
    expect(ing.span.start).toEqual({ line: 4, column: 3 });
    expect(attributeOf(ing.body, 'from_port')!.span.start).toEqual({ line: 5, column: 5 });
  });

  it('reads templates, heredocs and comments', async () => {
    const src = 'x = "a\\n${b}c"\n# note\ny = <<-EOT\n    one\n      two\n    EOT\n';
    const r = await parseHcl(src, 'm.tf');
    expect(r.error).toBeUndefined();
    const x = attributeOf(r.file!.body, 'x')!.expr;
    expect(x.k).toBe('template');
    const y = attributeOf(r.file!.body, 'y')!.expr;
    expect(y).toMatchObject({ k: 'lit', value: 'one\n  two\n' });
    expect(r.file!.comments[0]).toMatchObject({ text: '# note', span: { start: { line: 2, column: 1 } } });
  });

  it('reports an unexpected brace with its position', async () => {
    const r = await parseHcl('resource "a" "b" {\n  x = 1\n}\n}\n', 'bad.tf');
    expect(r.error).toMatchObject({ file: 'bad.tf', line: 4, column: 1, kind: 'syntax' });
    expect(r.error!.message).toContain("unexpected '}'");
  });

  it('names the bracket left open and unexpected tokens', async () => {
    const a = await parseHcl('resource "a" "b" {\n  tags = {\n    a = 1\n}\n', 'o.tf');
    expect(a.error?.message).toBe("missing '}' for the '{' opened at line 1, column 18");
    const b = await parseHcl('resource "a" "b" {\n  x = 1\n  y = = 2\n}\n', 'e.tf');
    expect(b.error).toMatchObject({ line: 3, column: 7, message: "unexpected '=': expected an expression" });
    const c = await parseHcl('x = "abc\ny = 2\n', 's.tf');
    expect(c.error?.message).toMatch(/unterminated string/);
  });

  it('reports an unterminated heredoc', async () => {
    const r = await parseHcl('a = <<EOT\nhello\n', 'h.tf');
    expect(r.error?.message).toMatch(/unterminated heredoc/);
    expect(r.error?.file).toBe('h.tf');
  });

  it('parses .tf.json with Terraform JSON syntax', () => {
    const r = parseTfJson('{"resource": {"aws_s3_bucket": {"b": {"bucket": "x", "versioning": {"enabled": true}, "tags": {"a": "b"}}}}}', 'j.tf.json', 'config');
    expect(r.error).toBeUndefined();
    const b = blocksOf(r.file!.body, 'resource')[0]!;
    expect(b.labels).toEqual(['aws_s3_bucket', 'b']);
    expect(blocksOf(b.body, 'versioning')).toHaveLength(1);
    expect(attributeOf(b.body, 'tags')!.expr.k).toBe('object');
  });

  it('reports JSON syntax errors with position', () => {
    const r = parseTfJson('{\n  "a": 1,\n  }', 'j.tf.json', 'config');
    expect(r.error).toMatchObject({ line: 3, column: 3 });
  });

  it('parses and builds a 10 MB .tf file without crashing', async () => {
    const one = 'resource "aws_s3_bucket" "b%" {\n  bucket = "name-%"\n  tags = { Name = "x", Env = "prod" }\n  versioning {\n    enabled = true\n  }\n}\n';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10_000_000; i++) {
      const s = one.replace(/%/g, String(i));
      parts.push(s);
      size += s.length;
    }
    const dir = mkdtempSync(join(tmpdir(), 'iac-tf-big-'));
    try {
      writeFileSync(join(dir, 'big.tf'), parts.join(''));
      const t0 = Date.now();
      const r = await buildTerraform({ root: dir, files: [{ path: join(dir, 'big.tf'), rel: 'big.tf', kind: 'terraform' }] });
      expect(r.errors).toEqual([]);
      const nodes = r.parts.flatMap((p) => p.nodes);
      expect(nodes.length).toBe(parts.length);
      expect(nodes[nodes.length - 1]!.span.start.line).toBe((parts.length - 1) * 7 + 1);
      expect(Date.now() - t0).toBeLessThan(90_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
