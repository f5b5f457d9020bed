import type { ResourceNode } from '../../graph/graph.js';
import type { Adapter } from '../adapter.js';
import type { Path } from '../read.js';
import { PropertyReader } from '../read.js';
import type { SecretSpelling } from './common.js';
import { secretValues } from './common.js';
import type { SecretValue } from './types.js';

/*
 * Secrets in CloudFormation resources, of any type.
 * Dynamic references (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html):
 * `{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}` (resolved at deploy time, never in the template)
 * and `{{resolve:ssm:…}}` (a plain String parameter).
 * Environments: AWS::Lambda::Function / AWS::Serverless::Function `Environment.Variables`;
 * AWS::ECS::TaskDefinition `ContainerDefinitions[].Environment[]` ({ Name, Value }; `Secrets` is the secure form).
 */
const DYNAMIC_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure|ssm):/;
const FUNCTIONS = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);
const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
const ENVIRONMENT = 'Environment';
const VARIABLES = 'Variables';
const CONTAINER_DEFINITIONS = 'ContainerDefinitions';

const spelling: SecretSpelling = {
  dynamicReference(s) {
    return DYNAMIC_REFERENCE.exec(s)?.[1] as SecretValue['dynamicReference'];
  },
  environment(type: string, path: Path) {
    if (FUNCTIONS.has(type) && path[0] === ENVIRONMENT && path[1] === VARIABLES) return 'lambda';
    if (type === TASK_DEFINITION && path[0] === CONTAINER_DEFINITIONS && path[2] === ENVIRONMENT) return 'ecs';
    return undefined;
  },
};

/**
 * What each node holds, made once per node: the AllowedValues scenarios build a template's model again
 * over the template's own nodes but the changed ones, and this walk over every string was the costliest
 * adapter of those builds. Nothing changes a node once built, nor a SecretValue once made.
 */
const made = new WeakMap<ResourceNode, readonly SecretValue[]>();

export const adapter: Adapter = {
  service: 'secrets',
  source: 'cloudformation',
  // secretValues reads the node's own properties; the reader's graph only shares interned path strings.
  perNode: true,
  adapt(graph, model) {
    for (const node of graph.nodes) {
      if (node.source !== 'cloudformation' && node.source !== 'cdk') continue;
      let found = made.get(node);
      if (!found) made.set(node, (found = secretValues(new PropertyReader(node, graph, 'Properties'), spelling)));
      model.secretValues.push(...found);
    }
  },
};
