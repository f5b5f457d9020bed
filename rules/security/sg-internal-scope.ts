import { defineRule } from '../../src/engine/rule.js';
import type { Cidr } from '../../src/model/ec2/cidr.js';
import { cidrContains, coversInternet, hostBits, isLoopback, isPrivate, parseCidr } from '../../src/model/ec2/cidr.js';
import type { SecurityGroup, Vpc } from '../../src/model/ec2/types.js';
import { cidrOf, describePorts, groupName, parsedCidr, portsOf, ruleOwner } from '../../src/model/ec2/sg-rule.js';
import type { Val } from '../../src/model/val.js';
import { isKnown } from '../../src/model/val.js';

/** Without the VPC's range, internal ranges wider than these are taken as broader than any one VPC needs. */
const WIDEST_UNKNOWN_VPC = { 4: 16, 6: 56 } as const;

export default defineRule({
  meta: {
    id: 'sg-internal-scope',
    title: 'Internal security group rules are scoped to what needs access',
    checks: 'all ports from a CIDR, ranges wider than the VPC where a group reference would do',
    severity: 'medium',
    controls: ['1.15'],
    rationale:
      'Inside a network, a rule that opens every port to a range, or that admits a private range wider than the VPC itself ' +
      '(10.0.0.0/8 into a 10.0.0.0/16 VPC), lets every workload of every peered network or on-premises site reach the resource. ' +
      'Lateral movement after a compromise follows exactly these rules.',
    remediation:
      'Open only the ports the service listens on, and name the callers by their security group (SourceSecurityGroupId, ' +
      'source_security_group_id, referenced_security_group_id) or by the narrowest subnet range instead of a broad CIDR.',
    messages: {
      allPorts: 'Security group {{group}} allows {{ports}} from {{cidr}}: open only the ports the service uses, to the callers\' security group.',
      widerThanVpc: 'Security group {{group}} admits {{cidr}} on {{ports}}, a range wider than its VPC ({{vpc}}): reference the callers\' security group instead.',
      broadRange: 'Security group {{group}} admits {{cidr}} on {{ports}}, a private range wider than /{{limit}} (the VPC\'s range is not known): reference the callers\' security group instead.',
    },
    precision: 'high',
    tags: ['security', 'network', 'security-group'],
    examples: {
      cloudformation: {
        fail: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 10.0.0.0/8
`,
        pass: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 10.0.1.0/24
`,
      },
      terraform: {
        fail: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "db" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`,
        pass: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "db" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.1.0/24"]
  }
}
`,
      },
    },
  },
  check(ctx) {
    const vpcs = new Map(ctx.model.vpcs.map((v) => [v.resource.id, v]));
    for (const group of ctx.model.securityGroups) {
      for (const rule of group.ingress) {
        const cidr = cidrOf(rule);
        if (!cidr) continue;
        if (!isKnown(cidr)) {
          ctx.undecidable(ruleOwner(group, rule), cidr, `source range of an ingress rule of ${groupName(group)} is unknown: ${cidr.reason}`);
          continue;
        }
        const range = parsedCidr(cidr);
        // The internet is sg-restricted-ingress's concern; loopback sources never arrive from the network.
        if (!range || coversInternet(range) || isLoopback(range)) continue;
        const ports = portsOf(rule);
        if (!ports.ok) {
          ctx.undecidable(ruleOwner(group, rule), ports.at, `an ingress rule of ${groupName(group)} from ${cidr.value}: ${ports.reason}`);
          continue;
        }
        const data = { group: groupName(group), cidr: cidr.value, ports: describePorts(ports.ports) };
        if (ports.ports.all) {
          ctx.report({ messageId: 'allPorts', at: cidr, resource: ruleOwner(group, rule), data });
          continue;
        }
        if (!isPrivate(range)) continue;
        const vpcRanges = rangesOf(group, vpcs);
        if (vpcRanges === 'unknown-vpc') {
          const limit = WIDEST_UNKNOWN_VPC[range.version];
          if (range.prefix < limit) ctx.report({ messageId: 'broadRange', at: cidr, resource: ruleOwner(group, rule), data: { ...data, limit } });
          continue;
        }
        if (!Array.isArray(vpcRanges)) {
          ctx.undecidable(ruleOwner(group, rule), vpcRanges, `the range of the VPC of ${groupName(group)} is unknown`);
          continue;
        }
        const same = vpcRanges.filter((v) => v.cidr.version === range.version);
        if (same.length === 0) continue;
        // Wider than the VPC: it contains a range of the VPC, and addresses outside all of them.
        const inside = same.filter((v) => cidrContains(range, v.cidr));
        const covered = inside.reduce((n, v) => n + (1n << BigInt(hostBits(v.cidr))), 0n);
        if (inside.length > 0 && covered < 1n << BigInt(hostBits(range))) {
          ctx.report({ messageId: 'widerThanVpc', at: cidr, resource: ruleOwner(group, rule), data: { ...data, vpc: same.map((v) => v.text).join(', ') } });
        }
      }
    }
  },
});

/** The group's VPC ranges; 'unknown-vpc' when the VPC is not in the scan; an unknown value when a range of it is unknown. */
function rangesOf(group: SecurityGroup, vpcs: Map<string, Vpc>): { cidr: Cidr; text: string }[] | 'unknown-vpc' | Val<string> {
  const id = isKnown(group.vpc) ? group.vpc.value.id : undefined;
  const vpc = id ? vpcs.get(id) : undefined;
  if (!vpc) return 'unknown-vpc';
  const out: { cidr: Cidr; text: string }[] = [];
  for (const block of vpc.cidrBlocks) {
    if (!isKnown(block)) return block;
    const c = parseCidr(block.value);
    if (c) out.push({ cidr: c, text: block.value });
  }
  return out.length ? out : 'unknown-vpc';
}
