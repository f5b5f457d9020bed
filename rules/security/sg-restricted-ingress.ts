import { defineRule } from '../../src/engine/rule.js';
import { internetIngress } from '../../src/model/ec2/internet-ingress.js';

export default defineRule({
  meta: {
    id: 'sg-restricted-ingress',
    title: 'Security groups do not open ports to the whole internet',
    checks: 'ingress from 0.0.0.0/0 or ::/0 to other ports than administration and database ports (those, and all traffic: `sg-open-admin-ports`); 80/443 allowed on groups used only by internet-facing load balancers or CloudFront',
    severity: 'high',
    controls: ['1.15'],
    rationale:
      'A security group rule from 0.0.0.0/0 or ::/0 lets anyone on the internet reach the port and widens the attack surface. ' +
      'Administration and database ports and rules that open every port are `sg-open-admin-ports`, one severity higher. Only the public web ports of internet-facing load balancers or CloudFront origins need to be open to everyone.',
    remediation:
      'Narrow the source to the addresses that need access (a VPN or office range, a prefix list), or reference the security group of ' +
      'the load balancer or bastion instead of a CIDR. Reach instances through Session Manager rather than opening SSH or RDP.',
    messages: {
      openPort: 'Security group {{group}} opens {{ports}} to {{cidr}}, and it is not attached only to internet-facing load balancers or CloudFront origins.',
      invalidPorts: 'Security group {{group}} has an ingress rule from {{cidr}} whose {{reason}}: the template does not deploy, and which ports it meant to open cannot be told.',
    },
    precision: 'very-high',
    tags: ['security', 'network', 'security-group'],
    examples: {
      cloudformation: {
        fail: `Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app access
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 0.0.0.0/0
`,
        pass: `Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app access
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 203.0.113.0/24
`,
      },
      terraform: {
        fail: `resource "aws_security_group" "app" {
  name = "app"
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
        pass: `resource "aws_security_group" "app" {
  name = "app"
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}
`,
      },
    },
  },
  check(ctx) {
    for (const found of internetIngress(ctx.model.securityGroups, ctx.settings.publicPorts)) {
      const { owner, data } = found;
      if (found.kind === 'undecided') ctx.undecidable(owner, found.at, found.reason);
      else if (found.kind === 'invalid-ports') ctx.report({ messageId: 'invalidPorts', at: found.at, resource: owner, data: { group: data.group, cidr: data.cidr, reason: found.reason } });
      else if (found.kind === 'open-port') ctx.report({ messageId: 'openPort', at: found.cidr, resource: owner, data });
      // All traffic and administration ports are sg-open-admin-ports (critical).
    }
  },
});
