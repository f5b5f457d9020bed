import { Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import type { Construct } from 'constructs';
import { privateBucket } from './buckets.js';

export interface ReplicaStackProps extends StackProps {
  replicaBucket: string;
}

/** Disaster recovery in us-west-2: the replica of the product images. */
export class ReplicaStack extends Stack {
  constructor(scope: Construct, id: string, props: ReplicaStackProps) {
    super(scope, id, props);
    privateBucket(this, 'AssetsReplica', { bucketName: props.replicaBucket, versioned: true });

    // Deliberate: this trail writes into a bucket of its own account.
    const trailLogs = privateBucket(this, 'LocalTrailLogs');
    new cloudtrail.Trail(this, 'RegionalTrail', { bucket: trailLogs });
  }
}
