import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/core/source.js';
import { runRules } from '../../src/engine/engine.js';
import { defineRule } from '../../src/engine/rule.js';
import { explicit } from '../../src/model/val.js';
import { at, model, resource } from '../helpers/model-builders.js';

// The engine API for related locations: a rule may name other places that explain a finding, and a value
// that travelled (a Terraform module output) brings its trail; both become the finding's related locations.
describe('related locations', () => {
  const bucket = resource('Site', 'AWS::S3::Bucket', { line: 3 });
  const origin = at(7, 9);
  const travelled = { ...origin, span: { ...origin.span, via: [{ span: spanOf('modules/a/outputs.tf', 2, 11, 2, 30), message: 'passed through output "x" of module.a' }] } };
  const rule = defineRule({
    meta: {
      id: 'test-related', title: 't', severity: 'low', controls: [], rationale: '', remediation: '', messages: { m: 'm' }, examples: {},
    },
    check(ctx) {
      ctx.report({ messageId: 'm', at: explicit(true, travelled), resource: bucket, related: [{ span: spanOf('policy.yaml', 4, 3, 4, 20), message: 'the policy that opens it' }] });
    },
  });

  it('puts the value trail first, then what the rule named; the location itself carries no trail', () => {
    const { findings } = runRules(model({ buckets: [bucket as never] }), [rule], { settings: { publicPorts: [] } });
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.location.span).toEqual({ file: origin.span.file, start: { line: 7, column: 9 }, end: origin.span.end });
    expect(f.related.map((r) => [r.span.file, r.span.start.line, r.span.start.column, r.message])).toEqual([
      ['modules/a/outputs.tf', 2, 11, 'passed through output "x" of module.a'],
      ['policy.yaml', 4, 3, 'the policy that opens it'],
    ]);
  });
});
