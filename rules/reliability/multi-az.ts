import { defineRule } from '../../src/engine/rule.js';
import type { Link, ModelResource, Val } from '../../src/model/val.js';
import { how, undecided, isFalse, isKnown, isTrue, property } from '../../src/engine/kit.js';

export default defineRule({
  meta: {
    id: 'multi-az',
    title: 'The workload survives the loss of one Availability Zone',
    checks: 'RDS, Aurora, ElastiCache, EFS One Zone, subnets of load balancers, auto scaling groups and subnet groups in fewer than two AZs, NAT gateways in only one AZ of a multi-AZ VPC',
    severity: 'high',
    controls: ['2.8'],
    rationale:
      'A solution must keep working when one Availability Zone fails (checklist 2.8). An RDS instance without Multi-AZ, an ' +
      'Aurora cluster with a single instance, an ElastiCache replication group without automatic failover and Multi-AZ, a ' +
      'single-node or single-AZ cache cluster and an EFS One Zone file system all stop, or lose data, with their zone. Load ' +
      'balancers, auto scaling groups and DB and cache subnet groups need subnets in at least two zones, and a VPC whose ' +
      'subnets span several zones needs a NAT gateway in more than one of them. Read replicas and ' +
      'the instances of an Aurora cluster are judged through their source and cluster. Aurora clusters are judged by the ' +
      'instances declared in the scan. A subnet whose zone cannot be known is reported as undecidable, never as a finding.',
    remediation:
      'Set MultiAZ / multi_az on RDS instances; add a second instance to Aurora clusters; enable automatic failover and ' +
      'Multi-AZ with at least one replica on ElastiCache replication groups (or use ElastiCache Serverless); use Regional ' +
      'EFS storage; place load balancers, auto scaling groups and subnet groups in subnets of two or more Availability Zones; ' +
      'put one NAT gateway in each Availability Zone and route each private subnet to the one in its zone.',
    messages: {
      dbSingleAz: 'RDS DB instance runs in a single Availability Zone: `{{property}}` {{how}}.',
      clusterOneInstance: 'Aurora DB cluster has {{count}} DB instance(s) in the scan: with fewer than two, an AZ failure stops the database until a new instance is created.',
      cacheNoFailover: 'ElastiCache replication group cannot fail over to another AZ: `{{property}}` {{how}}.',
      cacheNoMultiAz: 'ElastiCache replication group is not Multi-AZ: `{{property}}` {{how}}.',
      cacheOneNode: 'ElastiCache replication group has a single node (`{{property}}` {{count}}): there is no replica in another AZ to fail over to.',
      cacheClusterSingleAz: 'ElastiCache cache cluster has {{count}} node(s) in a single Availability Zone (`{{property}}` {{how}}).',
      fileSystemOneZone: 'EFS file system uses One Zone storage in {{zone}}: its data is lost with that Availability Zone.',
      subnetsOneAz: '{{what}} has subnets in {{count}} Availability Zone ({{zones}}); at least two are needed.',
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

    for (const db of m.dbInstances) {
      if (db.replicaOf) continue;
      if (undecided(ctx, db, db.multiAz, 'Multi-AZ')) continue;
      if (isFalse(db.multiAz)) ctx.report({ messageId: 'dbSingleAz', at: db.multiAz, resource: db, data: { property: property(db.multiAz), how: how(db.multiAz) } });
    }

    for (const c of m.dbClusters) {
      const engine = isKnown(c.engine) ? c.engine.value : '';
      // Multi-AZ DB clusters (MySQL/PostgreSQL) always run three instances in three AZs.
      if (engine !== '' && !engine.startsWith('aurora')) continue;
      const count = m.dbClusterMembers.filter((i) => isKnown(i.cluster) && i.cluster.value.id === c.resource.id).length;
      if (count < 2) ctx.report({ messageId: 'clusterOneInstance', at: c, resource: c, data: { count } });
    }

    for (const c of m.cacheClusters) {
      if (c.kind === 'serverless') continue;
      if (c.kind === 'cluster') {
        if (undecided(ctx, c, c.multiAz, 'AZ mode') || undecided(ctx, c, c.nodeCount, 'node count')) continue;
        if (!isTrue(c.multiAz) || (isKnown(c.nodeCount) && c.nodeCount.value < 2)) {
          ctx.report({ messageId: 'cacheClusterSingleAz', at: c.multiAz, resource: c, data: { count: c.nodeCount.value ?? 1, property: property(c.multiAz), how: isTrue(c.multiAz) ? 'is cross-az' : how(c.multiAz) } });
        }
        continue;
      }
      if (!undecided(ctx, c, c.nodeCount, 'node count') && isKnown(c.nodeCount) && c.nodeCount.value < 2) {
        ctx.report({ messageId: 'cacheOneNode', at: c.nodeCount, resource: c, data: { property: property(c.nodeCount), count: c.nodeCount.provenance === 'default' ? `is not set, so the default applies (${c.nodeCount.assumed})` : `is ${c.nodeCount.value}` } });
        continue;
      }
      if (!undecided(ctx, c, c.automaticFailover, 'automatic failover') && isFalse(c.automaticFailover)) {
        ctx.report({ messageId: 'cacheNoFailover', at: c.automaticFailover, resource: c, data: { property: property(c.automaticFailover), how: how(c.automaticFailover) } });
      }
      if (!undecided(ctx, c, c.multiAz, 'Multi-AZ') && isFalse(c.multiAz)) {
        ctx.report({ messageId: 'cacheNoMultiAz', at: c.multiAz, resource: c, data: { property: property(c.multiAz), how: how(c.multiAz) } });
      }
    }

    for (const f of m.fileSystems) {
      if (undecided(ctx, f, f.oneZone, 'One Zone storage')) continue;
      if (isKnown(f.oneZone) && f.oneZone.value !== null) {
        ctx.report({ messageId: 'fileSystemOneZone', at: f.oneZone, resource: f, data: { zone: f.oneZone.value } });
      }
    }

    // Subnets that resolve to fewer than two distinct AZs.
    const checkSubnets = (resource: ModelResource, what: string, links: Val<Link>[], extraZones: Val<string>[] = []): void => {
      if (links.length === 0 && extraZones.length === 0) return;
      const zones = new Set<string>();
      for (const l of links) {
        if (!isKnown(l)) { ctx.undecidable(resource, l, `${what}: a subnet is unknown (${l.reason})`); return; }
        const s = l.value.id ? subnets.get(l.value.id) : undefined;
        if (!s) { ctx.undecidable(resource, l, `${what}: subnet ${l.value.literal ?? l.value.id ?? ''} is not in the scan, its AZ is unknown`); return; }
        if (!isKnown(s.availabilityZone)) { ctx.undecidable(resource, l, `${what}: the AZ of subnet ${s.resource.address} is unknown (${s.availabilityZone.reason})`); return; }
        zones.add(s.availabilityZone.value);
      }
      for (const z of extraZones) {
        if (!isKnown(z)) { ctx.undecidable(resource, z, `${what}: an Availability Zone is unknown (${z.reason})`); return; }
        zones.add(z.value);
      }
      if (zones.size < 2) {
        const at = links[0] ?? extraZones[0]!;
        ctx.report({ messageId: 'subnetsOneAz', at, resource, data: { what, count: zones.size, zones: [...zones].map(describeZone).join(', ') } });
      }
    };
    // NAT gateways: a VPC whose subnets span two or more zones but whose NAT gateways all sit in one.
    const vpcKey = (v: Val<Link>): string | undefined => (isKnown(v) ? v.value.id ?? (v.value.literal ? `literal:${v.value.literal}` : undefined) : undefined);
    const nats = new Map<string, { first: ModelResource & { subnet: Val<Link> }; zones: Set<string> }>();
    for (const n of m.natGateways) {
      const s = isKnown(n.subnet) && n.subnet.value.id ? subnets.get(n.subnet.value.id) : undefined;
      const key = s ? vpcKey(s.vpc) : undefined;
      // A NAT gateway whose subnet, zone or VPC cannot be known leaves its VPC undecided.
      if (!s || !key || !isKnown(s.availabilityZone)) {
        ctx.undecidable(n, n.subnet, 'the Availability Zone of the NAT gateway is unknown');
        if (key) nats.set(key, { first: n, zones: new Set(['?']) });
        continue;
      }
      const entry = nats.get(key) ?? { first: n, zones: new Set<string>() };
      entry.zones.add(s.availabilityZone.value);
      nats.set(key, entry);
    }
    for (const [key, { first, zones: natZones }] of nats) {
      if (natZones.size !== 1 || natZones.has('?')) continue;
      const ofVpc = m.subnets.filter((s) => vpcKey(s.vpc) === key);
      if (ofVpc.some((s) => !isKnown(s.availabilityZone))) continue;
      const vpcZones = new Set(ofVpc.map((s) => s.availabilityZone.value as string));
      if (vpcZones.size < 2) continue;
      const vpc = m.vpcs.find((v) => v.resource.id === key)?.resource.address ?? key.replace(/^literal:/, '');
      ctx.report({ messageId: 'natOneAz', at: first.subnet, resource: first, data: {
        vpc, zone: describeZone([...natZones][0]!), count: vpcZones.size, zones: [...vpcZones].map(describeZone).join(', '),
      } });
    }

    for (const lb of m.loadBalancers) checkSubnets(lb, 'Load balancer', lb.subnets);
    for (const g of m.autoScalingGroups) checkSubnets(g, 'Auto Scaling group', g.subnets, g.subnets.length === 0 ? g.availabilityZones : []);
    for (const g of m.dbSubnetGroups) checkSubnets(g, 'DB subnet group', g.subnets);
    for (const g of m.cacheSubnetGroups) checkSubnets(g, 'Cache subnet group', g.subnets);
  },
});

/** A symbolic zone (`<region>#<index>`, from `Fn::GetAZs` or `aws_availability_zones`) in words. */
function describeZone(zone: string): string {
  const m = /^(.*)#(\d+)$/.exec(zone);
  if (!m) return zone;
  return `zone index ${m[2]} of ${m[1] ? m[1] : "the stack's region"}`;
}
