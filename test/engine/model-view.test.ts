import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/engine.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Rule } from '../../src/engine/rule.js';
import { affectedLists, listTexts } from '../../src/engine/cfn-scenarios.js';
import { explicit } from '../../src/model/val.js';
import { at, model, resource } from '../helpers/model-builders.js';

const META = { title: 't', severity: 'low' as const, controls: [] as string[], rationale: '', remediation: '', messages: { m: 'm' }, examples: {} };
const SETTINGS = { settings: { publicPorts: [] } };

// The model a rule is handed: each list is viewed when the rule first reads it; the engine can be told which lists each rule read
// (the AllowedValues scenarios run again only the rules that read a list a scenario changes).
describe('the model view handed to rules', () => {
  const bucket = resource('Site', 'AWS::S3::Bucket', { line: 3 });
  const queue = resource('Jobs', 'AWS::SQS::Queue', { line: 9 });

  it('names the lists each rule read, and only those; a rule reading none is still run', () => {
    const readsBuckets = defineRule({ meta: { id: 't-buckets', ...META }, check(ctx) {
      for (const b of ctx.model.buckets) ctx.report({ messageId: 'm', at: explicit(true, at(3, 5)), resource: b });
    } });
    const readsFacet = defineRule({ meta: { id: 't-facet', ...META }, check(ctx) {
      void ctx.model.facets.dataStores.length;
    } });
    const readsNothing = defineRule({ meta: { id: 't-none', ...META }, check() {} });
    const reads = new Map<Rule, string[]>();
    const m = model({ buckets: [bucket as never], queues: [queue as never] });
    const { findings } = runRules(m, [readsBuckets, readsFacet, readsNothing] as Rule[], SETTINGS, (rule, list) => reads.set(rule, [...(reads.get(rule) ?? []), list]));
    expect(findings.map((f) => f.ruleId)).toEqual(['t-buckets']);
    expect(reads.get(readsBuckets as Rule)).toEqual(['buckets']);
    expect(reads.get(readsFacet as Rule)).toEqual(['facets.dataStores']);
    expect(reads.has(readsNothing as Rule)).toBe(false);
  });

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

describe('which model lists a scenario changes', () => {
  const bucket = (line: number) => resource('Site', 'AWS::S3::Bucket', { line });
  const withFacet = (b: ReturnType<typeof bucket>, q = resource('Jobs', 'AWS::SQS::Queue', { line: 20 })) => {
    const m = model({ buckets: [b as never], queues: [q as never] });
    m.facets.dataStores.push({ owner: b } as never);
    return m;
  };

  it('none when the models are the same', () => {
    expect([...affectedLists(listTexts(withFacet(bucket(3))), listTexts(withFacet(bucket(3))))!]).toEqual([]);
  });

  it('a changed list, and the lists whose items point at its items (a facet at its owner), not the others', () => {
    expect([...affectedLists(listTexts(withFacet(bucket(3))), listTexts(withFacet(bucket(4))))!].sort()).toEqual(['buckets', 'facets.dataStores']);
    const q = resource('Jobs', 'AWS::SQS::Queue', { line: 21 });
    expect([...affectedLists(listTexts(withFacet(bucket(3))), listTexts(withFacet(bucket(3), q)))!]).toEqual(['queues']);
  });

  it('cannot tell (every rule runs) when a list cannot be written', () => {
    const m = withFacet(bucket(3));
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    (m.queues[0] as unknown as Record<string, unknown>)['x'] = cyclic;
    expect(affectedLists(listTexts(withFacet(bucket(3))), listTexts(m))).toBeUndefined();
  });
});
