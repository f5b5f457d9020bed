import type { ResourceGraph } from '../graph/graph.js';
import type { SecurityGroup, SecurityGroupRule } from './ec2/types.js';
import type { CloudModel } from './model.js';
import { PropertyReader } from './read.js';
import type { SubReader } from './read.js';
import { followAttribute } from './read-items.js';
import { addToGroup, makeRule } from './sg-rules.js';
import type { RulePeer } from './sg-rules.js';
import type { Link } from './val.js';
import { defaulted, unknownVal } from './val.js';

/**
 * The security groups of a service from before VPC security groups (DB security groups, Redshift
 * cluster security groups, ElastiCache cache security groups): each authorizes a CIDR range or an EC2
 * security group to reach the service. Their rules name no protocol or port — they open the port the
 * database or cache listens on — so they join the model as ingress of ordinary `SecurityGroup`s with
 * `servicePort` set, and the security group rules judge them like any other ingress.
 */

/** How one kind spells the ingress entry of such a group (inline or standalone). */
export interface ServiceIngressNames {
  cidr?: string;
  /** The EC2 security group authorized, by id and by name. */
  groupId?: string;
  groupName?: string;
}

/** How one input kind spells a service's security groups. */
export interface ServiceGroupSpelling {
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  /** What the rules open, for messages: `the DB instance's port` of an `RDS database`. */
  servicePort: { port: string; service: string };
  group: {
    type: string;
    name?: string;
    description?: string;
    vpc?: string;
    /** Inline ingress entries (`DBSecurityGroupIngress`, Terraform `ingress` blocks). */
    ingress?: string;
    names: ServiceIngressNames;
    /** A list of EC2 security group names authorized directly on the group (Terraform `security_group_names`). */
    groupNames?: string;
  };
  /** Standalone ingress resources and the property naming their group. */
  standalone?: { type: string; group: string; names: ServiceIngressNames };
}

/** Reads a service's security groups and their ingress into `model.securityGroups`. */
export function adaptServiceGroups(graph: ResourceGraph, model: CloudModel, s: ServiceGroupSpelling): void {
  const groups = new Map<string, SecurityGroup>();
  const g = s.group;
  for (const node of graph.ofType(g.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const group: SecurityGroup = {
      resource: r.info(),
      name: (g.name ? r.str([g.name]) : undefined) ?? (g.description ? r.str([g.description]) : undefined) ?? defaulted('', r.origin([]), 'a generated name'),
      vpc: (g.vpc ? r.link([g.vpc]) : undefined) ?? defaulted<Link>({}, r.origin([]), 'no VPC named'),
      ingress: [
        ...(g.ingress ? r.each([g.ingress]).flatMap((e) => rulesOf(e, g.names, s.servicePort)) : []),
        ...(g.groupNames ? r.links([g.groupNames]).map((peerGroup) => serviceRule(peerGroup.origin, { peerGroup }, s.servicePort)) : []),
      ],
      egress: [],
      attachments: [],
    };
    groups.set(node.id, group);
    model.securityGroups.push(group);
  }
  if (!s.standalone) return;
  const outside: SecurityGroup[] = [];
  const a = s.standalone;
  for (const node of graph.ofType(a.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const rules = rulesOf(r.at([]), a.names, s.servicePort);
    for (const rule of rules) rule.resource = r.info();
    const groupLink = r.link([a.group]);
    addToGroup(groups, outside, groupLink, rules, () => ({
      resource: r.info(),
      name: groupLink && groupLink.provenance !== 'unknown' ? { ...groupLink, value: groupLink.value.literal ?? groupLink.value.id ?? '' } : unknownVal(r.origin([a.group]), `no ${a.group}`),
      vpc: unknownVal(r.origin([a.group]), 'the group is not declared in the scan'),
      ingress: [], egress: [], attachments: [],
    }));
  }
  model.securityGroups.push(...outside);
}

/** The rules of one ingress entry: one per peer it authorizes (a CIDR range, an EC2 security group). */
function rulesOf(e: SubReader, n: ServiceIngressNames, servicePort: ServiceGroupSpelling['servicePort']): SecurityGroupRule[] {
  const origin = e.origin();
  const peers: RulePeer[] = [];
  const cidr = n.cidr ? followAttribute(e, [n.cidr]) ?? e.str([n.cidr]) : undefined;
  if (cidr) peers.push(cidr.provenance !== 'unknown' && cidr.value.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr });
  const peerGroup = (n.groupId ? e.link([n.groupId]) : undefined) ?? (n.groupName ? e.link([n.groupName]) : undefined);
  if (peerGroup) peers.push({ peerGroup });
  return peers.map((p) => serviceRule(origin, p, servicePort));
}

function serviceRule(origin: SecurityGroupRule['origin'], peer: RulePeer, servicePort: ServiceGroupSpelling['servicePort']): SecurityGroupRule {
  const why = `${servicePort.port}: the rule names no port`;
  const rule = makeRule({ direction: 'ingress', protocol: defaulted('tcp', origin, `TCP to ${servicePort.port}`), fromPort: unknownVal(origin, why), toPort: unknownVal(origin, why), origin }, peer);
  rule.servicePort = servicePort;
  return rule;
}

