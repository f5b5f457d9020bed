import { defineRule } from '../../src/engine/rule.js';
import { isKnown } from '../../src/model/val.js';

export default defineRule({
  meta: {
    id: 'ddos-protection',
    title: 'Internet-facing endpoints are behind CloudFront or protected by Shield Advanced',
    severity: 'medium',
    checks: 'internet-facing load balancers and regional REST APIs neither behind CloudFront nor protected by Shield Advanced',
    controls: ['1.27'],
    rationale:
      'Checklist 1.27 asks for DDoS protection at every layer. Every AWS endpoint has Shield Standard against common ' +
      'network-layer floods; what code can show beyond that is whether an internet-facing endpoint sits behind ' +
      'CloudFront (which absorbs floods at the edge and, with a web ACL, rate-limits requests) or is covered by Shield ' +
      'Advanced (AWS::Shield::Protection / aws_shield_protection: response team, cost protection, application-layer ' +
      'mitigation). Internet-facing load balancers (all kinds) and regional API Gateway REST APIs are reported when ' +
      'neither holds; edge-optimized REST APIs are served through CloudFront by API Gateway and pass. An origin of a ' +
      'distribution in the scan counts as behind CloudFront even when it can still be reached directly: restrict it to ' +
      'CloudFront (the managed prefix list, a secret header) as well.',
    remediation:
      'Put a CloudFront distribution in front of the endpoint (with a WAF web ACL and rate-based rules), or protect it ' +
      'with Shield Advanced (AWS::Shield::Protection / aws_shield_protection on its ARN).',
    messages: {
      unprotected: '{{what}} is reachable from the internet but is neither behind CloudFront nor protected by Shield Advanced.',
    },
    precision: 'medium',
    tags: ['security', 'ddos', 'availability'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n',
        pass:
          'Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n' +
          '  WebShield:\n    Type: AWS::Shield::Protection\n    Properties:\n      Name: web\n      ResourceArn: !Ref Web\n',
      },
      terraform: {
        fail: 'resource "aws_lb" "web" {\n  subnets = ["subnet-1", "subnet-2"]\n}\n',
        pass: 'resource "aws_lb" "web" {\n  subnets = ["subnet-1", "subnet-2"]\n}\n\nresource "aws_shield_protection" "web" {\n  name         = "web"\n  resource_arn = aws_lb.web.arn\n}\n',
      },
    },
  },
  check(ctx) {
    // Endpoints that need more than Shield Standard when exposed (the adapters set `ddos`); the linker found what is in front of them.
    for (const e of ctx.model.facets.networkEndpoints) {
      if (!e.ddos) continue;
      const { exposed, what, unknown } = e.ddos;
      if (!isKnown(exposed)) {
        ctx.undecidable(e.owner, exposed, `${unknown}: ${exposed.reason}`);
        continue;
      }
      if (!exposed.value || e.frontedBy.length > 0 || e.shield.length > 0) continue;
      ctx.report({ messageId: 'unprotected', at: e.owner, resource: e.owner, data: { what } });
    }
  },
});
