import type { Adapter } from '../adapter.js';
import { adaptBackup } from './common.js';

// aws_backup_plan — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_plan
//   rule { rule_name, target_vault_name, copy_action { destination_vault_arn } }
// aws_backup_selection — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_selection
// aws_backup_vault — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault

export const adapter: Adapter = {
  service: 'backup',
  source: 'terraform',
  adapt(graph, model) {
    adaptBackup(graph, model, {
      properties: '',
      plan: {
        type: 'aws_backup_plan',
        rules: ['rule'],
        rule: { name: 'rule_name', vault: 'target_vault_name', copies: 'copy_action', destination: 'destination_vault_arn' },
      },
      selection: {
        type: 'aws_backup_selection',
        planId: 'plan_id',
        body: [],
        resources: 'resources',
        notResources: 'not_resources',
        tags: 'selection_tag',
        tagNames: { key: 'key', value: 'value', type: 'type' },
        conditions: 'condition',
        conditionNames: { key: 'key', value: 'value' },
        conditionTests: [['string_equals', 'equals'], ['string_like', 'like'], ['string_not_equals', 'not-equals'], ['string_not_like', 'not-like']],
      },
      // Tags of the resources a selection may choose by tag, with their provider's `default_tags`.
      taggedSources: (source) => source === 'terraform' || source === 'terraform-plan',
      tagProperties: ['tags'],
      // provider "aws" { default_tags { tags = {…} } } — merged under each resource's own tags.
      defaultTags: ['default_tags', 0, 'tags'],
      vault: { type: 'aws_backup_vault', kmsKey: 'kms_key_arn' },
    });
  },
};
