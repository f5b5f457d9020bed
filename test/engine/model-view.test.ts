import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Rule } from '../../src/engine/rule.js';
import { model, resource } from '../helpers/model-builders.js';

const META = { title: 't', severity: 'low' as const, controls: [] as string[], rationale: '', remediation: '', messages: { m: 'm' }, examples: {} };
const SETTINGS = { settings: { publicPorts: [] } };

// The model a rule is handed: each list is viewed when the rule first reads it, and what a rule writes stays in its view.
describe('the model view handed to rules', () => {
  const bucket = resource('Site', 'AWS::S3::Bucket', { line: 3 });
  const queue = resource('Jobs', 'AWS::SQS::Queue', { line: 9 });

  it('keeps what a rule writes to the model or its lists in its own view', () => {
    const writes = defineRule({ meta: { id: 't-writes', ...META }, check(ctx) {
      (ctx.model as { buckets: unknown[] }).buckets = [];
      ctx.model.queues.length = 0;
      expect(ctx.model.buckets).toEqual([]);
    } });
    const m = model({ buckets: [bucket as never], queues: [queue as never] });
    const { errors } = runRules(m, [writes as Rule], SETTINGS);
    expect(errors).toEqual([]);
    expect(m.buckets).toHaveLength(1);
    expect(m.queues).toHaveLength(1);
    // Lists the model keeps are all there to be walked (ModelIndex walks every list).
    const keys = defineRule({ meta: { id: 't-keys', ...META }, check(ctx) {
      expect(Object.keys(ctx.model)).toEqual(Object.keys(m));
      expect(Object.keys(ctx.model.facets)).toEqual(Object.keys(m.facets));
    } });
    expect(runRules(m, [keys as Rule], SETTINGS).errors).toEqual([]);
  });
});
