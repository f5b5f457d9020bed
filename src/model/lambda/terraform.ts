import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { LambdaFunction } from './types.js';
import { addFunction } from './common.js';

// aws_lambda_function — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function
const FUNCTION = 'aws_lambda_function';
const FUNCTION_NAME = 'function_name';
const RUNTIME = 'runtime';
const VPC_CONFIG = 'vpc_config';
const SUBNET_IDS = 'subnet_ids';
const RESERVED_CONCURRENCY = 'reserved_concurrent_executions';

export const adapter: Adapter = {
  service: 'lambda',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(FUNCTION)) {
      const r = new PropertyReader(node, graph, '');
      const info = r.info();
      const vpc = r.each([VPC_CONFIG])[0];
      const fn: LambdaFunction = { resource: info, subnets: vpc ? vpc.links([SUBNET_IDS]) : [] };
      const name = r.str([FUNCTION_NAME]);
      if (name) fn.name = name;
      const runtime = r.str([RUNTIME]);
      if (runtime) fn.runtime = runtime;
      // -1 (the provider's default) is no reservation.
      const reserved = r.num([RESERVED_CONCURRENCY]);
      if (reserved && !(reserved.provenance === 'explicit' && reserved.value === -1)) fn.reservedConcurrency = reserved;
      addFunction(model, fn);
    }
  },
};
