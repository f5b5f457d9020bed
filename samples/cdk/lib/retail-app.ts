import { Stage } from 'aws-cdk-lib';
import type { App, StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { LogArchiveStack } from './log-archive-stack.js';
import { ReplicaStack } from './replica-stack.js';
import { StorefrontStack } from './storefront-stack.js';

export const SHOP_ACCOUNT = '111111111111';
export const LOG_ACCOUNT = '222222222222';
export const LOG_ARCHIVE_BUCKET = `retail-log-archive-${LOG_ACCOUNT}`;
export const REPLICA_BUCKET = `storefront-assets-replica-${SHOP_ACCOUNT}`;

/** The production stage: the storefront in us-east-1 and its disaster-recovery copy in us-west-2. */
export class ProdStage extends Stage {
  constructor(scope: Construct, id: string, props?: StageProps) {
    super(scope, id, props);
    new StorefrontStack(this, 'Storefront', {
      env: { account: SHOP_ACCOUNT, region: 'us-east-1' },
      logArchiveBucket: LOG_ARCHIVE_BUCKET,
      replicaBucket: REPLICA_BUCKET,
    });
    new ReplicaStack(this, 'Replica', {
      env: { account: SHOP_ACCOUNT, region: 'us-west-2' },
      replicaBucket: REPLICA_BUCKET,
    });
  }
}

/** Every stack of the app. */
export function defineRetailApp(app: App): void {
  new LogArchiveStack(app, 'LogArchive', {
    env: { account: LOG_ACCOUNT, region: 'us-east-1' },
    bucketName: LOG_ARCHIVE_BUCKET,
  });
  new ProdStage(app, 'Prod');
}
