import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { buildTemplate } from '../../src/graph/cloudformation/build.js';
import { ResourceGraph } from '../../src/graph/graph.js';
import type { ResourceNode } from '../../src/graph/graph.js';
import { emptyModel } from '../../src/model/model.js';
import { adapter as secrets } from '../../src/model/secrets/cloudformation.js';
import { scanSnippet } from '../helpers/scan-snippet.js';

// An AllowedValues scenario whose changed values only adapters were handed is the template's own
// model when each adapter, run alone, makes the same of both graphs. A per-node adapter (secrets)
// is run over the changed nodes only; the others over the whole graph. Both answers must agree.

const template = (variable: string): string => `
  Parameters:
    Env:
      Type: String
      Default: dev
      AllowedValues: [dev, prod]
  Conditions:
    IsProd: !Equals [!Ref Env, prod]
  Resources:
    Fn:
      Type: AWS::Lambda::Function
      Properties:
        Runtime: python3.12
        Handler: index.handler
        Role: arn:aws:iam::123456789012:role/fn
        Code:
          ZipFile: "def handler(e, c): pass"
        Environment:
          Variables:
            DB_PASSWORD: '{{resolve:secretsmanager:db}}'
            ${variable}
    Queue:
      Type: AWS::SQS::Queue
`;

const adapt = secrets.adapt.bind(secrets);

/** The scan's findings, and the node counts of the graphs the secrets adapter was run over. */
async function run(text: string, perNode: boolean): Promise<{ findings: string[]; graphs: number[] }> {
  const graphs: number[] = [];
  vi.restoreAllMocks();
  vi.spyOn(secrets, 'adapt').mockImplementation((graph: ResourceGraph, model) => {
    graphs.push(graph.nodes.length);
    adapt(graph, model);
  });
  if (!perNode) delete (secrets as { perNode?: true }).perNode;
  try {
    const { result } = await scanSnippet('cloudformation', text, { rules: ['no-hardcoded-secrets'] });
    expect(result.errors).toEqual([]);
    return { findings: result.findings.map((f) => `${f.ruleId} ${f.location.span.start.line} ${f.message}`), graphs };
  } finally {
    secrets.perNode = true;
  }
}

/**
 * Scans `text` with the per-node path and without it: the per-node run went over a one-node graph
 * (the changed function), the other never did, and both give the same findings, returned.
 */
async function bothPaths(text: string): Promise<string[]> {
  const fast = await run(text, true);
  const slow = await run(text, false);
  expect(fast.graphs).toContain(1);
  expect(slow.graphs).not.toContain(1);
  expect(fast.findings).toEqual(slow.findings);
  return fast.findings;
}

describe('AllowedValues scenarios: adapters run again alone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the secrets adapter makes its output of each node alone (perNode): over a whole sample, what it makes of each node in turn', () => {
    expect(secrets.perNode).toBe(true);
    const folder = 'samples/cloudformation/failing';
    const unknown = { known: false as const, reason: 'not configured' };
    const secretsOf = (nodes: ResourceNode[]): string => {
      const graph = new ResourceGraph();
      graph.add({ nodes, edges: [] });
      graph.sort();
      const model = emptyModel();
      secrets.adapt(graph, model);
      return JSON.stringify(model.secretValues);
    };
    let found = 0;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
      const parsed = parseTemplate(file, readFileSync(join(folder, file), 'utf8'));
      if (parsed.kind !== 'template') continue;
      const { nodes } = buildTemplate({ file, document: parsed.document, account: unknown, region: unknown });
      const sorted = secretsOf(nodes);
      const eachAlone = [...nodes].sort((a, b) => (a.address < b.address ? -1 : 1)).map((n) => JSON.parse(secretsOf([n])) as unknown[]);
      expect(sorted).toBe(JSON.stringify(eachAlone.flat()));
      found += eachAlone.flat().length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('a scenario that changes no secret: the per-node run (over the one changed node) and the whole run both find nothing more', async () => {
    // The stage is no secret: the secrets adapter makes the same of the function under both values.
    const findings = await bothPaths(template('STAGE: !Ref Env'));
    expect(findings.filter((f) => f.includes('(when'))).toEqual([]);
  });

  it('a scenario that adds a secret: both runs tell it apart and report it, naming the value', async () => {
    const findings = await bothPaths(template("API_TOKEN: !If [IsProd, hunter2-hunter2, '{{resolve:ssm-secure:token}}']"));
    expect(findings.filter((f) => f.includes('(when Env is prod)'))).toHaveLength(1);
  });
});
