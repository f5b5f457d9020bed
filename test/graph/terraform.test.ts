import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, buildFiles } from '../fixtures/terraform/helpers.js';
import { toPlain, type Value } from '../../src/graph/value.js';

const fixtures = join(import.meta.dirname, '../fixtures/terraform');
const prop = (v: Value | undefined, k: string): Value | undefined => (v && v.kind === 'map' ? v.entries.get(k) : undefined);

async function one(body: string, extra: Record<string, string> = {}) {
  const r = await buildFiles({ 'main.tf': body, ...extra });
  return r;
}

describe('terraform graph: expressions', () => {
  it('evaluates literals, templates, directives, conditionals, operators and for expressions', async () => {
    const r = await one(`
locals {
  names = ["a", "b", "c"]
  m     = { x = 1, y = 2 }
}
resource "aws_thing" "t" {
  s    = "v-\${local.names[1]}-%{ if 1 + 2 == 3 }yes%{ else }no%{ endif }"
  f    = "%{ for n in local.names }\${n},%{ endfor }"
  c    = length(local.names) > 2 ? "big" : "small"
  l    = [for n in local.names : upper(n) if n != "b"]
  o    = { for k, v in local.m : k => v * 10 }
  j    = join("-", concat(local.names, ["d"]))
  mg   = merge(local.m, { z = 3 })
  lk   = lookup(local.m, "q", "dflt")
  cs   = cidrsubnet("10.0.0.0/16", 8, 2)
  sp   = split(",", "a,b")
  fm   = format("%s-%d", "x", 3)
  fl   = flatten([[1], [2, [3]]])
  ds   = distinct(["a", "a", "b"])
  ct   = contains(["a"], "a")
  ks   = keys({ b = 1, a = 2 })
  co   = coalesce("", "z")
  cp   = compact(["", "a"])
  tr   = try(local.nope.x, "fallback")
  rp   = replace("a-b", "-", "_")
  js   = jsondecode("{\\"a\\": [1]}")
  u    = timestamp()
  h    = <<EOT
hello \${local.names[0]}
EOT
}`);
    expect(r.errors).toEqual([]);
    const p = r.byAddr('aws_thing.t').properties;
    const plain = toPlain(p) as Record<string, unknown>;
    expect(plain).toMatchObject({
      s: 'v-b-yes', f: 'a,b,c,', c: 'big', l: ['A', 'C'], o: { x: 10, y: 20 }, j: 'a-b-c-d', mg: { x: 1, y: 2, z: 3 }, lk: 'dflt',
      cs: '10.0.2.0/24', sp: ['a', 'b'], fm: 'x-3', fl: [1, 2, 3], ds: ['a', 'b'], ct: true, ks: ['a', 'b'], co: 'z', cp: ['a'],
      tr: 'fallback', rp: 'a_b', js: { a: [1] }, h: 'hello a\n',
    });
    expect(p.entries.get('u')).toMatchObject({ kind: 'unknown' });
  });

  it('keeps references as refs, and refs inside strings as unknowns with refs', async () => {
    const r = await one(`
resource "aws_s3_bucket" "b" {}
resource "aws_kms_key" "k" {}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  key    = aws_kms_key.k.arn
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Resource = "arn:aws:s3:::\${aws_s3_bucket.b.id}/*" }]
  })
  depends_on = [aws_kms_key.k]
}`);
    const n = r.byAddr('aws_s3_bucket_policy.p');
    expect(n.properties.entries.get('bucket')).toMatchObject({ kind: 'ref', target: '.::aws_s3_bucket.b', attribute: 'id' });
    expect(n.properties.entries.get('key')).toMatchObject({ kind: 'ref', target: '.::aws_kms_key.k', attribute: 'arn' });
    const pol = n.properties.entries.get('policy')!;
    expect(pol.kind).toBe('map');
    const res = prop((prop(pol, 'Statement') as { items: Value[] }).items[0], 'Resource');
    expect(res).toMatchObject({ kind: 'unknown', refs: ['.::aws_s3_bucket.b'] });
    expect(n.dependsOn).toEqual(['.::aws_kms_key.k']);
    expect(r.edges).toContainEqual({ from: n.id, to: '.::aws_s3_bucket.b', kind: 'reference', path: 'bucket' });
    expect(r.edges).toContainEqual({ from: n.id, to: '.::aws_kms_key.k', kind: 'depends-on', path: 'depends_on' });
    expect(r.edges.some((e) => e.path === 'policy.Statement.0.Resource')).toBe(true);
    expect(n.properties.entries.has('depends_on')).toBe(false);
  });

  it('evaluates AZ lookups, self, path.module, each.value and keeps unknowns unknown', async () => {
    const r = await one(`
provider "aws" { region = "eu-central-1" }
data "aws_availability_zones" "az" {}
variable "flag" {}
resource "aws_s3_bucket" "b" {}
resource "aws_subnet" "s" {
  count = 2
  a     = element(data.aws_availability_zones.az.names, count.index)
  b     = slice(data.aws_availability_zones.az.names, 0, 2)
  c     = var.flag ? "x" : "y"
  d     = upper(aws_s3_bucket.b.id)
  e     = path.module
  f     = self.id
}
resource "aws_x" "m" {
  for_each = { one = { size = 1 } }
  size     = each.value.size
  key      = each.key
}`);
    const s1 = r.byAddr('aws_subnet.s[1]').properties;
    expect(s1.entries.get('a')).toMatchObject({ kind: 'az', index: 1, region: 'eu-central-1' });
    expect(s1.entries.get('b')).toMatchObject({ kind: 'list', items: [{ kind: 'az', index: 0 }, { kind: 'az', index: 1 }] });
    expect(s1.entries.get('c')).toMatchObject({ kind: 'unknown', options: [{ value: 'x' }, { value: 'y' }] });
    expect(s1.entries.get('d')).toMatchObject({ kind: 'unknown', refs: ['.::aws_s3_bucket.b'] });
    expect(s1.entries.get('e')).toMatchObject({ value: '.' });
    expect(s1.entries.get('f')).toMatchObject({ kind: 'ref', target: '.::aws_subnet.s[1]', attribute: 'id' });
    expect(toPlain(r.byAddr('aws_x.m["one"]').properties)).toEqual({ size: 1, key: 'one' });
  });

  it('keeps a heredoc JSON policy with references structured', async () => {
    const r = await one(`
resource "aws_s3_bucket" "b" {}
resource "aws_s3_bucket_policy" "p" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Deny", "Resource": ["\${aws_s3_bucket.b.arn}", "\${aws_s3_bucket.b.arn}/*"] }]
}
EOF
}`);
    const pol = r.byAddr('aws_s3_bucket_policy.p').properties.entries.get('policy')!;
    expect(pol.kind).toBe('map');
    const st = (prop(pol, 'Statement') as { items: Value[] }).items[0];
    expect(prop(st, 'Effect')).toMatchObject({ value: 'Deny' });
    expect(prop(st, 'Resource')).toMatchObject({ kind: 'list', items: [{ kind: 'ref', target: '.::aws_s3_bucket.b', attribute: 'arn' }, { kind: 'unknown', refs: ['.::aws_s3_bucket.b'] }] });
  });

  it('survives self-referencing locals and huge for expressions', async () => {
    const r = await one(`
locals {
  a = local.b
  b = local.a
  big = [for i in range(100000) : i]
}
resource "aws_x" "y" {
  v = local.a
  w = local.big
}`);
    const p = r.byAddr('aws_x.y').properties;
    expect(p.entries.get('v')).toMatchObject({ kind: 'unknown' });
    expect(p.entries.get('w')).toMatchObject({ kind: 'unknown' });
  });
});

describe('terraform graph: bounds', () => {
  it('does not overflow the stack on long chains of locals and deep nesting', async () => {
    const chain = Array.from({ length: 3000 }, (_, i) => `  l${i} = local.l${i + 1}`).join('\n');
    const deep = '['.repeat(250) + '1' + ']'.repeat(250);
    const r = await one(`locals {\n${chain}\n  l3000 = ${deep}\n}\nresource "aws_x" "y" {\n  v = local.l0\n  w = [for a in range(10000) : [for b in range(10000) : b]]\n}\n`);
    expect(r.errors.map((e) => e.message)).toEqual([]);
    const v = r.byAddr('aws_x.y').properties.entries.get('v')!;
    expect(v.kind).toBe('unknown');
    expect(r.byAddr('aws_x.y').properties.entries.get('w')!.kind).toBe('unknown');
  });
});

describe('terraform graph: instances', () => {
  it('expands count and for_each with Terraform addresses, count = 0 gives nothing', async () => {
    const r = await one(`
resource "aws_subnet" "private" {
  count      = 3
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
resource "aws_subnet" "none" {
  count = 0
}
resource "aws_s3_bucket" "each" {
  for_each = toset(["a", "b"])
  bucket   = "b-\${each.key}"
}
resource "aws_x" "unk" {
  count = var.n
}
variable "n" {}
resource "aws_y" "uses" {
  ids = aws_subnet.private[*].id
  one = aws_subnet.private[1].id
  u   = aws_x.unk[0].id
}`);
    const addrs = r.nodes.map((n) => n.address).sort();
    expect(addrs).toEqual(['aws_s3_bucket.each["a"]', 'aws_s3_bucket.each["b"]', 'aws_subnet.private[0]', 'aws_subnet.private[1]', 'aws_subnet.private[2]', 'aws_x.unk', 'aws_y.uses']);
    expect(r.byAddr('aws_subnet.private[2]').properties.entries.get('cidr_block')).toMatchObject({ value: '10.0.2.0/24' });
    expect(r.byAddr('aws_s3_bucket.each["b"]').id).toBe('.::aws_s3_bucket.each["b"]');
    const u = r.byAddr('aws_y.uses').properties;
    expect(toPlain(u)).toBeDefined();
    expect(u.entries.get('ids')).toMatchObject({ kind: 'list', items: [{ target: '.::aws_subnet.private[0]' }, {}, {}] });
    expect(u.entries.get('one')).toMatchObject({ kind: 'ref', target: '.::aws_subnet.private[1]', attribute: 'id' });
    expect(u.entries.get('u')).toMatchObject({ kind: 'ref', target: '.::aws_x.unk', attribute: 'id' });
  });

  it('expands dynamic blocks and nested blocks, lifecycle becomes deletionPolicy', async () => {
    const r = await one(`
variable "ports" { default = [80, 443] }
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
    }
  }
  egress {
    to_port = 0
  }
  lifecycle {
    prevent_destroy = true
  }
}`);
    const n = r.byAddr('aws_security_group.sg');
    expect(toPlain(n.properties)).toEqual({ ingress: [{ from_port: 80 }, { from_port: 443 }], egress: [{ to_port: 0 }] });
    expect(n.deletionPolicy).toMatchObject({ kind: 'boolean', value: true });
  });

  it('applies tfvars precedence: default < terraform.tfvars < auto.tfvars < var files < vars', async () => {
    const tf = `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
resource "aws_x" "x" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
}`;
    const files = { 'main.tf': tf, 'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"', 'x.auto.tfvars': 'c = "auto"\nd = "auto"', 'extra.vars': 'd = "file"' };
    const { writeTree, build: b } = await import('../fixtures/terraform/helpers.js');
    const root = writeTree(files);
    const r = await b(root, { varFiles: [join(root, 'extra.vars')] });
    expect(toPlain(r.byAddr('aws_x.x').properties)).toEqual({ a: 'default', b: 'tfvars', c: 'auto', d: 'file' });
    // an attribute whose whole value comes from a variable is anchored at the attribute
    expect(r.byAddr('aws_x.x').properties.entries.get('d')!.span).toMatchObject({ file: 'main.tf', start: { line: 10, column: 7 } });
    expect(r.notes).toEqual([]);
    const r2 = await b(root, { varFiles: [join(root, 'extra.vars')], vars: { d: 'cli' } });
    expect(toPlain(r2.byAddr('aws_x.x').properties)).toMatchObject({ d: 'cli' });
  });

  it('anchors values written in .tfvars at the .tf attribute that uses them, whole or as an element', async () => {
    const tf = `
variable "cidr" { type = string }
variable "cidrs" { type = list(string) }
variable "tags" { type = map(string) }
locals {
  office = "198.51.100.0/24"
}
resource "aws_x" "x" {
  one   = [var.cidr, local.office]
  all   = var.cidrs
  tags  = merge(var.tags, { Team = "web" })
}`;
    const r = await buildFiles({ 'main.tf': tf, 'terraform.tfvars': 'cidr  = "0.0.0.0/0"\ncidrs = ["10.0.0.0/8"]\ntags  = { Env = "prod" }\n' });
    const p = r.byAddr('aws_x.x').properties.entries;
    const at = (v: Value | undefined) => v && { file: v.span.file, line: v.span.start.line, column: v.span.start.column };
    const one = p.get('one')!;
    expect(one.kind === 'list' && one.items.map(at)).toEqual([
      { file: 'main.tf', line: 9, column: 11 }, // var.cidr, from terraform.tfvars: the attribute
      { file: 'main.tf', line: 6, column: 12 }, // local.office keeps the .tf line where it is written
    ]);
    const all = p.get('all')!;
    expect(all.kind === 'list' && all.items.map(at)).toEqual([{ file: 'main.tf', line: 10, column: 11 }]);
    const tags = p.get('tags')!;
    expect(tags.kind === 'map' && [...tags.entries.values()].map(at)).toEqual([
      { file: 'main.tf', line: 11, column: 11 },
      { file: 'main.tf', line: 11, column: 36 },
    ]);
    expect(tags.kind === 'map' && tags.keySpans.get('Env')!.file).toBe('main.tf');
  });

  it('anchors a reference that arrives through a local at the attribute that uses it, one through a module output where the module declares it', async () => {
    const r = await buildFiles({
      'main.tf': `
locals {
  key = aws_kms_key.k.arn
}
resource "aws_kms_key" "k" {}
module "logs" {
  source = "./logs"
}
resource "aws_cloudtrail" "t" {
  s3_bucket_name = module.logs.bucket
  kms_key_id     = local.key
}`,
      'logs/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\noutput "bucket" {\n  value = aws_s3_bucket.b.bucket\n}\n',
    });
    const p = r.byAddr('aws_cloudtrail.t').properties.entries;
    // Issue 8 item 9: where the module writes what the output forwards, with the way it came as its trail.
    expect(p.get('s3_bucket_name')).toMatchObject({ kind: 'ref', target: '.::module.logs.aws_s3_bucket.b', span: { file: 'logs/main.tf', start: { line: 2, column: 12 } } });
    expect(p.get('s3_bucket_name')!.span.via!.map((h) => [h.span.file, h.span.start.line, h.span.start.column, h.message])).toEqual([
      ['logs/main.tf', 5, 11, 'passed through output "bucket" of module.logs'],
      ['main.tf', 6, 1, 'module "logs" call'],
      ['main.tf', 10, 20, 'read as module.logs.bucket'],
    ]);
    expect(p.get('kms_key_id')).toMatchObject({ kind: 'ref', target: '.::aws_kms_key.k', span: { file: 'main.tf', start: { line: 11, column: 20 } } });
  });

  it('reads --var values of collection and object types as HCL, and of string/any/untyped variables as text', async () => {
    const tf = `
variable "cidrs" { type = list(string) }
variable "tags" { type = map(string) }
variable "obj" {
  type = object({ port = number })
}
variable "s" { type = string }
variable "a" { type = any }
variable "u" {}
resource "aws_x" "x" {
  cidrs = var.cidrs
  tags  = var.tags
  port  = var.obj.port
  s     = var.s
  a     = var.a
  u     = var.u
}`;
    const r = await buildFiles({ 'main.tf': tf }, {
      vars: { cidrs: '["0.0.0.0/0", "10.0.0.0/8"]', tags: '{ Env = "prod" }', obj: '{ port = 22 }', s: '["x"]', a: '[1]', u: '{}' },
    });
    expect(r.errors).toEqual([]);
    expect(toPlain(r.byAddr('aws_x.x').properties)).toEqual({
      cidrs: ['0.0.0.0/0', '10.0.0.0/8'], tags: { Env: 'prod' }, port: 22, s: '["x"]', a: '[1]', u: '{}',
    });
  });
});

describe('terraform graph: modules and providers', () => {
  it('instantiates local modules, nested modules and outputs, with provider context', async () => {
    const r = await build(join(fixtures, 'modules-app'));
    expect(r.errors).toEqual([]);
    const addrs = r.nodes.map((n) => n.address).sort();
    expect(addrs).toEqual([
      'aws_instance.web', 'aws_s3_bucket.replica', 'module.net.aws_subnet.private[0]', 'module.net.aws_subnet.private[1]',
      'module.net.data.aws_availability_zones.available', 'module.net.module.sub.aws_sns_topic.t',
    ]);
    const sub = r.byAddr('module.net.aws_subnet.private[1]');
    expect(sub.id).toBe('.::module.net.aws_subnet.private[1]');
    expect(sub.file).toBe('modules/net/main.tf');
    expect(sub.span.start.line).toBe(6);
    expect(sub.context).toMatchObject({ unit: './module.net', region: { known: true, value: 'eu-west-1' }, account: { known: false } });
    expect(sub.properties.entries.get('availability_zone')).toMatchObject({ kind: 'az', index: 1, region: 'eu-west-1' });
    expect(sub.properties.entries.get('cidr_block')).toMatchObject({ value: '10.0.1.0/24' });
    expect(r.byAddr('aws_instance.web').properties.entries.get('subnet_id')).toMatchObject({ kind: 'ref', target: '.::module.net.aws_subnet.private[1]', attribute: 'id' });
    const rep = r.byAddr('aws_s3_bucket.replica');
    expect(rep.context.region).toMatchObject({ known: true, value: 'us-west-2' });
    expect(rep.context.account).toMatchObject({ known: true, value: '123456789012' });
    expect(rep.properties.entries.get('bucket')).toMatchObject({ value: 'replica-prod' });
    expect(r.byAddr('module.net.module.sub.aws_sns_topic.t').properties.entries.get('name')).toMatchObject({ value: 'inner' });
  });

  it('passes aliased providers to modules and evaluates data.aws_region / caller identity', async () => {
    const r = await buildFiles({
      'root/main.tf': `
provider "aws" { region = "eu-west-1" }
provider "aws" {
  alias = "dr"
  region = "us-east-2"
  allowed_account_ids = ["222233334444"]
}
module "dr" {
  source    = "../mod"
  providers = { aws = aws.dr }
  for_each  = { one = 1 }
}`,
      'mod/main.tf': `
data "aws_region" "current" {}
data "aws_caller_identity" "me" {}
resource "aws_s3_bucket" "b" {
  bucket = "x-\${data.aws_region.current.name}-\${data.aws_caller_identity.me.account_id}"
}`,
    });
    expect(r.errors).toEqual([]);
    const b = r.byAddr('module.dr["one"].aws_s3_bucket.b');
    expect(b.id).toBe('root::module.dr["one"].aws_s3_bucket.b');
    expect(b.context).toMatchObject({ unit: 'root/module.dr["one"]', region: { value: 'us-east-2' }, account: { value: '222233334444' } });
    expect(b.properties.entries.get('bucket')).toMatchObject({ value: 'x-us-east-2-222233334444' });
  });

  it('reports a module cycle and a source outside the root without hanging', async () => {
    const r = await buildFiles({
      'app/main.tf': 'module "a" {\n  source = "../a"\n}\nmodule "out" {\n  source = "../../elsewhere"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "aws_x" "in_a" {}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    const mods = r.errors.filter((e) => e.kind === 'module');
    expect(mods.some((e) => /cycle/.test(e.message) && e.file === 'b/main.tf' && e.line === 1)).toBe(true);
    expect(mods.some((e) => /outside the scan root/.test(e.message) && e.file === 'app/main.tf' && e.line === 4)).toBe(true);
    expect(r.nodes.map((n) => n.address)).toContain('module.a.aws_x.in_a');
  });

  it('keeps building the module when one file has a syntax error', async () => {
    const r = await buildFiles({ 'a.tf': 'resource "aws_x" "ok" {}\n', 'b.tf': 'resource "aws_x" "bad" {\n' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'b.tf', kind: 'syntax' });
    expect(r.nodes.map((n) => n.address)).toEqual(['aws_x.ok']);
  });

  it('lists remote modules that are not downloaded', async () => {
    const r = await buildFiles({ 'main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "aws_x" "y" {\n  v = module.vpc.vpc_id\n}\n' });
    expect(r.unresolvedModules).toMatchObject([{ module: 'vpc', span: { file: 'main.tf', start: { line: 1, column: 1 } } }]);
    expect(r.byAddr('aws_x.y').properties.entries.get('v')).toMatchObject({ kind: 'unknown' });
  });
});

describe('terraform graph: more modules', () => {
  it('expands module count and reads outputs by index; passes nested inputs', async () => {
    const r = await buildFiles({
      'main.tf': `
module "app" {
  count  = 2
  source = "./app"
  name   = "app-\${count.index}"
}
resource "aws_x" "use" {
  first = module.app[0].name_out
  all   = module.app[*].name_out
}`,
      'app/main.tf': `
variable "name" {}
resource "aws_s3_bucket" "b" { bucket = var.name }
output "name_out" { value = aws_s3_bucket.b.bucket }`,
    });
    expect(r.errors).toEqual([]);
    expect(r.byAddr('module.app[1].aws_s3_bucket.b').properties.entries.get('bucket')).toMatchObject({ value: 'app-1' });
    const use = r.byAddr('aws_x.use').properties;
    expect(use.entries.get('first')).toMatchObject({ kind: 'ref', target: '.::module.app[0].aws_s3_bucket.b', attribute: 'bucket' });
    expect(use.entries.get('all')).toMatchObject({ kind: 'list', items: [{ kind: 'ref' }, { kind: 'ref' }] });
  });

  it('finds modules downloaded by terraform init through modules.json', async () => {
    const r = await buildFiles({
      'live/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = "10.1.0.0/16"\n}\n',
      'live/.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' }] }),
      'live/.terraform/modules/vpc/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n',
    });
    expect(r.errors).toEqual([]);
    const vpc = r.byAddr('module.vpc.aws_vpc.this');
    expect(vpc.file).toBe('live/.terraform/modules/vpc/main.tf');
    expect(vpc.properties.entries.get('cidr_block')).toMatchObject({ value: '10.1.0.0/16' });
  });

  it('reads .tf.json and .tfvars.json', async () => {
    const r = await buildFiles({
      'main.tf.json': JSON.stringify({ variable: { env: {} }, resource: { aws_s3_bucket: { b: { bucket: '${var.env}-b', versioning: { enabled: true }, tags: { a: 'b' } } } } }),
      'terraform.tfvars.json': JSON.stringify({ env: 'qa' }),
    });
    expect(r.errors).toEqual([]);
    const b = r.byAddr('aws_s3_bucket.b');
    expect(toPlain(b.properties)).toEqual({ bucket: 'qa-b', versioning: [{ enabled: true }], tags: { a: 'b' } });
    expect(b.span.file).toBe('main.tf.json');
  });

  it('honours template strip markers', async () => {
    const r = await one('resource "aws_x" "y" {\n  v = "a  \${~ "b" ~}  c"\n}\n');
    expect(r.byAddr('aws_x.y').properties.entries.get('v')).toMatchObject({ value: 'abc' });
  });
});

describe('terraform graph: suppressions', () => {
  it('reads ignore comments above resources and attributes', async () => {
    const r = await one(`
# iac-check:ignore s3-public-access public website bucket
resource "aws_s3_bucket" "b" {
  // iac-check:ignore s3-encryption
  bucket = "x"
}`);
    const s = r.byAddr('aws_s3_bucket.b').suppressions;
    expect(s).toContainEqual(expect.objectContaining({ ruleId: 's3-public-access', reason: 'public website bucket' }));
    expect(s).toContainEqual(expect.objectContaining({ ruleId: 's3-encryption', reason: '', path: 'bucket' }));
    expect(s.find((x) => x.ruleId === 's3-public-access')!.path).toBeUndefined();
  });
});
