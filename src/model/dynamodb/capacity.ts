import type { Scalable } from '../facets.js';
import { scalable } from '../facets.js';
import type { Val } from '../val.js';
import { mapVal } from '../val-ops.js';
import type { DynamoTable } from './types.js';

/** `BillingMode` / `billing_mode` when not set (both the CloudFormation and the Terraform AWS provider default). */
export const BILLING_DEFAULT = { value: 'PROVISIONED', assumed: 'PROVISIONED capacity' };

/**
 * The table as a scalable: in provisioned mode its read and write capacity stay where the template puts
 * them unless Application Auto Scaling targets `dynamodb:table:ReadCapacityUnits` / `WriteCapacityUnits`
 * (`table/<name>`); on-demand (PAY_PER_REQUEST) tables scale by themselves.
 */
export function tableScalable(table: DynamoTable, billingMode: Val<string>, name: Val<string> | undefined): Scalable {
  const literal = name?.provenance === 'explicit' && name.value !== '' ? name.value : undefined;
  return scalable(table, 'DynamoDB table', mapVal(billingMode, (m) => m.toUpperCase() === 'PROVISIONED'), billingMode, {
    kind: 'application', namespace: 'dynamodb',
    dimensions: ['dynamodb:table:ReadCapacityUnits', 'dynamodb:table:WriteCapacityUnits'],
    resourceIds: literal ? [`table/${literal}`] : [],
  });
}
