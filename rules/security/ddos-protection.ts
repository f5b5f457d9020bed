import { defineRule } from '../../src/engine/rule.js';
import type { ModelResource } from '../../src/model/val.js';
import { isKnown, isTrue } from '../../src/model/val.js';

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
    const m = ctx.model;
    const cloudFrontOrigins = new Set<string>();
    for (const d of m.distributions) for (const o of d.origins) if (o.target && isKnown(o.target) && o.target.value.id) cloudFrontOrigins.add(o.target.value.id);
    const shielded = (ids: string[]): boolean =>
      m.shieldProtections.some((p) => (isKnown(p.target) && p.target.value.id !== undefined && ids.includes(p.target.value.id)) || p.mentions.some((id) => ids.includes(id)));
    const check = (owner: ModelResource, what: string, ids: string[]): void => {
      if (ids.some((id) => cloudFrontOrigins.has(id)) || shielded(ids)) return;
      ctx.report({ messageId: 'unprotected', at: owner, resource: owner, data: { what } });
    };
    for (const lb of m.loadBalancers) {
      if (!isKnown(lb.internetFacing)) {
        ctx.undecidable(lb, lb.internetFacing, `whether the load balancer is internet-facing is unknown: ${lb.internetFacing.reason}`);
        continue;
      }
      if (!isTrue(lb.internetFacing)) continue;
      const kind = isKnown(lb.kind) ? lb.kind.value : 'application';
      // A Gateway Load Balancer takes traffic from route tables, not from the internet.
      if (kind === 'gateway') continue;
      const what = kind === 'network' ? 'Internet-facing Network Load Balancer' : kind === 'classic' ? 'Internet-facing Classic Load Balancer' : 'Internet-facing Application Load Balancer';
      check(lb, what, [lb.resource.id]);
    }
    const stagesOf = (apiId: string): string[] => m.apiStages.filter((s) => isKnown(s.api) && s.api.value.id === apiId).map((s) => s.resource.id);
    for (const api of m.restApis) {
      if (!isKnown(api.endpointType)) {
        ctx.undecidable(api, api.endpointType, `the API's endpoint type is unknown: ${api.endpointType.reason}`);
        continue;
      }
      if (api.endpointType.value !== 'REGIONAL') continue;
      check(api, 'Regional API Gateway REST API', [api.resource.id, ...stagesOf(api.resource.id)]);
    }
  },
});
