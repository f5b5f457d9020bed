import { Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface LogArchiveStackProps extends StackProps {
  bucketName: string;
}

/** The log-archive account: CloudTrail of the other accounts writes here. */
export class LogArchiveStack extends Stack {
  constructor(scope: Construct, id: string, props: LogArchiveStackProps) {
    super(scope, id, props);
    new s3.Bucket(this, 'TrailLogs', {
      bucketName: props.bucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
    });
  }
}
