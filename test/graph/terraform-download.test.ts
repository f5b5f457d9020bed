import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFiles } from '../helpers/scan-snippet.js';
import { pickVersion } from '../../src/graph/terraform/versions.js';
import { extractTerraformFiles } from '../../src/graph/terraform/archive.js';

// --download-modules against a small registry and archive server on 127.0.0.1 and a local bare git repository: never the internet.

const PUBLIC_BUCKET = 'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\nresource "aws_s3_bucket_acl" "this" {\n  bucket = aws_s3_bucket.this.id\n  acl    = "public-read"\n}\n';

/** A ustar archive of the given files (what `tar -c` writes, enough for the reader). */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A zip of the given files, stored without compression. */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    centrals.push(central, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

let server: Server;
let base = '';
const requests: string[] = [];
let bareRepo = '';

beforeAll(async () => {
  const archive = gzipSync(tarOf({ 'main.tf': PUBLIC_BUCKET, 'modules/inner/main.tf': 'resource "aws_ebs_volume" "inner" {\n  availability_zone = "eu-west-1a"\n  size              = 1\n}\n', '../evil.tf': 'resource "aws_s3_bucket" "evil" {}\n' }));
  const zip = zipOf({ 'pkg/main.tf': PUBLIC_BUCKET });
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push(url);
    if (url === '/.well-known/terraform.json') return void res.end(JSON.stringify({ 'modules.v1': '/v1/modules/' }));
    if (url === '/v1/modules/acme/bucket/aws/versions') return void res.end(JSON.stringify({ modules: [{ versions: [{ version: '1.0.0' }, { version: '1.2.0' }, { version: '2.0.0' }, { version: '1.3.0-beta1' }] }] }));
    const dl = /^\/v1\/modules\/acme\/bucket\/aws\/([^/]+)\/download$/.exec(url);
    if (dl) {
      res.writeHead(204, { 'X-Terraform-Get': `/archives/bucket-${dl[1]}.tar.gz` });
      return void res.end();
    }
    if (/^\/archives\/bucket-[\d.]+\.tar\.gz$/.test(url)) return void res.end(archive);
    if (url === '/archives/pkg.zip') return void res.end(zip);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;

  // A local bare repository with a tagged commit.
  const dir = mkdtempSync(join(tmpdir(), 'iac-git-'));
  bareRepo = join(dir, 'net.git');
  const work = join(dir, 'work');
  const git = (args: string[], cwd?: string) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });
  git(['init', '--bare', '--quiet', bareRepo]);
  mkdirSync(join(work, 'sub'), { recursive: true });
  git(['init', '--quiet', work]);
  writeFileSync(join(work, 'sub', 'main.tf'), PUBLIC_BUCKET);
  mkdirSync(join(work, '.githooks'));
  git(['add', '.'], work);
  git(['commit', '--quiet', '-m', 'module'], work);
  git(['tag', 'v1.0.0'], work);
  git(['push', '--quiet', bareRepo, 'main', '--tags'], work);
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = (source: string, version?: string) =>
  `provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "logs" {\n  source = "${source}"\n${version ? `  version = "${version}"\n` : ''}  name   = "acme-logs"\n}\n`;

async function scanWith(source: string, version: string | undefined, cacheDir: string, extra: { registry?: string; gitProtocols?: string[] } = {}) {
  const { result } = await scanFiles({ 'main.tf': call(source, version) }, { rules: ['s3-public-access', 'encryption-at-rest'], downloadModules: { cacheDir, registry: base, ...extra } });
  return {
    result,
    findings: result.findings
      .filter((f) => f.messageId !== 'noPublicAccessBlock')
      .map((f) => `${f.messageId} ${f.location.span.file}:${f.location.span.start.line} ${f.resource.address} <- ${f.related.map((r) => `${r.span.file}:${r.span.start.line}`).join(',')}`),
  };
}

describe('--download-modules', () => {
  it('fetches a registry module: discovery, the newest version meeting the constraint, the archive at the download location', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'iac-cache-'));
    requests.length = 0;
    const { result, findings } = await scanWith('acme/bucket/aws', '~> 1.1', cache);
    expect(result.errors).toEqual([]);
    expect(result.unresolvedModules).toEqual([]);
    expect(requests).toEqual(['/.well-known/terraform.json', '/v1/modules/acme/bucket/aws/versions', '/v1/modules/acme/bucket/aws/1.2.0/download', '/archives/bucket-1.2.0.tar.gz']);
    expect(findings).toEqual(['publicAcl main.tf:5 module.logs.aws_s3_bucket.this <- .iac-check/modules/acme/bucket/aws@1.2.0/main.tf:9']);

    // The cache is reused: no second download, and it works offline.
    requests.length = 0;
    const again = await scanWith('acme/bucket/aws', '~> 1.1', cache);
    expect(again.findings).toEqual(findings);
    expect(requests.filter((r) => r.startsWith('/archives/'))).toEqual([]);
    const offline = await scanWith('acme/bucket/aws', '~> 1.1', cache, { registry: 'http://127.0.0.1:1' });
    expect(offline.findings).toEqual(findings);
  });

  it('reads the //subdir of a registry module; archive entries leaving the package are not extracted', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'iac-cache-'));
    const { result } = await scanWith('acme/bucket/aws//modules/inner', '1.0.0', cache);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.messageId} ${f.resource.address}`)).toEqual(['unencrypted module.logs.aws_ebs_volume.inner']);
    expect(result.stats.resources).toBe(1);
  });

  it('clones a git source at its ref with the system git (a local bare repository)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'iac-cache-'));
    const { result, findings } = await scanWith(`git::file://${bareRepo}//sub?ref=v1.0.0`, undefined, cache, { gitProtocols: ['file'] });
    expect(result.errors).toEqual([]);
    expect(result.unresolvedModules).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^publicAcl main\.tf:5 module\.logs\.aws_s3_bucket\.this <- \.iac-check\/modules\/.*net\.git@v1\.0\.0\/sub\/main\.tf:9$/);
  });

  it('refuses git transports that are not allowed (file:// by default)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'iac-cache-'));
    const { result } = await scanWith(`git::file://${bareRepo}?ref=v1.0.0`, undefined, cache);
    expect(result.unresolvedModules).toMatchObject([{ module: 'logs', message: expect.stringMatching(/could not be downloaded \(git (clone|fetch) .* failed: .*transport 'file' not allowed\), so its resources are not checked: run terraform init in \.$/) }]);
  });

  it('unpacks an https(s) zip archive', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'iac-cache-'));
    const { result, findings } = await scanWith(`${base}/archives/pkg.zip//pkg`, undefined, cache);
    expect(result.errors).toEqual([]);
    expect(findings).toEqual([`publicAcl main.tf:5 module.logs.aws_s3_bucket.this <- .iac-check/modules/127.0.0.1_${base.split(':')[2]}/archives/pkg.zip/pkg/main.tf:9`]);
  });

  it('a version no release meets is an unresolved module with the reason', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'iac-cache-'));
    const { result } = await scanWith('acme/bucket/aws', '>= 3.0', cache);
    expect(result.unresolvedModules).toMatchObject([{ span: { file: 'main.tf', start: { line: 5, column: 1 } }, message: 'module "logs" (acme/bucket/aws) could not be downloaded (registry.terraform.io/acme/bucket/aws: no version meets ">= 3.0" (the registry lists 1.0.0, 1.2.0, 2.0.0, 1.3.0-beta1)), so its resources are not checked: run terraform init in .' }]);
  });

  it('never uses the network without the option', async () => {
    requests.length = 0;
    const { result } = await scanFiles({ 'main.tf': call('acme/bucket/aws', '1.0.0') });
    expect(result.unresolvedModules).toHaveLength(1);
    expect(requests).toEqual([]);
  });
});

describe('Terraform version constraints', () => {
  const all = ['0.9.0', '1.0.0', '1.2.0', '1.2.5', '1.3.0-beta1', '2.0.0'];
  it.each([
    [undefined, '2.0.0'],
    ['1.2.0', '1.2.0'],
    ['= 1.0.0', '1.0.0'],
    ['~> 1.2', '1.2.5'],
    ['~> 1.2.0', '1.2.5'],
    ['>= 1.0, < 2.0', '1.2.5'],
    ['!= 2.0.0', '1.2.5'],
    ['1.3.0-beta1', '1.3.0-beta1'],
  ])('%s picks %s', (c, want) => {
    expect(pickVersion(all, c)).toEqual({ version: want });
  });
  it('a constraint nothing meets, or that is not one, is an error', () => {
    expect(pickVersion(all, '> 5')).toMatchObject({ error: expect.stringContaining('no version meets') });
    expect(pickVersion(all, 'latest')).toEqual({ error: '"latest" is not a version constraint' });
  });
});

describe('module archives', () => {
  it('keep only Terraform files with paths inside the archive', () => {
    const files = extractTerraformFiles('tar', tarOf({ 'a/main.tf': 'x', '/etc/abs.tf': 'x', '../up.tf': 'x', 'run.sh': 'x' }));
    expect([...files.keys()]).toEqual(['a/main.tf']);
    expect([...extractTerraformFiles('zip', zipOf({ 'm/x.tf.json': '{}', '../y.tf': '' })).keys()]).toEqual(['m/x.tf.json']);
  });
});
