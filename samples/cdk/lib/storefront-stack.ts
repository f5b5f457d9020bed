import { NestedStack, Stack } from 'aws-cdk-lib';
import type { NestedStackProps, StackProps } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { privateBucket } from './buckets.js';

export interface StorefrontStackProps extends StackProps {
  logArchiveBucket: string;
  replicaBucket: string;
}

/** The shop: web tier, tables, a database in a nested stack, and the audit trail. */
export class StorefrontStack extends Stack {
  constructor(scope: Construct, id: string, props: StorefrontStackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Network', {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      natGateways: 0,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });

    // Deliberate: the product images bucket has no public access block.
    const assets = new s3.Bucket(this, 'Assets', {
      blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }),
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
    });
    const cfnAssets = assets.node.defaultChild as s3.CfnBucket;
    cfnAssets.replicationConfiguration = {
      role: `arn:aws:iam::${this.account}:role/storefront-replication`,
      rules: [{ status: 'Enabled', destination: { bucket: `arn:aws:s3:::${props.replicaBucket}` } }],
    };

    // Deliberate: SSH open to the world.
    const web = new ec2.SecurityGroup(this, 'WebSg', { vpc, description: 'storefront web servers' });
    web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from anywhere');
    web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'SSH for the on-call engineer');

    // One table per shop domain, created in a loop.
    for (const domain of ['orders', 'carts']) {
      const table = new dynamodb.Table(this, `Table-${domain}`, {
        partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      });
      if (domain === 'carts') {
        // A suppression written in CDK, with its reason.
        (table.node.defaultChild as dynamodb.CfnTable).addMetadata('iac-check', {
          ignore: [{ id: 'encryption-customer-key', reason: 'carts hold no personal data; the AWS owned key is accepted' }],
        });
      }
    }

    privateBucket(this, 'Uploads');

    new DatabaseStack(this, 'Data', { vpc });

    // Audit trail into the log-archive account's bucket (named: CDK cannot reference across accounts).
    new cloudtrail.Trail(this, 'Audit', {
      bucket: s3.Bucket.fromBucketName(this, 'LogArchive', props.logArchiveBucket),
      isMultiRegionTrail: true,
      enableFileValidation: true,
    });
  }
}

export interface DatabaseStackProps extends NestedStackProps {
  vpc: ec2.IVpc;
}

/** The order database, in a nested stack. */
export class DatabaseStack extends NestedStack {
  constructor(scope: Construct, id: string, props: DatabaseStackProps) {
    super(scope, id, props);
    // Deliberate: a single-AZ database.
    new rds.DatabaseInstance(this, 'Orders', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      multiAz: false,
      storageEncrypted: true,
    });
  }
}
