import type { SecurityGroup, SecurityGroupRule } from './types.js';
import { coversInternet } from './cidr.js';
import { cidrOf, describeCidr, describePorts, groupName, parsedCidr, portsOf, ruleOwner } from './sg-rule.js';
import type { ModelResource, Val } from '../val.js';
import { isKnown } from '../val.js';

/** Administration and database ports that must never be open to the internet. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [20, 'FTP data'], [21, 'FTP'], [22, 'SSH'], [23, 'Telnet'], [135, 'Windows RPC'], [139, 'NetBIOS'], [445, 'SMB'],
  [1433, 'SQL Server'], [1521, 'Oracle'], [2049, 'NFS'], [2375, 'Docker API'], [2376, 'Docker API (TLS)'],
  [3306, 'MySQL/Aurora'], [3389, 'RDP'], [5432, 'PostgreSQL'], [5439, 'Redshift'], [5601, 'Kibana/OpenSearch Dashboards'],
  [5900, 'VNC'], [5984, 'CouchDB'], [6379, 'Redis'], [7199, 'Cassandra JMX'], [8020, 'HDFS NameNode'], [9042, 'Cassandra'],
  [9092, 'Kafka'], [9200, 'Elasticsearch/OpenSearch'], [9300, 'Elasticsearch/OpenSearch transport'], [11211, 'Memcached'],
  [2181, 'ZooKeeper'], [27017, 'MongoDB'], [27018, 'MongoDB'], [50070, 'HDFS web UI'],
]);

/** What an ingress rule from the internet opens, as the ingress rules report it. */
export type InternetIngress = {
  group: SecurityGroup;
  /** The resource a finding is reported on: the rule's own resource, or the group. */
  owner: ModelResource;
  /** The source range value (the finding's position). */
  cidr: Val<string>;
  data: { group: string; cidr: string; ports: string };
} & (
  | { kind: 'all-traffic' }
  | { kind: 'admin-port'; service: string }
  | { kind: 'open-port' }
  | { kind: 'invalid-ports'; at: Val<unknown>; reason: string }
  /** `about` says what is unknown: the source range, the ports, or whether only internet-facing load balancers use the group. */
  | { kind: 'undecided'; about: 'source' | 'ports' | 'attachments'; at: Val<unknown>; reason: string }
);

/**
 * Every ingress rule of the scan open to the whole internet (0.0.0.0/0, ::/0), classified. Rules
 * that only open the public web ports on groups used by internet-facing load balancers or CloudFront
 * origins are left out; unknown source ranges, ports or attachments are `undecided`.
 */
export function* internetIngress(groups: readonly SecurityGroup[], publicPorts: readonly number[]): Generator<InternetIngress> {
  for (const group of groups) {
    for (const rule of group.ingress) {
      const found = classify(group, rule, publicPorts);
      if (found) yield found;
    }
  }
}

function classify(group: SecurityGroup, rule: SecurityGroupRule, publicPorts: readonly number[]): InternetIngress | undefined {
  const cidr = cidrOf(rule);
  if (!cidr) return undefined;
  const owner = ruleOwner(group, rule);
  const name = groupName(group);
  if (!isKnown(cidr)) {
    return { kind: 'undecided', about: 'source', group, owner, cidr, at: cidr, reason: `source range of an ingress rule of ${name} is unknown: ${cidr.reason}`, data: { group: name, cidr: '?', ports: '?' } };
  }
  const range = parsedCidr(cidr);
  if (!range || !coversInternet(range)) return undefined;
  const described = describeCidr(cidr.value, range);
  const ports = portsOf(rule);
  if (!ports.ok) {
    const data = { group: name, cidr: described, ports: '?' };
    return ports.invalid
      ? { kind: 'invalid-ports', group, owner, cidr, at: ports.at, reason: ports.reason, data }
      : { kind: 'undecided', about: 'ports', group, owner, cidr, at: ports.at, reason: `an ingress rule of ${name} from ${cidr.value}: ${ports.reason}`, data };
  }
  const p = ports.ports;
  const data = { group: name, cidr: described, ports: describePorts(p) };
  if (p.all) return { kind: 'all-traffic', group, owner, cidr, data };
  // A database or cache security group opens the port its database listens on: a database port.
  if (p.service) return { kind: 'admin-port', group, owner, cidr, data, service: p.service.service };
  if (p.from >= 0) {
    const admin = [...ADMIN_PORTS].filter(([port]) => port >= p.from && port <= p.to);
    if (admin.length > 0) {
      const service = admin.slice(0, 3).map(([port, n]) => `${n} ${port}`).join(', ') + (admin.length > 3 ? ' …' : '');
      return { kind: 'admin-port', group, owner, cidr, data, service };
    }
    const onlyPublic = p.to - p.from < 65536 && rangeWithin(p.from, p.to, publicPorts);
    if (onlyPublic) {
      const facing = publicFacing(group);
      if (facing === true) return undefined;
      if (facing !== false) return { kind: 'undecided', about: 'attachments', group, owner, cidr, at: facing, reason: `whether ${name} is used only by internet-facing load balancers is unknown`, data };
    }
  }
  return { kind: 'open-port', group, owner, cidr, data };
}

function rangeWithin(from: number, to: number, allowed: readonly number[]): boolean {
  if (to - from > allowed.length) return false;
  for (let port = from; port <= to; port++) if (!allowed.includes(port)) return false;
  return true;
}

/**
 * True when every resource using the group is an internet-facing load balancer or a CloudFront origin;
 * false when one is not (or nothing uses it); the unknown value when that decides it.
 */
function publicFacing(group: SecurityGroup): boolean | Val<boolean> {
  if (group.attachments.length === 0) return false;
  let unknown: Val<boolean> | undefined;
  for (const a of group.attachments) {
    if (a.cloudFrontFacing) continue;
    if (a.kind !== 'load-balancer' || !a.internetFacing) return false;
    if (!isKnown(a.internetFacing)) { unknown ??= a.internetFacing; continue; }
    if (!a.internetFacing.value) return false;
  }
  return unknown ?? true;
}
