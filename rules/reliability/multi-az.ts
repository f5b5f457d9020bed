import { defineRule } from '../../src/engine/rule.js';
import type { Instance, Subnet } from '../../src/model/ec2/types.js';
import type { DefaultVal, ExplicitVal, Link, ModelResource, Val } from '../../src/model/val.js';
import type { Zone } from '../../src/model/zone.js';
import { describeZone, zoneKey } from '../../src/model/zone.js';
import { byId, how, undecided, isFalse, isKnown, isTrue, property } from '../../src/engine/kit.js';

/** The alternative the finding names: a group, or a documented exception. */
const GROUP = 'Run this work in an Auto Scaling group over subnets in two or more Availability Zones (even MinSize 1 / MaxSize 1 replaces the instance in another zone), or an instance of the same role in another zone; where one instance is the documented choice (a bastion used only for maintenance), suppress this finding with that reason.';

export default defineRule({
  meta: {
    id: 'multi-az',
    title: 'The workload survives the loss of one Availability Zone',
    checks: 'RDS, Aurora, DocumentDB, Neptune, ElastiCache, Redshift, OpenSearch (nodes, zone awareness, dedicated masters, VPC subnets), EFS One Zone, subnets of load balancers, auto scaling groups, ECS services, Lambda functions, EKS node groups and Fargate profiles, MSK brokers and DB/cache/DocumentDB/Neptune subnet groups in fewer than two AZs, NAT gateways in only one AZ of a multi-AZ VPC, lone EC2 instances (serving a load balancer on their own, or the only instance of their role) outside Auto Scaling groups',
    severity: 'high',
    controls: ['2.8'],
    rationale:
      'A solution must keep working when one Availability Zone fails (checklist 2.8). An RDS instance without Multi-AZ, an ' +
      'Aurora, DocumentDB or Neptune cluster with a single instance, an OpenSearch domain with one data node or without zone awareness, an ElastiCache replication group without automatic failover and Multi-AZ, a ' +
      'single-node or single-AZ cache cluster and an EFS One Zone file system all stop, or lose data, with their zone. Load ' +
      'balancers, auto scaling groups, EKS managed node groups and Fargate profiles, MSK brokers (one per client subnet) and DB, cache, DocumentDB and Neptune subnet groups need subnets in at least two zones, and a VPC whose ' +
      'subnets span several zones needs a NAT gateway in more than one of them. A ' +
      'zone-aware OpenSearch domain without dedicated master nodes is reported too: its data nodes must also elect a master ' +
      'when a zone fails, and AWS recommends three dedicated masters for production domains. Read replicas and ' +
      'the instances of an Aurora cluster are judged through their source and cluster. Aurora clusters are judged by the ' +
      'instances declared in the scan, and so are DocumentDB and Neptune clusters. Subnets are followed through module outputs, ' +
      '`count` and `Fn::GetAZs` / `aws_availability_zones` indexes; a subnet list read from an SSM parameter, a parameter without ' +
      'default or a lookup, or a subnet whose zone cannot be known, is reported as undecidable, never as a finding. ' +
      'An OpenSearch domain in a VPC whose zone awareness is not written is judged by its `VPCOptions` subnets: subnets ' +
      'in two or more zones count as zone awareness (the dedicated-master question follows), one zone is a finding. MSK ' +
      'Serverless clusters are multi-AZ by design and not judged. ' +
      'Lone EC2 instances: an instance outside an Auto Scaling group does work a group should do when (1) it serves a load ' +
      'balancer — registered in a target group (`Targets`, `aws_lb_target_group_attachment`) or a classic load balancer — and ' +
      'the instances registered there all run in one zone, with no Auto Scaling group serving the same target group ' +
      '(`TargetGroupARNs`, `target_group_arns`, `aws_autoscaling_attachment`); or (2) it is the only instance of its role, or ' +
      'all instances of its role run in one zone: instances of one deployment unit launched from the same launch template, ' +
      'else with the same set of security groups, do one job (AWS groups servers by role with security groups), and an ' +
      'instance of that role in another zone keeps the job running. One instance always runs in one zone, so a lone ' +
      'instance is reported even when its subnet is not known; for several, unknown zones (subnets read from SSM ' +
      'parameters, `count` / `for_each` that cannot be evaluated, a security group or launch template that cannot be read) ' +
      'are notices. A bastion or build host that is deliberately single is the documented exception: suppress the finding with ' +
      'that reason. Instances in a target group are judged with that group only (auto-scaling judges their capacity).',
    remediation:
      'Set MultiAZ / multi_az on RDS instances; add a second instance to Aurora, DocumentDB and Neptune clusters; give ' +
      'OpenSearch domains two or more data nodes, zone awareness and three dedicated master nodes; enable automatic failover and ' +
      'Multi-AZ with at least one replica on ElastiCache replication groups (or use ElastiCache Serverless); use Regional ' +
      'EFS storage; place load balancers, auto scaling groups and subnet groups in subnets of two or more Availability Zones; ' +
      'put one NAT gateway in each Availability Zone and route each private subnet to the one in its zone; run EC2 ' +
      'instances that serve a load balancer or do a job alone in an Auto Scaling group over two or more AZs (MinSize 1 / ' +
      'MaxSize 1 is enough to be replaced in another zone), or suppress the finding with the reason one instance is the choice.',
    messages: {
      singleAz: '{{what}} runs in a single Availability Zone: `{{property}}` {{how}}.',
      oneInstance: '{{what}} has {{count}} DB instance(s) in the scan: with fewer than two, an AZ failure stops the database until a new instance is created.',
      noFailover: '{{what}} cannot fail over to another AZ: `{{property}}` {{how}}.',
      notMultiAz: '{{what}} is not Multi-AZ: `{{property}}` {{how}}.',
      oneNode: '{{what}} has a single node (`{{property}}` {{count}}): there is no replica in another AZ to fail over to.',
      nodesOneAz: '{{what}} has {{count}} node(s) in a single Availability Zone (`{{property}}` {{how}}).',
      notZoneAware: '{{what}} keeps all its nodes in one Availability Zone: `{{property}}` {{how}}.',
      noManagers: '{{what}} spreads its nodes over zones but has no dedicated master nodes: `{{property}}` {{how}}. When a zone fails, the remaining data nodes must also elect a new master.',
      oneZone: '{{what}} uses One Zone storage in {{zone}}: its data is lost with that Availability Zone.',
      subnetsOneAz: '{{what}} has subnets in {{count}} Availability Zone ({{zones}}); at least two are needed.',
      servesAlone: '{{group}} is served by {{count}} EC2 instance(s) registered one by one, all in {{zone}}, and by no Auto Scaling group: when that Availability Zone fails, the load balancer has no target left. ' + GROUP,
      loneInstance: 'EC2 instance is the only instance of its role ({{role}}) and is in no Auto Scaling group: it runs in {{zone}}, and its work stops when that Availability Zone fails. ' + GROUP,
      roleOneAz: '{{count}} EC2 instances of one role ({{role}}) all run in {{zone}} and none is in an Auto Scaling group: their work stops when that Availability Zone fails. ' + GROUP,
      natOneAz: 'VPC {{vpc}} has NAT gateways in only one Availability Zone ({{zone}}) while its subnets span {{count}} ({{zones}}): when that zone fails, the private subnets of the others lose their route to the internet.',
    },
    precision: 'high',
    tags: ['reliability', 'availability'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n',
        pass: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n      MultiAZ: true\n',
      },
      terraform: {
        fail: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n',
        pass: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n  multi_az       = true\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const subnets = new Map(m.subnets.map((s) => [s.resource.id, s]));

    // The zone of one subnet link, or why it cannot be known (a notice, never a finding).
    const subnetZone = (l: Val<Link>): { zone: Zone } | { reason: string } => {
      if (!isKnown(l)) return { reason: `a subnet is unknown (${l.reason})` };
      const s: Subnet | undefined = l.value.id ? subnets.get(l.value.id) : undefined;
      if (!s) {
        // A value from another resource of the scan (an SSM parameter, a lookup) is known only at deployment.
        const from = l.value.id ? byId(m.resources).get(l.value.id) : undefined;
        return {
          reason: from
            ? `a subnet comes from ${from.resource.address} (${from.resource.type}), known only at deployment, so its AZ is unknown`
            : l.value.id
              ? `subnet ${l.value.id} is not a subnet declared in the scan (a lookup or parameter is known only at deployment), its AZ is unknown`
              : `subnet ${l.value.literal ?? ''} is not in the scan, its AZ is unknown`,
        };
      }
      if (!isKnown(s.availabilityZone)) return { reason: `the AZ of subnet ${s.resource.address} is unknown (${s.availabilityZone.reason})` };
      return { zone: s.availabilityZone.value };
    };


    for (const store of m.facets.dataStores) {
      const z = store.zones;
      const owner = store.owner;
      const what = store.what;
      if (!z) continue;
      if (z.kind === 'switch') {
        if (!undecided(ctx, owner, z.multiAz, 'Multi-AZ') && isFalse(z.multiAz)) {
          ctx.report({ messageId: 'singleAz', at: z.multiAz, resource: owner, data: { what, property: property(z.multiAz), how: how(z.multiAz) } });
        }
      } else if (z.kind === 'members') {
        if (z.members.length < 2) ctx.report({ messageId: 'oneInstance', at: owner, resource: owner, data: { what: z.what, count: z.members.length } });
      } else if (z.kind === 'spread') {
        if (undecided(ctx, owner, z.crossAz, 'AZ mode') || undecided(ctx, owner, z.nodes, 'node count')) continue;
        if (!isTrue(z.crossAz) || (isKnown(z.nodes) && z.nodes.value < 2)) {
          ctx.report({ messageId: 'nodesOneAz', at: z.crossAz, resource: owner, data: { what, count: z.nodes.value ?? 1, property: property(z.crossAz), how: isTrue(z.crossAz) ? 'is cross-az' : how(z.crossAz) } });
        }
      } else if (z.kind === 'replicated') {
        if (!undecided(ctx, owner, z.nodes, 'node count') && isKnown(z.nodes) && z.nodes.value < 2) {
          ctx.report({ messageId: 'oneNode', at: z.nodes, resource: owner, data: { what, property: property(z.nodes), count: how(z.nodes) } });
          continue;
        }
        if (!undecided(ctx, owner, z.failover, 'automatic failover') && isFalse(z.failover)) {
          ctx.report({ messageId: 'noFailover', at: z.failover, resource: owner, data: { what, property: property(z.failover), how: how(z.failover) } });
        }
        if (!undecided(ctx, owner, z.multiAz, 'Multi-AZ') && isFalse(z.multiAz)) {
          ctx.report({ messageId: 'notMultiAz', at: z.multiAz, resource: owner, data: { what, property: property(z.multiAz), how: how(z.multiAz) } });
        }
      } else if (z.kind === 'zone-aware') {
        if (undecided(ctx, owner, z.nodes, 'node count')) continue;
        if (isKnown(z.nodes) && z.nodes.value < 2) {
          ctx.report({ messageId: 'oneNode', at: z.nodes, resource: owner, data: { what, property: property(z.nodes), count: how(z.nodes) } });
          continue;
        }
        if (undecided(ctx, owner, z.zoneAware, 'zone awareness')) continue;
        if (isFalse(z.zoneAware)) {
          // In a VPC, with zone awareness not written, the domain's subnets say where its nodes are.
          if (z.zoneAware.provenance === 'default' && z.subnets && z.subnets.length > 0) {
            const zones = new Map<string, Zone>();
            const unknown = z.subnets.map((l) => [l, subnetZone(l)] as const).find(([, r]) => 'reason' in r);
            if (unknown) { ctx.undecidable(owner, unknown[0], `${what}: ${(unknown[1] as { reason: string }).reason}`); continue; }
            for (const l of z.subnets) { const r = subnetZone(l) as { zone: Zone }; zones.set(zoneKey(r.zone), r.zone); }
            if (zones.size < 2) {
              ctx.report({ messageId: 'subnetsOneAz', at: z.subnets[0]!, resource: owner, data: { what, count: zones.size, zones: [...zones.values()].map(describeZone).join(', ') } });
              continue;
            }
          } else {
            ctx.report({ messageId: 'notZoneAware', at: z.zoneAware, resource: owner, data: { what, property: property(z.zoneAware), how: how(z.zoneAware) } });
            continue;
          }
        }
        // Dedicated managers matter once the nodes span zones: without them a zone's loss may also take the quorum.
        if (!undecided(ctx, owner, z.managers, 'dedicated master nodes') && isFalse(z.managers)) {
          ctx.report({ messageId: 'noManagers', at: z.managers, resource: owner, data: { what, property: property(z.managers), how: how(z.managers) } });
        }
      } else if (z.kind === 'one-zone') {
        if (undecided(ctx, owner, z.zone, 'One Zone storage')) continue;
        if (isKnown(z.zone) && z.zone.value !== null) ctx.report({ messageId: 'oneZone', at: z.zone, resource: owner, data: { what, zone: z.zone.value } });
      }
    }

    // Subnets that resolve to fewer than two distinct AZs.
    const checkSubnets = (resource: ModelResource, what: string, links: Val<Link>[], extraZones: Val<Zone>[] = []): void => {
      if (links.length === 0 && extraZones.length === 0) return;
      const zones = new Map<string, Zone>();
      for (const l of links) {
        const z = subnetZone(l);
        if ('reason' in z) { ctx.undecidable(resource, l, `${what}: ${z.reason}`); return; }
        zones.set(zoneKey(z.zone), z.zone);
      }
      for (const z of extraZones) {
        if (!isKnown(z)) { ctx.undecidable(resource, z, `${what}: an Availability Zone is unknown (${z.reason})`); return; }
        zones.set(zoneKey(z.value), z.value);
      }
      if (zones.size < 2) {
        const at = links[0] ?? extraZones[0]!;
        ctx.report({ messageId: 'subnetsOneAz', at, resource, data: { what, count: zones.size, zones: [...zones.values()].map(describeZone).join(', ') } });
      }
    };
    for (const e of m.facets.networkEndpoints) checkSubnets(e.owner, e.what, e.subnets);
    for (const g of m.facets.computeGroups) checkSubnets(g.owner, g.what, g.subnets, g.subnets.length === 0 ? g.zones : []);
    for (const g of m.facets.subnetGroups) checkSubnets(g.owner, g.what, g.subnets);

    // NAT gateways: a VPC whose subnets span two or more zones but whose NAT gateways all sit in one.
    const vpcKey = (v: Val<Link>): string | undefined => {
      if (!isKnown(v)) return undefined;
      if (v.value.id) return `id ${v.value.id}`;
      return v.value.literal ? `literal ${v.value.literal}` : undefined;
    };
    const vpcOf = (v: Val<Link>): { key: string; name: string } | undefined => {
      const key = vpcKey(v);
      if (key === undefined || !isKnown(v)) return undefined;
      return { key, name: v.value.id ? byId(m.vpcs).get(v.value.id)?.resource.address ?? v.value.id : v.value.literal ?? key };
    };
    const nats = new Map<string, { vpc: string; first: ModelResource & { subnet: Val<Link> }; zones: Map<string, Zone>; undecided: boolean }>();
    for (const n of m.natGateways) {
      const s = isKnown(n.subnet) && n.subnet.value.id ? subnets.get(n.subnet.value.id) : undefined;
      const vpc = s ? vpcOf(s.vpc) : undefined;
      const entry = vpc ? nats.get(vpc.key) ?? { vpc: vpc.name, first: n, zones: new Map<string, Zone>(), undecided: false } : undefined;
      if (vpc && entry) nats.set(vpc.key, entry);
      // A NAT gateway whose subnet, zone or VPC cannot be known leaves its VPC undecided.
      if (!s || !entry || !isKnown(s.availabilityZone)) {
        ctx.undecidable(n, n.subnet, 'the Availability Zone of the NAT gateway is unknown');
        if (entry) entry.undecided = true;
        continue;
      }
      entry.zones.set(zoneKey(s.availabilityZone.value), s.availabilityZone.value);
    }
    // The subnets of each VPC, grouped once (not one scan of every subnet per VPC).
    let subnetsByVpc: Map<string, Subnet[]> | undefined;
    const subnetsOf = (key: string): Subnet[] => {
      if (!subnetsByVpc) {
        subnetsByVpc = new Map();
        for (const s of m.subnets) {
          const k = vpcKey(s.vpc);
          if (k === undefined) continue;
          const list = subnetsByVpc.get(k);
          if (list) list.push(s);
          else subnetsByVpc.set(k, [s]);
        }
      }
      return subnetsByVpc.get(key) ?? [];
    };
    for (const [key, { vpc, first, zones: natZones, undecided: unsure }] of nats) {
      if (natZones.size !== 1 || unsure) continue;
      const ofVpc = subnetsOf(key);
      const vpcZones = new Map<string, Zone>();
      let known = true;
      for (const s of ofVpc) {
        if (isKnown(s.availabilityZone)) vpcZones.set(zoneKey(s.availabilityZone.value), s.availabilityZone.value);
        else known = false;
      }
      if (!known || vpcZones.size < 2) continue;
      ctx.report({ messageId: 'natOneAz', at: first.subnet, resource: first, data: {
        vpc, zone: describeZone([...natZones.values()][0]!), count: vpcZones.size, zones: [...vpcZones.values()].map(describeZone).join(', '),
      } });
    }

    // Lone EC2 instances doing work a group should do (see the rationale for what that means).
    const zoneOfInstance = (i: Instance): { zone: Zone } | { reason: string; at: Val<unknown> } => {
      const az = i.availabilityZone;
      if (az && az.provenance !== 'default') return isKnown(az) ? { zone: az.value } : { reason: `its Availability Zone is unknown (${az.reason})`, at: az };
      const z = subnetZone(i.subnet);
      return 'reason' in z ? { reason: z.reason, at: i.subnet } : z;
    };
    /** Judges instances that do one job together: fewer than two zones among them is a finding on the first. */
    const judgeInstances = (members: Instance[], report: (first: Instance, zone: string) => void, what: string): void => {
      const zones = new Map<string, Zone>();
      let unknownZone: { reason: string; at: Val<unknown>; instance: Instance } | undefined;
      for (const i of members) {
        const z = zoneOfInstance(i);
        if ('reason' in z) unknownZone ??= { ...z, instance: i };
        else zones.set(zoneKey(z.zone), z.zone);
      }
      if (zones.size >= 2) return;
      const first = members[0]!;
      // A `count` / `for_each` that cannot be known may add instances in other zones.
      const open = members.find((i) => i.resource.instancesUnknown);
      if (open) { ctx.undecidable(open, open, `${what}: how many instances there are is unknown (${open.resource.instancesUnknown})`); return; }
      // One instance always runs in one zone, whichever it is.
      if (members.length === 1) { report(first, zones.size === 1 ? describeZone([...zones.values()][0]!) : 'one Availability Zone'); return; }
      if (unknownZone) { ctx.undecidable(unknownZone.instance, unknownZone.at, `${what}: ${unknownZone.reason}`); return; }
      report(first, describeZone([...zones.values()][0]!));
    };

    const instances = new Map(m.instances.map((i) => [i.resource.id, i]));
    const linkKey = (l: Val<Link>): string | undefined => (isKnown(l) ? (l.value.id ? `id ${l.value.id}` : l.value.literal !== undefined ? `literal ${l.value.literal}` : undefined) : undefined);
    // Load balancers that an Auto Scaling group also serves are not served by lone instances.
    const byGroups = new Set(m.autoScalingGroups.flatMap((g) => g.loadBalancing.map(linkKey).filter((k): k is string => k !== undefined)));
    const served = new Map<string, { name: string; members: Instance[] }>();
    const registered = new Set<string>();
    for (const reg of m.targetRegistrations) {
      const id = isKnown(reg.target) ? reg.target.value.id : undefined;
      const instance = id ? instances.get(id) : undefined;
      if (!instance) continue;
      registered.add(instance.resource.id);
      const key = linkKey(reg.targetGroup) ?? `registration ${reg.resource.id}`;
      if (byGroups.has(key)) continue;
      const name = isKnown(reg.targetGroup) ? byId(m.resources).get(reg.targetGroup.value.id ?? '')?.resource.address ?? reg.targetGroup.value.literal ?? reg.resource.address : reg.resource.address;
      const entry = served.get(key) ?? { name, members: [] };
      if (!entry.members.includes(instance)) entry.members.push(instance);
      served.set(key, entry);
    }
    for (const { name, members } of served.values()) {
      judgeInstances(members, (first, zone) => ctx.report({ messageId: 'servesAlone', at: first, resource: first, data: { group: name, count: members.length, zone } }), `the EC2 instances serving ${name}`);
    }

    // Instances of one role: the same launch template, else the same security groups, in one deployment unit.
    const roles = new Map<string, { role: string; members: Instance[] }>();
    for (const i of m.instances) {
      if (registered.has(i.resource.id)) continue;
      const role = roleOf(i);
      if ('reason' in role) { ctx.undecidable(i, role.at, `whether this EC2 instance is the only one of its role is unknown: ${role.reason}`); continue; }
      const key = `${i.resource.context.target.id} ${role.key}`;
      const entry = roles.get(key) ?? { role: role.words, members: [] };
      entry.members.push(i);
      roles.set(key, entry);
    }
    for (const { role, members } of roles.values()) {
      judgeInstances(members, (first, zone) => ctx.report(members.length === 1
        ? { messageId: 'loneInstance', at: first, resource: first, data: { role, zone } }
        : { messageId: 'roleOneAz', at: first, resource: first, data: { role, count: members.length, zone } }), `the EC2 instances of one role (${role})`);
    }

    function roleOf(i: Instance): { key: string; words: string } | { reason: string; at: Val<unknown> } {
      const name = (l: ExplicitVal<Link> | DefaultVal<Link>): string => byId(m.resources).get(l.value.id ?? '')?.resource.address ?? l.value.literal ?? l.value.id ?? '?';
      if (i.launchTemplate) {
        const lt = i.launchTemplate;
        if (!isKnown(lt)) return { reason: `its launch template is unknown (${lt.reason})`, at: lt };
        return { key: `launch template ${linkKey(lt) ?? '?'}`, words: `launch template ${name(lt)}` };
      }
      if (i.securityGroups.length === 0) return { key: 'default security group', words: "no security group of its own: the VPC's default group" };
      const keys: string[] = [];
      const words: string[] = [];
      for (const g of i.securityGroups) {
        if (!isKnown(g)) return { reason: `a security group is unknown (${g.reason})`, at: g };
        keys.push(linkKey(g) ?? '?');
        words.push(name(g));
      }
      return { key: `security groups ${[...new Set(keys)].sort().join(',')}`, words: `security group${words.length > 1 ? 's' : ''} ${[...new Set(words)].sort().join(', ')}` };
    }
  },
});
