import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { unknownVal } from '../val.js';
import { broadness, readRule, readTags, readTagTests } from './common.js';
import type { BackupPlan, BackupSelection, BackupVault, TagCondition } from './types.js';
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
const TAG_NAMES = { key: 'key', value: 'value', type: 'type' };
const CONDITION = 'condition';
const CONDITION_NAMES = { key: 'key', value: 'value' };
const CONDITION_TESTS: [string, TagCondition['test']][] = [['string_equals', 'equals'], ['string_like', 'like'], ['string_not_equals', 'not-equals'], ['string_not_like', 'not-like']];
// Tags of the resources a selection may choose by tag (provider `default_tags` are not read).
const TAG_PROPERTIES = ['tags'];
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
      const sel: BackupSelection = {
        resource: r.info(),
        plan: r.link([PLAN_ID]) ?? unknownVal(r.origin([PLAN_ID]), 'no plan_id'),
        resources,
        broad: broadness(resources, r.origin([RESOURCES])),
        tags: readTagTests(r.each([SELECTION_TAG]), TAG_NAMES, 'equals'),
        conditions: r.each([CONDITION]).flatMap((c) => CONDITION_TESTS.flatMap(([k, test]) => readTagTests(c.each([k]), CONDITION_NAMES, test))),
      };
      model.backupSelections.push(sel);
    }
    if (model.backupSelections.some((s) => s.tags.length > 0 || s.conditions.length > 0)) {
      for (const node of graph.nodes) {
        if (node.mode !== 'managed' || (node.source !== 'terraform' && node.source !== 'terraform-plan')) continue;
        model.facets.resourceTags.push(readTags(new PropertyReader(node, graph, ''), TAG_PROPERTIES));
      }
    }
    for (const node of graph.ofType(VAULT)) {
      const r = new PropertyReader(node, graph, '');
      const vault: BackupVault = { resource: r.info(), kmsKey: r.str([KMS_KEY], { value: '', assumed: 'the AWS Backup service key' }) };
      model.backupVaults.push(vault);
      model.facets.dataStores.push(vaultStore(vault));
    }
  },
};
