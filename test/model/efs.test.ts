import { describe, expect, it } from 'vitest';
import { scanSnippet } from '../helpers/scan-snippet.js';
import { cfnOnlyRemoved, strip } from './strip.js';

describe('efs adapters', () => {
  it('gives the same file systems for both kinds, joining Terraform\'s separate resources', async () => {
    const cfn = (await scanSnippet('cloudformation', `
      Resources:
        Files:
          Type: AWS::EFS::FileSystem
          Properties:
            Encrypted: true
            AvailabilityZoneName: us-east-1a
            BackupPolicy: { Status: ENABLED }
            ReplicationConfiguration:
              Destinations:
                - Region: eu-west-1
                - AvailabilityZoneName: us-west-2b
        Mount:
          Type: AWS::EFS::MountTarget
          Properties:
            FileSystemId: !Ref Files
            SubnetId: subnet-1
    `)).model!.fileSystems;
    const tf = (await scanSnippet('terraform', `
      resource "aws_efs_file_system" "files" {
        encrypted              = true
        availability_zone_name = "us-east-1a"
      }
      resource "aws_efs_backup_policy" "b" {
        file_system_id = aws_efs_file_system.files.id
        backup_policy {
          status = "ENABLED"
        }
      }
      resource "aws_efs_replication_configuration" "r" {
        source_file_system_id = aws_efs_file_system.files.id
        destination {
          region = "eu-west-1"
        }
      }
      resource "aws_efs_replication_configuration" "r2" {
        source_file_system_id = aws_efs_file_system.files.id
        destination {
          availability_zone_name = "us-west-2b"
        }
      }
      resource "aws_efs_mount_target" "m" {
        file_system_id = aws_efs_file_system.files.id
        subnet_id      = "subnet-1"
      }
    `)).model!.fileSystems;
    expect(strip(cfn)).toEqual([{
      encrypted: { provenance: 'explicit', value: true },
      kmsKey: { provenance: 'default', value: '' },
      oneZone: { provenance: 'explicit', value: 'us-east-1a' },
      replicationRegions: [{ provenance: 'explicit', value: 'eu-west-1' }, { provenance: 'explicit', value: 'us-west-2' }],
      backupPolicy: { provenance: 'explicit', value: true },
      mountTargetSubnets: [{ provenance: 'explicit', value: { literal: 'subnet-1' } }],
      retainOnDelete: { provenance: 'default', value: false },
      retainOnReplace: { provenance: 'default', value: false },
    }]);
    expect(strip(tf)).toEqual(cfnOnlyRemoved(strip(cfn)));
    expect(cfn[0]!.oneZone.origin.span.start.line).toBe(6);
    expect(tf[0]!.replicationRegions[0]!.origin.span.start.line).toBe(14);
  });
});
