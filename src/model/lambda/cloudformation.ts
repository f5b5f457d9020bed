import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { LambdaFunction } from './types.js';
import { addFunction, cdkInternal } from './common.js';

// AWS::Lambda::Function — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html
const FUNCTION = 'AWS::Lambda::Function';
const FUNCTION_NAME = 'FunctionName';
const RUNTIME = 'Runtime';
const VPC_CONFIG = 'VpcConfig';
const SUBNET_IDS = 'SubnetIds';
const RESERVED_CONCURRENCY = 'ReservedConcurrentExecutions';

export const adapter: Adapter = {
  service: 'lambda',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(FUNCTION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const info = r.info();
      const fn: LambdaFunction = { resource: info, subnets: r.links([VPC_CONFIG, SUBNET_IDS]), cdkInternal: cdkInternal(info) };
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
