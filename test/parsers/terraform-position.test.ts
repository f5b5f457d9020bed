import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../parsers/terraform/hcl.js';
import { parseTfJson } from '../../parsers/terraform/json.js';
import { attributeOf, blocksOf } from '../../parsers/terraform/ast.js';
import { position } from '../../parsers/terraform/position.js';

describe('shared positions', () => {
  it('gives one object per line and column within the table, a new one beyond it, with the same numbers', () => {
    expect(position(3, 7)).toBe(position(3, 7));
    expect(position(3, 7)).toEqual({ line: 3, column: 7 });
    const farLine = position(100_000, 5);
    expect(farLine).toEqual({ line: 100_000, column: 5 });
    expect(position(100_000, 5)).not.toBe(farLine);
    const farColumn = position(2, 10_000);
    expect(farColumn).toEqual({ line: 2, column: 10_000 });
    expect(position(2, 10_000)).not.toBe(farColumn);
  });

  it('shares the positions of two files where they coincide, and keeps each span right', async () => {
    const a = (await parseHcl('resource "aws_s3_bucket" "a" {\n  bucket = "x"\n}\n', 'a.tf')).file!;
    const b = (await parseHcl('resource "aws_s3_bucket" "b" {\n  bucket = "y"\n}\n', 'b.tf')).file!;
    const [ra, rb] = [blocksOf(a.body, 'resource')[0]!, blocksOf(b.body, 'resource')[0]!];
    expect(ra.span.start).toBe(rb.span.start);
    expect(ra.span).toEqual({ file: 'a.tf', start: { line: 1, column: 1 }, end: { line: 3, column: 2 } });
    expect(rb.span.file).toBe('b.tf');
    const [xa, xb] = [attributeOf(ra.body, 'bucket')!, attributeOf(rb.body, 'bucket')!];
    expect(xa.expr.span.start).toBe(xb.expr.span.start);
    expect(xa.expr.span).toMatchObject({ start: { line: 2, column: 12 }, end: { line: 2, column: 15 } });
  });

  it('keeps positions past the table exact (a long line)', async () => {
    const pad = 'x'.repeat(300);
    const f = (await parseHcl(`a = "${pad}"\nb = 1 # ${pad}\nc = 2\n`, 'long.tf')).file!;
    expect(attributeOf(f.body, 'a')!.expr.span).toMatchObject({ start: { line: 1, column: 5 }, end: { line: 1, column: 307 } });
    expect(attributeOf(f.body, 'c')!.span.start).toEqual({ line: 3, column: 1 });
    expect(f.comments[0]!.span).toMatchObject({ start: { line: 2, column: 7 }, end: { line: 2, column: 309 } });
  });

  it('shares them in .tf.json files too', () => {
    const r = parseTfJson('{\n  "resource": { "aws_s3_bucket": { "a": { "bucket": "x" } } }\n}\n', 'a.tf.json', 'config');
    const again = parseTfJson('{\n  "resource": { "aws_s3_bucket": { "b": { "bucket": "y" } } }\n}\n', 'b.tf.json', 'config');
    const [ra, rb] = [blocksOf(r.file!.body, 'resource')[0]!, blocksOf(again.file!.body, 'resource')[0]!];
    expect(ra.span.start).toEqual(rb.span.start);
    expect(ra.span.start).toBe(rb.span.start);
  });
});
