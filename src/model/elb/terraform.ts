import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { Origin, Val } from '../val.js';
import { defaulted, unknownVal } from '../val.js';
import { mapVal } from '../val-ops.js';
import { adaptLoadBalancers, sslDefault } from './common.js';

// aws_lb / aws_alb — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb
const INTERNAL = 'internal';
const LOAD_BALANCER_TYPE = 'load_balancer_type';
const SUBNETS = 'subnets';
const SECURITY_GROUPS = 'security_groups';
const ACCESS_LOGS = 'access_logs';
const ENABLED = 'enabled';
const BUCKET = 'bucket';
// aws_lb_listener / aws_alb_listener — .../docs/resources/lb_listener (protocol defaults to HTTP for ALBs)
const LOAD_BALANCER_ARN = 'load_balancer_arn';
const PROTOCOL = 'protocol';
const PORT = 'port';
const TARGET_GROUP_ARN = 'target_group_arn';
const FORWARD = 'forward';
const FORWARD_TARGET_GROUP = 'target_group';
const ARN = 'arn';
// aws_lb_target_group / aws_alb_target_group — .../docs/resources/lb_target_group
// aws_lb_target_group_attachment / aws_alb_target_group_attachment — .../docs/resources/lb_target_group_attachment
// aws_elb `instances`, aws_elb_attachment { elb, instance } — .../docs/resources/elb_attachment
// aws_elb (classic) — .../docs/resources/elb (listener blocks: lb_port, lb_protocol, instance_port, instance_protocol)
// SSL negotiation through aws_load_balancer_policy + aws_load_balancer_listener_policy (.../docs/resources/load_balancer_policy).
const LISTENER_POLICY = 'aws_load_balancer_listener_policy';
const LB_POLICY = 'aws_load_balancer_policy';
const LOAD_BALANCER_NAME = 'load_balancer_name';
const LOAD_BALANCER_PORT = 'load_balancer_port';
const POLICY_NAMES = 'policy_names';
const POLICY_TYPE_NAME = 'policy_type_name';
const POLICY_ATTRIBUTE = 'policy_attribute';
const REFERENCE_POLICY = 'Reference-Security-Policy';

export const adapter: Adapter = {
  service: 'elb',
  source: 'terraform',
  adapt(graph, model) {
    adaptLoadBalancers(graph, model, {
      properties: '',
      internetFacing: (r) => mapVal(r.bool([INTERNAL], { value: false, assumed: 'internet-facing (internal not set)' }), (i) => !i),
      loadBalancer: {
        types: ['aws_lb', 'aws_alb'],
        type: LOAD_BALANCER_TYPE,
        subnets: SUBNETS,
        subnetMappings: 'subnet_mapping',
        subnetId: 'subnet_id',
        securityGroups: SECURITY_GROUPS,
        name: 'name',
        // aws_lb: `access_logs.enabled` defaults to false, even when a bucket is set (provider docs).
        accessLogs: (r) => {
          const logs = r.each([ACCESS_LOGS])[0];
          return {
            enabled: logs ? logs.bool([ENABLED], { value: false, assumed: 'access logs off: enabled defaults to false, even with a bucket' }) : defaulted(false, r.origin([ACCESS_LOGS]), 'access logs off'),
            bucket: logs?.link([BUCKET]),
          };
        },
      },
      listener: {
        types: ['aws_lb_listener', 'aws_alb_listener'],
        ruleTypes: ['aws_lb_listener_rule', 'aws_alb_listener_rule'],
        loadBalancer: LOAD_BALANCER_ARN,
        protocol: (r) => r.str([PROTOCOL]) ?? defaultProtocol(r),
        port: PORT,
        sslPolicy: 'ssl_policy',
        defaultActions: 'default_action',
        action: {
          type: 'type',
          redirect: { name: 'redirect', as: 'block' },
          protocol: PROTOCOL,
          targetGroup: TARGET_GROUP_ARN,
          forwardTargetGroup: (a) => a.each([FORWARD])[0]?.each([FORWARD_TARGET_GROUP])[0]?.link([ARN]),
        },
      },
      targetGroup: { types: ['aws_lb_target_group', 'aws_alb_target_group'], targetType: 'target_type', protocol: PROTOCOL, port: PORT },
      targetGroupAttachments: { types: ['aws_lb_target_group_attachment', 'aws_alb_target_group_attachment'], targetGroup: TARGET_GROUP_ARN, target: 'target_id' },
      classic: {
        type: 'aws_elb',
        subnets: SUBNETS,
        securityGroups: SECURITY_GROUPS,
        name: 'name',
        // aws_elb: `access_logs.enabled` defaults to true.
        accessLogs: (r) => {
          const logs = r.each([ACCESS_LOGS])[0];
          return {
            enabled: logs ? logs.bool([ENABLED], { value: true, assumed: 'access logs on: enabled defaults to true on classic load balancers' }) : defaulted(false, r.origin([ACCESS_LOGS]), 'access logs off'),
            bucket: logs?.link([BUCKET]),
          };
        },
        instances: 'instances',
        listeners: 'listener',
        listenerProtocol: 'lb_protocol',
        listenerPort: 'lb_port',
        instanceProtocol: 'instance_protocol',
        sslPolicies: (g) => {
          // Listener policies of classic load balancers, by load balancer id and port.
          const policies = new Map<string, PropertyReader>();
          for (const node of g.ofType(LB_POLICY)) policies.set(node.id, new PropertyReader(node, g, ''));
          const listenerPolicies = g.ofType(LISTENER_POLICY).map((n) => new PropertyReader(n, g, ''));
          return (lb, _l, port, protocol, origin) => classicSslPolicy(lb.node.id, port, protocol, origin, listenerPolicies, policies);
        },
      },
      classicAttachments: { types: ['aws_elb_attachment'], targetGroup: 'elb', target: 'instance' },
    });
  },
};

/** No protocol: HTTP on an Application Load Balancer (the provider's default), GENEVE on a Gateway Load Balancer. */
function defaultProtocol(r: PropertyReader): Val<string> {
  const l = r.link([LOAD_BALANCER_ARN]);
  const lb = l?.provenance === 'explicit' ? r.graph.get(l.value.id ?? '') : undefined;
  const type = lb ? new PropertyReader(lb, r.graph, '').str([LOAD_BALANCER_TYPE]) : undefined;
  if (type?.provenance === 'explicit' && type.value === 'gateway') return defaulted('GENEVE', r.origin([PROTOCOL]), 'GENEVE (Gateway Load Balancer)');
  if (type?.provenance === 'explicit' && type.value === 'network') return unknownVal(r.origin([PROTOCOL]), 'protocol is not set on a Network Load Balancer listener');
  return defaulted('HTTP', r.origin([PROTOCOL]), 'HTTP (protocol not set)');
}

/** The reference policy of the SSL negotiation policy attached to this listener, or the API default. */
function classicSslPolicy(lbId: string, port: Val<number>, protocol: Val<string>, origin: Origin, listenerPolicies: PropertyReader[], policies: Map<string, PropertyReader>): Val<string> {
  const dflt = sslDefault(protocol);
  for (const lp of listenerPolicies) {
    const lb = lp.link([LOAD_BALANCER_NAME]);
    if (lb?.provenance !== 'explicit' || lb.value.id !== lbId) continue;
    const p = lp.num([LOAD_BALANCER_PORT]);
    if (!p || p.provenance === 'unknown') return unknownVal(lp.origin([LOAD_BALANCER_PORT]), 'listener policy port unknown');
    if (port.provenance === 'unknown' || p.value !== port.value) continue;
    for (const name of lp.links([POLICY_NAMES])) {
      const policy = name.provenance === 'explicit' && name.value.id ? policies.get(name.value.id) : undefined;
      if (!policy) return unknownVal(name.origin, 'SSL negotiation policy not in the scan');
      if (policy.str([POLICY_TYPE_NAME])?.value !== 'SSLNegotiationPolicyType') continue;
      const ref = policy.each([POLICY_ATTRIBUTE]).find((a) => a.str(['name'])?.value === REFERENCE_POLICY);
      return ref?.str(['value']) ?? unknownVal(policy.origin([POLICY_ATTRIBUTE]), 'custom SSL negotiation policy');
    }
  }
  return defaulted(dflt.value, origin, dflt.assumed);
}
