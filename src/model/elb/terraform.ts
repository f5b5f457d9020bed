import type { ResourceNode } from '../../graph/graph.js';
import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { SubReader } from '../read.js';
import type { Link, Origin, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { managed } from '../terraform-nodes.js';
import { mapVal, required } from '../val-ops.js';
import type { Listener, ListenerAction, LoadBalancer, TargetGroup } from './types.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import { loadBalancerLogs } from './logs.js';
import { DEFAULT_SSL_POLICY, DEFAULT_SSL_POLICY_ASSUMED, REDIRECT_DEFAULT, backendDefault, referrers } from './common.js';

// aws_lb / aws_alb — https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb
const LOAD_BALANCERS = ['aws_lb', 'aws_alb'];
const INTERNAL = 'internal';
const LOAD_BALANCER_TYPE = 'load_balancer_type';
const SUBNETS = 'subnets';
const SUBNET_MAPPING = 'subnet_mapping';
const SUBNET_ID = 'subnet_id';
const SECURITY_GROUPS = 'security_groups';
const ACCESS_LOGS = 'access_logs';
const ENABLED = 'enabled';
const BUCKET = 'bucket';

// aws_lb_listener / aws_alb_listener — .../docs/resources/lb_listener (protocol defaults to HTTP for ALBs)
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const LISTENER_RULES = ['aws_lb_listener_rule', 'aws_alb_listener_rule'];
const LOAD_BALANCER_ARN = 'load_balancer_arn';
const PROTOCOL = 'protocol';
const PORT = 'port';
const SSL_POLICY = 'ssl_policy';
const DEFAULT_ACTION = 'default_action';
const ACTION_TYPE = 'type';
const REDIRECT = 'redirect';
const TARGET_GROUP_ARN = 'target_group_arn';
const FORWARD = 'forward';
const FORWARD_TARGET_GROUP = 'target_group';
const ARN = 'arn';

// aws_lb_target_group / aws_alb_target_group — .../docs/resources/lb_target_group
const TARGET_GROUPS = ['aws_lb_target_group', 'aws_alb_target_group'];
const TARGET_TYPE = 'target_type';
// aws_lb_target_group_attachment / aws_alb_target_group_attachment — .../docs/resources/lb_target_group_attachment
const ATTACHMENTS = ['aws_lb_target_group_attachment', 'aws_alb_target_group_attachment'];
const TARGET_ID = 'target_id';
// aws_elb `instances`, aws_elb_attachment { elb, instance } — .../docs/resources/elb_attachment
const INSTANCES = 'instances';
const ELB_ATTACHMENT = 'aws_elb_attachment';
const ELB = 'elb';
const INSTANCE = 'instance';

// aws_elb (classic) — .../docs/resources/elb (listener blocks: lb_port, lb_protocol, instance_port, instance_protocol)
// SSL negotiation through aws_load_balancer_policy + aws_load_balancer_listener_policy (.../docs/resources/load_balancer_policy).
const CLASSIC = 'aws_elb';
const LISTENER = 'listener';
const LB_PORT = 'lb_port';
const LB_PROTOCOL = 'lb_protocol';
const INSTANCE_PROTOCOL = 'instance_protocol';
const LISTENER_POLICY = 'aws_load_balancer_listener_policy';
const LB_POLICY = 'aws_load_balancer_policy';
const LOAD_BALANCER_NAME = 'load_balancer_name';
const LOAD_BALANCER_PORT = 'load_balancer_port';
const POLICY_NAMES = 'policy_names';
const POLICY_TYPE_NAME = 'policy_type_name';
const POLICY_ATTRIBUTE = 'policy_attribute';
const REFERENCE_POLICY = 'Reference-Security-Policy';

type LbKind = 'application' | 'network' | 'gateway' | 'classic';

export const adapter: Adapter = {
  service: 'elb',
  source: 'terraform',
  adapt(graph, model) {
    for (const node of managed(graph.ofType(...LOAD_BALANCERS))) {
      const r = new PropertyReader(node, graph, '');
      const logs = r.each([ACCESS_LOGS])[0];
      const lb: LoadBalancer = {
        resource: r.info(),
        kind: mapVal(r.str([LOAD_BALANCER_TYPE], { value: 'application', assumed: 'application (load_balancer_type not set)' }), (t) => t.toLowerCase() as LbKind),
        internetFacing: mapVal(r.bool([INTERNAL], { value: false, assumed: 'internet-facing (internal not set)' }), (i) => !i),
        subnets: [...r.links([SUBNETS]), ...r.each([SUBNET_MAPPING]).flatMap((m) => m.links([SUBNET_ID]))],
        securityGroups: r.links([SECURITY_GROUPS]),
        // aws_lb: `access_logs.enabled` defaults to false, even when a bucket is set (provider docs); aws_elb: true.
        accessLogs: logs ? logs.bool([ENABLED], { value: false, assumed: 'access logs off: enabled defaults to false, even with a bucket' }) : defaulted(false, r.origin([ACCESS_LOGS]), 'access logs off'),
      };
      model.loadBalancers.push(lb);
      model.facets.networkEndpoints.push({ owner: lb, what: 'Load balancer', internetFacing: lb.internetFacing, subnets: lb.subnets });
      model.facets.monitored.push(monitored(lb, 'Load balancer', { namespaces: ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/GatewayELB'], dimension: 'LoadBalancer', fullName: true, suggest: 'HTTPCode_ELB_5XX_Count, UnHealthyHostCount or TargetResponseTime', ...named(r.str(['name'])) }));
      const logSource = loadBalancerLogs(lb, logs?.link([BUCKET]));
      if (logSource) model.facets.logSources.push(logSource);
    }

    for (const node of managed(graph.ofType(...LISTENERS))) {
      const r = new PropertyReader(node, graph, '');
      const protocol = mapVal(r.str([PROTOCOL]) ?? defaultProtocol(r, graph.get(lbTarget(r) ?? '')), (p) => p.toUpperCase());
      const listener: Listener = {
        resource: r.info(),
        loadBalancer: required(r.link([LOAD_BALANCER_ARN]), r.origin([LOAD_BALANCER_ARN]), LOAD_BALANCER_ARN),
        protocol,
        port: r.num([PORT]) ?? unknownVal(r.origin([PORT]), 'port is not set'),
        sslPolicy: r.str([SSL_POLICY], sslDefault(protocol)),
        defaultActions: r.each([DEFAULT_ACTION]).map(actionOf),
      };
      model.listeners.push(listener);
    }

    const users = referrers(graph, [...LISTENERS, ...LISTENER_RULES]);
    for (const node of managed(graph.ofType(...TARGET_GROUPS))) {
      const r = new PropertyReader(node, graph, '');
      const targetType = r.str([TARGET_TYPE], { value: 'instance', assumed: 'instance (target_type not set)' });
      const lambda = targetType.provenance !== 'unknown' && targetType.value === 'lambda';
      const tg: TargetGroup = {
        resource: r.info(),
        protocol: mapVal(r.str([PROTOCOL]) ?? (lambda ? defaulted('', r.origin([PROTOCOL]), 'none (Lambda targets)') : unknownVal(r.origin([PROTOCOL]), 'protocol is not set')), (p) => p.toUpperCase()),
        port: r.num([PORT]) ?? unknownVal(r.origin([PORT]), 'port is not set'),
        targetType,
        usedBy: users.get(node.id) ?? [],
      };
      model.targetGroups.push(tg);
    }

    // Listener policies of classic load balancers, by load balancer id and port.
    const policies = new Map<string, PropertyReader>();
    for (const node of managed(graph.ofType(LB_POLICY))) policies.set(node.id, new PropertyReader(node, graph, ''));
    const listenerPolicies = managed(graph.ofType(LISTENER_POLICY)).map((n) => new PropertyReader(n, graph, ''));

    for (const node of managed(graph.ofType(CLASSIC))) {
      const r = new PropertyReader(node, graph, '');
      const info = r.info();
      const logs = r.each([ACCESS_LOGS])[0];
      const lb: LoadBalancer = {
        resource: info,
        kind: explicit('classic', r.origin([])),
        internetFacing: mapVal(r.bool([INTERNAL], { value: false, assumed: 'internet-facing (internal not set)' }), (i) => !i),
        subnets: r.links([SUBNETS]),
        securityGroups: r.links([SECURITY_GROUPS]),
        accessLogs: logs ? logs.bool([ENABLED], { value: true, assumed: 'access logs on: enabled defaults to true on classic load balancers' }) : defaulted(false, r.origin([ACCESS_LOGS]), 'access logs off'),
      };
      model.loadBalancers.push(lb);
      model.facets.networkEndpoints.push({ owner: lb, what: 'Load balancer', internetFacing: lb.internetFacing, subnets: lb.subnets });
      model.facets.monitored.push(monitored(lb, 'Load balancer', { namespaces: ['AWS/ELB'], dimension: 'LoadBalancerName', suggest: 'UnHealthyHostCount, HTTPCode_ELB_5XX or Latency', ...named(r.str(['name'])) }));
      const logSource = loadBalancerLogs(lb, logs?.link([BUCKET]));
      if (logSource) model.facets.logSources.push(logSource);
      r.each([LISTENER]).forEach((l, i) => {
        const origin = l.origin();
        const protocol = mapVal(required(l.str([LB_PROTOCOL]), origin, LB_PROTOCOL), (p) => p.toUpperCase());
        const port = required(l.num([LB_PORT]), origin, LB_PORT);
        const listener: Listener = {
          resource: { ...info, id: `${info.id}#${LISTENER}[${i}]` },
          loadBalancer: explicit<Link>({ id: node.id }, origin),
          protocol,
          port,
          sslPolicy: classicSslPolicy(node.id, port, protocol, origin, listenerPolicies, policies),
          defaultActions: [],
          instanceProtocol: mapVal(l.str([INSTANCE_PROTOCOL]) ?? backendDefault(protocol, origin), (p) => p.toUpperCase()),
        };
        model.listeners.push(listener);
      });
    }
    for (const node of managed(graph.ofType(...ATTACHMENTS))) {
      const r = new PropertyReader(node, graph, '');
      model.targetRegistrations.push({ resource: r.info(), targetGroup: required(r.link([TARGET_GROUP_ARN]), r.origin([TARGET_GROUP_ARN]), TARGET_GROUP_ARN), target: required(r.link([TARGET_ID]), r.origin([TARGET_ID]), TARGET_ID) });
    }
    for (const node of managed(graph.ofType(CLASSIC))) {
      const r = new PropertyReader(node, graph, '');
      const info = r.info();
      r.links([INSTANCES]).forEach((target, i) => {
        model.targetRegistrations.push({ resource: { ...info, id: `${node.id}#${INSTANCES}[${i}]` }, targetGroup: explicit<Link>({ id: node.id }, target.origin), target });
      });
    }
    for (const node of managed(graph.ofType(ELB_ATTACHMENT))) {
      const r = new PropertyReader(node, graph, '');
      model.targetRegistrations.push({ resource: r.info(), targetGroup: required(r.link([ELB]), r.origin([ELB]), ELB), target: required(r.link([INSTANCE]), r.origin([INSTANCE]), INSTANCE) });
    }
  },
};

function lbTarget(r: PropertyReader): string | undefined {
  const l = r.link([LOAD_BALANCER_ARN]);
  return l?.provenance === 'explicit' ? l.value.id : undefined;
}

/** No protocol: HTTP on an Application Load Balancer (the provider's default), GENEVE on a Gateway Load Balancer. */
function defaultProtocol(r: PropertyReader, lb: ResourceNode | undefined): Val<string> {
  const type = lb ? new PropertyReader(lb, r.graph, '').str([LOAD_BALANCER_TYPE]) : undefined;
  if (type?.provenance === 'explicit' && type.value === 'gateway') return defaulted('GENEVE', r.origin([PROTOCOL]), 'GENEVE (Gateway Load Balancer)');
  if (type?.provenance === 'explicit' && type.value === 'network') return unknownVal(r.origin([PROTOCOL]), 'protocol is not set on a Network Load Balancer listener');
  return defaulted('HTTP', r.origin([PROTOCOL]), 'HTTP (protocol not set)');
}

function sslDefault(protocol: Val<string>): { value: string; assumed: string } {
  const tls = protocol.provenance !== 'unknown' && (protocol.value === 'HTTPS' || protocol.value === 'TLS' || protocol.value === 'SSL');
  return tls ? { value: DEFAULT_SSL_POLICY, assumed: DEFAULT_SSL_POLICY_ASSUMED } : { value: '', assumed: 'none (not a TLS listener)' };
}

function actionOf(a: SubReader): ListenerAction {
  const origin = a.origin();
  const type = mapVal(required(a.str([ACTION_TYPE]), origin, ACTION_TYPE), (t) => t.toLowerCase());
  const action: ListenerAction = { type, origin };
  const redirect = a.each([REDIRECT])[0];
  if (redirect) action.redirectProtocol = mapVal(redirect.str([PROTOCOL]) ?? defaulted(REDIRECT_DEFAULT.value, redirect.origin(), REDIRECT_DEFAULT.assumed), (p) => p.toUpperCase());
  const tg = a.link([TARGET_GROUP_ARN]) ?? a.each([FORWARD])[0]?.each([FORWARD_TARGET_GROUP])[0]?.link([ARN]);
  if (tg) action.targetGroup = tg;
  return action;
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
