import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTerraformPlan, isPlanJson } from '../../src/graph/terraform/plan.js';
import { toPlain } from '../../src/graph/value.js';
import { writeTree } from '../fixtures/terraform/helpers.js';

const fixtures = join(import.meta.dirname, '../fixtures/terraform');

describe('terraform plan JSON', () => {
  const text = readFileSync(join(fixtures, 'plan/plan.json'), 'utf8');

  it('detects plan JSON', () => {
    expect(isPlanJson(text)).toBe(true);
    expect(isPlanJson('{"resource": {}}')).toBe(false);
  });

  it('points at the .tf blocks when the configuration is beside the plan', async () => {
    const r = await buildTerraformPlan({ root: fixtures, file: 'plan/plan.json', text });
    expect(r.errors).toEqual([]);
    const nodes = r.parts.flatMap((p) => p.nodes);
    const v = nodes.find((n) => n.address === 'aws_s3_bucket_versioning.logs')!;
    expect(v).toMatchObject({ id: 'plan::aws_s3_bucket_versioning.logs', file: 'plan/main.tf', source: 'terraform-plan', span: { start: { line: 9 } } });
    expect(v.properties.entries.get('bucket')).toMatchObject({ kind: 'ref', target: 'plan::aws_s3_bucket.logs', attribute: 'id' });
    expect(toPlain(v.properties.entries.get('versioning_configuration')!)).toEqual([{ status: 'Enabled' }]);
    expect(v.properties.entries.get('versioning_configuration')!.span.start.line).toBe(11);
    expect(v.context.region).toMatchObject({ known: true, value: 'us-east-1' });
    const b = nodes.find((n) => n.address === 'aws_s3_bucket.logs')!;
    expect(b.properties.entries.has('acl')).toBe(false);
    expect(b.properties.entries.get('policy')).toMatchObject({ kind: 'map' });
  });

  it('points at the plan when no configuration is found, joining through configuration references', async () => {
    const root = writeTree({ 'p/plan.json': text });
    const r = await buildTerraformPlan({ root, file: 'p/plan.json', text });
    const nodes = r.parts.flatMap((p) => p.nodes);
    const v = nodes.find((n) => n.address === 'aws_s3_bucket_versioning.logs')!;
    expect(v.file).toBe('p/plan.json');
    expect(v.span.start.line).toBe(16);
    expect(v.properties.entries.get('bucket')).toMatchObject({ kind: 'ref', target: 'p/plan.json::aws_s3_bucket.logs', attribute: 'id' });
    expect(r.notes.length).toBeGreaterThan(0);
  });

  it('reports invalid JSON with a position', async () => {
    const r = await buildTerraformPlan({ root: fixtures, file: 'x.json', text: '{\n "format_version": \n}' });
    expect(r.errors[0]).toMatchObject({ file: 'x.json', line: 3 });
  });
});
