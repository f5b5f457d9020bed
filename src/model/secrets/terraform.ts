import type { Adapter } from '../adapter.js';
import type { Path } from '../read.js';
import { PropertyReader } from '../read.js';
import type { SecretSpelling } from './common.js';
import { secretValues } from './common.js';

/*
 * Secrets in Terraform resources, of any type. Terraform has no deploy-time secret references:
 * a value is a literal, or comes from a variable, data source or resource (unknown here).
 * Environments: aws_lambda_function `environment { variables = {…} }`; aws_ecs_task_definition
 * `container_definitions` (JSON: `[{ environment = [{ name, value }] }]`; `secrets` is the secure form).
 */
const FUNCTION = 'aws_lambda_function';
const TASK_DEFINITION = 'aws_ecs_task_definition';
const ENVIRONMENT = 'environment';
const VARIABLES = 'variables';
const CONTAINER_DEFINITIONS = 'container_definitions';

const spelling: SecretSpelling = {
  dynamicReference() {
    return undefined;
  },
  environment(type: string, path: Path) {
    if (type === FUNCTION && path[0] === ENVIRONMENT && path[2] === VARIABLES) return 'lambda';
    if (type === TASK_DEFINITION && path[0] === CONTAINER_DEFINITIONS && path[2] === ENVIRONMENT) return 'ecs';
    return undefined;
  },
};

export const adapter: Adapter = {
  service: 'secrets',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.nodes) {
      if (node.mode !== 'managed' || (node.source !== 'terraform' && node.source !== 'terraform-plan')) continue;
      model.secretValues.push(...secretValues(new PropertyReader(node, graph, ''), spelling));
    }
    // Provider configurations (`provider "aws" { access_key, secret_key, token }`): credentials written there are in every clone.
    for (const node of graph.providers) model.secretValues.push(...secretValues(new PropertyReader(node, graph, ''), spelling));
  },
};
