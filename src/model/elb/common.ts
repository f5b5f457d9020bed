import type { ResourceGraph, ResourceNode } from '../../graph/graph.js';
import { referencedIds } from '../../graph/value.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import type { EndpointListener, NetworkEndpoint } from '../facets.js';
import { networkEndpoint } from '../facets.js';
import type { CloudModel } from '../model.js';
import { PropertyReader } from '../read.js';
import type { SubReader } from '../read.js';
import type { Link, Origin, Val } from '../val.js';
import { defaulted, explicit, isKnown, isTrue, unknownVal } from '../val.js';
import { mapVal, required } from '../val-ops.js';
import { loadBalancerLogs } from './logs.js';
import type { Listener, ListenerAction, LoadBalancer, TargetGroup } from './types.js';

/**
 * The current AWS default TLS policy of HTTPS/TLS listeners created through the API or
 * CloudFormation/Terraform when none is named: `ELBSecurityPolicy-2016-08` (TLS 1.0 to 1.2).
 * The console proposes ELBSecurityPolicy-TLS13-1-2-2021-06 instead, but templates get the API default.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';
export const DEFAULT_SSL_POLICY_ASSUMED = `${DEFAULT_SSL_POLICY} (the API default for HTTPS/TLS listeners, which allows TLS 1.0 and 1.1)`;

/**
 * Predefined ELB security policies that still accept TLS 1.0 or 1.1 (or SSLv3).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html
 */
export const OLD_TLS_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-2015-05',
  'ELBSecurityPolicy-2015-03',
  'ELBSecurityPolicy-2015-02',
  'ELBSecurityPolicy-2014-10',
  'ELBSecurityPolicy-2014-01',
  'ELBSecurityPolicy-2011-08',
  'ELBSecurityPolicy-TLS-1-0-2015-04',
  'ELBSecurityPolicy-TLS-1-1-2017-01',
  'ELBSecurityPolicy-FS-2018-06',
  'ELBSecurityPolicy-FS-1-1-2019-08',
  'ELBSecurityPolicy-TLS13-1-0-2021-06',
  'ELBSecurityPolicy-TLS13-1-1-2021-06',
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-1-PQ-2025-09',
  'ELBSample-ELBDefaultCipherPolicy',
  'ELBSample-OpenSSLDefaultCipherPolicy',
];

const KIND_WORDS = { application: 'Application Load Balancer', network: 'Network Load Balancer', classic: 'Classic Load Balancer', gateway: 'Gateway Load Balancer' } as const;

/**
 * A load balancer as a network endpoint. WAF web ACLs protect Application Load Balancers only; every
 * internet-facing kind but the Gateway Load Balancer (which takes traffic from route tables, not from
 * the internet) needs CloudFront or Shield Advanced against floods.
 */
function loadBalancerEndpoint(lb: LoadBalancer): NetworkEndpoint {
  const kind = isKnown(lb.kind) ? lb.kind.value : undefined;
  const what = `Internet-facing ${KIND_WORDS[kind === 'network' || kind === 'classic' ? kind : 'application']}`;
  return networkEndpoint(lb, 'Load balancer', lb.internetFacing, 'vpc', {
    subnets: lb.subnets,
    ...(kind === 'application' && isTrue(lb.internetFacing) ? { waf: { what: 'internet-facing Application Load Balancer' } } : {}),
    ddos: { exposed: mapVal(lb.internetFacing, (f) => f && kind !== 'gateway'), what, unknown: 'whether the load balancer is internet-facing is unknown' },
  });
}

/** A listener as its endpoint's listener: the TLS policy judged against the old policies, the action that answers requests. */
function endpointListener(l: Listener): EndpointListener {
  const last = l.defaultActions[l.defaultActions.length - 1];
  const out: EndpointListener = { owner: l, protocol: l.protocol, port: l.port, tlsPolicy: l.sslPolicy, weakTls: isKnown(l.sslPolicy) && OLD_TLS_POLICIES.includes(l.sslPolicy.value) };
  if (last) out.action = last.redirectProtocol ? { type: last.type, redirectProtocol: last.redirectProtocol } : { type: last.type };
  if (l.instanceProtocol) out.backendProtocol = l.instanceProtocol;
  return out;
}

/** For every node id, the ids of the nodes of the given types that reference it (target group → listeners/rules). */
function referrers(graph: ResourceGraph, types: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of graph.ofType(...types)) {
    for (const id of new Set(referencedIds(n.properties))) {
      const list = out.get(id) ?? [];
      list.push(n.id);
      out.set(id, list);
    }
  }
  return out;
}

/**
 * A classic listener's back-end protocol when it is not set: the front-end protocol, which is what
 * the ELB API reports for such listeners (the API reference documents no other default).
 */
function backendDefault(front: Val<string>, origin: Origin): Val<string> {
  if (front.provenance === 'unknown') return front;
  return defaulted(front.value, origin, `${front.value}, the front-end protocol (instance protocol not set)`);
}

/** A redirect action without a protocol keeps the request's protocol (`#{protocol}`). */
const REDIRECT_DEFAULT = { value: '#{protocol}', assumed: "#{protocol}, the request's own protocol (redirect protocol not set)" };

/** The SSL policy a listener gets when it names none: the API default on TLS listeners, none otherwise. */
export function sslDefault(protocol: Val<string>): { value: string; assumed: string } {
  const tls = protocol.provenance !== 'unknown' && (protocol.value === 'HTTPS' || protocol.value === 'TLS' || protocol.value === 'SSL');
  return tls ? { value: DEFAULT_SSL_POLICY, assumed: DEFAULT_SSL_POLICY_ASSUMED } : { value: '', assumed: 'none (not a TLS listener)' };
}

/** Access logs as one kind encodes them: whether they are on, and the bucket they go to. */
export interface AccessLogs { enabled: Val<boolean>; bucket: Val<Link> | undefined }

/** A nested object as a kind writes it: a map (CloudFormation) or the first of a list of blocks (Terraform). */
export type Nested = { name: string; as: 'map' | 'block' };

/** How one input kind spells Elastic Load Balancing: types, property names, and how it encodes what differs. */
export interface ElbSpelling {
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  /** Internet-facing or internal (`Scheme` / `internal`), for both generations. */
  internetFacing: (r: PropertyReader) => Val<boolean>;
  loadBalancer: {
    types: string[];
    type: string;
    subnets: string;
    subnetMappings: string;
    subnetId: string;
    securityGroups: string;
    name: string;
    accessLogs: (r: PropertyReader) => AccessLogs;
  };
  listener: {
    types: string[];
    ruleTypes: string[];
    loadBalancer: string;
    /** The written protocol, or what the kind assumes without one. */
    protocol: (r: PropertyReader) => Val<string>;
    port: string;
    sslPolicy: string;
    defaultActions: string;
    action: {
      type: string;
      redirect: Nested;
      protocol: string;
      targetGroup: string;
      /** The first target group of a weighted forward action. */
      forwardTargetGroup: (a: SubReader) => Val<Link> | undefined;
    };
  };
  targetGroup: {
    types: string[];
    targetType: string;
    protocol: string;
    port: string;
    /** Targets registered inline (CloudFormation `Targets[].Id`). */
    targets?: { list: string; id: string };
  };
  /** Standalone registrations: target group attachments (Terraform). */
  targetGroupAttachments?: Attachment;
  classic: {
    type: string;
    subnets: string;
    securityGroups: string;
    name: string;
    accessLogs: (r: PropertyReader) => AccessLogs;
    instances: string;
    listeners: string;
    listenerProtocol: string;
    listenerPort: string;
    instanceProtocol: string;
    /** The SSL policy of one inline listener: made once per scan, asked per listener. */
    sslPolicies: (graph: ResourceGraph) => (lb: PropertyReader, listener: SubReader, port: Val<number>, protocol: Val<string>, origin: Origin) => Val<string>;
  };
  /** Standalone registrations with classic load balancers (Terraform `aws_elb_attachment`). */
  classicAttachments?: Attachment;
}

/** A registration resource: its types and the properties naming the group (or classic load balancer) and the target. */
export interface Attachment { types: string[]; targetGroup: string; target: string }

type LbKind = 'application' | 'network' | 'gateway' | 'classic';

const upper = (p: string): string => p.toUpperCase();

/** Reads every load balancer, listener, target group and registration with one input kind's spelling. */
export function adaptLoadBalancers(graph: ResourceGraph, model: CloudModel, s: ElbSpelling): void {
  const reader = (node: ResourceNode): PropertyReader => new PropertyReader(node, graph, s.properties);
  const n = s.loadBalancer;
  const endpoints = new Map<string, NetworkEndpoint>();
  for (const node of graph.ofType(...n.types)) {
    const r = reader(node);
    const logs = n.accessLogs(r);
    const lb: LoadBalancer = {
      resource: r.info(),
      kind: mapVal(r.str([n.type], { value: 'application', assumed: `application (${n.type} not set)` }), (t) => t.toLowerCase() as LbKind),
      internetFacing: s.internetFacing(r),
      subnets: [...r.links([n.subnets]), ...r.each([n.subnetMappings]).flatMap((m) => m.links([n.subnetId]))],
      securityGroups: r.links([n.securityGroups]),
      accessLogs: logs.enabled,
    };
    model.loadBalancers.push(lb);
    const endpoint = loadBalancerEndpoint(lb);
    endpoints.set(node.id, endpoint);
    model.facets.networkEndpoints.push(endpoint);
    model.facets.monitored.push(monitored(lb, 'Load balancer', { namespaces: ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/GatewayELB'], dimension: 'LoadBalancer', fullName: true, suggest: 'HTTPCode_ELB_5XX_Count, UnHealthyHostCount or TargetResponseTime', ...named(r.str([n.name])) }));
    const source = loadBalancerLogs(lb, logs.bucket);
    if (source) model.facets.logSources.push(source);
  }

  const l = s.listener;
  for (const node of graph.ofType(...l.types)) {
    const r = reader(node);
    const protocol = mapVal(l.protocol(r), upper);
    const listener: Listener = {
      resource: r.info(),
      loadBalancer: required(r.link([l.loadBalancer]), r.origin([l.loadBalancer]), l.loadBalancer),
      protocol,
      port: required(r.num([l.port]), r.origin([l.port]), l.port),
      sslPolicy: r.str([l.sslPolicy], sslDefault(protocol)),
      defaultActions: r.each([l.defaultActions]).map((a) => actionOf(a, l.action)),
    };
    model.listeners.push(listener);
    // Its endpoint: the load balancer it names, or the listener itself when that load balancer is not in the scan.
    const lbId = isKnown(listener.loadBalancer) ? listener.loadBalancer.value.id : undefined;
    const endpoint = lbId ? endpoints.get(lbId) : undefined;
    if (endpoint) endpoint.listeners.push(endpointListener(listener));
    else model.facets.networkEndpoints.push(networkEndpoint(listener, 'Load balancer', unknownVal(listener.loadBalancer.origin, 'the load balancer is not in the scan'), 'unknown', { listeners: [endpointListener(listener)] }));
  }

  const t = s.targetGroup;
  const users = referrers(graph, [...l.types, ...l.ruleTypes]);
  for (const node of graph.ofType(...t.types)) {
    const r = reader(node);
    const targetType = r.str([t.targetType], { value: 'instance', assumed: `instance (${t.targetType} not set)` });
    const lambda = targetType.provenance !== 'unknown' && targetType.value === 'lambda';
    const tg: TargetGroup = {
      resource: r.info(),
      protocol: mapVal(r.str([t.protocol]) ?? (lambda ? defaulted('', r.origin([t.protocol]), 'none (Lambda targets)') : unknownVal(r.origin([t.protocol]), `${t.protocol} is not set`)), upper),
      port: r.num([t.port]) ?? unknownVal(r.origin([t.port]), `${t.port} is not set`),
      targetType,
      usedBy: users.get(node.id) ?? [],
    };
    model.targetGroups.push(tg);
    if (t.targets) {
      const { list, id } = t.targets;
      r.each([list]).forEach((x, i) => {
        const target = x.link([id]);
        if (target) model.targetRegistrations.push({ resource: { ...tg.resource, id: `${node.id}#${list}[${i}]` }, targetGroup: explicit<Link>({ id: node.id }, x.origin()), target });
      });
    }
  }

  const c = s.classic;
  const sslPolicy = c.sslPolicies(graph);
  const classics = graph.ofType(c.type);
  for (const node of classics) {
    const r = reader(node);
    const info = r.info();
    const logs = c.accessLogs(r);
    const lb: LoadBalancer = {
      resource: info,
      kind: explicit('classic', r.origin([])),
      internetFacing: s.internetFacing(r),
      subnets: r.links([c.subnets]),
      securityGroups: r.links([c.securityGroups]),
      accessLogs: logs.enabled,
    };
    model.loadBalancers.push(lb);
    const endpoint = loadBalancerEndpoint(lb);
    model.facets.networkEndpoints.push(endpoint);
    model.facets.monitored.push(monitored(lb, 'Load balancer', { namespaces: ['AWS/ELB'], dimension: 'LoadBalancerName', suggest: 'UnHealthyHostCount, HTTPCode_ELB_5XX or Latency', ...named(r.str([c.name])) }));
    const source = loadBalancerLogs(lb, logs.bucket);
    if (source) model.facets.logSources.push(source);
    r.each([c.listeners]).forEach((x, i) => {
      const origin = x.origin();
      const protocol = mapVal(required(x.str([c.listenerProtocol]), origin, c.listenerProtocol), upper);
      const port = required(x.num([c.listenerPort]), origin, c.listenerPort);
      const listener: Listener = {
        resource: { ...info, id: `${info.id}#${c.listeners}[${i}]` },
        loadBalancer: explicit<Link>({ id: node.id }, origin),
        protocol,
        port,
        sslPolicy: sslPolicy(r, x, port, protocol, origin),
        defaultActions: [],
        instanceProtocol: mapVal(x.str([c.instanceProtocol]) ?? backendDefault(protocol, origin), upper),
      };
      model.listeners.push(listener);
      endpoint.listeners.push(endpointListener(listener));
    });
  }
  // Registrations, in one order for every kind: target groups', then classic load balancers'.
  if (s.targetGroupAttachments) attachments(graph, model, s.properties, s.targetGroupAttachments);
  for (const node of classics) {
    const r = reader(node);
    const info = r.info();
    r.links([c.instances]).forEach((target, i) => {
      model.targetRegistrations.push({ resource: { ...info, id: `${node.id}#${c.instances}[${i}]` }, targetGroup: explicit<Link>({ id: node.id }, target.origin), target });
    });
  }
  if (s.classicAttachments) attachments(graph, model, s.properties, s.classicAttachments);
}

function attachments(graph: ResourceGraph, model: CloudModel, properties: string, a: Attachment): void {
  for (const node of graph.ofType(...a.types)) {
    const r = new PropertyReader(node, graph, properties);
    model.targetRegistrations.push({ resource: r.info(), targetGroup: required(r.link([a.targetGroup]), r.origin([a.targetGroup]), a.targetGroup), target: required(r.link([a.target]), r.origin([a.target]), a.target) });
  }
}

function actionOf(a: SubReader, n: ElbSpelling['listener']['action']): ListenerAction {
  const origin = a.origin();
  const type = mapVal(required(a.str([n.type]), origin, n.type), (x) => x.toLowerCase());
  const action: ListenerAction = { type, origin };
  const redirect = nested(a, n.redirect);
  if (redirect) action.redirectProtocol = mapVal(redirect.str([n.protocol]) ?? defaulted(REDIRECT_DEFAULT.value, redirect.origin(), REDIRECT_DEFAULT.assumed), upper);
  const tg = a.link([n.targetGroup]) ?? n.forwardTargetGroup(a);
  if (tg) action.targetGroup = tg;
  return action;
}

function nested(a: SubReader, n: Nested): SubReader | undefined {
  if (n.as === 'map') return a.has([n.name]) ? a.at([n.name]) : undefined;
  return a.each([n.name])[0];
}
