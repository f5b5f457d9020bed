import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { LambdaFunction } from './types.js';
import { referencedIds } from '../../graph/value.js';
import { addFunction, markHelper } from './common.js';

// AWS::Lambda::Function — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html
const FUNCTION = 'AWS::Lambda::Function';
const FUNCTION_NAME = 'FunctionName';
const RUNTIME = 'Runtime';
const VPC_CONFIG = 'VpcConfig';
const SUBNET_IDS = 'SubnetIds';
const RESERVED_CONCURRENCY = 'ReservedConcurrentExecutions';

// Custom resources (AWS::CloudFormation::CustomResource, Custom::<name>): ServiceToken names the handler.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-customresource.html
const CUSTOM_RESOURCE = 'AWS::CloudFormation::CustomResource';
const CUSTOM_PREFIX = 'Custom::';
const SERVICE_TOKEN = 'ServiceToken';
// AWS::CloudFormation::Macro — aws-resource-cloudformation-macro.html: FunctionName is the function that processes the template.
const MACRO = 'AWS::CloudFormation::Macro';
const MACRO_FUNCTION = 'FunctionName';

export const adapter: Adapter = {
  service: 'lambda',
  source: 'cloudformation',
  adapt(graph, model) {
    const handlers = new Set<string>();
    for (const n of graph.nodes) {
      const key = n.type === MACRO ? MACRO_FUNCTION : n.type === CUSTOM_RESOURCE || n.type.startsWith(CUSTOM_PREFIX) ? SERVICE_TOKEN : undefined;
      const token = key ? n.properties.entries.get(key) : undefined;
      if (token) for (const id of referencedIds(token)) handlers.add(id);
    }
    for (const node of graph.ofType(FUNCTION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const info = r.info();
      const fn: LambdaFunction = { resource: info, subnets: r.links([VPC_CONFIG, SUBNET_IDS]) };
      markHelper(fn, handlers);
      const name = r.str([FUNCTION_NAME]);
      if (name) fn.name = name;
      const runtime = r.str([RUNTIME]);
      if (runtime) fn.runtime = runtime;
      const reserved = r.num([RESERVED_CONCURRENCY]);
      if (reserved) fn.reservedConcurrency = reserved;
      addFunction(model, fn);
    }
  },
};
