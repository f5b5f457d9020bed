import type { Link, ModelResource, Val } from '../val.js';

/** A Lambda function (`AWS::Lambda::Function`, `aws_lambda_function`). */
export interface LambdaFunction extends ModelResource {
  /** `FunctionName` / `function_name` when written (else generated at deployment). */
  name?: Val<string>;
  /** Absent for container-image functions. */
  runtime?: Val<string>;
  /** VPC subnets (`VpcConfig.SubnetIds` / `vpc_config.subnet_ids`): none when the function runs outside a VPC. */
  subnets: Val<Link>[];
  /** `ReservedConcurrentExecutions` / `reserved_concurrent_executions`, when set. */
  reservedConcurrency?: Val<number>;
  /**
   * Why the function serves the deployment rather than the workload, when it does: a function the
   * AWS CDK adds for its own constructs (custom resource providers, log retention, bucket deployment),
   * or the handler of a CloudFormation custom resource or macro (it runs when the stack changes).
   */
  provisioningHelper?: 'cdk-internal' | 'custom-resource-handler';
}
