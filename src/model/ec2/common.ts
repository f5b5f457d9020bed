import type { Link, Origin, Val } from '../val.js';
import { explicit, unknownVal } from '../val.js';
import { PropertyReader } from '../read.js';
import type { SubReader } from '../read.js';
import type { SecurityGroup, SecurityGroupRule } from './types.js';

/**
 * Helpers shared by the EC2 adapters of both input kinds. Nothing here knows a
 * property spelling: the adapters pass their own.
 */

/** IANA protocol numbers and names AWS accepts, normalised to the model spelling. */
const PROTOCOLS: Record<string, string> = { '-1': '-1', all: '-1', '6': 'tcp', tcp: 'tcp', '17': 'udp', udp: 'udp', '1': 'icmp', icmp: 'icmp', '58': 'icmpv6', icmpv6: 'icmpv6' };

export function normaliseProtocol(v: Val<string>): Val<string> {
  if (v.provenance === 'unknown') return v;
  const p = v.value.trim().toLowerCase();
  return { ...v, value: PROTOCOLS[p] ?? p };
}

/** Maps a known value, keeping its origin and provenance. */
export function mapVal<A, B>(v: Val<A>, f: (a: A) => B): Val<B> {
  if (v.provenance === 'unknown') return v;
  return { ...v, value: f(v.value) } as Val<B>;
}

/** A value that must be present: the given one, or unknown anchored where it should be. */
export function required<T>(v: Val<T> | undefined, origin: Origin, what: string): Val<T> {
  return v ?? unknownVal(origin, `${what} is not set`);
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

/**
 * Reads a list of strings one item at a time (Terraform `cidr_blocks`), so that each
 * item keeps its own origin. A list that cannot be known as a whole is one unknown value.
 */
export function eachString(r: PropertyReader | SubReader, path: readonly (string | number)[]): Val<string>[] {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return [];
  if (v.kind === 'list') return v.items.map((_, i) => followAttribute(r, [...path, i]) ?? r.str([...path, i])!).filter((x) => x !== undefined);
  const one = followAttribute(r, path) ?? r.str(path);
  return one ? [one] : [];
}

/**
 * A reference to another resource's attribute that the template itself sets (`aws_vpc.main.cidr_block`):
 * the value written there, with its origin. Undefined for anything else.
 */
export function followAttribute(r: PropertyReader | SubReader, path: readonly (string | number)[]): Val<string> | undefined {
  const v = r.value(path);
  if (v?.kind !== 'ref' || !v.attribute) return undefined;
  const parent = r instanceof PropertyReader ? r : r.parent;
  const target = parent.graph.get(v.target);
  if (!target || !target.properties.entries.has(v.attribute)) return undefined;
  const found = new PropertyReader(target, parent.graph, '').str([v.attribute]);
  const here = r.str(path);
  // The value written on the other resource, pointed at where this rule uses it.
  return found?.provenance === 'explicit' && here ? explicit(found.value, here.origin) : undefined;
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

export function explicitLink(id: string, origin: Origin): Val<Link> {
  return explicit<Link>({ id }, origin);
}

/** Terraform resources only (data sources have the same type names). */
export function managed<T extends { mode: string }>(nodes: T[]): T[] {
  return nodes.filter((n) => n.mode === 'managed');
}
