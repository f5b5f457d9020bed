import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import { mentions } from '../mentions.js';
import type { WebAcl } from './types.js';
import { logSource } from '../facets.js';
import { defaulted } from '../val.js';

/*
 * AWS::WAFv2::WebACL — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-wafv2-webacl.html
 * `Scope` (REGIONAL | CLOUDFRONT, required); `Rules[].Statement.ManagedRuleGroupStatement { VendorName, Name }`.
 * AWS::WAFv2::WebACLAssociation: `ResourceArn`, `WebACLArn`.
 */
const WEB_ACL = 'AWS::WAFv2::WebACL';
const ASSOCIATION = 'AWS::WAFv2::WebACLAssociation';
const SCOPE = 'Scope';
const RULES = 'Rules';
const MANAGED = ['Statement', 'ManagedRuleGroupStatement'];
const VENDOR = 'VendorName';
const NAME = 'Name';
const RESOURCE_ARN = 'ResourceArn';
const LOGGING_CONFIGURATION = 'AWS::WAFv2::LoggingConfiguration';
const LOG_DESTINATIONS = 'LogDestinationConfigs';
const WEB_ACL_ARN = 'WebACLArn';

export const adapter: Adapter = {
  service: 'wafv2',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(WEB_ACL)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const acl: WebAcl = { resource: r.info(), scope: r.str([SCOPE], { value: 'REGIONAL', assumed: 'REGIONAL' }), managedRuleGroups: [], otherRules: 0 };
      for (const rule of r.each([RULES])) {
        const group = rule.at(MANAGED);
        if (group.str([VENDOR])?.value === 'AWS' && group.str([NAME])) acl.managedRuleGroups.push(group.str([NAME])!);
        else acl.otherRules++;
      }
      model.webAcls.push(acl);
      model.facets.logSources.push(logSource(acl, 'WAF web ACL', 'logs', defaulted(false, { ...r.origin([]), path: '' }, 'no logging configuration (AWS::WAFv2::LoggingConfiguration) names the web ACL'), [], { configuredBy: 'WAF logs' }));
    }
    for (const node of graph.ofType(ASSOCIATION)) {
      const r = new PropertyReader(node, graph, 'Properties');
      model.webAclAssociations.push({ resource: r.info(), webAcl: r.linkOr([WEB_ACL_ARN], 'no web ACL'), target: r.linkOr([RESOURCE_ARN], 'no resource'), mentions: mentions(r, [RESOURCE_ARN]) });
    }
    // AWS::WAFv2::LoggingConfiguration: ResourceArn of the web ACL, LogDestinationConfigs (a log group, a bucket or a Firehose stream).
    for (const node of graph.ofType(LOGGING_CONFIGURATION)) {
      if (node.mode !== 'managed') continue;
      const r = new PropertyReader(node, graph, 'Properties');
      model.logConfigurations.push({ resource: r.info(), logs: 'WAF logs', target: r.linkOr([RESOURCE_ARN], 'no web ACL'), destinations: r.links([LOG_DESTINATIONS]) });
    }
  },
};
