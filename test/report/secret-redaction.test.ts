/**
 * No secret value appears in any output format: findings of no-hardcoded-secrets (and every other
 * rule, notice and summary) show at most the redacted form.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FORMATS } from '../../src/cli/options.js';
import { redact } from '../../src/secrets/patterns.js';

const SECRETS = {
  password: 'Winter2024!Spring',
  accessKey: 'AKIAZ7EXAMPLE2QWERTY',
  token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  tfPassword: 'correct-horse-battery-staple',
  // AWS secret access key in an environment variable, static keys in a Terraform provider block.
  secretKey: 'wJalrXUtnFEMI7K7MDENGbPxRfiCYzEXAMPLEKEY',
  providerAccessKey: 'AKIAQ3EXAMPLEPROVIDR',
  providerSecretKey: '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',
};
// A private key on several lines (an SSM parameter's value): no line of its body may appear either.
const PRIVATE_KEY_BODY = ['MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK'];
const PRIVATE_KEY = ['-----BEGIN RSA PRIVATE KEY-----', ...PRIVATE_KEY_BODY, '-----END RSA PRIVATE KEY-----'].join('\n');

const TEMPLATE = `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: shop
      MasterUserPassword: ${SECRETS.password}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async () => {}" }
      Role: arn:aws:iam::123456789012:role/fn
      Environment:
        Variables:
          UPSTREAM_KEY_ID: ${SECRETS.accessKey}
          GITHUB_TOKEN: ${SECRETS.token}
          AWS_SECRET_ACCESS_KEY: ${SECRETS.secretKey}
  DeployKey:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /shop/deploy-key
      Type: String
      Value: |
${PRIVATE_KEY.split('\n').map((l) => `        ${l}`).join('\n')}
`;

const CONFIG = `variable "db_password" {
  type    = string
  default = "${SECRETS.tfPassword}"
}
resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "shop"
  password = var.db_password
}
provider "aws" {
  region     = "eu-west-1"
  access_key = "${SECRETS.providerAccessKey}"
  secret_key = "${SECRETS.providerSecretKey}"
}
`;

let dir: string;
const outputs = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iac-check-secrets-'));
  await writeFile(join(dir, 'template.yaml'), TEMPLATE);
  await writeFile(join(dir, 'main.tf'), CONFIG);
  for (const format of FORMATS) {
    for (const verbose of [false, true]) {
      let out = '';
      let err = '';
      await main([dir, '--format', format, ...(verbose ? ['--verbose'] : [])], { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
      outputs.set(`${format}${verbose ? ' --verbose' : ''}`, out + err);
    }
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secrets in the output', () => {
  it('are found (the test would otherwise prove nothing)', () => {
    const text = outputs.get('text')!;
    expect(text).toContain('no-hardcoded-secrets');
    for (const secret of Object.values(SECRETS)) expect(text).toContain(redact(secret));
    expect(text).toMatch(/private key/i);
  });

  it.each([...FORMATS.flatMap((f) => [f, `${f} --verbose`])])('never appear in %s output', (key) => {
    const out = outputs.get(key)!;
    expect(out.length).toBeGreaterThan(0);
    for (const secret of Object.values(SECRETS)) {
      expect(out).not.toContain(secret);
      // Nor any long part of it (a reporter that quotes a truncated value).
      expect(out).not.toContain(secret.slice(0, 10));
    }
    for (const line of PRIVATE_KEY_BODY) expect(out).not.toContain(line.slice(0, 16));
  });
});

/**
 * The HTML page shows the code around each finding. A value no-hardcoded-secrets reports where it is
 * used is written elsewhere (a variable's or parameter's default, a local, a heredoc), often under a
 * name that does not look secret: those characters are hidden too, wherever an excerpt shows them.
 */
describe('secrets in the HTML page\'s code excerpts', () => {
  const HIDDEN = {
    tfDefault: 'tr0ub4dor-and-3-more',
    heredoc: 'heredoc-line-of-a-secret',
    local: 'local-secret-value-99',
    cfnDefault: 'Summer2025!Autumn',
  };
  const files = {
    'main.tf': `variable "db_conf" {
  type    = string
  default = "${HIDDEN.tfDefault}"
}
resource "aws_db_instance" "a" {
  engine   = "postgres"
  username = "shop"
  password = var.db_conf
}
variable "bootstrap" {
  type    = string
  default = <<-EOT
    ${HIDDEN.heredoc}
  EOT
}
resource "aws_db_instance" "b" {
  engine   = "postgres"
  username = "shop"
  password = var.bootstrap
}
locals {
  conf = "${HIDDEN.local}"
}
resource "aws_db_instance" "c" {
  engine   = "postgres"
  username = "shop"
  password = local.conf
}
`,
    'template.yaml': `Parameters:
  DbConf:
    Type: String
    Default: ${HIDDEN.cfnDefault}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: shop
      MasterUserPassword: !Ref DbConf
`,
  };
  let page = '';

  beforeAll(async () => {
    const d = await mkdtemp(join(tmpdir(), 'iac-check-secrets-html-'));
    try {
      for (const [name, text] of Object.entries(files)) await writeFile(join(d, name), text);
      await main([d, '--format', 'html'], { out: (t) => { page += t; }, err: () => {}, isTTY: false });
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });

  it('are reported, and their lines are shown (the test would otherwise prove nothing)', () => {
    // The excerpts travel as JSON inside the page.
    const text = (s: string): string => s.replace(/\\"/g, '"').replace(/\\u003c/gi, '<').replace(/\\u003e/gi, '>').replace(/\\u0026/gi, '&');
    const shown = text(page);
    // A heredoc's value ends with its last line's newline.
    for (const secret of Object.values({ ...HIDDEN, heredoc: `${HIDDEN.heredoc}\n` })) expect(shown).toContain(redact(secret));
    // The lines where the values are written are shown, masked.
    const masked = '•••••••• (redacted)';
    expect(shown).toContain(`default = "${masked}"`);
    expect(shown).toContain(`    ${masked}`);
    expect(shown).toContain(`conf = "${masked}"`);
    expect(shown).toContain(`Default: ${masked}`);
  });

  it('never show the values where they are written', () => {
    for (const secret of Object.values(HIDDEN)) expect(page).not.toContain(secret.slice(0, 10));
  });

  it('are hidden by their names and shapes when no-hardcoded-secrets did not run', async () => {
    const d = await mkdtemp(join(tmpdir(), 'iac-check-secrets-skipped-'));
    let out = '';
    try {
      await writeFile(join(d, 'template.yaml'), TEMPLATE);
      await writeFile(join(d, 'main.tf'), CONFIG);
      await main([d, '--format', 'html', '--skip-rules', 'no-hardcoded-secrets'], { out: (t) => { out += t; }, err: () => {}, isTTY: false });
    } finally {
      await rm(d, { recursive: true, force: true });
    }
    expect(out).toContain('MasterUserPassword');
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret.slice(0, 10));
  });
});
