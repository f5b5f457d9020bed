import { describe, expect, it } from 'vitest';
import { scanFiles } from '../helpers/scan-snippet.js';

const PROVIDER = 'provider "aws" {\n  region = "eu-west-1"\n}\n';
const ACCOUNT_BLOCK = [
  'resource "aws_s3_account_public_access_block" "this" {',
  '  block_public_acls       = true',
  '  block_public_policy     = true',
  '  ignore_public_acls      = true',
  '  restrict_public_buckets = true',
  '}',
  '',
].join('\n');
const EBS_DEFAULT = 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n';
const BUCKET = 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n';
const VOLUME = 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n';

type Files = Record<string, string>;
const key = (f: { ruleId: string; messageId: string; location: { span: { file: string; start: { line: number } } }; resource: { address: string } }) =>
  `${f.ruleId}/${f.messageId} ${f.location.span.file}:${f.location.span.start.line} ${f.resource.address}`;
async function findings(files: Files, rules = ['s3-public-access', 's3-public-access-block', 'encryption-at-rest'], accounts?: Record<string, string>): Promise<string[]> {
  const { result } = await scanFiles(files, { rules, ...(accounts ? { config: { accounts } } : {}) });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => !f.suppression).map(key).sort();
}
const under = (dir: string, files: Files): Files => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

// A finding depends only on what is deployed together: account-level settings and literal names stay in their root.
describe('Terraform: deployment units', () => {
  it('honours the account public access block and EBS encryption by default of the same root', async () => {
    expect(await findings({ 'main.tf': PROVIDER + ACCOUNT_BLOCK + EBS_DEFAULT + BUCKET + VOLUME })).toEqual([]);
    expect(await findings({ 'main.tf': PROVIDER + BUCKET + VOLUME })).toEqual([
      'encryption-at-rest/unencrypted main.tf:7 aws_ebs_volume.data',
      's3-public-access-block/noPublicAccessBlock main.tf:4 aws_s3_bucket.data',
    ]);
  });

  it('a setting the account block turns on is not reported off in the bucket block', async () => {
    const pab = 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket            = aws_s3_bucket.data.id\n  block_public_acls = true\n}\n';
    const partial = 'resource "aws_s3_account_public_access_block" "this" {\n  ignore_public_acls = true\n}\n';
    expect(await findings({ 'main.tf': PROVIDER + partial + BUCKET + pab }, ['s3-public-access'])).toEqual([
      's3-public-access/accessBlockFlagUnset main.tf:10 aws_s3_bucket.data',
      's3-public-access/accessBlockFlagUnset main.tf:10 aws_s3_bucket.data',
    ]);
  });

  it('two roots scanned together give the same findings as each scanned alone', async () => {
    const settings = { 'main.tf': PROVIDER + ACCOUNT_BLOCK + EBS_DEFAULT };
    const workload = { 'main.tf': PROVIDER + BUCKET + VOLUME };
    const alone = [...(await findings(under('platform', settings))), ...(await findings(under('workload', workload)))].sort();
    const together = await findings({ ...under('platform', settings), ...under('workload', workload) });
    expect(together).toEqual(alone);
    expect(together).toEqual([
      'encryption-at-rest/unencrypted workload/main.tf:7 aws_ebs_volume.data',
      's3-public-access-block/noPublicAccessBlock workload/main.tf:4 aws_s3_bucket.data',
    ]);
  });

  it('a child module shares its root provider configuration, so the root settings cover it', async () => {
    expect(await findings({ 'main.tf': PROVIDER + ACCOUNT_BLOCK + EBS_DEFAULT + 'module "m" {\n  source = "./m"\n}\n', 'm/main.tf': BUCKET + VOLUME })).toEqual([]);
  });

  it('a provider with another region is another unit for EBS encryption by default (a regional setting)', async () => {
    const dr = 'provider "aws" {\n  alias  = "dr"\n  region = "us-west-2"\n}\n';
    const drVolume = 'resource "aws_ebs_volume" "dr" {\n  provider          = aws.dr\n  availability_zone = "us-west-2a"\n  size              = 10\n}\n';
    expect(await findings({ 'main.tf': PROVIDER + dr + EBS_DEFAULT + drVolume }, ['encryption-at-rest'])).toEqual(['encryption-at-rest/unencrypted main.tf:11 aws_ebs_volume.dr']);
  });

  it('a literal bucket name links only within the same root when accounts are not known', async () => {
    const logs = { 'main.tf': PROVIDER + 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\nresource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n' };
    const other = { 'main.tf': PROVIDER + 'resource "aws_s3_bucket_acl" "logs" {\n  bucket = "acme-logs"\n  acl    = "public-read"\n}\n' };
    const alone = await findings(under('a', logs), ['s3-public-access']);
    expect(alone).toEqual([]);
    const together = await findings({ ...under('a', logs), ...under('b', other) }, ['s3-public-access']);
    expect(together.filter((f) => f.includes(' a/'))).toEqual(alone);
  });

  it('roots that .iac-check.yaml puts in one account share its account-level settings; other accounts do not', async () => {
    const files = { ...under('platform', { 'main.tf': PROVIDER + ACCOUNT_BLOCK + EBS_DEFAULT }), ...under('workload', { 'main.tf': PROVIDER + BUCKET + VOLUME }) };
    expect(await findings(files, undefined, { 'platform/**': '111111111111', 'workload/**': '111111111111' })).toEqual([]);
    expect(await findings(files, undefined, { 'platform/**': '111111111111', 'workload/**': '222222222222' })).toEqual([
      'encryption-at-rest/unencrypted workload/main.tf:7 aws_ebs_volume.data',
      's3-public-access-block/noPublicAccessBlock workload/main.tf:4 aws_s3_bucket.data',
    ]);
  });
});
