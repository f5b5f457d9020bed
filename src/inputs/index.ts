/**
 * The input formats, in build order: Terraform before plans (a plan points at its configuration's
 * blocks), CloudFormation and CDK independent. Discovery classifies with this list; the scan builds with it.
 */
import { cdk } from './cdk.js';
import { cloudformation } from './cloudformation.js';
import type { InputFormat } from './format.js';
import { terraform } from './terraform.js';
import { terraformPlan } from './terraform-plan.js';

export const FORMATS: readonly InputFormat[] = [terraform, terraformPlan, cloudformation, cdk];

export type { InputFormat, FormatContext } from './format.js';
