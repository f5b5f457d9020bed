import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { explicit, unknownVal } from '../val.js';
import { tfRetainOnDelete } from '../deletion.js';
import { keyKind } from './cloudformation.js';
import type { DynamoTable } from './types.js';
import { tableStore } from './facets.js';
import { BILLING_DEFAULT, tableScalable } from './capacity.js';

// aws_dynamodb_table — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table
//   server_side_encryption { enabled, kms_key_arn }: disabled = AWS-owned key; enabled without key = aws/dynamodb.
const TABLE = 'aws_dynamodb_table';
const SSE = 'server_side_encryption';
const SSE_ENABLED = 'enabled';
const KMS_KEY = 'kms_key_arn';
const PITR = 'point_in_time_recovery';
const PITR_ENABLED = 'enabled';
const BILLING_MODE = 'billing_mode';
const TABLE_NAME = 'name';
const DELETION_PROTECTION = 'deletion_protection_enabled';
const REPLICA = 'replica';
const REGION_NAME = 'region_name';
// Each replica keeps its own point-in-time recovery: `replica { point_in_time_recovery }` and
// aws_dynamodb_table_replica `point_in_time_recovery`, false unless set.
const REPLICA_PITR = 'point_in_time_recovery';
const REPLICA_PITR_OFF = { value: false, assumed: 'point-in-time recovery off on this replica' };
// aws_dynamodb_table_replica — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table_replica
//   the replica's region is its provider's region.
const TABLE_REPLICA = 'aws_dynamodb_table_replica';
const GLOBAL_TABLE_ARN = 'global_table_arn';

export const adapter: Adapter = {
  service: 'dynamodb',
  source: 'terraform',
  adapt(graph, model) {
    // Replicas declared as separate resources, joined to their table through the graph.
    const extra = new Map<string, Val<string>[]>();
    const extraPitr = new Map<string, Val<boolean>[]>();
    for (const node of graph.ofType(TABLE_REPLICA)) {
      const r = new PropertyReader(node, graph, '');
      const table = r.link([GLOBAL_TABLE_ARN]);
      const id = table?.provenance === 'explicit' ? table.value.id : undefined;
      if (!id) continue;
      const region = node.context.region.known
        ? explicit(node.context.region.value, r.origin([]))
        : unknownVal(r.origin([]), `region of ${node.address}: ${node.context.region.reason}`);
      extra.set(id, [...(extra.get(id) ?? []), region]);
      extraPitr.set(id, [...(extraPitr.get(id) ?? []), r.bool([REPLICA_PITR], REPLICA_PITR_OFF)]);
    }
    for (const node of graph.ofType(TABLE)) {
      const r = new PropertyReader(node, graph, '');
      const kmsKey = r.str([SSE, 0, KMS_KEY], { value: '', assumed: 'no customer KMS key' });
      const replicas = r.each([REPLICA]).map((x) => x.str([REGION_NAME]) ?? unknownVal(x.origin(), 'replica without region_name'));
      const more = extra.get(node.id) ?? [];
      const global = replicas.length + more.length > 0;
      const own = node.context.region.known
        ? explicit(node.context.region.value, r.origin([]))
        : unknownVal(r.origin([]), `region of ${node.address}: ${node.context.region.reason}`);
      const table: DynamoTable = {
        resource: r.info(),
        encryptionKey: keyKind(r.bool([SSE, 0, SSE_ENABLED]), r.has([SSE, 0, KMS_KEY]) ? kmsKey : undefined, r.origin([SSE, 0, SSE_ENABLED]), 'encryption with an AWS-owned key'),
        kmsKey,
        pointInTimeRecovery: everyCopy([
          r.bool([PITR, 0, PITR_ENABLED], { value: false, assumed: 'point-in-time recovery off' }),
          ...r.each([REPLICA]).map((x) => x.bool([REPLICA_PITR], REPLICA_PITR_OFF)),
          ...(extraPitr.get(node.id) ?? []),
        ]),
        deletionProtection: r.bool([DELETION_PROTECTION], { value: false, assumed: 'false' }),
        replicaRegions: global ? [own, ...replicas, ...more] : [],
        global,
        retainOnDelete: tfRetainOnDelete(node, r),
      };
      model.dynamoTables.push(table);
      model.facets.dataStores.push(tableStore(table));
      model.facets.scalables.push(tableScalable(table, r.str([BILLING_MODE], BILLING_DEFAULT), r.str([TABLE_NAME])));
    }
  },
};

/** Point-in-time recovery of a table and each of its replicas: the first that cannot be known or is off, else the table's own. */
function everyCopy(vals: Val<boolean>[]): Val<boolean> {
  return vals.find((v) => v.provenance === 'unknown') ?? vals.find((v) => !v.value) ?? vals[0]!;
}
