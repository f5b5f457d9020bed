/** The architecture diagram as data: what every diagram format (SVG, DOT, Mermaid, JSON, HTML) draws. */
import type { Severity } from '../engine/types.js';
import type { RelationKind } from './placement.js';

export type GroupKind = 'account' | 'region' | 'global' | 'vpc' | 'zone' | 'subnet' | 'external';

/** A box: an account, a region, a VPC, an Availability Zone, a subnet, or the outside world. */
export interface DiagramGroup {
  id: string;
  kind: GroupKind;
  label: string;
  parent?: string;
  /** Subnets: instances get public addresses. */
  public?: boolean;
}

export interface NodeFinding {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
}

export interface DiagramNode {
  id: string;
  /** The address, or the range of addresses of a group of repeated resources (`aws_sqs_queue.q[0..39]`). */
  label: string;
  /** Short service name (`S3`, `RDS`), also the icon's name. */
  service: string;
  type: string;
  /** Icon file inside the `aws-icons` package. */
  icon?: string;
  parent?: string;
  /** Graph ids of the resources this node stands for (several for a group, the folded parts not included). */
  resources: string[];
  addresses: string[];
  /** How many resources the node stands for (40 identical queues: 40). */
  count: number;
  /** A second place of the same resource: the standby of a Multi-AZ database, a load balancer's node in another zone. */
  copyOf?: string;
  /** Why it is drawn here: `standby`, `zone 2 of 3`, `in one of 2 zones, chosen at deployment`. */
  note?: string;
  /** Unsuppressed findings on the resource and its folded parts. */
  findings: NodeFinding[];
  worst?: Severity;
  /** The internet or an on-premises network, drawn outside AWS. */
  external?: 'internet' | 'on-premises';
}

export type EdgeKind = RelationKind | 'reference';

export interface DiagramEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
  /** The two ends are in different known accounts or regions. */
  crossAccount?: boolean;
  crossRegion?: boolean;
}

export interface Diagram {
  title: string;
  /** The deployment unit, for `--per-unit` diagrams. */
  unit?: string;
  groups: DiagramGroup[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}
