import type { Adapter } from '../adapter.js';
import { PropertyReader } from '../read.js';
import type { SubReader } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { mapVal, required } from '../val-ops.js';
import { backendDefault } from './common.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import { loadBalancerLogs } from './logs.js';
import type { Listener, ListenerAction, LoadBalancer, TargetGroup } from './types.js';
import { DEFAULT_SSL_POLICY, DEFAULT_SSL_POLICY_ASSUMED, REDIRECT_DEFAULT, referrers } from './common.js';

// AWS::ElasticLoadBalancingV2::LoadBalancer — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-loadbalancer.html
const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const SCHEME = 'Scheme';
const TYPE = 'Type';
const SUBNETS = 'Subnets';
const SUBNET_MAPPINGS = 'SubnetMappings';
const SUBNET_ID = 'SubnetId';
const SECURITY_GROUPS = 'SecurityGroups';
const LB_ATTRIBUTES = 'LoadBalancerAttributes';
const ACCESS_LOGS_KEY = 'access_logs.s3.enabled';
const ACCESS_LOGS_BUCKET_KEY = 'access_logs.s3.bucket';

// AWS::ElasticLoadBalancingV2::Listener — aws-resource-elasticloadbalancingv2-listener.html (Action: aws-properties-elasticloadbalancingv2-listener-action.html)
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const LOAD_BALANCER_ARN = 'LoadBalancerArn';
const PROTOCOL = 'Protocol';
const PORT = 'Port';
const SSL_POLICY = 'SslPolicy';
const DEFAULT_ACTIONS = 'DefaultActions';
const ACTION_TYPE = 'Type';
const REDIRECT_CONFIG = 'RedirectConfig';
const TARGET_GROUP_ARN = 'TargetGroupArn';
const FORWARD_CONFIG = 'ForwardConfig';
const FORWARD_TARGET_GROUPS = 'TargetGroups';

// AWS::ElasticLoadBalancingV2::TargetGroup — aws-resource-elasticloadbalancingv2-targetgroup.html
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
const TARGET_TYPE = 'TargetType';
const TARGETS = 'Targets';
const TARGET_ID = 'Id';
// Classic load balancers register instances inline: Instances.
const INSTANCES = 'Instances';

// AWS::ElasticLoadBalancing::LoadBalancer (classic) — aws-resource-elasticloadbalancing-loadbalancer.html
// (Listeners: aws-properties-ec2-elb-listener.html; Policies: aws-properties-ec2-elb-policy.html)
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const LISTENERS = 'Listeners';
const LB_PORT = 'LoadBalancerPort';
const INSTANCE_PROTOCOL = 'InstanceProtocol';
const POLICY_NAMES = 'PolicyNames';
const POLICIES = 'Policies';
const POLICY_NAME = 'PolicyName';
const POLICY_TYPE = 'PolicyType';
const POLICY_ATTRIBUTES = 'Attributes';
const REFERENCE_POLICY = 'Reference-Security-Policy';
const ACCESS_LOGGING_POLICY = 'AccessLoggingPolicy';
const ENABLED = 'Enabled';
const S3_BUCKET_NAME = 'S3BucketName';

type LbKind = 'application' | 'network' | 'gateway' | 'classic';
const INTERNET_FACING = { value: 'internet-facing', assumed: 'internet-facing (Scheme not set)' };

export const adapter: Adapter = {
  service: 'elb',
  source: 'cloudformation',
  adapt(graph, model) {
    for (const node of graph.ofType(LOAD_BALANCER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const attr = r.each([LB_ATTRIBUTES]).find((a) => a.str(['Key'])?.value === ACCESS_LOGS_KEY);
      const lb: LoadBalancer = {
        resource: r.info(),
        kind: mapVal(r.str([TYPE], { value: 'application', assumed: 'application (Type not set)' }), (t) => t.toLowerCase() as LbKind),
        internetFacing: mapVal(r.str([SCHEME], INTERNET_FACING), (s) => s !== 'internal'),
        subnets: [...r.links([SUBNETS]), ...r.each([SUBNET_MAPPINGS]).flatMap((m) => m.links([SUBNET_ID]))],
        securityGroups: r.links([SECURITY_GROUPS]),
        accessLogs: attr ? attr.bool(['Value'], { value: false, assumed: 'access logs off' }) : defaulted(false, r.origin([LB_ATTRIBUTES]), `access logs off: no ${ACCESS_LOGS_KEY} attribute`),
      };
      model.loadBalancers.push(lb);
      model.facets.networkEndpoints.push({ owner: lb, what: 'Load balancer', internetFacing: lb.internetFacing, subnets: lb.subnets });
      model.facets.monitored.push(monitored(lb, 'Load balancer', { namespaces: ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/GatewayELB'], dimension: 'LoadBalancer', fullName: true, suggest: 'HTTPCode_ELB_5XX_Count, UnHealthyHostCount or TargetResponseTime', ...named(r.str(['Name'])) }));
      const logs = loadBalancerLogs(lb, r.each([LB_ATTRIBUTES]).find((a) => a.str(['Key'])?.value === ACCESS_LOGS_BUCKET_KEY)?.link(['Value']));
      if (logs) model.facets.logSources.push(logs);
    }

    for (const node of graph.ofType(LISTENER)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const protocol = mapVal(required(r.str([PROTOCOL]), r.origin([PROTOCOL]), PROTOCOL), (p) => p.toUpperCase());
      const listener: Listener = {
        resource: r.info(),
        loadBalancer: required(r.link([LOAD_BALANCER_ARN]), r.origin([LOAD_BALANCER_ARN]), LOAD_BALANCER_ARN),
        protocol,
        port: required(r.num([PORT]), r.origin([PORT]), PORT),
        sslPolicy: r.str([SSL_POLICY], sslDefault(protocol)),
        defaultActions: r.each([DEFAULT_ACTIONS]).map(actionOf),
      };
      model.listeners.push(listener);
    }

    const users = referrers(graph, [LISTENER, LISTENER_RULE]);
    for (const node of graph.ofType(TARGET_GROUP)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const targetType = r.str([TARGET_TYPE], { value: 'instance', assumed: 'instance (TargetType not set)' });
      const lambda = targetType.provenance !== 'unknown' && targetType.value === 'lambda';
      const tg: TargetGroup = {
        resource: r.info(),
        protocol: mapVal(r.str([PROTOCOL]) ?? (lambda ? defaulted('', r.origin([PROTOCOL]), 'none (Lambda targets)') : unknownVal(r.origin([PROTOCOL]), 'Protocol is not set')), (p) => p.toUpperCase()),
        port: r.num([PORT]) ?? unknownVal(r.origin([PORT]), 'Port is not set'),
        targetType,
        usedBy: users.get(node.id) ?? [],
      };
      model.targetGroups.push(tg);
      r.each([TARGETS]).forEach((t, i) => {
        const target = t.link([TARGET_ID]);
        if (target) model.targetRegistrations.push({ resource: { ...tg.resource, id: `${node.id}#${TARGETS}[${i}]` }, targetGroup: explicit<Link>({ id: node.id }, t.origin()), target });
      });
    }

    for (const node of graph.ofType(CLASSIC)) {
      const r = new PropertyReader(node, graph, 'Properties');
      const info = r.info();
      const lb: LoadBalancer = {
        resource: info,
        kind: explicit('classic', r.origin([])),
        internetFacing: mapVal(r.str([SCHEME], INTERNET_FACING), (s) => s !== 'internal'),
        subnets: r.links([SUBNETS]),
        securityGroups: r.links([SECURITY_GROUPS]),
        accessLogs: r.bool([ACCESS_LOGGING_POLICY, ENABLED], { value: false, assumed: 'access logs off' }),
      };
      model.loadBalancers.push(lb);
      model.facets.networkEndpoints.push({ owner: lb, what: 'Load balancer', internetFacing: lb.internetFacing, subnets: lb.subnets });
      model.facets.monitored.push(monitored(lb, 'Load balancer', { namespaces: ['AWS/ELB'], dimension: 'LoadBalancerName', suggest: 'UnHealthyHostCount, HTTPCode_ELB_5XX or Latency', ...named(r.str(['LoadBalancerName'])) }));
      const logs = loadBalancerLogs(lb, r.link([ACCESS_LOGGING_POLICY, S3_BUCKET_NAME]));
      if (logs) model.facets.logSources.push(logs);
      r.links([INSTANCES]).forEach((target, i) => {
        model.targetRegistrations.push({ resource: { ...info, id: `${node.id}#${INSTANCES}[${i}]` }, targetGroup: explicit<Link>({ id: node.id }, target.origin), target });
      });
      // SSL negotiation policies declared on the load balancer, by name → their reference policy.
      const policies = new Map<string, SubReader>();
      for (const p of r.each([POLICIES])) {
        const name = p.str([POLICY_NAME]);
        if (name?.provenance === 'explicit') policies.set(name.value, p);
      }
      r.each([LISTENERS]).forEach((l, i) => {
        const origin = l.origin();
        const protocol = mapVal(required(l.str([PROTOCOL]), origin, PROTOCOL), (p) => p.toUpperCase());
        const listener: Listener = {
          resource: { ...info, id: `${info.id}#${LISTENERS}[${i}]` },
          loadBalancer: explicit<Link>({ id: node.id }, origin),
          protocol,
          port: required(l.num([LB_PORT]), origin, LB_PORT),
          sslPolicy: classicSslPolicy(l, policies, protocol),
          defaultActions: [],
          instanceProtocol: mapVal(l.str([INSTANCE_PROTOCOL]) ?? backendDefault(protocol, origin), (p) => p.toUpperCase()),
        };
        model.listeners.push(listener);
      });
    }
  },
};

function sslDefault(protocol: Val<string>): { value: string; assumed: string } {
  const tls = protocol.provenance !== 'unknown' && (protocol.value === 'HTTPS' || protocol.value === 'TLS' || protocol.value === 'SSL');
  return tls ? { value: DEFAULT_SSL_POLICY, assumed: DEFAULT_SSL_POLICY_ASSUMED } : { value: '', assumed: 'none (not a TLS listener)' };
}

function actionOf(a: SubReader): ListenerAction {
  const origin = a.origin();
  const type = mapVal(required(a.str([ACTION_TYPE]), origin, ACTION_TYPE), (t) => t.toLowerCase());
  const action: ListenerAction = { type, origin };
  if (a.has([REDIRECT_CONFIG])) {
    const redirect = a.at([REDIRECT_CONFIG]);
    action.redirectProtocol = mapVal(redirect.str([PROTOCOL]) ?? defaulted(REDIRECT_DEFAULT.value, redirect.origin(), REDIRECT_DEFAULT.assumed), (p) => p.toUpperCase());
  }
  const tg = a.link([TARGET_GROUP_ARN]) ?? a.each([FORWARD_CONFIG, FORWARD_TARGET_GROUPS])[0]?.link([TARGET_GROUP_ARN]);
  if (tg) action.targetGroup = tg;
  return action;
}


function classicSslPolicy(l: SubReader, policies: Map<string, SubReader>, protocol: Val<string>): Val<string> {
  const names = l.strList([POLICY_NAMES]);
  const dflt = sslDefault(protocol);
  if (names?.provenance === 'unknown') return names;
  for (const name of names?.value ?? []) {
    const p = policies.get(name);
    if (!p || p.str([POLICY_TYPE])?.value !== 'SSLNegotiationPolicyType') continue;
    const ref = p.each([POLICY_ATTRIBUTES]).find((a) => a.str(['Name'])?.value === REFERENCE_POLICY);
    const v = ref?.str(['Value']);
    if (v) return v;
    return unknownVal(p.origin(), `custom SSL negotiation policy ${name}`);
  }
  return defaulted(dflt.value, names?.origin ?? l.origin(), dflt.assumed);
}
