import { defineRule } from '../../src/engine/rule.js';
import type { WebAcl } from '../../src/model/wafv2/types.js';
import { isKnown } from '../../src/model/val.js';

/** The AWS managed rule groups that cover the OWASP Top 10 classes a WAF can block, and what each covers. */
const OWASP_GROUPS: readonly [name: string, covers: string][] = [
  ['AWSManagedRulesCommonRuleSet', 'the common rule set (cross-site scripting, path traversal, oversized requests …)'],
  ['AWSManagedRulesKnownBadInputsRuleSet', 'known bad inputs (Log4j and other exploit patterns)'],
  ['AWSManagedRulesSQLiRuleSet', 'SQL injection'],
];

export default defineRule({
  meta: {
    id: 'waf-owasp-rules',
    title: 'Internet-facing web endpoints have a web ACL with the OWASP rule groups',
    severity: 'medium',
    checks: 'internet-facing ALBs, API Gateway REST stages, AppSync APIs and CloudFront distributions without a WAFv2 web ACL (on the resource or by association) carrying the common, known-bad-inputs and SQL injection managed rule groups',
    controls: ['1.28'],
    rationale:
      'Checklist 1.28 asks for mitigations of the OWASP Top 10. For what a firewall can block — injection, cross-site ' +
      'scripting, known exploit payloads — AWS WAF\'s managed rule groups are the baseline: the common rule set ' +
      '(AWSManagedRulesCommonRuleSet), known bad inputs (AWSManagedRulesKnownBadInputsRuleSet) and SQL injection ' +
      '(AWSManagedRulesSQLiRuleSet). Every internet-facing Application Load Balancer, API Gateway REST API stage (not ' +
      'private), AppSync API (GLOBAL visibility) and CloudFront distribution should have a WAFv2 web ACL with them, ' +
      'named on the resource (CloudFront `WebACLId` / `web_acl_id`) or associated with it ' +
      '(AWS::WAFv2::WebACLAssociation / aws_wafv2_web_acl_association). A web ACL outside the scan (a literal ARN, a ' +
      'Firewall Manager policy) is not judged; one with its own rules or rule groups by reference may cover the same ' +
      'classes, so its missing managed groups are not decided.',
    remediation:
      'Create an AWS::WAFv2::WebACL / aws_wafv2_web_acl (scope REGIONAL for load balancers, API Gateway and AppSync, ' +
      'CLOUDFRONT for distributions) with ManagedRuleGroupStatement rules for AWSManagedRulesCommonRuleSet, ' +
      'AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesSQLiRuleSet, and associate it with the endpoint.',
    messages: {
      noWebAcl: '{{what}} has no WAF web ACL: nothing filters injection or other OWASP Top 10 attacks before they reach it.',
      missingGroups: 'The web ACL of this {{what}} ({{acl}}) lacks the AWS managed rule groups for {{missing}}.',
    },
    precision: 'medium',
    tags: ['security', 'waf', 'owasp'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Api:\n    Type: AWS::AppSync::GraphQLApi\n    Properties:\n      Name: shop\n      AuthenticationType: API_KEY\n',
        pass:
          'Resources:\n  Api:\n    Type: AWS::AppSync::GraphQLApi\n    Properties:\n      Name: shop\n      AuthenticationType: API_KEY\n' +
          '  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n      DefaultAction: { Allow: {} }\n' +
          '      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: shop }\n      Rules:\n' +
          '        - Name: common\n          Priority: 0\n          OverrideAction: { None: {} }\n' +
          '          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }\n' +
          '          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } }\n' +
          '        - Name: bad-inputs\n          Priority: 1\n          OverrideAction: { None: {} }\n' +
          '          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: bad-inputs }\n' +
          '          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesKnownBadInputsRuleSet } }\n' +
          '        - Name: sqli\n          Priority: 2\n          OverrideAction: { None: {} }\n' +
          '          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: sqli }\n' +
          '          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesSQLiRuleSet } }\n' +
          '  AclAssociation:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      ResourceArn: !GetAtt Api.Arn\n      WebACLArn: !GetAtt Acl.Arn\n',
      },
      terraform: {
        fail: 'resource "aws_lb" "web" {\n  load_balancer_type = "application"\n  subnets            = ["subnet-1", "subnet-2"]\n}\n',
        pass:
          'resource "aws_lb" "web" {\n  internal           = true\n  load_balancer_type = "application"\n  subnets            = ["subnet-1", "subnet-2"]\n}\n',
      },
    },
  },
  check(ctx) {
    // Endpoints a web ACL can protect that take requests from the internet (the adapters set `waf`); the linker found their web ACLs.
    for (const e of ctx.model.facets.networkEndpoints) {
      if (!e.waf) continue;
      const what = e.waf.what;
      if (e.webAcls.length === 0) {
        ctx.report({ messageId: 'noWebAcl', at: e.webAcl ?? e.owner, resource: e.owner, data: { what: what.replace(/^./, (c) => c.toUpperCase()) } });
        continue;
      }
      const found: WebAcl[] = e.webAcls.flatMap((x) => (x.acl ? [x.acl] : []));
      if (found.length === 0) {
        ctx.undecidable(e.owner, e.webAcls[0]!.link, `the web ACL of the ${what} is not in the scan: its rules cannot be checked`);
        continue;
      }
      for (const acl of found) {
        const names = acl.managedRuleGroups.flatMap((g) => (isKnown(g) ? [g.value] : []));
        const missing = OWASP_GROUPS.filter(([n]) => !names.includes(n));
        if (missing.length === 0) continue;
        if (acl.otherRules > 0 || acl.managedRuleGroups.some((g) => !isKnown(g))) {
          ctx.undecidable(e.owner, acl, `the web ACL ${acl.resource.address} has rules of its own that may cover ${missing.map(([, c]) => c).join(', ')}`);
          continue;
        }
        ctx.report({ messageId: 'missingGroups', at: acl, resource: acl, data: { what, acl: acl.resource.address, missing: missing.map(([, c]) => c).join('; ') } });
      }
    }
  },
});
