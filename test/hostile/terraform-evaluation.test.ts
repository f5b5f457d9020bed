/**
 * Regression tests, one per class of hostile Terraform input seen in issue 7: each ends quickly,
 * the value over a limit is unknown (never reported as bad), and the insecure sibling is still reported.
 */
import { describe, expect, it } from 'vitest';
import { scanHostile } from './helpers.js';
import { toPlain, valueShape } from '../../src/graph/value.js';
import { LIMITS } from '../../src/core/limits.js';

const tf = (body: string): Record<string, string> => ({ 'tf/main.tf': body });
const tagOf = async (body: string, name = 'Name') => {
  const out = await scanHostile(tf(`${body}\nresource "aws_s3_bucket" "b" {\n  tags = { ${name} = local.x }\n}\n`));
  const node = out.graph!.nodes.find((n) => n.address === 'aws_s3_bucket.b');
  if (!node) throw new Error(`no bucket: ${JSON.stringify(out.result.errors)}`);
  const tags = node.properties.entries.get('tags');
  expect(out.result.errors.filter((e) => e.kind === 'internal')).toEqual([]);
  return { out, value: tags?.kind === 'map' ? tags.entries.get(name) : undefined };
};

describe('Terraform evaluation stays within its budgets', () => {
  it('format() with a precision over 100 is unknown, not a crash', async () => {
    const { value } = await tagOf('locals { x = format("%.101f", 1) }');
    expect(value?.kind).toBe('unknown');
  });

  it('format() still formats what it can', async () => {
    const { value } = await tagOf('locals { x = format("%05d-%s-%.2f-%x", 42, "a", 3.14159, 255) }');
    expect(value).toMatchObject({ kind: 'string', value: '00042-a-3.14-ff' });
  });

  it('nested join/replace over locals that double each level stop at the string limit', async () => {
    const levels = Array.from({ length: 40 }, (_, i) => `  l${i + 1} = join(local.l${i}, [local.l${i}, local.l${i}, local.l${i}])`).join('\n');
    const { out, value } = await tagOf(`locals {\n  l0 = "aaaaaaaaaa"\n${levels}\n  x = replace(local.l40, "a", "bb")\n}`);
    expect(value?.kind).toBe('unknown');
    expect(out.result.notes.join('\n')).toMatch(/evaluation limit reached/);
  });

  it('range() with huge bounds is unknown, and ends', async () => {
    const { value } = await tagOf('locals { x = length(range(9007199254740992, 9007199254741992000)) }');
    expect(value?.kind).toBe('unknown');
  });

  it('range() counts as Terraform does', async () => {
    const { value } = await tagOf('locals { x = join(",", range(1, 10, 3)) }');
    expect(value).toMatchObject({ kind: 'string', value: '1,4,7' });
  });

  it('replace() with a catastrophic pattern runs in linear time (RE2)', async () => {
    const { value, out } = await tagOf(`locals { x = replace("${'a'.repeat(5000)}!", "/(a+)+$/", "") }`);
    expect(value).toMatchObject({ kind: 'string', value: `${'a'.repeat(5000)}!` });
    expect(out.elapsed).toBeLessThan(20_000);
  });

  it('regex(), regexall() and replace() follow RE2 semantics: groups, named groups, ${1}', async () => {
    expect((await tagOf('locals { x = replace("a-1 b-2", "/(\\\\w)-(\\\\d)/", "$2$${1}") }')).value).toMatchObject({ value: '1a 2b' });
    expect((await tagOf('locals { x = join(",", regex("(\\\\d+)-(\\\\d+)", "x 10-20 y")) }')).value).toMatchObject({ value: '10,20' });
    expect((await tagOf('locals { x = regex("(?P<k>[a-z]+)=", "key=v").k }')).value).toMatchObject({ value: 'key' });
    expect((await tagOf('locals { x = length(regexall("[0-9]", "a1b22")) }')).value).toMatchObject({ value: 3 });
    // Lookahead is JavaScript syntax, not RE2: Terraform rejects it, so the value is not known.
    expect((await tagOf('locals { x = replace("ab", "/a(?=b)/", "") }')).value?.kind).toBe('unknown');
    expect((await tagOf('locals { x = can(regex("(", "x")) }')).value?.kind).toBe('unknown');
  });

  it('40 levels of {a = m, b = m} through jsonencode is refused by its size, in linear time', async () => {
    const levels = Array.from({ length: 40 }, (_, i) => `  m${i + 1} = { a = local.m${i}, b = local.m${i} }`).join('\n');
    const { value, out } = await tagOf(`locals {\n  m0 = { k = "v" }\n${levels}\n  x = jsonencode(local.m40)\n}`);
    // The levels past the size limit are unknown; the ones above them are small maps of unknowns.
    expect(value && valueShape(value).size).toBeLessThanOrEqual(LIMITS.valueSize);
    expect(JSON.stringify(toPlain(value!))).not.toContain('"v"');
    expect(out.result.notes.join('\n')).toMatch(/nodes and characters in one value/);
  });

  it('cidrsubnet() and other functions with missing or extra arguments are unknown', async () => {
    for (const call of ['cidrsubnet()', 'cidrsubnet("10.0.0.0/16")', 'element([1], 1e400)', 'slice([1,2], -1, 1e300)', 'lookup()', 'zipmap()', 'format()', 'format("%s %s", "a")', 'join()', 'substr()', 'range()']) {
      const { value, out } = await tagOf(`locals { x = ${call} }`);
      expect(out.result.errors, call).toEqual([]);
      expect(value?.kind, call).toBe('unknown');
    }
  });

  it('a for expression over a huge range is bounded', async () => {
    const { value } = await tagOf('locals { x = length([for i in range(100000) : i]) }');
    expect(value?.kind).toBe('unknown');
  });

  it('count = 1e9 is a number literal (HCL), bounded by the instance limit', async () => {
    const out = await scanHostile(tf('resource "aws_s3_bucket" "b" {\n  count = 1e9\n}\n'));
    expect(out.result.errors.filter((e) => e.kind === 'syntax')).toEqual([]);
  });

  it('numbers with exponents parse, strings that look like them stay text', async () => {
    expect((await tagOf('locals { x = 1e3 + 1.5E3 + 2e-1 }')).value).toMatchObject({ value: 2500.2 });
    expect((await tagOf('locals { x = "v1e9 and 1e9" }')).value).toMatchObject({ value: 'v1e9 and 1e9' });
    expect((await tagOf('locals { x = <<EOT\n1e9\nEOT\n}')).value).toMatchObject({ value: '1e9\n' });
  });

  it('1,500 nested dynamic blocks: a clear nesting error, no stack overflow', async () => {
    const open = Array.from({ length: 1500 }, () => 'dynamic "d" {\nfor_each = [1]\ncontent {\n').join('');
    const close = '}\n}\n'.repeat(1500);
    const out = await scanHostile(tf(`resource "aws_security_group" "g" {\n${open}${close}}\n`));
    expect(out.result.errors).toContainEqual(expect.objectContaining({ file: 'tf/main.tf', kind: 'limit', message: expect.stringMatching(/nested deeper than 200/) }));
  });
});
