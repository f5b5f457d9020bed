import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { unknownVal } from '../val.js';
import { broadness, readRule, readTags, readTagTests } from './common.js';
import type { BackupPlan, BackupSelection, BackupVault, TagCondition } from './types.js';
import { vaultStore } from './facets.js';

// AWS::Backup::BackupPlan — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupplan.html
//   BackupPlan.BackupPlanRule[].{RuleName, TargetBackupVault, CopyActions[].DestinationBackupVaultArn}
const PLAN = 'AWS::Backup::BackupPlan';
const PLAN_BODY = 'BackupPlan';
const RULES = 'BackupPlanRule';
const RULE_NAMES = { name: 'RuleName', vault: 'TargetBackupVault', copies: 'CopyActions', destination: 'DestinationBackupVaultArn' };
// AWS::Backup::BackupSelection — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupselection.html
const SELECTION = 'AWS::Backup::BackupSelection';
const PLAN_ID = 'BackupPlanId';
const SELECTION_BODY = 'BackupSelection';
const RESOURCES = 'Resources';
const LIST_OF_TAGS = 'ListOfTags';
const TAG_NAMES = { key: 'ConditionKey', value: 'ConditionValue', type: 'ConditionType' };
const CONDITIONS = 'Conditions';
const CONDITION_NAMES = { key: 'ConditionKey', value: 'ConditionValue' };
const CONDITION_TESTS: [string, TagCondition['test']][] = [['StringEquals', 'equals'], ['StringLike', 'like'], ['StringNotEquals', 'not-equals'], ['StringNotLike', 'not-like']];
// Tags of the resources a selection may choose by tag: `Tags` (a list of Key/Value, a map for a few types), `FileSystemTags` (EFS).
const TAG_PROPERTIES = ['Tags', 'FileSystemTags'];
// AWS::Backup::BackupVault — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupvault.html
const VAULT = 'AWS::Backup::BackupVault';
const ENCRYPTION_KEY = 'EncryptionKeyArn';

export const adapter: Adapter = {
  service: 'backup',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(PLAN)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const plan: BackupPlan = { resource: r.info(), rules: r.each([PLAN_BODY, RULES]).map((x) => readRule(x, graph, RULE_NAMES)) };
      model.backupPlans.push(plan);
    }
    for (const node of graph.ofType(SELECTION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const resources = r.links([SELECTION_BODY, RESOURCES]);
      const sel: BackupSelection = {
        resource: r.info(),
        plan: r.link([PLAN_ID]) ?? unknownVal(r.origin([PLAN_ID]), 'no BackupPlanId'),
        resources,
        broad: broadness(resources, r.origin([SELECTION_BODY, RESOURCES])),
        tags: readTagTests(r.each([SELECTION_BODY, LIST_OF_TAGS]), TAG_NAMES, 'equals'),
        conditions: CONDITION_TESTS.flatMap(([k, test]) => readTagTests(r.each([SELECTION_BODY, CONDITIONS, k]), CONDITION_NAMES, test)),
      };
      model.backupSelections.push(sel);
    }
    if (model.backupSelections.some((s) => s.tags.length > 0 || s.conditions.length > 0)) {
      for (const node of graph.nodes) {
        if (node.mode !== 'managed' || node.source === 'terraform' || node.source === 'terraform-plan') continue;
        model.facets.resourceTags.push(readTags(new PropertyReader(node, graph, 'Properties'), TAG_PROPERTIES));
      }
    }
    for (const node of graph.ofType(VAULT)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const vault: BackupVault = { resource: r.info(), kmsKey: r.str([ENCRYPTION_KEY], { value: '', assumed: 'the AWS Backup service key' }) };
      model.backupVaults.push(vault);
      model.facets.dataStores.push(vaultStore(vault));
    }
  },
};
