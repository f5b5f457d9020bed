import { defineRule } from '../../src/engine/rule.js';
import { coversInternet } from '../../src/model/ec2/cidr.js';
import { cidrOf, describeCidr, describePorts, groupName, parsedCidr, portsOf, ruleOwner } from '../../src/model/ec2/sg-rule.js';
import { isKnown } from '../../src/model/val.js';

export default defineRule({
  meta: {
    id: 'sg-restricted-egress',
    title: 'Security groups do not allow all outbound traffic to the internet',
    checks: 'all traffic out to the internet, including the implicit egress of a CloudFormation group that declares none',
    severity: 'medium',
    controls: ['1.15'],
    rationale:
      'An egress rule that allows every port and protocol to 0.0.0.0/0 or ::/0 lets a compromised resource reach any host on the ' +
      'internet: command-and-control servers, data exfiltration endpoints. A CloudFormation security group that declares no egress ' +
      'keeps the default egress rule AWS gives every new group, which allows exactly that.',
    remediation:
      'Declare the egress each group needs: the ports and destinations (security groups, prefix lists, VPC endpoints, a proxy) its ' +
      'workload talks to. In CloudFormation, declaring any SecurityGroupEgress entry removes the default allow-all rule; with the CDK, ' +
      'set allowAllOutbound: false and add the rules you need.',
    messages: {
      allTraffic: 'Security group {{group}} allows {{ports}} out to {{cidr}}: it can reach any host on the internet.',
      implicitAllTraffic: 'Security group {{group}} declares no egress rule of its own, so it keeps {{assumed}}: it can reach any host on the internet.',
    },
    precision: 'very-high',
    tags: ['security', 'network', 'security-group'],
    examples: {
      cloudformation: {
        fail: `Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
`,
        pass: `Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
`,
      },
      terraform: {
        fail: `resource "aws_security_group" "app" {
  name = "app"
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
        pass: `resource "aws_security_group" "app" {
  name = "app"
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      },
    },
  },
  check(ctx) {
    for (const group of ctx.model.securityGroups) {
      for (const rule of group.egress) {
        const cidr = cidrOf(rule);
        if (!cidr) continue;
        if (!isKnown(cidr)) {
          ctx.undecidable(ruleOwner(group, rule), cidr, `destination range of an egress rule of ${groupName(group)} is unknown: ${cidr.reason}`);
          continue;
        }
        const range = parsedCidr(cidr);
        if (!range || !coversInternet(range)) continue;
        const ports = portsOf(rule);
        if (!ports.ok) {
          ctx.undecidable(ruleOwner(group, rule), ports.at, `an egress rule of ${groupName(group)} to ${cidr.value}: ${ports.reason}`);
          continue;
        }
        if (!ports.ports.all) continue;
        if (rule.implicit) {
          const assumed = cidr.provenance === 'default' ? cidr.assumed : 'the default egress rule of a new security group (all protocols to 0.0.0.0/0)';
          ctx.report({ messageId: 'implicitAllTraffic', at: group, resource: ruleOwner(group, rule), data: { group: groupName(group), assumed } });
        } else {
          ctx.report({ messageId: 'allTraffic', at: cidr, resource: ruleOwner(group, rule), data: { group: groupName(group), cidr: describeCidr(cidr.value, range), ports: describePorts(ports.ports) } });
        }
      }
    }
  },
});
