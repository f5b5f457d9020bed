import { describe, expect, it } from 'vitest';
import { scanFiles, scanSnippet } from '../helpers/scan-snippet.js';
import { strip } from './strip.js';

describe('backup adapters', () => {
  it('reads plans, copy actions with their region, selections and vaults (CloudFormation)', async () => {
    const { model } = await scanFiles({
      'template.yaml': [
        'Resources:',
        '  Vault:',
        '    Type: AWS::Backup::BackupVault',
        '    Properties:',
        '      BackupVaultName: main',
        '  Plan:',
        '    Type: AWS::Backup::BackupPlan',
        '    Properties:',
        '      BackupPlan:',
        '        BackupPlanName: daily',
        '        BackupPlanRule:',
        '          - RuleName: daily',
        '            TargetBackupVault: !Ref Vault',
        '            CopyActions:',
        '              - DestinationBackupVaultArn: arn:aws:backup:eu-west-1:111122223333:backup-vault:dr',
        '              - DestinationBackupVaultArn: !GetAtt Vault.BackupVaultArn',
        '  Selection:',
        '    Type: AWS::Backup::BackupSelection',
        '    Properties:',
        '      BackupPlanId: !Ref Plan',
        '      BackupSelection:',
        '        SelectionName: s',
        '        IamRoleArn: arn:aws:iam::111122223333:role/b',
        '        Resources: [arn:aws:dynamodb:*:*:table/*]',
        '',
      ].join('\n'),
    }, { config: { regions: { '**': 'us-east-1' } } });
    const plan = model!.backupPlans[0]!;
    expect(strip(plan.rules)).toEqual([{
      name: { provenance: 'explicit', value: 'daily' },
      targetVault: { provenance: 'explicit', value: { id: 'template.yaml#Vault' } },
      copyActions: [
        { destinationVault: { provenance: 'explicit', value: { literal: 'arn:aws:backup:eu-west-1:111122223333:backup-vault:dr' } }, destinationRegion: { provenance: 'explicit', value: 'eu-west-1' } },
        { destinationVault: { provenance: 'explicit', value: { id: 'template.yaml#Vault' } }, destinationRegion: { provenance: 'explicit', value: 'us-east-1' } },
      ],
    }]);
    expect(plan.rules[0]!.copyActions[0]!.destinationRegion.origin.span.start.line).toBe(15);
    expect(strip(model!.backupSelections)).toEqual([{
      plan: { provenance: 'explicit', value: { id: 'template.yaml#Plan' } },
      resources: [{ provenance: 'explicit', value: { literal: 'arn:aws:dynamodb:*:*:table/*' } }],
      broad: { provenance: 'explicit', value: true },
      tags: [],
      conditions: [],
      notResources: [],
    }]);
    expect(strip(model!.backupVaults)).toEqual([{ kmsKey: { provenance: 'default', value: '' } }]);
  });

  it('reads the same from Terraform, with the destination vault\'s provider region', async () => {
    const { model } = await scanSnippet('terraform', `
      provider "aws" {
        region = "us-east-1"
      }
      provider "aws" {
        alias  = "west"
        region = "us-west-2"
      }
      resource "aws_backup_vault" "main" {
        name        = "main"
        kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/k"
      }
      resource "aws_backup_vault" "dr" {
        provider = aws.west
        name     = "dr"
      }
      resource "aws_backup_plan" "p" {
        name = "p"
        rule {
          rule_name         = "daily"
          target_vault_name = aws_backup_vault.main.name
          copy_action {
            destination_vault_arn = aws_backup_vault.dr.arn
          }
        }
      }
      resource "aws_backup_selection" "s" {
        name         = "s"
        iam_role_arn = "arn:aws:iam::111122223333:role/b"
        plan_id      = aws_backup_plan.p.id
        selection_tag {
          type  = "STRINGEQUALS"
          key   = "backup"
          value = "true"
        }
      }
    `);
    const ca = model!.backupPlans[0]!.rules[0]!.copyActions[0]!;
    expect(strip(ca)).toEqual({
      destinationVault: { provenance: 'explicit', value: { id: '.::aws_backup_vault.dr' } },
      destinationRegion: { provenance: 'explicit', value: 'us-west-2' },
    });
    expect(ca.destinationRegion.origin.span.start.line).toBe(22);
    expect(strip(model!.backupSelections[0])).toEqual({
      plan: { provenance: 'explicit', value: { id: '.::aws_backup_plan.p' } },
      resources: [],
      // A tag selection is matched against the tags of each store by the linker, not taken as covering everything.
      broad: { provenance: 'default', value: false },
      tags: [{ key: { provenance: 'explicit', value: 'backup' }, value: { provenance: 'explicit', value: 'true' }, test: 'equals' }],
      conditions: [],
      notResources: [],
    });
    expect(model!.backupSelections[0]!.tags[0]!.value.origin.span.start.line).toBe(33);
    expect(strip(model!.backupVaults.map((v) => v.kmsKey))).toEqual([
      { provenance: 'default', value: '' },
      { provenance: 'explicit', value: 'arn:aws:kms:us-east-1:111122223333:key/k' },
    ]);
  });
});
