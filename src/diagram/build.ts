/**
 * Builds the architecture diagram from the resource graph, the model and the findings:
 * accounts → regions → VPCs → zones → subnets → resources, the connections that carry data or
 * trust, and the worst severity on each resource. Reads placement through placement.ts only.
 */
import type { Finding, Severity } from '../engine/types.js';
import { severityRank } from '../engine/types.js';
import type { ResourceGraph, ResourceNode } from '../graph/graph.js';
import type { CloudModel } from '../model/model.js';
import type { ModelView, Placement } from './placement.js';
import { INTERNET, readModel } from './placement.js';
import { EXTERNAL_ICONS, styleOf } from './services.js';
import type { Diagram, DiagramEdge, DiagramGroup, DiagramNode, EdgeKind, NodeFinding } from './types.js';

export interface DiagramOptions {
  /** Only the neighbourhood of this resource address (or of any of these). */
  focus?: string | readonly string[];
  /** Hops around `focus` (default 1). */
  depth?: number;
  /** Only the resources of this deployment unit. */
  unit?: string;
  /** Draw repeated resources as one node ×N (default true). */
  groupRepeated?: boolean;
  title?: string;
}

export class DiagramError extends Error {}

export const INTERNET_NODE = 'external:internet';
export const ON_PREMISES_NODE = 'external:on-premises';

/** The deployment units of a scan, for `--per-unit`. */
export function deploymentUnits(graph: ResourceGraph): string[] {
  return [...new Set(graph.nodes.filter((n) => n.mode === 'managed').map((n) => n.context.unit))].sort();
}

export function buildDiagram(graph: ResourceGraph, model: CloudModel, findings: readonly Finding[], options: DiagramOptions = {}): Diagram {
  const view = readModel(model);
  const b = new Builder(graph, view, options);
  b.placeNodes();
  b.connect();
  b.attachFindings(findings);
  let diagram: Diagram = { title: options.title ?? 'Architecture', groups: b.groupList(), nodes: [...b.nodes.values()], edges: b.edgeList() };
  if (options.unit !== undefined) diagram.unit = options.unit;
  if (options.focus !== undefined) diagram = focusOn(diagram, options.focus, options.depth ?? 1);
  if (options.groupRepeated !== false) diagram = groupRepeated(diagram);
  return pruneGroups(diagram);
}

class Builder {
  readonly nodes = new Map<string, DiagramNode>();
  private readonly groups = new Map<string, DiagramGroup>();
  private readonly edges = new Map<string, DiagramEdge>();
  private readonly managed: ResourceNode[];
  private readonly out = new Map<string, string[]>();
  /** Property paths of the references, by `from→to`. */
  private readonly paths = new Map<string, string>();
  private readonly into = new Map<string, string[]>();
  private readonly subnetInfo: Map<string, ModelView['subnets'][number]>;
  private readonly vpcIds: Set<string>;
  /** Graph id → the diagram node of its primary place. */
  private readonly primary = new Map<string, string>();

  constructor(private readonly graph: ResourceGraph, private readonly view: ModelView, options: DiagramOptions) {
    this.managed = graph.nodes.filter((n) => n.mode === 'managed' && (options.unit === undefined || n.context.unit === options.unit));
    const ids = new Set(this.managed.map((n) => n.id));
    for (const e of graph.edges) {
      if (e.kind === 'depends-on' || !ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
      push(this.out, e.from, e.to);
      push(this.into, e.to, e.from);
      if (!this.paths.has(`${e.from}→${e.to}`)) this.paths.set(`${e.from}→${e.to}`, e.path);
    }
    this.subnetInfo = new Map(view.subnets.map((s) => [s.id, s]));
    this.vpcIds = new Set(view.vpcs);
  }

  placeNodes(): void {
    for (const n of this.managed) {
      const style = styleOf(n);
      if (style.role !== 'node') continue;
      const base: Omit<DiagramNode, 'id' | 'parent'> = {
        label: n.address, service: style.service, type: n.type, ...(style.icon ? { icon: style.icon } : {}),
        resources: [n.id], addresses: [n.address], count: 1, findings: [],
      };
      const spots = this.spotsOf(n, style.scope);
      spots.forEach((spot, i) => {
        const id = i === 0 ? n.id : `${n.id}~${i}`;
        const node: DiagramNode = { ...base, id, parent: spot.group, findings: [] };
        if (i > 0) node.copyOf = n.id;
        if (spot.note) node.note = spot.note;
        this.nodes.set(id, node);
      });
      this.primary.set(n.id, n.id);
    }
  }

  /** The boxes a resource is drawn in: one per zone it runs in, else its VPC, region or the global box. */
  private spotsOf(n: ResourceNode, scope: 'regional' | 'global' | 'edge'): { group: string; note?: string }[] {
    const placement = this.view.placement(n.id) ?? this.placementFromReferences(n);
    if (placement) {
      const byZone = this.firstSubnetPerZone(placement.subnets);
      if (placement.mode === 'each' || byZone.length === 1) {
        return byZone.map((s, i) => ({ group: this.subnetGroup(s), ...(byZone.length > 1 ? { note: `zone ${i + 1} of ${byZone.length}` } : {}) }));
      }
      if (placement.mode === 'primary-standby') {
        return [{ group: this.subnetGroup(byZone[0]!), note: 'primary' }, { group: this.subnetGroup(byZone[1]!), note: 'standby' }];
      }
      const vpc = this.subnetInfo.get(placement.subnets[0]!)?.vpc;
      return [{ group: this.vpcGroup(vpc, n), note: `single zone: one of ${byZone.length}, chosen at deployment` }];
    }
    const vpc = this.vpcOf(n);
    if (vpc !== undefined) return [{ group: this.vpcGroup(vpc, n) }];
    if (scope === 'global') return [{ group: this.globalGroup(n) }];
    return [{ group: this.regionGroup(n) }];
  }

  /** Resources the model does not place (a Lambda function in a VPC): the subnets they reference. */
  private placementFromReferences(n: ResourceNode): Placement | undefined {
    const subnets = (this.out.get(n.id) ?? []).filter((t) => this.subnetInfo.has(t));
    return subnets.length ? { subnets: [...new Set(subnets)], mode: 'each' } : undefined;
  }

  /** The VPC a resource references, directly or through a part that joins them (an internet gateway attachment). */
  private vpcOf(n: ResourceNode): string | undefined {
    const direct = (this.out.get(n.id) ?? []).find((t) => this.vpcIds.has(t));
    if (direct) return direct;
    for (const joiner of this.into.get(n.id) ?? []) {
      const role = styleOf(this.graph.get(joiner)!).role;
      if (role !== 'hide' && role !== 'fold') continue;
      const vpc = (this.out.get(joiner) ?? []).find((t) => this.vpcIds.has(t));
      if (vpc) return vpc;
    }
    return undefined;
  }

  private firstSubnetPerZone(subnets: string[]): string[] {
    const seen = new Map<string, string>();
    for (const s of subnets) {
      const zone = this.subnetInfo.get(s)?.zone ?? `?${s}`;
      if (!seen.has(zone)) seen.set(zone, s);
    }
    return [...seen.values()];
  }

  private accountGroup(n: ResourceNode | undefined): string {
    const account = n?.context.account.known ? n.context.account.value : undefined;
    const id = `account:${account ?? '?'}`;
    this.group({ id, kind: 'account', label: account ? `Account ${account}` : 'Account (not known)' });
    return id;
  }

  private regionGroup(n: ResourceNode | undefined): string {
    const parent = this.accountGroup(n);
    const region = n?.context.region.known ? n.context.region.value : undefined;
    const id = `${parent}/region:${region ?? '?'}`;
    this.group({ id, kind: 'region', label: region ? `Region ${region}` : 'Region (not known)', parent });
    return id;
  }

  private globalGroup(n: ResourceNode): string {
    const parent = this.accountGroup(n);
    const id = `${parent}/global`;
    this.group({ id, kind: 'global', label: 'Global services', parent });
    return id;
  }

  private vpcGroup(vpc: string | undefined, near: ResourceNode): string {
    const node = vpc ? this.graph.get(vpc) : undefined;
    const parent = this.regionGroup(node ?? near);
    const id = `vpc:${vpc ?? `?${parent}`}`;
    this.group({ id, kind: 'vpc', label: node ? `VPC ${node.address}` : 'VPC (not known)', parent });
    return id;
  }

  private subnetGroup(subnetId: string): string {
    const info = this.subnetInfo.get(subnetId);
    const subnet = this.graph.get(subnetId)!;
    const vpc = this.vpcGroup(info?.vpc, subnet);
    const zoneId = `${vpc}/zone:${info?.zone ?? '?'}`;
    this.group({ id: zoneId, kind: 'zone', label: zoneLabel(info?.zone), parent: vpc });
    const id = `subnet:${subnetId}`;
    this.group({ id, kind: 'subnet', label: `${info?.public ? 'Public subnet' : 'Subnet'} ${subnet.address}`, parent: zoneId, public: info?.public ?? false });
    return id;
  }

  private group(g: DiagramGroup): void {
    if (!this.groups.has(g.id)) this.groups.set(g.id, g);
  }

  /** The drawn node a graph resource shows up as: itself, or the resource it is a part of. */
  repOf(id: string, seen = new Set<string>()): string[] {
    if (this.primary.has(id)) return [id];
    if (seen.has(id) || seen.size > 8) return [];
    seen.add(id);
    const node = this.graph.get(id);
    if (!node) return [];
    const style = styleOf(node);
    if (style.role === 'container' || style.role === 'hide') return [];
    if (style.service === 'Security group') {
      const attached = this.view.attachedTo(id).flatMap((a) => this.repOf(a, seen));
      if (attached.length) return [...new Set(attached)];
    }
    // A part belongs to what it references, but not to a security group it merely uses (a launch template
    // is part of its auto scaling group, not of everything else in the group); a standalone rule is part of its group.
    const isGroupPart = style.service === 'Security group';
    for (const t of this.out.get(id) ?? []) {
      if (!isGroupPart && styleOf(this.graph.get(t)!).service === 'Security group') continue;
      const r = this.repOf(t, seen);
      if (r.length) return r;
    }
    for (const s of this.into.get(id) ?? []) {
      const r = this.repOf(s, seen);
      if (r.length) return r;
    }
    return [];
  }

  connect(): void {
    const add = (from: string, to: string, kind: EdgeKind, label?: string): void => {
      if (from === to) return;
      const key = `${from}→${to}`;
      const existing = this.edges.get(key) ?? this.edges.get(`${to}→${from}`);
      // A connection the model knows (with its direction) wins over a plain reference either way.
      if (existing && (existing.kind !== 'reference' || kind === 'reference')) return;
      const edge: DiagramEdge = { from, to, kind, ...(label ? { label } : {}) };
      const a = this.graph.get(from);
      const b = this.graph.get(to);
      if (a && b) {
        if (a.context.account.known && b.context.account.known && a.context.account.value !== b.context.account.value) edge.crossAccount = true;
        if (a.context.region.known && b.context.region.known && a.context.region.value !== b.context.region.value) edge.crossRegion = true;
      }
      this.edges.set(key, edge);
    };
    // Connections the model knows by meaning come first: they carry a kind and a label.
    for (const r of this.view.relations) {
      const tos = this.repOf(r.to);
      if (r.from === INTERNET) {
        for (const to of tos) add(this.internet(), to, r.kind, `${r.label} from the internet`);
        continue;
      }
      for (const from of this.repOf(r.from)) for (const to of tos) add(from, to, r.kind, r.label);
    }
    for (const id of this.view.internetFacing) {
      for (const to of this.repOf(id)) if (![...this.edges.values()].some((e) => e.from === INTERNET_NODE && e.to === to)) add(this.internet(), to, 'data', 'clients');
    }
    // Every other reference between drawn resources, through the parts that join them. References to a
    // security group are not connections: the paths its rules open are (above).
    for (const n of this.managed) {
      if (styleOf(n).service === 'Security group') continue;
      const froms = this.repOf(n.id);
      if (!froms.length) continue;
      const from = froms[0]!;
      for (const t of this.out.get(n.id) ?? []) {
        if (styleOf(this.graph.get(t)!).service === 'Security group') continue;
        for (const to of this.repOf(t)) {
          const toStyle = styleOf(this.graph.get(to)!);
          const path = this.paths.get(`${n.id}→${t}`) ?? '';
          const kind: EdgeKind = toStyle.service === 'IAM' || toStyle.service === 'KMS' ? 'trust' : /log/i.test(path) ? 'logs' : 'reference';
          // Compute registers with a target group; the traffic goes the other way.
          if (toStyle.service === 'Target group') add(to, from, 'data', 'targets');
          else add(from, to, kind, kind === 'logs' ? 'logs' : undefined);
        }
      }
    }
    for (const node of [...this.nodes.values()]) {
      if (node.service === 'Internet gateway') add(this.internet(), node.id, 'network', 'internet');
      if (node.service === 'VPN' || node.service === 'Direct Connect') add(this.onPremises(), node.id, 'network', 'on-premises');
    }
  }

  private internet(): string {
    this.external(INTERNET_NODE, 'Internet', 'internet', EXTERNAL_ICONS.internet);
    return INTERNET_NODE;
  }

  private onPremises(): string {
    this.external(ON_PREMISES_NODE, 'On-premises network', 'on-premises', EXTERNAL_ICONS.onPremises);
    return ON_PREMISES_NODE;
  }

  private external(id: string, label: string, kind: 'internet' | 'on-premises', icon: string): void {
    if (this.nodes.has(id)) return;
    this.group({ id: 'external', kind: 'external', label: 'Outside AWS' });
    this.nodes.set(id, { id, label, service: label, type: kind, icon, parent: 'external', resources: [], addresses: [], count: 1, findings: [], external: kind });
  }

  attachFindings(findings: readonly Finding[]): void {
    const byAddress = new Map<string, ResourceNode[]>();
    for (const n of this.managed) push(byAddress, n.address, n);
    for (const f of findings) {
      if (f.suppression) continue;
      const node = resourceOf(f, byAddress.get(f.resource.address) ?? []);
      if (!node) continue;
      const entry: NodeFinding = { fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity };
      for (const rep of this.repOf(node.id)) {
        for (const d of this.nodes.values()) {
          if (d.id !== rep && d.copyOf !== rep) continue;
          d.findings.push(entry);
          d.worst = worse(d.worst, f.severity);
        }
      }
    }
  }

  groupList(): DiagramGroup[] {
    return [...this.groups.values()];
  }

  edgeList(): DiagramEdge[] {
    return [...this.edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
  }
}

/** The graph node a finding is about: by address, and by file when two templates use the same logical id. */
function resourceOf(f: Finding, candidates: ResourceNode[]): ResourceNode | undefined {
  const sameType = candidates.filter((n) => n.type === f.resource.type);
  const list = sameType.length ? sameType : candidates;
  if (list.length <= 1) return list[0];
  const files = new Set([f.location.span.file, ...f.related.map((r) => r.span.file)]);
  return list.find((n) => files.has(n.file) || (n.reportAt && files.has(n.reportAt.span.file))) ?? list[0];
}

function zoneLabel(zone: string | undefined): string {
  if (zone === undefined) return 'Availability Zone (not known)';
  const symbolic = /^(.*)#(\d+)$/.exec(zone);
  if (symbolic) return `Availability Zone ${Number(symbolic[2]) + 1} of ${symbolic[1] || 'the region'}`;
  return `Availability Zone ${zone}`;
}

export function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || severityRank(b) > severityRank(a) ? b : a;
}

/** The neighbourhood of resources: nodes within `depth` hops along the edges, either direction. */
export function focusOn(d: Diagram, address: string | readonly string[], depth: number): Diagram {
  const wanted = new Set(typeof address === 'string' ? [address] : address);
  const starts = d.nodes.filter((n) => n.addresses.some((a) => wanted.has(a) || wanted.has(stem(a))));
  if (!starts.length && typeof address === 'string') throw new DiagramError(`--focus ${address}: no resource with this address is drawn`);
  const keep = new Set(starts.map((n) => n.id));
  const copies = (id: string): string[] => d.nodes.filter((n) => n.copyOf === id).map((n) => n.id);
  for (const s of starts) for (const c of copies(s.id)) keep.add(c);
  let frontier = [...keep];
  for (let i = 0; i < depth; i++) {
    const next: string[] = [];
    for (const e of d.edges) {
      const base = (id: string): string => d.nodes.find((n) => n.id === id)?.copyOf ?? id;
      for (const [a, b] of [[e.from, e.to], [e.to, e.from]] as const) {
        if (frontier.some((f) => base(f) === a) && !keep.has(b)) {
          keep.add(b);
          for (const c of copies(b)) keep.add(c);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  return { ...d, nodes: d.nodes.filter((n) => keep.has(n.id)), edges: d.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) };
}

/** The address without its last instance key or trailing number: `aws_sqs_queue.q[3]` → `aws_sqs_queue.q`, `Queue12` → `Queue`. */
export function stem(address: string): string {
  const indexed = /^(.*)\[[^\]]*\]$/.exec(address);
  if (indexed) return indexed[1]!;
  return address.replace(/\d+$/, '');
}

/** Repeated resources in the same box (same type and name, only the index differs) become one node ×N. */
export function groupRepeated(d: Diagram): Diagram {
  const buckets = new Map<string, DiagramNode[]>();
  for (const n of d.nodes) {
    if (n.external) continue;
    const key = [n.parent, n.type, stem(n.label), n.note ?? '', n.copyOf ? 'copy' : ''].join('|');
    push(buckets, key, n);
  }
  const rename = new Map<string, string>();
  const nodes: DiagramNode[] = [];
  const merged = new Set<string>();
  for (const list of buckets.values()) {
    if (list.length < 2 || stem(list[0]!.label) === list[0]!.label) continue;
    const first = list[0]!;
    const addresses = list.flatMap((n) => n.addresses);
    const group: DiagramNode = {
      ...first,
      label: rangeLabel(list.map((n) => n.label)),
      resources: list.flatMap((n) => n.resources),
      addresses,
      count: list.reduce((s, n) => s + n.count, 0),
      findings: list.flatMap((n) => n.findings),
    };
    for (const n of list) if (n.worst) group.worst = worse(group.worst, n.worst);
    if (!group.worst) delete group.worst;
    for (const n of list) {
      rename.set(n.id, first.id);
      merged.add(n.id);
    }
    nodes.push(group);
  }
  for (const n of d.nodes) if (!merged.has(n.id)) nodes.push(n);
  for (const n of nodes) if (n.copyOf && rename.has(n.copyOf)) n.copyOf = rename.get(n.copyOf)!;
  const edges = new Map<string, DiagramEdge>();
  for (const e of d.edges) {
    const from = rename.get(e.from) ?? e.from;
    const to = rename.get(e.to) ?? e.to;
    if (from === to) continue;
    const key = `${from}→${to}`;
    if (!edges.has(key)) edges.set(key, { ...e, from, to });
  }
  const order = new Map(d.nodes.map((n, i) => [n.id, i]));
  nodes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { ...d, nodes, edges: [...edges.values()] };
}

function rangeLabel(labels: string[]): string {
  const indexed = labels.map((l) => /^(.*)\[(\d+)\]$/.exec(l));
  if (indexed.every((m) => m && m[1] === indexed[0]![1])) {
    const nums = indexed.map((m) => Number(m![2])).sort((a, b) => a - b);
    const consecutive = nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
    if (consecutive) return `${indexed[0]![1]}[${nums[0]}..${nums[nums.length - 1]}]`;
  }
  const sorted = [...labels].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return `${sorted[0]} … ${sorted[sorted.length - 1]}`;
}

/** Boxes that hold nothing drawn are left out. */
export function pruneGroups(d: Diagram): Diagram {
  const used = new Set<string>();
  const byId = new Map(d.groups.map((g) => [g.id, g]));
  for (const n of d.nodes) {
    let g = n.parent;
    while (g !== undefined && !used.has(g)) {
      used.add(g);
      g = byId.get(g)?.parent;
    }
  }
  return { ...d, groups: d.groups.filter((g) => used.has(g.id)) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
