/**
 * The backups rule on CDK input: constructs as an engineer writes them (their removal policies
 * become DeletionPolicy/UpdateReplacePolicy), synthesized in-process, scanned as a cloud assembly.
 */
import { Duration, RemovalPolicy, Size, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { synthAndScan } from './synth.js';

describe('backups on CDK', () => {
  it('finds stores without backups or deletion protection, and passes those a plan or their own settings protect', async () => {
    const findings = await synthAndScan((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      // Failing: a table without point-in-time recovery that a stack deletion removes; a bucket without versioning;
      // a database with 1 day of backups and no deletion protection; a disk no plan selects (CDK retains volumes by default).
      new dynamodb.Table(stack, 'Carts', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY });
      new s3.Bucket(stack, 'Uploads');
      new rds.DatabaseInstance(stack, 'Db', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
        vpc,
        backupRetention: Duration.days(1),
      });
      new ec2.Volume(stack, 'Scratch', { availabilityZone: vpc.availabilityZones[0]!, size: Size.gibibytes(10) });

      // Passing: a table with point-in-time recovery and deletion protection (CDK retains tables by default);
      // a versioned bucket; a file system and a disk that a Backup plan selects (by construct and by tag).
      new dynamodb.Table(stack, 'Orders', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        pointInTimeRecovery: true,
        deletionProtection: true,
      });
      new s3.Bucket(stack, 'Invoices', { versioned: true });
      const files = new efs.FileSystem(stack, 'Files', { vpc, enableAutomaticBackups: false });
      const disk = new ec2.Volume(stack, 'Data', { availabilityZone: vpc.availabilityZones[0]!, size: Size.gibibytes(10), removalPolicy: RemovalPolicy.SNAPSHOT });
      Tags.of(disk).add('backup', 'daily');
      const plan = backup.BackupPlan.daily35DayRetention(stack, 'Plan');
      plan.addSelection('Files', { resources: [backup.BackupResource.fromConstruct(files)] });
      plan.addSelection('Tagged', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
    }, ['backups', 'backup-retention']);
    const got = findings.map((f) => [f.ruleId, f.messageId, f.resource.constructPath]).sort();
    expect(got).toEqual([
      ['backup-retention', 'shortRetention', 'Test/Db/Resource'],
      ['backups', 'backupOff', 'Test/Carts/Resource'],
      ['backups', 'backupOff', 'Test/Uploads/Resource'],
      ['backups', 'deletable', 'Test/Carts/Resource'],
      ['backups', 'noBackupPlan', 'Test/Scratch/Resource'],
      ['backups', 'noDeletionProtection', 'Test/Db/Resource'],
    ]);
    for (const f of findings) expect(f.resource.source).toBe('cdk');
  });
});
