import type { ModelResource, Val } from '../val.js';
import { isKnown } from '../val.js';
import type { SecurityGroup, SecurityGroupRule } from './types.js';
import type { Cidr } from './cidr.js';
import { internetShare, parseCidr } from './cidr.js';

/**
 * What a security group rule means, for the rules that judge it: its peer range and the
 * ports it opens. Framework-neutral; shared by the sg-* rules.
 */

/** `all` with protocol `-1` is every protocol; with `tcp`/`udp` it is every port of that protocol. */
export type PortRange =
  | { all: true; protocol: string }
  | { all: false; from: number; to: number; protocol: string; service?: undefined }
  /** The one port a database or cache listens on, whichever it is (a DB/Redshift/ElastiCache security group rule). */
  | { all: false; from: -1; to: -1; protocol: string; service: { port: string; service: string } };

/** The ports a rule opens, or the value that could not be known. */
export function portsOf(rule: SecurityGroupRule): { ok: true; ports: PortRange } | { ok: false; at: Val<unknown>; reason: string; invalid?: true } {
  const p = rule.protocol;
  if (!isKnown(p)) return { ok: false, at: p, reason: `protocol unknown: ${p.reason}` };
  if (rule.servicePort) return { ok: true, ports: { all: false, from: -1, to: -1, protocol: p.value, service: rule.servicePort } };
  if (p.value === '-1') return { ok: true, ports: { all: true, protocol: '-1' } };
  if (p.value !== 'tcp' && p.value !== 'udp') {
    // ICMP types/codes and other protocols have no ports: judged as one narrow opening.
    return { ok: true, ports: { all: false, from: -1, to: -1, protocol: p.value } };
  }
  if (!isKnown(rule.fromPort)) return { ok: false, at: rule.fromPort, reason: `port unknown: ${rule.fromPort.reason}` };
  if (!isKnown(rule.toPort)) return { ok: false, at: rule.toPort, reason: `port unknown: ${rule.toPort.reason}` };
  let from = rule.fromPort.value;
  let to = rule.toPort.value;
  if (from === -1 && to === -1) { from = 0; to = 65535; }
  // AWS rejects such a rule; reading it as some range (or none) would be a guess.
  if (from > to) return { ok: false, invalid: true, at: rule.fromPort, reason: `from-port ${from} is above to-port ${to}, which AWS rejects as invalid` };
  if (from <= 0 && to >= 65535) return { ok: true, ports: { all: true, protocol: p.value } };
  return { ok: true, ports: { all: false, from, to, protocol: p.value } };
}

export function describePorts(r: PortRange): string {
  if (r.all) return r.protocol === '-1' ? 'every port and protocol' : `every ${r.protocol} port`;
  if (r.service) return r.service.port;
  if (r.from < 0) return `protocol ${r.protocol}`;
  return r.from === r.to ? `${r.protocol} port ${r.from}` : `${r.protocol} ports ${r.from}-${r.to}`;
}

/** The CIDR peer of a rule (IPv4 or IPv6), when it has one. */
export function cidrOf(rule: SecurityGroupRule): Val<string> | undefined {
  return rule.cidrIpv4 ?? rule.cidrIpv6;
}

/** The written range for messages, with how much of the internet it holds when it is not simply every address. */
export function describeCidr(text: string, c: Cidr): string {
  const share = internetShare(c);
  return share ? `${text} (${share})` : text;
}

/** Parses a known CIDR value; undefined for an unparseable one (an invalid template). */
export function parsedCidr(v: Val<string>): Cidr | undefined {
  return isKnown(v) ? parseCidr(v.value) : undefined;
}

/** The group's name for messages: its address. */
export function groupName(g: SecurityGroup): string {
  return g.resource.address;
}

/**
 * The resource a finding about a rule belongs to: the standalone rule resource when the rule is one
 * (so that two such rules of a group keep distinct fingerprints and their own suppressions), else the group.
 */
export function ruleOwner(group: SecurityGroup, rule: SecurityGroupRule): ModelResource {
  return rule.resource ? { resource: rule.resource } : group;
}
