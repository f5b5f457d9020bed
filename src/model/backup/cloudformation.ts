import type { Adapter } from '../adapter.js';
import { adaptBackup } from './common.js';

// AWS::Backup::BackupPlan — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupplan.html
//   BackupPlan.BackupPlanRule[].{RuleName, TargetBackupVault, CopyActions[].DestinationBackupVaultArn}
// AWS::Backup::BackupSelection — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupselection.html
// AWS::Backup::BackupVault — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupvault.html
const CONDITION_KEY = 'ConditionKey';
const CONDITION_VALUE = 'ConditionValue';

export const adapter: Adapter = {
  service: 'backup',
  source: 'cloudformation',
  adapt(graph, model) {
    adaptBackup(graph, model, {
      properties: 'Properties',
      plan: {
        type: 'AWS::Backup::BackupPlan',
        rules: ['BackupPlan', 'BackupPlanRule'],
        rule: { name: 'RuleName', vault: 'TargetBackupVault', copies: 'CopyActions', destination: 'DestinationBackupVaultArn' },
      },
      selection: {
        type: 'AWS::Backup::BackupSelection',
        planId: 'BackupPlanId',
        body: ['BackupSelection'],
        resources: 'Resources',
        notResources: 'NotResources',
        tags: 'ListOfTags',
        tagNames: { key: CONDITION_KEY, value: CONDITION_VALUE, type: 'ConditionType' },
        conditions: 'Conditions',
        conditionNames: { key: CONDITION_KEY, value: CONDITION_VALUE },
        conditionTests: [['StringEquals', 'equals'], ['StringLike', 'like'], ['StringNotEquals', 'not-equals'], ['StringNotLike', 'not-like']],
      },
      // Tags of the resources a selection may choose by tag: `Tags` (a list of Key/Value, a map for a few types), `FileSystemTags` (EFS).
      taggedSources: (source) => source !== 'terraform' && source !== 'terraform-plan',
      tagProperties: ['Tags', 'FileSystemTags'],
      vault: { type: 'AWS::Backup::BackupVault', kmsKey: 'EncryptionKeyArn' },
    });
  },
};
