import { defineRule } from '../../src/engine/rule.js';
import type { SecurityGroup } from '../../src/model/ec2/types.js';
import { coversInternet } from '../../src/model/ec2/cidr.js';
import { cidrOf, describeCidr, describePorts, groupName, parsedCidr, portsOf, ruleOwner } from '../../src/model/ec2/sg-rule.js';
import type { Val } from '../../src/model/val.js';
import { isKnown } from '../../src/model/val.js';

/** Administration and database ports that must never be open to the internet. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [20, 'FTP data'], [21, 'FTP'], [22, 'SSH'], [23, 'Telnet'], [135, 'Windows RPC'], [139, 'NetBIOS'], [445, 'SMB'],
  [1433, 'SQL Server'], [1521, 'Oracle'], [2049, 'NFS'], [2375, 'Docker API'], [2376, 'Docker API (TLS)'],
  [3306, 'MySQL/Aurora'], [3389, 'RDP'], [5432, 'PostgreSQL'], [5439, 'Redshift'], [5601, 'Kibana/OpenSearch Dashboards'],
  [5900, 'VNC'], [5984, 'CouchDB'], [6379, 'Redis'], [7199, 'Cassandra JMX'], [8020, 'HDFS NameNode'], [9042, 'Cassandra'],
  [9092, 'Kafka'], [9200, 'Elasticsearch/OpenSearch'], [9300, 'Elasticsearch/OpenSearch transport'], [11211, 'Memcached'],
  [2181, 'ZooKeeper'], [27017, 'MongoDB'], [27018, 'MongoDB'], [50070, 'HDFS web UI'],
]);

export default defineRule({
  meta: {
    id: 'sg-restricted-ingress',
    title: 'Security groups do not open ports to the whole internet',
    checks: 'ingress from 0.0.0.0/0 or ::/0; critical on admin/database ports and all traffic; 80/443 allowed on groups used only by internet-facing load balancers or CloudFront',
    severity: 'high',
    controls: ['1.15'],
    rationale:
      'A security group rule from 0.0.0.0/0 or ::/0 lets anyone on the internet reach the port. Administration and database ports ' +
      '(SSH, RDP, MySQL, PostgreSQL, Redis …) and rules that open every port are the first thing scanners probe; other ports widen ' +
      'the attack surface. Only the public web ports of internet-facing load balancers or CloudFront origins need to be open to everyone.',
    remediation:
      'Narrow the source to the addresses that need access (a VPN or office range, a prefix list), or reference the security group of ' +
      'the load balancer or bastion instead of a CIDR. Reach instances through Session Manager rather than opening SSH or RDP.',
    messages: {
      allTraffic: 'Security group {{group}} allows {{ports}} from {{cidr}}: everything behind it is reachable from the internet.',
      adminPort: 'Security group {{group}} opens {{ports}} ({{service}}) to {{cidr}}: administration and database ports must not be reachable from the internet.',
      openPort: 'Security group {{group}} opens {{ports}} to {{cidr}}, and it is not attached only to internet-facing load balancers or CloudFront origins.',
      invalidPorts: 'Security group {{group}} has an ingress rule from {{cidr}} whose {{reason}}: the template does not deploy, and which ports it meant to open cannot be told.',
    },
    precision: 'very-high',
    tags: ['security', 'network', 'security-group'],
    examples: {
      cloudformation: {
        fail: `Resources:
  AdminSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin access
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`,
        pass: `Resources:
  AdminSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin access
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 203.0.113.0/24
`,
      },
      terraform: {
        fail: `resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
        pass: `resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}
`,
      },
    },
  },
  check(ctx) {
    for (const group of ctx.model.securityGroups) {
      for (const rule of group.ingress) {
        const cidr = cidrOf(rule);
        if (!cidr) continue;
        if (!isKnown(cidr)) {
          ctx.undecidable(ruleOwner(group, rule), cidr, `source range of an ingress rule of ${groupName(group)} is unknown: ${cidr.reason}`);
          continue;
        }
        const range = parsedCidr(cidr);
        if (!range || !coversInternet(range)) continue;
        const ports = portsOf(rule);
        if (!ports.ok && ports.invalid) {
          ctx.report({ messageId: 'invalidPorts', at: ports.at, resource: ruleOwner(group, rule), data: { group: groupName(group), cidr: describeCidr(cidr.value, range), reason: ports.reason } });
          continue;
        }
        if (!ports.ok) {
          ctx.undecidable(ruleOwner(group, rule), ports.at, `an ingress rule of ${groupName(group)} from ${cidr.value}: ${ports.reason}`);
          continue;
        }
        const p = ports.ports;
        const data = { group: groupName(group), cidr: describeCidr(cidr.value, range), ports: describePorts(p) };
        if (p.all) {
          ctx.report({ messageId: 'allTraffic', at: cidr, resource: ruleOwner(group, rule), data, severity: 'critical' });
          continue;
        }
        if (p.from >= 0) {
          const admin = [...ADMIN_PORTS].filter(([port]) => port >= p.from && port <= p.to);
          if (admin.length > 0) {
            const service = admin.slice(0, 3).map(([port, name]) => `${name} ${port}`).join(', ') + (admin.length > 3 ? ' …' : '');
            ctx.report({ messageId: 'adminPort', at: cidr, resource: ruleOwner(group, rule), data: { ...data, service }, severity: 'critical' });
            continue;
          }
          const publicPorts = ctx.settings.publicPorts;
          const onlyPublic = p.to - p.from < 65536 && rangeWithin(p.from, p.to, publicPorts);
          if (onlyPublic) {
            const facing = publicFacing(group);
            if (facing === true) continue;
            if (facing !== false) {
              ctx.undecidable(ruleOwner(group, rule), facing, `whether ${groupName(group)} is used only by internet-facing load balancers is unknown`);
              continue;
            }
          }
        }
        ctx.report({ messageId: 'openPort', at: cidr, resource: ruleOwner(group, rule), data, severity: 'high' });
      }
    }
  },
});

function rangeWithin(from: number, to: number, allowed: number[]): boolean {
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
