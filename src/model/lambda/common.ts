import type { CloudModel } from '../model.js';
import { monitored } from '../cloudwatch/monitored.js';
import type { ResourceInfo } from '../val.js';
import type { LambdaFunction } from './types.js';

/**
 * Construct paths of the functions the AWS CDK adds for its own constructs: singleton providers
 * named with a 32-hex-digit id (`AWS679f53fac002430cb0da5b7982bd2287`, `LogRetentionaae0…`,
 * `BucketNotificationsHandler050a…`), `Custom::…CustomResourceProvider` handlers and the
 * provider framework's `framework-onEvent` functions.
 */
const CDK_INTERNAL = /(^|\/)Custom::|[0-9a-f]{32}(\/|$)|\/framework-on[A-Za-z]+(\/|$)/;

export function cdkInternal(info: ResourceInfo): boolean {
  return info.construct !== undefined && CDK_INTERNAL.test(info.construct.path);
}

/** Sets why a function serves the deployment (see `LambdaFunction.provisioningHelper`), when it does. */
export function markHelper(fn: LambdaFunction, customResourceHandlers: ReadonlySet<string>): void {
  if (cdkInternal(fn.resource)) fn.provisioningHelper = 'cdk-internal';
  else if (customResourceHandlers.has(fn.resource.id)) fn.provisioningHelper = 'custom-resource-handler';
}

/** Adds a function to the model and its facets: a compute group when it runs in a VPC, a monitored resource unless it only serves the deployment. */
export function addFunction(model: CloudModel, fn: LambdaFunction): void {
  model.lambdaFunctions.push(fn);
  if (fn.subnets.length > 0) model.facets.computeGroups.push({ owner: fn, what: 'Lambda function', subnets: fn.subnets, zones: [] });
  if (fn.provisioningHelper) return;
  const m = monitored(fn, 'Lambda function', { namespaces: ['AWS/Lambda'], dimension: 'FunctionName', suggest: 'Errors, Throttles or Duration' });
  if (fn.name) m.name = fn.name;
  model.facets.monitored.push(m);
}
