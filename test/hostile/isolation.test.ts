/** One unit that throws (a rule on one resource, an adapter on one node, a format's build) never loses the rest of the report. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import { defineRule } from '../../src/engine/rule.js';
import { buildModel } from '../../src/model/build.js';
import { scanFiles } from '../helpers/scan-snippet.js';
import { SIBLING } from './helpers.js';

const twoBuckets = {
  'a.yaml': ['Resources:', '  Bad:', '    Type: AWS::S3::Bucket', '  Good:', '    Type: AWS::S3::Bucket', ''].join('\n'),
};

describe('isolation', () => {
  it('a rule that throws on one resource is an error naming the rule and the resource; other resources and rules still run', async () => {
    const out = await scanFiles({ ...twoBuckets, ...SIBLING });
    const model = out.model!;
    const throwing = defineRule({
      meta: { id: 'throws', title: 't', severity: 'low', controls: [], rationale: '', remediation: '', messages: { seen: 'seen {{b}}' }, examples: {} },
      check(ctx) {
        for (const b of ctx.model.buckets) {
          if (b.resource.address === 'Bad') throw new TypeError('boom');
          ctx.report({ messageId: 'seen', at: b, resource: b, data: { b: b.resource.address } });
        }
      },
    });
    const other = defineRule({
      meta: { id: 'other', title: 'o', severity: 'low', controls: [], rationale: '', remediation: '', messages: { seen: 'other {{b}}' }, examples: {} },
      check(ctx) {
        for (const b of ctx.model.buckets) ctx.report({ messageId: 'seen', at: b, resource: b, data: { b: b.resource.address } });
      },
    });
    const r = runRules(model, [throwing, other], { settings: { publicPorts: [] } });
    expect(r.errors).toEqual([{ file: 'a.yaml', line: 2, column: 3, kind: 'internal', message: expect.stringMatching(/^rule throws failed on Bad \(AWS::S3::Bucket\): TypeError: boom \(this is a bug/) }]);
    expect(r.findings.filter((f) => f.ruleId === 'throws').map((f) => f.resource.address).sort()).toEqual(['Good', 'Open']);
    expect(r.findings.filter((f) => f.ruleId === 'other').map((f) => f.resource.address).sort()).toEqual(['Bad', 'Good', 'Open']);
  });

  it('a nested loop blames the outer item it was on', async () => {
    const out = await scanFiles({ ...twoBuckets, ...SIBLING });
    const rule = defineRule({
      meta: { id: 'nested', title: 'n', severity: 'low', controls: [], rationale: '', remediation: '', messages: { seen: 's' }, examples: {} },
      check(ctx) {
        for (const b of ctx.model.buckets) {
          for (const other of ctx.model.buckets) if (b.resource.address === 'Good' && other.resource.address === 'Open') throw new Error('inner');
          ctx.report({ messageId: 'seen', at: b, resource: b });
        }
      },
    });
    const r = runRules(out.model!, [rule], { settings: { publicPorts: [] } });
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/failed on Good /)]);
    expect(r.findings.map((f) => f.resource.address).sort()).toEqual(['Bad', 'Open']);
  });

  it('an adapter that throws on one node leaves that node out with an error; the others are adapted', async () => {
    const out = await scanFiles({ ...twoBuckets, ...SIBLING });
    const graph = out.graph!;
    const bad = graph.nodes.find((n) => n.address === 'Bad')!;
    // Reading the node's properties throws, as a bug in a graph builder or adapter would.
    Object.defineProperty(bad, 'properties', { get: () => { throw new TypeError('broken node'); } });
    const errors: { message: string }[] = [];
    const model = await buildModel(graph, errors as never);
    expect(model.buckets.map((b) => b.resource.address).sort()).toEqual(['Good', 'Open']);
    // Every adapter that reads the node reports it (s3, and the secrets walk over all resources); nothing else fails.
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^reading Bad \(AWS::S3::Bucket\) into the s3 model failed: TypeError: broken node/));
    for (const e of errors) expect(e.message).toMatch(/^reading Bad \(AWS::S3::Bucket\) into the \w+ model failed: TypeError: broken node/);
  });
});
