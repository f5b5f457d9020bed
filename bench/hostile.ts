/**
 * Hostile-input rows of `npm run bench`: the slowest and largest inputs of issue 7, each scanned
 * in its own process beside an insecure template, with wall time and peak memory. A change that
 * reopens one of them (a hang, a blow-up, a lost sibling finding) shows up here.
 */

export interface HostileCase {
  name: string;
  files: Record<string, string>;
}

const SIBLING = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Open:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: public-read\n';

const locals = (body: string): string => `locals {\n${body}\n}\nresource "aws_s3_bucket" "b" {\n  tags = { Name = local.x }\n}\n`;

/** A plan (`terraform show -json`) of `n` buckets, as Terraform writes it: planned values, changes and configuration. */
export function planJson(n: number): string {
  const values = (i: number) => ({ bucket: `bucket-${i}`, acl: 'private', force_destroy: false, tags: { Name: `b${i}`, Team: 'storage' }, versioning: [{ enabled: true, mfa_delete: false }] });
  const resources = Array.from({ length: n }, (_, i) => ({ address: `aws_s3_bucket.b[${i}]`, mode: 'managed', type: 'aws_s3_bucket', name: 'b', index: i, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: values(i), sensitive_values: { tags: {}, versioning: [{}] } }));
  const changes = resources.map((r) => ({ address: r.address, mode: r.mode, type: r.type, name: r.name, index: r.index, provider_name: r.provider_name, change: { actions: ['create'], before: null, after: r.values, after_unknown: { id: true, arn: true }, before_sensitive: false, after_sensitive: { tags: {} } } }));
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } }, root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', provider_config_key: 'aws', expressions: { bucket: { constant_value: 'x' } }, count_expression: { constant_value: n } }] } },
  });
}

export function hostileCases(): HostileCase[] {
  const doubling = Array.from({ length: 40 }, (_, i) => `  l${i + 1} = join(local.l${i}, [local.l${i}, local.l${i}, local.l${i}])`).join('\n');
  const sharing = Array.from({ length: 40 }, (_, i) => `  m${i + 1} = { a = local.m${i}, b = local.m${i} }`).join('\n');
  const dynamic = 'dynamic "d" {\nfor_each = [1]\ncontent {\n'.repeat(1500) + '}\n}\n'.repeat(1500);
  const split = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Big: &big {"Fn::Split": [",", "${'x,'.repeat(4000)}"]}\n${Array.from({ length: 200 }, (_, i) => `      U${i}: *big`).join('\n')}\n`;
  const cases: HostileCase[] = [
    { name: 'tf: join/replace doubling over 40 locals', files: { 'main.tf': locals(`  l0 = "aaaaaaaaaa"\n${doubling}\n  x = replace(local.l40, "a", "bb")`) } },
    { name: 'tf: {a = m, b = m} 40 levels through jsonencode', files: { 'main.tf': locals(`  m0 = { k = "v" }\n${sharing}\n  x = jsonencode(local.m40)`) } },
    { name: 'tf: range() past 2^53', files: { 'main.tf': locals('  x = length(range(9007199254740992, 9007199254741992000))') } },
    { name: 'tf: replace() with (a+)+$ on 20,000 a', files: { 'main.tf': locals(`  x = replace("${'a'.repeat(20000)}!", "/(a+)+$/", "")`) } },
    { name: 'tf: format("%.101f")', files: { 'main.tf': locals('  x = format("%.101f", 1)') } },
    { name: 'tf: 1,500 nested dynamic blocks', files: { 'main.tf': `resource "aws_security_group" "g" {\n${dynamic}}\n` } },
    { name: 'tf: count = 1e9', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  count = 1e9\n}\n' } },
    { name: 'cfn: Fn::Split of 8 KB through 200 aliases', files: { 'split.yaml': split } },
    { name: 'plan: 100,000 resources', files: { 'plan.json': planJson(100_000) } },
  ];
  for (const c of cases) c.files['sibling/bucket.yaml'] = SIBLING;
  return cases;
}
