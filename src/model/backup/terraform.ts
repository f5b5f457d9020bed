import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { explicit, unknownVal } from '../val.js';
import { broadness, readRule } from './common.js';
import type { BackupPlan, BackupSelection, BackupVault } from './types.js';
import { vaultStore } from './facets.js';

// aws_backup_plan — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_plan
//   rule { rule_name, target_vault_name, copy_action { destination_vault_arn } }
const PLAN = 'aws_backup_plan';
const RULES = 'rule';
const RULE_NAMES = { name: 'rule_name', vault: 'target_vault_name', copies: 'copy_action', destination: 'destination_vault_arn' };
// aws_backup_selection — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_selection
const SELECTION = 'aws_backup_selection';
const PLAN_ID = 'plan_id';
const RESOURCES = 'resources';
const SELECTION_TAG = 'selection_tag';
const CONDITION = 'condition';
// aws_backup_vault — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault
const VAULT = 'aws_backup_vault';
const KMS_KEY = 'kms_key_arn';

export const adapter: Adapter = {
  service: 'backup',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(PLAN)) {
      const r = new PropertyReader(node, graph, '');
      const plan: BackupPlan = { resource: r.info(), rules: r.each([RULES]).map((x) => readRule(x, graph, RULE_NAMES)) };
      model.backupPlans.push(plan);
    }
    for (const node of graph.ofType(SELECTION)) {
      const r = new PropertyReader(node, graph, '');
      const resources = r.links([RESOURCES]);
      const tags = [SELECTION_TAG, CONDITION].filter((k) => r.count([k]) > 0).map((k) => explicit(true, r.keyOrigin([k])));
      const sel: BackupSelection = {
        resource: r.info(),
        plan: r.link([PLAN_ID]) ?? unknownVal(r.origin([PLAN_ID]), 'no plan_id'),
        resources,
        broad: broadness(resources, tags, r.origin([RESOURCES])),
      };
      model.backupSelections.push(sel);
    }
    for (const node of graph.ofType(VAULT)) {
      const r = new PropertyReader(node, graph, '');
      const vault: BackupVault = { resource: r.info(), kmsKey: r.str([KMS_KEY], { value: '', assumed: 'the AWS Backup service key' }) };
      model.backupVaults.push(vault);
      model.facets.dataStores.push(vaultStore(vault));
    }
  },
};
