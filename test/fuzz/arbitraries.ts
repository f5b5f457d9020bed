/**
 * Generators of hostile input for the fuzz suite: Terraform expressions and function calls
 * (every supported function, arguments of every type, missing and extra), HCL structure
 * (nesting, heredocs, dynamic blocks), CloudFormation intrinsic trees with YAML anchors,
 * `modules.json` and CDK manifest shapes, and byte-level mutations of real files.
 */
import fc from 'fast-check';
import { SUPPORTED_FUNCTIONS } from '../../src/graph/terraform/functions.js';

const FUNCTIONS = [...SUPPORTED_FUNCTIONS, 'regex', 'regexall', 'try', 'can', 'file', 'templatefile', 'no_such_function'];

/** Numbers as HCL writes them, including the awkward ones. */
export const hclNumber = fc.oneof(
  fc.integer({ min: -5, max: 300 }).map(String),
  fc.constantFrom('1e9', '1e400', '1.5E3', '2e-3', '9007199254740993', '0x1F', '-0', '1e+21', '0.1', '100000'),
);

/** Strings that stress the functions: regex metacharacters, format verbs, CIDRs, JSON, long runs. */
export const hclStringBody = fc.oneof(
  fc.constantFrom('', 'a', '10.0.0.0/16', '/(a+)+$/', '/(?P<x>\\\\w+)/', '/[/', '%s %d %.101f %q %v %05x %', '{\\"a\\": [1, {\\"b\\": null}]}', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', ',', '/', '$${1}', 'é\\u00e9', '\\\\n'),
  fc.string({ unit: fc.constantFrom('a', 'b', ',', '-', ' ', '.', '*', '(', ')', '[', ']', '%', '\\\\', '1', 'é'), maxLength: 12 }),
);

const ident = fc.constantFrom('a', 'b', 'x', 'each', 'count', 'self', 'path', 'terraform');

/** HCL expression text, recursive. */
export const hclExpr: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hclNumber,
    hclStringBody.map((s) => `"${s}"`),
    fc.constantFrom('true', 'false', 'null', 'local.l0', 'local.l1', 'var.v', 'each.key', 'count.index', 'path.module', 'aws_s3_bucket.b.arn', 'data.aws_availability_zones.z.names', 'module.m.out'),
    fc.array(tie('expr'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(ident, tie('expr')), { maxLength: 3 }).map((kv) => `{ ${kv.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 5 }), fc.boolean()).map(([f, args, expand]) => `${f}(${args.join(', ')}${expand && args.length ? '...' : ''})`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([coll, body]) => `[for i, v in ${coll} : ${body}]`),
    fc.tuple(tie('expr'), tie('expr')).map(([coll, body]) => `{for k, v in ${coll} : k => ${body}...}`),
    fc.tuple(tie('expr'), tie('expr')).map(([o, i]) => `${o}[${i}]`),
    tie('expr').map((o) => `${o}[*].id`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `"pre-\${${a}}-%{ if ${b} }y%{ else }n%{ endif }-%{ for x in ${a} }\${x}%{ endfor }"`),
    tie('expr').map((a) => `<<-EOT\n  heredoc \${${a}}\n  EOT\n`),
    fc.constantFrom('!', '-(', '${', '"unterminated', '[1, 2', '{ a = }', 'for', '<<EOT'),
  ),
})).expr;

/** A `.tf` file: locals built from the expressions (so they reference each other), a resource, nested and dynamic blocks. */
export const terraformFile = fc
  .tuple(fc.array(hclExpr, { minLength: 1, maxLength: 4 }), hclExpr, fc.integer({ min: 0, max: 6 }), fc.boolean())
  .map(([locals, count, nesting, dynamic]) => {
    const ls = locals.map((e, i) => `  l${i} = ${e}`).join('\n');
    const open = Array.from({ length: nesting }, (_, i) => (dynamic ? `dynamic "d${i}" {\nfor_each = local.l0\ncontent {\n` : `nested${i} {\n`)).join('');
    const close = (dynamic ? '}\n}\n' : '}\n').repeat(nesting);
    return `locals {\n${ls}\n}\nvariable "v" {\n  default = ${count}\n}\nresource "aws_s3_bucket" "b" {\n  count = ${count}\n  bucket = local.l0\n  tags = { Name = local.l1 }\n${open}${close}}\nmodule "m" {\n  source = "./m"\n  for_each = local.l0\n}\n`;
  });

// ---- CloudFormation ----

const cfnScalar = fc.oneof(
  fc.constantFrom('a', '', '*', 'AWS::Region', 'AWS::NoValue', 'Bucket', 'Missing', '0.0.0.0/0', 'public-read', 'true', '3'),
  fc.integer({ min: -2, max: 5 }),
  fc.boolean(),
  fc.constant(null),
);

/** A CloudFormation value: plain data or intrinsic functions, nested. */
export const cfnValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    cfnScalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('A', 'B', 'Key', 'Value'), tie('v'), { maxKeys: 3 }),
    fc.tuple(fc.constantFrom('Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Split', 'Fn::Select', 'Fn::If', 'Fn::FindInMap', 'Fn::GetAZs', 'Fn::Base64', 'Fn::Length', 'Fn::ToJsonString', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Condition', 'Fn::ImportValue', 'Fn::Cidr', 'Fn::Transform'), tie('v')).map(([k, v]) => ({ [k]: v })),
    fc.constantFrom({ 'Fn::Split': ['', 'x'.repeat(200)] }, { 'Fn::Sub': '${AWS::Region}-${Bucket.Arn}-${Missing}' }, { 'Fn::Join': ['', [{ Ref: 'P' }, 'x']] }),
  ),
})).v;

/** A template as YAML text with anchors and aliases reusing values; sometimes a broken structure. */
export const cloudFormationYaml = fc
  .tuple(fc.array(cfnValue, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('map', 'list', 'noType', 'typeNotString', 'propsList', 'ok'))
  .map(([values, aliases, shape]) => {
    const anchored = `      Anchored: &x ${JSON.stringify(values[0])}`;
    const uses = Array.from({ length: aliases }, (_, i) => `      Use${i}: *x`).join('\n');
    const props = values.slice(1).map((v, i) => `      P${i}: ${JSON.stringify(v)}`).join('\n');
    const type = shape === 'noType' ? '' : shape === 'typeNotString' ? '    Type: [AWS::S3::Bucket]\n' : '    Type: AWS::S3::Bucket\n';
    const properties = shape === 'propsList' ? '    Properties: [1, 2]\n' : `    Properties:\n${anchored}\n${uses}\n${props}\n`;
    const resources = shape === 'list' ? 'Resources:\n  - Type: AWS::S3::Bucket\n' : `Resources:\n  Bucket:\n${type}${properties}`;
    return `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  P:\n    Type: String\n    Default: a,b\nConditions:\n  C: !Equals [!Ref P, a]\nMappings:\n  M:\n    A:\n      B: c\n${resources}`;
  });

// ---- metadata files ----

const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ j: unknown }>((tie) => ({
  j: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, 0, -1, 1e300, '', '.', '..', '../..', '/etc', 'x', 'aws://123456789012/us-east-1', 'aws:cloudformation:stack', 'cdk:cloud-assembly', 'cdk:tree', 'Stack.template.json', true),
    fc.array(tie('j'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('Modules', 'Key', 'Dir', 'Source', 'artifacts', 'type', 'environment', 'properties', 'templateFile', 'directoryName', 'metadata', 'file', 'stackName', 'additionalMetadataFile'), tie('j'), { maxKeys: 4 }),
  ),
})).j;

/** `.terraform/modules/modules.json` shapes: valid ones, wrong types, paths that leave the root. */
export const modulesJson = fc.oneof(
  jsonish,
  fc.array(fc.record({ Key: fc.oneof(fc.constantFrom('', 'm', 'm.n'), jsonish), Dir: fc.oneof(fc.constantFrom('.', 'm', '../x', '/tmp', '.terraform/modules/m'), jsonish), Source: fc.constantFrom('./m', 'registry/x/y') }, { requiredKeys: [] }), { maxLength: 3 }).map((Modules) => ({ Modules })),
).map((v) => JSON.stringify(v));

/** CDK `manifest.json` shapes: stacks whose template is missing, nested assemblies pointing at themselves, wrong types. */
export const cdkManifest = fc.oneof(
  fc.dictionary(fc.constantFrom('Stack', 'Nested', 'Tree'), jsonish, { maxKeys: 3 }).map((artifacts) => ({ version: '36.0.0', artifacts })),
  fc.record({
    version: fc.constant('36.0.0'),
    artifacts: fc.record({
      Stack: fc.record({ type: fc.constant('aws:cloudformation:stack'), environment: fc.oneof(fc.constant('aws://unknown-account/unknown-region'), jsonish), properties: fc.record({ templateFile: fc.oneof(fc.constant('Stack.template.json'), jsonish) }, { requiredKeys: [] }), metadata: jsonish }, { requiredKeys: ['type'] }),
      Self: fc.record({ type: fc.constant('cdk:cloud-assembly'), properties: fc.record({ directoryName: fc.constantFrom('.', '..', 'sub') }) }),
    }, { requiredKeys: [] }),
  }),
).map((v) => JSON.stringify(v));

// ---- bytes ----

/** One byte-level edit, as data (so a failing case prints and replays). */
export type Mutation =
  | { set: number; byte: number }
  | { insert: number; text: string }
  | { remove: number; count: number }
  | { truncate: number }
  | { encode: 'bom' | 'utf16' | 'bad-utf8' };

const INSERTS = ['{', '}', '[', ']', '"', ':', '\n', '  ', '!Ref ', '*a', '&a ', '${', '<<EOF\n', '\u0000', '\u00ff', '1e9'];

/** Byte-level mutations of a file: flips, inserts, deletes, truncation, a BOM, UTF-16, invalid UTF-8. */
export function mutations(length: number): fc.Arbitrary<Mutation[]> {
  const at = fc.integer({ min: 0, max: Math.max(0, length) });
  return fc.array(
    fc.oneof(
      fc.record({ set: at, byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ insert: at, text: fc.constantFrom(...INSERTS) }),
      fc.record({ remove: at, count: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ truncate: at }),
      fc.record({ encode: fc.constantFrom('bom' as const, 'utf16' as const, 'bad-utf8' as const) }),
    ),
    { minLength: 1, maxLength: 4 },
  );
}

export function applyMutations(bytes: Buffer, ms: Mutation[]): Buffer {
  let b = bytes;
  for (const m of ms) {
    if ('set' in m) {
      b = Buffer.from(b);
      if (b.length) b[m.set % b.length] = m.byte;
    } else if ('insert' in m) b = Buffer.concat([b.subarray(0, m.insert), Buffer.from(m.text, 'latin1'), b.subarray(m.insert)]);
    else if ('remove' in m) b = Buffer.concat([b.subarray(0, m.remove), b.subarray(m.remove + m.count)]);
    else if ('truncate' in m) b = b.subarray(0, m.truncate);
    else if (m.encode === 'bom') b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
    else if (m.encode === 'utf16') b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]);
    else b = Buffer.concat([b, Buffer.from([0xc3, 0x28])]);
  }
  return b;
}
