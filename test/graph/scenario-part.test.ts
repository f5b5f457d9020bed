/**
 * A scenario's graph is the template's with only some resources evaluated again (`scenarioPart`): on
 * generated templates whose conditions decide which resources exist and whose resources refer to one
 * another (Ref, Fn::GetAtt in both spellings, Fn::Sub, DependsOn, Metadata, DeletionPolicy), it must be
 * the graph a whole build under the scenario's values makes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { EvalBudget } from '../../src/core/limits.js';
import { scenarioPart } from '../../src/engine/cfn-scenarios.js';
import { buildTemplate } from '../../src/graph/cloudformation/build.js';
import type { TemplateInput } from '../../src/graph/cloudformation/build.js';
import { allowedValueScenarios } from '../../src/graph/cloudformation/scenarios.js';
import type { GraphPart } from '../../src/graph/graph.js';

const CONDITIONS = ['IsA', 'IsY', 'AOrY', 'NotA'];
const TYPES = ['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::S3::Bucket'];

/** One property value of resource `i` of `n`: a literal, a parameter, or a reference to another resource. */
function value(n: number): fc.Arbitrary<unknown> {
  const other = fc.integer({ min: 0, max: n - 1 }).map((j) => `R${j}`);
  const cond = fc.constantFrom(...CONDITIONS);
  return fc.oneof(
    fc.constantFrom('plain', 5, true),
    fc.constantFrom('P1', 'P2').map((p) => ({ Ref: p })),
    other.map((r) => ({ Ref: r })),
    other.map((r) => ({ 'Fn::GetAtt': [r, 'Arn'] })),
    other.map((r) => ({ 'Fn::GetAtt': `${r}.Arn` })),
    other.map((r) => ({ 'Fn::Sub': `\${${r}}-\${P1}` })),
    other.map((r) => ({ 'Fn::Sub': `arn:\${${r}.Arn}` })),
    fc.tuple(cond, other).map(([c, r]) => ({ 'Fn::If': [c, { Ref: r }, 'none'] })),
    fc.tuple(cond, fc.constantFrom('P1', 'P2')).map(([c, p]) => ({ 'Fn::If': [c, { Ref: 'AWS::NoValue' }, { Ref: p }] })),
  );
}

const template = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.array(
    fc.record(
      {
        Type: fc.constantFrom(...TYPES),
        Condition: fc.constantFrom(...CONDITIONS),
        DependsOn: fc.integer({ min: 0, max: n - 1 }).map((j) => `R${j}`),
        Metadata: value(n).map((v) => ({ note: v })),
        DeletionPolicy: fc.constantFrom(...CONDITIONS).map((c) => ({ 'Fn::If': [c, 'Retain', 'Delete'] })),
        Properties: fc.array(value(n), { minLength: 1, maxLength: 4 }).map((vs) => Object.fromEntries(vs.map((v, k) => [`Prop${k}`, v]))),
      },
      { requiredKeys: ['Type'] },
    ),
    { minLength: n, maxLength: n },
  ).map((resources) => ({
    Parameters: {
      P1: { Type: 'String', Default: 'a', AllowedValues: ['a', 'b', 'c'] },
      P2: { Type: 'String', Default: 'x', AllowedValues: ['x', 'y'] },
    },
    Conditions: {
      IsA: { 'Fn::Equals': [{ Ref: 'P1' }, 'a'] },
      IsY: { 'Fn::Equals': [{ Ref: 'P2' }, 'y'] },
      AOrY: { 'Fn::Or': [{ Condition: 'IsA' }, { Condition: 'IsY' }] },
      NotA: { 'Fn::Not': [{ Condition: 'IsA' }] },
    },
    Resources: Object.fromEntries(resources.map((r, i) => [`R${i}`, r])),
  })),
);

/** A graph part as comparable text: nodes in their order, edges in any order. */
function text(part: GraphPart): { nodes: string; edges: string[] } {
  const json = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
  return { nodes: json(part.nodes), edges: part.edges.map(json).sort() };
}

describe('a scenario graph built from the template graph', () => {
  it('is the graph a whole build under the scenario values makes', () => {
    fc.assert(
      fc.property(template, (t) => {
        const parsed = parseTemplate('t.json', JSON.stringify(t));
        if (parsed.kind !== 'template') throw new Error('not a template');
        const input: TemplateInput = { file: 't.json', document: parsed.document, account: { known: false, reason: 'not given' }, region: { known: false, reason: 'not given' } };
        const budget = new EvalBudget();
        const base = buildTemplate({ ...input, budget });
        for (const s of allowedValueScenarios(parsed.document).scenarios) {
          const { part } = scenarioPart(input, s, base, budget);
          expect(text(part)).toEqual(text(buildTemplate({ ...input, parameterValues: s.overrides })));
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
