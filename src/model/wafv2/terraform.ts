import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { mentions } from '../mentions.js';
import type { WebAcl } from './types.js';
import { logSource } from '../facets.js';
import { defaulted } from '../val.js';

/*
 * aws_wafv2_web_acl — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl
 * `scope` (REGIONAL | CLOUDFRONT, required); `rule { statement { managed_rule_group_statement { vendor_name, name } } }`.
 * aws_wafv2_web_acl_association: `resource_arn`, `web_acl_arn`.
 */
const WEB_ACL = 'aws_wafv2_web_acl';
const ASSOCIATION = 'aws_wafv2_web_acl_association';
const SCOPE = 'scope';
const RULE = 'rule';
const MANAGED = ['statement', 0, 'managed_rule_group_statement', 0];
const VENDOR = 'vendor_name';
const NAME = 'name';
const RESOURCE_ARN = 'resource_arn';
const LOGGING_CONFIGURATION = 'aws_wafv2_web_acl_logging_configuration';
const LOG_DESTINATIONS = 'log_destination_configs';
const WEB_ACL_ARN = 'web_acl_arn';

export const adapter: Adapter = {
  service: 'wafv2',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of graph.ofType(WEB_ACL)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      const acl: WebAcl = { resource: r.info(), scope: r.str([SCOPE], { value: 'REGIONAL', assumed: 'REGIONAL' }), managedRuleGroups: [], otherRules: 0 };
      for (const rule of r.each([RULE])) {
        const group = rule.at(MANAGED);
        if (group.str([VENDOR])?.value === 'AWS' && group.str([NAME])) acl.managedRuleGroups.push(group.str([NAME])!);
        else acl.otherRules++;
      }
      model.webAcls.push(acl);
      model.facets.logSources.push(logSource(acl, 'WAF web ACL', 'logs', defaulted(false, { ...r.origin([]), path: '' }, 'no logging configuration (aws_wafv2_web_acl_logging_configuration) names the web ACL'), [], { configuredBy: 'WAF logs' }));
    }
    for (const node of graph.ofType(ASSOCIATION)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.webAclAssociations.push({ resource: r.info(), webAcl: r.linkOr([WEB_ACL_ARN], 'no web ACL'), target: r.linkOr([RESOURCE_ARN], 'no resource'), mentions: mentions(r, [RESOURCE_ARN]) });
    }
    // aws_wafv2_web_acl_logging_configuration: ResourceArn of the web ACL, LogDestinationConfigs (a log group, a bucket or a Firehose stream).
    for (const node of graph.ofType(LOGGING_CONFIGURATION)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, '');
      model.logConfigurations.push({ resource: r.info(), logs: 'WAF logs', target: r.linkOr([RESOURCE_ARN], 'no web ACL'), destinations: r.links([LOG_DESTINATIONS]) });
    }
  },
};
