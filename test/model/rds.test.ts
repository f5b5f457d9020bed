import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfnOnlyRemoved, strip } from './strip.js';

/** Drops graph ids from links (they differ per input kind) so both kinds compare. */
const noIds = (x: unknown): unknown => JSON.parse(JSON.stringify(strip(x), (k, v: unknown) => (k === 'id' ? '<id>' : v)));

describe('rds adapters', () => {
  it('gives the same instances, clusters and subnet groups for both kinds', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Cluster:
          Type: AWS::RDS::DBCluster
          DeletionPolicy: Delete
          Properties:
            Engine: aurora-mysql
            StorageEncrypted: true
            GlobalClusterIdentifier: !Ref Global
            DBSubnetGroupName: !Ref Subnets
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            MultiAZ: true
            BackupRetentionPeriod: 7
            VPCSecurityGroups: [sg-1]
        Global:
          Type: AWS::RDS::GlobalCluster
          Properties:
            GlobalClusterIdentifier: shop
        Member:
          Type: AWS::RDS::DBInstance
          Properties:
            DBClusterIdentifier: !Ref Cluster
        Subnets:
          Type: AWS::RDS::DBSubnetGroup
          Properties:
            SubnetIds: [subnet-1, subnet-2]
    `)).model!;
    const tf = (await scanSnippet('terraform', `
      resource "aws_rds_cluster" "cluster" {
        engine                    = "aurora-mysql"
        storage_encrypted         = true
        global_cluster_identifier = aws_rds_global_cluster.global.id
        db_subnet_group_name      = aws_db_subnet_group.subnets.name
        skip_final_snapshot       = true
      }
      resource "aws_db_instance" "db" {
        engine                  = "postgres"
        multi_az                = true
        backup_retention_period = 7
        vpc_security_group_ids  = ["sg-1"]
      }
      resource "aws_rds_global_cluster" "global" {
        global_cluster_identifier = "shop"
      }
      resource "aws_rds_cluster_instance" "member" {
        cluster_identifier = aws_rds_cluster.cluster.id
      }
      resource "aws_db_subnet_group" "subnets" {
        subnet_ids = ["subnet-1", "subnet-2"]
      }
    `)).model!;
    expect(noIds(tf.dbClusters)).toEqual(cfnOnlyRemoved(noIds(cfn.dbClusters)));
    expect(noIds(tf.dbSubnetGroups)).toEqual(noIds(cfn.dbSubnetGroups));
    expect(noIds(tf.globalClusters)).toEqual(noIds(cfn.globalClusters));
    // A cluster member is its own type, without storage fields: the cluster decides them.
    expect(noIds(tf.dbClusterMembers)).toEqual(noIds(cfn.dbClusterMembers));
    expect(cfn.dbClusterMembers[0]).not.toHaveProperty('storageEncrypted');
    expect(cfn.dbInstances.map((d) => d.resource.address)).toEqual(['Db']);
    const db = cfn.dbInstances.find((d) => d.resource.address === 'Db')!;
    const tfDb = tf.dbInstances.find((d) => d.resource.address === 'aws_db_instance.db')!;
    // Same fields, except the public default: CloudFormation without a subnet group lands in the default VPC.
    expect({ ...(noIds(tfDb) as object), publiclyAccessible: null }).toEqual({ ...(cfnOnlyRemoved(noIds(db)) as object), publiclyAccessible: null });
    expect(tfDb.publiclyAccessible).toMatchObject({ provenance: 'default', value: false });
    expect(strip(db)).toMatchObject({
      storageEncrypted: { provenance: 'default', value: false },
      multiAz: { provenance: 'explicit', value: true },
      backupRetentionDays: { provenance: 'explicit', value: 7 },
      deletionProtection: { provenance: 'default', value: false },
      retainOnDelete: { provenance: 'default', value: true },
      publiclyAccessible: { provenance: 'default', value: true },
    });
    expect(cfn.dbClusters[0]!.retainOnDelete).toMatchObject({ provenance: 'explicit', value: false });
    expect(cfn.dbClusters[0]!.retainOnDelete.origin.span.start.line).toBe(4);
    expect(tf.dbClusters[0]!.retainOnDelete.origin.span.start.line).toBe(6);
    expect(cfn.dbClusterMembers.find((d) => d.resource.address === 'Member')!.cluster).toMatchObject({ value: { id: 'template.yaml#Cluster' } });
    expect(db.multiAz.origin.span.start).toEqual({ line: 14, column: 16 });
    expect(tfDb.multiAz.origin.span.start.line).toBe(10);
    expect(tfDb.backupRetentionDays).toMatchObject({ provenance: 'explicit', value: 7 });
  });
});

// Regression (parity with the CloudFormation restores): a Terraform database restored from a snapshot,
// a point in time or a replication source, without storage_encrypted, has the encryption of its source:
// unknown, so encryption-at-rest says it could not decide instead of reporting unencrypted storage.
describe('rds terraform adapter: restored databases', () => {
  const TF = `
    resource "aws_db_instance" "restored" {
      identifier          = "orders"
      instance_class      = "db.t3.micro"
      snapshot_identifier = "orders-final-2024"
    }
    resource "aws_db_instance" "replica" {
      identifier          = "orders-replica"
      instance_class      = "db.t3.micro"
      replicate_source_db = "arn:aws:rds:us-east-1:111122223333:db:orders"
    }
    resource "aws_db_instance" "plain" {
      identifier        = "plain"
      engine            = "postgres"
      instance_class    = "db.t3.micro"
      allocated_storage = 20
    }
    resource "aws_db_instance" "restored_off" {
      identifier          = "orders-off"
      instance_class      = "db.t3.micro"
      snapshot_identifier = "orders-final-2024"
      storage_encrypted   = false
    }
    resource "aws_rds_cluster" "pitr" {
      cluster_identifier = "pitr"
      engine             = "aurora-postgresql"
      restore_to_point_in_time {
        source_cluster_identifier  = "orders"
        use_latest_restorable_time = true
      }
    }
  `;

  it('reads storage encryption as unknown when the database is restored and storage_encrypted is not set', async () => {
    const { model } = await scanSnippet('terraform', TF);
    const enc = (a: string) => {
      const v = [...model!.dbInstances, ...model!.dbClusters].find((d) => d.resource.address === a)!.storageEncrypted;
      return [v.provenance, v.value];
    };
    expect(enc('aws_db_instance.restored')).toEqual(['unknown', undefined]);
    expect(enc('aws_db_instance.replica')).toEqual(['unknown', undefined]);
    expect(enc('aws_rds_cluster.pitr')).toEqual(['unknown', undefined]);
    expect(enc('aws_db_instance.plain')).toEqual(['default', false]);
    expect(enc('aws_db_instance.restored_off')).toEqual(['explicit', false]);
  });

  it('gives notices for the restored ones and findings for the others', async () => {
    const { result } = await scanSnippet('terraform', TF, { rules: ['encryption-at-rest'] });
    expect(result.findings.map((f) => [f.resource.address, f.location.span.start.line])).toEqual([
      ['aws_db_instance.plain', 11],
      ['aws_db_instance.restored_off', 21],
    ]);
    expect(result.notices.map((n) => n.resource).sort()).toEqual(['aws_db_instance.replica', 'aws_db_instance.restored', 'aws_rds_cluster.pitr']);
  });
});
