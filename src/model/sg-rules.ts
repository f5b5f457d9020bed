import type { Link, Origin, Val } from './val.js';
import type { SecurityGroup, SecurityGroupRule } from './ec2/types.js';

/**
 * Building the model's security group rules (`SecurityGroupRule`, one per peer) for every adapter
 * that has ingress-like constructs: EC2 security groups and their standalone rules, and the
 * database/cache security groups of RDS, Redshift and ElastiCache. Nothing here knows a property
 * spelling: the adapters pass their own.
 */

/** IANA protocol numbers and names AWS accepts, normalised to the model spelling. */
const PROTOCOLS: Record<string, string> = { '-1': '-1', all: '-1', '6': 'tcp', tcp: 'tcp', '17': 'udp', udp: 'udp', '1': 'icmp', icmp: 'icmp', '58': 'icmpv6', icmpv6: 'icmpv6' };

export function normaliseProtocol(v: Val<string>): Val<string> {
  if (v.provenance === 'unknown') return v;
  const p = v.value.trim().toLowerCase();
  return { ...v, value: PROTOCOLS[p] ?? p };
}

/** The peer of a rule split into one model rule per CIDR/peer, each with its own origin. */
export interface RulePeer {
  cidrIpv4?: Val<string>;
  cidrIpv6?: Val<string>;
  peerGroup?: Val<Link>;
  prefixList?: Val<string>;
}

/** The part of a rule every peer shares. */
export interface RuleCore {
  direction: 'ingress' | 'egress';
  protocol: Val<string>;
  fromPort: Val<number>;
  toPort: Val<number>;
  description?: Val<string>;
  origin: Origin;
}

export function makeRule(core: RuleCore, peer: RulePeer, implicit = false): SecurityGroupRule {
  const rule: SecurityGroupRule = { direction: core.direction, protocol: core.protocol, fromPort: core.fromPort, toPort: core.toPort, origin: core.origin, implicit };
  if (peer.cidrIpv4) rule.cidrIpv4 = peer.cidrIpv4;
  if (peer.cidrIpv6) rule.cidrIpv6 = peer.cidrIpv6;
  if (peer.peerGroup) rule.peerGroup = peer.peerGroup;
  if (peer.prefixList) rule.prefixList = peer.prefixList;
  if (core.description) rule.description = core.description;
  return rule;
}

/** Adds a standalone rule to the group it names, or to a stand-in group when the group is not in the scan. */
export function addToGroup(groups: Map<string, SecurityGroup>, outside: SecurityGroup[], groupLink: Val<Link> | undefined, rules: SecurityGroupRule[], standIn: () => SecurityGroup): void {
  const id = groupLink && groupLink.provenance !== 'unknown' ? groupLink.value.id : undefined;
  const g = id ? groups.get(id) : undefined;
  if (g) {
    for (const rule of rules) (rule.direction === 'ingress' ? g.ingress : g.egress).push(rule);
    return;
  }
  // A group outside the scan (a literal id, an import): the rule is still checked on its own.
  const s = standIn();
  for (const rule of rules) (rule.direction === 'ingress' ? s.ingress : s.egress).push(rule);
  outside.push(s);
}
