import type { Adapter } from '../adapter.js';
import type { SubReader } from '../read.js';
import { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { cfnRetainOnDelete, cfnRetainOnReplace } from '../deletion.js';
import type { DynamoTable } from './types.js';
import { tableStore } from './facets.js';
import { BILLING_DEFAULT, tableScalable } from './capacity.js';

// AWS::DynamoDB::Table — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
// SSESpecification — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
//   SSEEnabled false/absent: AWS-owned key; true: KMS (the aws/dynamodb key unless KMSMasterKeyId names yours).
const TABLE = 'AWS::DynamoDB::Table';
const SSE = 'SSESpecification';
const SSE_ENABLED = 'SSEEnabled';
const KMS_KEY = 'KMSMasterKeyId';
const PITR = 'PointInTimeRecoverySpecification';
const PITR_ENABLED = 'PointInTimeRecoveryEnabled';
const BILLING_MODE = 'BillingMode';
const TABLE_NAME = 'TableName';
const DELETION_PROTECTION = 'DeletionProtectionEnabled';
// AWS::DynamoDB::GlobalTable — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-globaltable.html
const GLOBAL_TABLE = 'AWS::DynamoDB::GlobalTable';
const REPLICAS = 'Replicas';
const REGION = 'Region';

type KeyKind = 'owned' | 'aws-managed' | 'customer';
const OWNED = 'encryption with an AWS-owned key';
const NO_KEY = { value: '', assumed: 'no customer KMS key' };

export const adapter: Adapter = {
  service: 'dynamodb',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(TABLE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const kmsKey = r.str([SSE, KMS_KEY], NO_KEY);
      const table: DynamoTable = {
        resource: r.info(),
        encryptionKey: keyKind(r.bool([SSE, SSE_ENABLED]), r.has([SSE, KMS_KEY]) ? kmsKey : undefined, r.origin([SSE, SSE_ENABLED])),
        kmsKey,
        pointInTimeRecovery: r.bool([PITR, PITR_ENABLED], { value: false, assumed: 'point-in-time recovery off' }),
        deletionProtection: r.bool([DELETION_PROTECTION], { value: false, assumed: 'false' }),
        replicaRegions: [],
        global: false,
        retainOnDelete: cfnRetainOnDelete(node, r),
        retainOnReplace: cfnRetainOnReplace(node, r),
      };
      model.dynamoTables.push(table);
      model.facets.dataStores.push(tableStore(table));
      model.facets.scalables.push(tableScalable(table, r.str([BILLING_MODE], BILLING_DEFAULT), r.str([TABLE_NAME])));
    }
    for (const node of graph.ofType(GLOBAL_TABLE)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const replicas = r.each([REPLICAS]);
      // A customer key is given per replica (Replicas[].SSESpecification.KMSMasterKeyId).
      const keyed = replicas.find((x) => x.has([SSE, KMS_KEY]));
      const kmsKey = keyed ? keyed.str([SSE, KMS_KEY], NO_KEY) : r.str([SSE, KMS_KEY], NO_KEY);
      const table: DynamoTable = {
        resource: r.info(),
        encryptionKey: keyKind(r.bool([SSE, SSE_ENABLED]), keyed ? kmsKey : undefined, r.origin([SSE, SSE_ENABLED])),
        kmsKey,
        pointInTimeRecovery: everyReplica(replicas, [PITR, PITR_ENABLED], 'point-in-time recovery off', r.origin([REPLICAS])),
        deletionProtection: everyReplica(replicas, [DELETION_PROTECTION], 'DeletionProtectionEnabled false', r.origin([REPLICAS])),
        replicaRegions: replicas.map((x) => x.str([REGION]) ?? unknownVal(x.origin(), 'replica without a Region')),
        global: true,
        retainOnDelete: cfnRetainOnDelete(node, r),
        retainOnReplace: cfnRetainOnReplace(node, r),
      };
      model.dynamoTables.push(table);
      model.facets.dataStores.push(tableStore(table));
    }
  },
};

/** Which key encrypts the table, from the SSE switch and the key id. */
export function keyKind(enabled: Val<boolean> | undefined, key: Val<string> | undefined, absentOrigin: Val<boolean>['origin'], ownedAssumed = OWNED): Val<KeyKind> {
  if (!enabled) return defaulted<KeyKind>('owned', absentOrigin, ownedAssumed);
  if (enabled.provenance === 'unknown') return enabled;
  if (!enabled.value) return explicit<KeyKind>('owned', enabled.origin);
  if (key && (key.provenance === 'unknown' || key.value !== '')) return explicit<KeyKind>('customer', key.origin);
  return explicit<KeyKind>('aws-managed', enabled.origin);
}

/** A setting that must hold on every replica: the first replica where it does not, else the first one. */
function everyReplica(replicas: SubReader[], path: string[], assumed: string, listOrigin: Val<boolean>['origin']): Val<boolean> {
  const vals = replicas.map((x) => x.bool(path, { value: false, assumed }));
  return vals.find((v) => v.provenance === 'unknown') ?? vals.find((v) => !v.value) ?? vals[0] ?? defaulted(false, listOrigin, assumed);
}
