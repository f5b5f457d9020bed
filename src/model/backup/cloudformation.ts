import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { explicit, unknownVal } from '../val.js';
import { broadness, readRule } from './common.js';
import type { BackupPlan, BackupSelection, BackupVault } from './types.js';
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
const CONDITIONS = 'Conditions';
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
      const tags = [LIST_OF_TAGS, CONDITIONS].filter((k) => r.has([SELECTION_BODY, k])).map((k) => explicit(true, r.keyOrigin([SELECTION_BODY, k])));
      const sel: BackupSelection = {
        resource: r.info(),
        plan: r.link([PLAN_ID]) ?? unknownVal(r.origin([PLAN_ID]), 'no BackupPlanId'),
        resources,
        broad: broadness(resources, tags, r.origin([SELECTION_BODY, RESOURCES])),
      };
      model.backupSelections.push(sel);
    }
    for (const node of graph.ofType(VAULT)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const vault: BackupVault = { resource: r.info(), kmsKey: r.str([ENCRYPTION_KEY], { value: '', assumed: 'the AWS Backup service key' }) };
      model.backupVaults.push(vault);
      model.facets.dataStores.push(vaultStore(vault));
    }
  },
};
