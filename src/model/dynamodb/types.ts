import type { ModelResource, Val } from '../val.js';

export interface DynamoTable extends ModelResource {
  /** `owned` (AWS-owned key, the default), `aws-managed` (aws/dynamodb), `customer` (a KMS key of yours). */
  encryptionKey: Val<'owned' | 'aws-managed' | 'customer'>;
  kmsKey: Val<string>;
  pointInTimeRecovery: Val<boolean>;
  deletionProtection: Val<boolean>;
  /** Regions of the global table's replicas (the table's own region included when it is a global table). */
  replicaRegions: Val<string>[];
  /** True for `AWS::DynamoDB::GlobalTable` and tables with replicas. */
  global: boolean;
  retainOnDelete: Val<boolean>;
  /** CloudFormation `UpdateReplacePolicy`. */
  retainOnReplace?: Val<boolean>;
}
