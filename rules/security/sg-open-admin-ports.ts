import { defineRule } from '../../src/engine/rule.js';
import { internetIngress } from '../../src/model/ec2/internet-ingress.js';

export default defineRule({
  meta: {
    id: 'sg-open-admin-ports',
    title: 'Security groups do not open administration or database ports, or all traffic, to the internet',
    checks: 'ingress from 0.0.0.0/0 or ::/0 to SSH, RDP, database and other administration ports, or to every port; DB, Redshift and ElastiCache security groups (which open the database\'s port) too',
    severity: 'critical',
    controls: ['1.15'],
    rationale:
      'Administration and database ports (SSH, RDP, MySQL, PostgreSQL, Redis, the Docker API …) open to 0.0.0.0/0 or ::/0, and ' +
      'rules that open every port, are the first thing internet scanners probe: one weak password or unpatched service and ' +
      'the instance or database is taken. Other ports open to the internet are `sg-restricted-ingress`, one severity lower.',
    remediation:
      'Reach instances through Session Manager or a bastion whose security group is referenced instead of a CIDR, reach ' +
      'databases only from the application\'s security group, and narrow any remaining source to the addresses that need it ' +
      '(a VPN or office range, a prefix list).',
    messages: {
      allTraffic: 'Security group {{group}} allows {{ports}} from {{cidr}}: everything behind it is reachable from the internet.',
      adminPort: 'Security group {{group}} opens {{ports}} ({{service}}) to {{cidr}}: administration and database ports must not be reachable from the internet.',
    },
    precision: 'very-high',
    tags: ['security', 'network', 'security-group'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  AdminSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: admin access\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
        pass: 'Resources:\n  AdminSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: admin access\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 203.0.113.0/24\n',
      },
      terraform: {
        fail: 'resource "aws_security_group" "admin" {\n  name = "admin"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
        pass: 'resource "aws_security_group" "admin" {\n  name = "admin"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["203.0.113.0/24"]\n  }\n}\n',
      },
    },
  },
  check(ctx) {
    for (const found of internetIngress(ctx.model.securityGroups, ctx.settings.publicPorts)) {
      const { owner, data } = found;
      // Whether only load balancers use the group does not change what an administration port risks.
      if (found.kind === 'undecided' && found.about !== 'attachments') ctx.undecidable(owner, found.at, found.reason);
      else if (found.kind === 'all-traffic') ctx.report({ messageId: 'allTraffic', at: found.cidr, resource: owner, data });
      else if (found.kind === 'admin-port') ctx.report({ messageId: 'adminPort', at: found.cidr, resource: owner, data: { ...data, service: found.service } });
    }
  },
});
