import { describe, expect, it } from 'vitest';
import { findToken, TOKEN_PATTERNS } from '../../src/secrets/patterns.js';
import { parseTemplate } from '../../parsers/cloudformation/index.js';
import { buildTemplate } from '../../src/graph/cloudformation/build.js';
import { ResourceGraph } from '../../src/graph/graph.js';
import type { ResourceNode } from '../../src/graph/graph.js';
import { emptyModel } from '../../src/model/model.js';
import { adapter as secrets } from '../../src/model/secrets/cloudformation.js';
import { dedent, scanSnippet } from '../helpers/scan-snippet.js';

/** One string of each shape, in TOKEN_PATTERNS order. */
const SHAPED = [
  'AKIAIOSFODNN7EXAMPLE',
  '-----BEGIN RSA PRIVATE KEY-----',
  `ghp_${'a'.repeat(36)}`,
  `glpat-${'a'.repeat(20)}`,
  'xoxb-1234567890-abc',
  'https://hooks.slack.com/services/T000/B000/XXXX',
  `sk_live_${'a'.repeat(24)}`,
  `AIza${'a'.repeat(35)}`,
  `npm_${'a'.repeat(36)}`,
  `SG.${'a'.repeat(22)}.${'b'.repeat(43)}`,
];

describe('findToken', () => {
  it('finds every shape (the prefix check lets each through)', () => {
    expect(SHAPED.map((s) => findToken(`x ${s} y`)?.what)).toEqual(TOKEN_PATTERNS.map((p) => p.what));
  });

  it("each shape's match starts with that pattern's own prefix", () => {
    TOKEN_PATTERNS.forEach((p, i) => {
      const match = findToken(SHAPED[i]!)?.match ?? '';
      expect(new RegExp(`^(?:${p.prefix})`).test(match), p.what).toBe(true);
    });
  });

  it('finds nothing in a string without any prefix, nor in one with a prefix but not the shape', () => {
    expect(findToken('arn:aws:s3:::my-bucket/logs')).toBeUndefined();
    expect(findToken('AKIA-short and npm_x and SG.x')).toBeUndefined();
  });
});

describe('secret values', () => {
  it('keeps only strings named or shaped like a secret, with their paths (CloudFormation)', async () => {
    const out = await scanSnippet('cloudformation', `
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Handler: index.handler
            Environment:
              Variables:
                DB_PASSWORD: hunter2hunter2
                REGION: eu-west-1
                KEY_ID: AKIAIOSFODNN7EXAMPLE
        Task:
          Type: AWS::ECS::TaskDefinition
          Properties:
            ContainerDefinitions:
              - Name: app
                Environment:
                  - Name: API_TOKEN
                    Value: abcdefabcdef
                  - Name: MODE
                    Value: fast
                Tags: [plain, AKIAIOSFODNN7EXAMPLE]
    `);
    const found = out.model!.secretValues.map((s) => [s.value.origin.path, s.name, s.named, s.shape ?? '', s.environment ?? '']);
    expect(found).toEqual([
      ['Properties.Environment.Variables.DB_PASSWORD', 'DB_PASSWORD', true, '', 'lambda'],
      ['Properties.Environment.Variables.KEY_ID', 'KEY_ID', false, 'an AWS access key id', 'lambda'],
      ['Properties.ContainerDefinitions[0].Environment[0].Value', 'API_TOKEN', true, '', 'ecs'],
      ['Properties.ContainerDefinitions[0].Tags[1]', 'Tags', false, 'an AWS access key id', ''],
    ]);
  });

  it('walks JSON text and reports a named reference as unknown (Terraform)', async () => {
    const out = await scanSnippet('terraform', `
      variable "token" {}
      resource "aws_ecs_task_definition" "t" {
        family = "t"
        container_definitions = jsonencode([{ name = "app", environment = [{ name = "SECRET_KEY", value = "s3cr3ts3cr3t" }] }])
      }
      resource "aws_lambda_function" "f" {
        function_name = "f"
        environment {
          variables = { API_TOKEN = var.token, PLAIN = "x" }
        }
      }
    `);
    const found = out.model!.secretValues.map((s) => [s.value.origin.path, s.name, s.value.provenance, s.environment ?? '']);
    expect(found).toEqual([
      ['container_definitions[0].environment[0].value', 'SECRET_KEY', 'explicit', 'ecs'],
      ['environment[0].variables.API_TOKEN', 'API_TOKEN', 'unknown', 'lambda'],
    ]);
  });
});

describe('the CloudFormation secrets adapter over a template built again', () => {
  const text = `
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Environment:
            Variables:
              DB_PASSWORD: hunter2hunter2
  `;
  const secretsOf = (nodes: ResourceNode[]) => {
    const graph = new ResourceGraph();
    graph.add({ nodes, edges: [] });
    const model = emptyModel();
    secrets.adapt(graph, model);
    return model.secretValues;
  };

  it("makes a node's values once, and a node built again anew (the scenarios reuse the template's unchanged nodes)", () => {
    const parsed = parseTemplate('t.yaml', dedent(text));
    if (parsed.kind !== 'template') throw new Error('not a template');
    const build = () => buildTemplate({ file: 't.yaml', document: parsed.document, account: { known: false, reason: 'not given' }, region: { known: false, reason: 'not given' } }).nodes;
    const nodes = build();
    const first = secretsOf(nodes);
    expect(first.map((s) => [s.name, s.value.origin.path])).toEqual([['DB_PASSWORD', 'Properties.Environment.Variables.DB_PASSWORD']]);
    expect(secretsOf(nodes)[0]).toBe(first[0]);
    const again = secretsOf(build());
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
  });
});
