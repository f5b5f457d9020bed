import { defineRule } from '../../src/engine/rule.js';
import type { Link, ModelResource, Val } from '../../src/model/val.js';
import type { Zone } from '../../src/model/zone.js';
import { describeZone, zoneKey } from '../../src/model/zone.js';
import { byId, how, isKnown, isTrue, property, undecided } from '../../src/engine/kit.js';

/** A link as a key: the graph id, else the literal written; undefined when it cannot be known. */
function keyOf(v: Val<Link> | undefined): string | undefined {
  if (!v || !isKnown(v)) return undefined;
  if (v.value.id) return `id ${v.value.id}`;
  return v.value.literal !== undefined ? `literal ${v.value.literal}` : undefined;
}

export default defineRule({
  meta: {
    id: 'network-redundancy',
    title: 'Connectivity to on-premises networks and between VPCs has no single point of failure',
    checks: 'a single Site-to-Site VPN customer gateway per VPN/transit gateway, static-routing VPN, a single Direct Connect virtual interface or connection per gateway, transit gateway VPC attachments in one AZ',
    severity: 'medium',
    controls: ['2.1'],
    rationale:
      'The checklist asks for highly available network connectivity (2.1). Every Site-to-Site VPN connection has two tunnels ' +
      'to two AWS endpoints, but both end on one customer gateway device: AWS recommends a second VPN connection on a second ' +
      'customer gateway to survive the loss of that device (Site-to-Site VPN user guide, "Resilience" and "Redundant Site-to-Site ' +
      'VPN connections"), and BGP rather than static routing so that traffic fails over between the tunnels. No tunnel option ' +
      'turns one of the two tunnels off, so the tunnels themselves are not judged. A Direct Connect gateway or virtual private ' +
      'gateway reached through one virtual interface, or through interfaces that all run on one connection, loses the link ' +
      'with that connection or its location (Direct Connect user guide, "Resiliency Toolkit": high resiliency needs connections ' +
      'at two locations); a VPN connection to the same gateway counts as the backup AWS documents. A transit gateway VPC ' +
      'attachment reaches only the Availability Zones it has a subnet in (Transit Gateway guide, "Amazon VPC attachments"): ' +
      'an attachment in one zone cuts the VPC off when that zone fails. VPN connections and virtual interfaces are judged per ' +
      'AWS-side gateway, once (the finding sits on the first connection or interface of that gateway), because redundancy is ' +
      'a property of the path into one gateway, not of each resource; attachments are judged one by one (each joins one VPC to ' +
      'one transit gateway). Gateways, customer gateways, connections or subnets that cannot be known make the question ' +
      'undecidable (a notice), never a finding; a gateway with connections in the scan only is judged on those.',
    remediation:
      'Add a second Site-to-Site VPN connection on a second customer gateway device (a second `AWS::EC2::CustomerGateway` / ' +
      '`aws_customer_gateway`) to the same virtual private or transit gateway, and use dynamic (BGP) routing; give each Direct ' +
      'Connect gateway virtual interfaces on two connections, ideally at two Direct Connect locations, or a Site-to-Site VPN ' +
      'as backup; give every transit gateway VPC attachment one subnet in each Availability Zone the VPC uses (at least two).',
    messages: {
      singleCustomerGateway: '{{count}} Site-to-Site VPN connection(s) to {{gateway}} all end on one customer gateway ({{customerGateway}}): its two tunnels share that device, so the link is lost with it. Add a second connection on a second customer gateway device.',
      staticRouting: 'Site-to-Site VPN connection uses static routing (`{{property}}` {{how}}): without BGP, failover to the second tunnel depends on the customer device. Use dynamic routing.',
      singleVif: '{{gateway}} is reached through a single Direct Connect virtual interface and no VPN: the link is lost with that interface, its connection or its location. Add a virtual interface on a second connection (or a Site-to-Site VPN as backup).',
      oneConnection: '{{count}} Direct Connect virtual interfaces to {{gateway}} all run on one connection ({{connection}}) and there is no VPN: the link is lost with that connection or its location. Use a second connection, ideally at a second location.',
      attachmentOneAz: 'Transit gateway VPC attachment has subnets in {{count}} Availability Zone ({{zones}}): resources in the VPC\'s other zones cannot reach the transit gateway, and the VPC is cut off when that zone fails. Add one subnet in each zone (at least two).',
    },
    precision: 'high',
    tags: ['reliability', 'availability', 'network'],
    examples: {
      cloudformation: {
        fail: 'Resources:\n  Office:\n    Type: AWS::EC2::CustomerGateway\n    Properties: { Type: ipsec.1, BgpAsn: 65000, IpAddress: 203.0.113.10 }\n  Vpn:\n    Type: AWS::EC2::VPNConnection\n    Properties:\n      Type: ipsec.1\n      CustomerGatewayId: !Ref Office\n      VpnGatewayId: vgw-0123456789abcdef0\n',
        pass: 'Resources:\n  Office:\n    Type: AWS::EC2::CustomerGateway\n    Properties: { Type: ipsec.1, BgpAsn: 65000, IpAddress: 203.0.113.10 }\n  OfficeBackup:\n    Type: AWS::EC2::CustomerGateway\n    Properties: { Type: ipsec.1, BgpAsn: 65000, IpAddress: 203.0.113.11 }\n  Vpn:\n    Type: AWS::EC2::VPNConnection\n    Properties:\n      Type: ipsec.1\n      CustomerGatewayId: !Ref Office\n      VpnGatewayId: vgw-0123456789abcdef0\n  VpnBackup:\n    Type: AWS::EC2::VPNConnection\n    Properties:\n      Type: ipsec.1\n      CustomerGatewayId: !Ref OfficeBackup\n      VpnGatewayId: vgw-0123456789abcdef0\n',
      },
      terraform: {
        fail: 'resource "aws_ec2_transit_gateway_vpc_attachment" "app" {\n  transit_gateway_id = "tgw-0123456789abcdef0"\n  vpc_id             = "vpc-0123456789abcdef0"\n  subnet_ids         = [aws_subnet.a.id]\n}\n\nresource "aws_subnet" "a" {\n  vpc_id            = "vpc-0123456789abcdef0"\n  cidr_block        = "10.0.0.0/24"\n  availability_zone = "eu-west-1a"\n}\n',
        pass: 'resource "aws_ec2_transit_gateway_vpc_attachment" "app" {\n  transit_gateway_id = "tgw-0123456789abcdef0"\n  vpc_id             = "vpc-0123456789abcdef0"\n  subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]\n}\n\nresource "aws_subnet" "a" {\n  vpc_id            = "vpc-0123456789abcdef0"\n  cidr_block        = "10.0.0.0/24"\n  availability_zone = "eu-west-1a"\n}\n\nresource "aws_subnet" "b" {\n  vpc_id            = "vpc-0123456789abcdef0"\n  cidr_block        = "10.0.1.0/24"\n  availability_zone = "eu-west-1b"\n}\n',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    const name = (key: string, v: Val<Link>): string => {
      if (isKnown(v) && v.value.id) return byId(m.resources).get(v.value.id)?.resource.address ?? v.value.id;
      return isKnown(v) && v.value.literal !== undefined ? v.value.literal : key;
    };

    // Gateways that a VPN connection reaches: a backup path for Direct Connect into the same gateway.
    const vpnGateways = new Set<string>();
    let vpnGatewayUnknown = false;
    for (const c of m.vpnConnections) {
      if (c.gateway && !isKnown(c.gateway)) vpnGatewayUnknown = true;
      const k = keyOf(c.gateway);
      if (k) vpnGateways.add(k);
    }

    // ── Site-to-Site VPN: per AWS-side gateway, the customer gateways its connections end on ──
    const byGateway = new Map<string, { gateway: Val<Link>; connections: typeof m.vpnConnections; customers: Set<string>; unsure: boolean }>();
    for (const c of m.vpnConnections) {
      if (isTrue(c.staticRoutesOnly)) ctx.report({ messageId: 'staticRouting', at: c.staticRoutesOnly, resource: c, data: { property: property(c.staticRoutesOnly), how: how(c.staticRoutesOnly) } });
      else undecided(ctx, c, c.staticRoutesOnly, 'static or dynamic routing');
      if (!c.gateway) continue; // a Cloud WAN or not yet attached connection
      if (undecided(ctx, c, c.gateway, 'the gateway of the VPN connection')) continue;
      const k = keyOf(c.gateway);
      if (!k) continue;
      const entry = byGateway.get(k) ?? { gateway: c.gateway, connections: [], customers: new Set<string>(), unsure: false };
      byGateway.set(k, entry);
      entry.connections.push(c);
      const cgw = keyOf(c.customerGateway);
      if (cgw) entry.customers.add(cgw);
      else { entry.unsure = true; undecided(ctx, c, c.customerGateway, 'the customer gateway of the VPN connection'); }
    }
    for (const [k, e] of byGateway) {
      if (e.unsure || e.customers.size !== 1) continue;
      const first = e.connections[0]!;
      if (vpnGatewayUnknown) { ctx.undecidable(first, first.customerGateway, `another VPN connection of the scan goes to a gateway that cannot be known; it may be a second path into ${name(k, e.gateway)}`); continue; }
      ctx.report({ messageId: 'singleCustomerGateway', at: first.customerGateway, resource: first, data: { count: e.connections.length, gateway: name(k, e.gateway), customerGateway: name([...e.customers][0]!, first.customerGateway) } });
    }

    // ── Direct Connect: per gateway, its virtual interfaces and the connections they run on ──
    const vifs = new Map<string, { gateway: Val<Link>; list: typeof m.dxVirtualInterfaces; connections: Set<string>; unsure: boolean }>();
    for (const v of m.dxVirtualInterfaces) {
      if (undecided(ctx, v, v.gateway, 'the gateway of the virtual interface')) continue;
      const k = keyOf(v.gateway);
      if (!k) continue;
      const entry = vifs.get(k) ?? { gateway: v.gateway, list: [], connections: new Set<string>(), unsure: false };
      vifs.set(k, entry);
      entry.list.push(v);
      const c = keyOf(v.connection);
      if (c) entry.connections.add(c);
      else { entry.unsure = true; undecided(ctx, v, v.connection, 'the connection of the virtual interface'); }
    }
    for (const [k, e] of vifs) {
      if (vpnGateways.has(k)) continue;
      const first = e.list[0]!;
      if (e.list.length === 1) {
        ctx.report({ messageId: 'singleVif', at: first.gateway, resource: first, data: { gateway: name(k, e.gateway) } });
      } else if (!e.unsure && e.connections.size === 1) {
        ctx.report({ messageId: 'oneConnection', at: first.connection, resource: first, data: { count: e.list.length, gateway: name(k, e.gateway), connection: name([...e.connections][0]!, first.connection) } });
      }
    }

    // ── Transit gateway VPC attachments: subnets in at least two zones ──
    const subnets = new Map(m.subnets.map((s) => [s.resource.id, s]));
    for (const a of m.transitGatewayVpcAttachments) {
      const zones = new Map<string, Zone>();
      let known = a.subnets.length > 0;
      for (const l of a.subnets) {
        const owner: ModelResource = a;
        if (!isKnown(l)) { ctx.undecidable(owner, l, `transit gateway attachment: a subnet is unknown (${l.reason})`); known = false; break; }
        const s = l.value.id ? subnets.get(l.value.id) : undefined;
        if (!s) { ctx.undecidable(owner, l, `transit gateway attachment: subnet ${l.value.literal ?? l.value.id ?? ''} is not in the scan, its AZ is unknown`); known = false; break; }
        if (!isKnown(s.availabilityZone)) { ctx.undecidable(owner, l, `transit gateway attachment: the AZ of subnet ${s.resource.address} is unknown (${s.availabilityZone.reason})`); known = false; break; }
        zones.set(zoneKey(s.availabilityZone.value), s.availabilityZone.value);
      }
      if (known && zones.size < 2) {
        ctx.report({ messageId: 'attachmentOneAz', at: a.subnets[0]!, resource: a, data: { count: zones.size, zones: [...zones.values()].map(describeZone).join(', ') } });
      }
    }
  },
});
