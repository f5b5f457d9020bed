import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import type { Finding } from '../../src/engine/types.js';
import { dedent, scanFiles } from '../helpers/scan-snippet.js';

// Issue 8 item 9: a value read through a module output (`module.network.vpc_cidr_block`) is reported where
// the module declares it, with the output, the module call and the read as related locations. Before, the
// security group finding below landed on `modules/network/outputs.tf:6:11`, the output's expression.
const files = {
  'main.tf': dedent(`
    module "network" {
      source = "./modules/network"
      cidr   = "10.30.0.0/16"
      zone   = "eu-west-1a"
    }

    resource "aws_security_group" "efs" {
      name   = "efs"
      vpc_id = module.network.vpc_id
      ingress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = [module.network.vpc_cidr_block]
      }
    }

    resource "aws_security_group" "cache" {
      name   = "cache"
      vpc_id = module.network.vpc_id
      ingress {
        from_port   = 0
        to_port     = 0
        protocol    = "-1"
        cidr_blocks = module.network.office_cidrs
      }
    }

    resource "aws_db_subnet_group" "data" {
      name       = "data"
      subnet_ids = module.network.data_subnet_ids
    }
  `),
  'modules/network/main.tf': dedent(`
    variable "cidr" {
      type = string
    }

    variable "zone" {
      type = string
    }

    locals {
      office = ["10.40.0.0/16"]
    }

    resource "aws_vpc" "this" {
      cidr_block = var.cidr
    }

    resource "aws_subnet" "data" {
      count             = 2
      vpc_id            = aws_vpc.this.id
      availability_zone = var.zone
      cidr_block        = cidrsubnet(var.cidr, 8, count.index)
    }
  `),
  'modules/network/outputs.tf': dedent(`
    output "vpc_id" {
      value = aws_vpc.this.id
    }

    output "vpc_cidr_block" {
      value = aws_vpc.this.cidr_block
    }

    output "office_cidrs" {
      value = local.office
    }

    output "data_subnet_ids" {
      value = aws_subnet.data[*].id
    }
  `),
};

const at = (f: { span: { file: string; start: { line: number; column: number } } }) => `${f.span.file}:${f.span.start.line}:${f.span.start.column}`;
const where = (f: Finding) => [f.ruleId, f.resource.address, at(f.location), ...f.related.map((r) => `${at(r)} ${r.message}`)];

describe('Terraform: findings on values read through module outputs', async () => {
  const out = await scanFiles(files, { rules: ['sg-internal-scope', 'multi-az'] });
  const { result } = out;

  it('scans without errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('a reference forwarded by an output lands on the attribute the module declares, with output, call and read related', () => {
    const f = result.findings.find((x) => x.resource.address === 'aws_security_group.efs')!;
    expect(where(f)).toEqual([
      'sg-internal-scope',
      'aws_security_group.efs',
      'modules/network/main.tf:14:16',
      'modules/network/outputs.tf:6:11 passed through output "vpc_cidr_block" of module.network',
      'main.tf:1:1 module "network" call',
      'main.tf:14:20 read as module.network.vpc_cidr_block',
    ]);
    // Stable identity: the property path is the consumer's, whatever the location.
    expect(f.location.path).toBe('ingress[0].cidr_blocks[0]');
  });

  it('a whole attribute read from an output keeps the place where the module writes the value', () => {
    const f = result.findings.find((x) => x.resource.address === 'aws_security_group.cache')!;
    expect(where(f)).toEqual([
      'sg-internal-scope',
      'aws_security_group.cache',
      'modules/network/main.tf:10:13',
      'modules/network/outputs.tf:10:11 passed through output "office_cidrs" of module.network',
      'main.tf:1:1 module "network" call',
      'main.tf:25:19 read as module.network.office_cidrs',
    ]);
  });

  it('the resources of a splat output are the subnets the module declares', () => {
    const f = result.findings.find((x) => x.resource.address === 'aws_db_subnet_group.data')!;
    expect(where(f)).toEqual([
      'multi-az',
      'aws_db_subnet_group.data',
      'modules/network/main.tf:17:1',
      'modules/network/outputs.tf:14:11 passed through output "data_subnet_ids" of module.network',
      'main.tf:1:1 module "network" call',
      'main.tf:31:16 read as module.network.data_subnet_ids',
    ]);
  });

  it('no finding is located in outputs.tf', () => {
    expect(result.findings.filter((f) => f.location.span.file.endsWith('outputs.tf'))).toEqual([]);
  });

  it('shows the related locations in SARIF (schema-valid), JSON and verbose text', () => {
    const sarif = JSON.parse(formatSarif(result, out.rules, { toolVersion: '0.1.0' })) as Sarif.Log;
    const efs = sarif.runs[0]!.results!.find((r) => r.message.text?.includes('aws_security_group.efs'))!;
    expect(efs.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 14, startColumn: 16 });
    expect(efs.relatedLocations!.map((l) => [l.id, l.physicalLocation!.artifactLocation!.uri, l.physicalLocation!.region!.startLine, l.physicalLocation!.region!.startColumn, l.message!.text])).toEqual([
      [1, 'modules/network/outputs.tf', 6, 11, 'passed through output "vpc_cidr_block" of module.network'],
      [2, 'main.tf', 1, 1, 'module "network" call'],
      [3, 'main.tf', 14, 20, 'read as module.network.vpc_cidr_block'],
    ]);
    const here = dirname(fileURLToPath(import.meta.url));
    const schema = JSON.parse(readFileSync(join(here, '..', 'report', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    delete schema.$id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const validate = ajv.compile(schema);
    validate(sarif);
    expect(validate.errors ?? []).toEqual([]);

    const json = JSON.parse(formatJson(result, out.rules)) as { findings: { resource: { address: string }; location: { file: string; startLine: number; startColumn: number }; related: { file: string; startLine: number; startColumn: number; message: string }[] }[] };
    const j = json.findings.find((x) => x.resource.address === 'aws_security_group.efs')!;
    expect([j.location.file, j.location.startLine, j.location.startColumn]).toEqual(['modules/network/main.tf', 14, 16]);
    expect(j.related.map((r) => [r.file, r.startLine, r.startColumn, r.message])).toEqual([
      ['modules/network/outputs.tf', 6, 11, 'passed through output "vpc_cidr_block" of module.network'],
      ['main.tf', 1, 1, 'module "network" call'],
      ['main.tf', 14, 20, 'read as module.network.vpc_cidr_block'],
    ]);

    const text = formatText(result, { verbose: true, color: false });
    expect(text).toContain('related: modules/network/outputs.tf:6:11 passed through output "vpc_cidr_block" of module.network');
    expect(text).toContain('related: main.tf:14:20 read as module.network.vpc_cidr_block');
  });
});

describe('Terraform: values that do not travel through an output keep their place', async () => {
  it('a literal list item in the resource itself has no related locations', async () => {
    const { result } = await scanFiles({
      'main.tf': dedent(`
        resource "aws_security_group" "g" {
          name = "g"
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["10.30.0.0/16"]
          }
        }
      `),
    }, { rules: ['sg-internal-scope'] });
    expect(result.findings.map(where)).toEqual([['sg-internal-scope', 'aws_security_group.g', 'main.tf:7:20']]);
  });
});

describe('Terraform: an output forwarded through two modules', () => {
  it('lands in the innermost module, with every output and call on the way, each place once', async () => {
    const { result } = await scanFiles({
      'main.tf': dedent(`
        module "outer" {
          source = "./modules/outer"
        }

        resource "aws_security_group" "g" {
          name = "g"
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = [module.outer.cidr]
          }
        }
      `),
      'modules/outer/main.tf': dedent(`
        module "inner" {
          source = "../inner"
        }

        output "cidr" {
          value = module.inner.cidr
        }
      `),
      'modules/inner/main.tf': dedent(`
        resource "aws_vpc" "this" {
          cidr_block = "10.30.0.0/16"
        }

        output "cidr" {
          value = aws_vpc.this.cidr_block
        }
      `),
    }, { rules: ['sg-internal-scope'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map(where)).toEqual([
      [
        'sg-internal-scope',
        'aws_security_group.g',
        'modules/inner/main.tf:2:16',
        'modules/inner/main.tf:6:11 passed through output "cidr" of module.outer.module.inner',
        'modules/outer/main.tf:1:1 module "inner" call',
        'modules/outer/main.tf:6:11 read as module.inner.cidr',
        'main.tf:1:1 module "outer" call',
        'main.tf:11:20 read as module.outer.cidr',
      ],
    ]);
  });
});
