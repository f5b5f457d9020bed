/** Graphviz DOT of a diagram: nested clusters for accounts, regions, VPCs, zones and subnets. */
import type { Diagram, DiagramGroup, DiagramNode } from './types.js';
import { EDGE_STYLE, GROUP_STYLE, PUBLIC_SUBNET, SEVERITY_COLOR, severityMarker } from './style.js';

export interface DotOptions {
  /** Put each node's icon in its label (`<IMG SRC="icon file">`); the SVG renderer supplies the images. */
  icons?: boolean;
}

/** Stable DOT and SVG ids of the diagram's nodes: `n0`, `n1` … in node order. */
export function nodeIds(d: Diagram): Map<string, string> {
  return new Map(d.nodes.map((n, i) => [n.id, `n${i}`]));
}

export function toDot(d: Diagram, options: DotOptions = {}): string {
  const ids = nodeIds(d);
  const children = new Map<string | undefined, DiagramGroup[]>();
  for (const g of d.groups) push(children, g.parent, g);
  const nodesIn = new Map<string | undefined, DiagramNode[]>();
  for (const n of d.nodes) push(nodesIn, n.parent, n);
  const lines: string[] = [
    `digraph ${quote(d.title)} {`,
    '  graph [fontname="Helvetica", fontsize=12, compound=true, newrank=true, rankdir=TB, nodesep=0.35, ranksep=0.5, labeljust=l];',
    '  node [fontname="Helvetica", fontsize=10, shape=plain];',
    '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];',
  ];
  const emit = (parent: string | undefined, indent: string): void => {
    for (const n of nodesIn.get(parent) ?? []) lines.push(`${indent}${ids.get(n.id)} [id=${quote(ids.get(n.id)!)}, class=${quote(nodeClass(n))}, label=<${nodeLabel(n, options)}>, tooltip=${quote(n.addresses.join(', ') || n.label)}];`);
    for (const g of children.get(parent) ?? []) {
      const s = g.kind === 'subnet' && g.public ? { ...GROUP_STYLE.subnet, ...PUBLIC_SUBNET } : GROUP_STYLE[g.kind];
      lines.push(`${indent}subgraph ${quote(`cluster_${g.id}`)} {`);
      lines.push(`${indent}  graph [label=${quote(g.label)}, color=${quote(s.color)}, fillcolor=${quote(s.fill)}, style=${quote(s.dashed ? 'dashed,filled' : 'filled')}, id=${quote(`g:${g.id}`)}];`);
      emit(g.id, indent + '  ');
      lines.push(`${indent}}`);
    }
  };
  emit(undefined, '  ');
  for (const e of d.edges) {
    const s = EDGE_STYLE[e.kind];
    const cross = [e.crossAccount ? 'cross-account' : '', e.crossRegion ? 'cross-region' : ''].filter(Boolean).join(', ');
    const label = [e.label, cross ? `(${cross})` : ''].filter(Boolean).join(' ');
    const attrs = [`style=${s.style}`, `color=${quote(cross ? '#c2255c' : s.color)}`];
    if (label) attrs.push(`label=${quote(label)}`);
    if (cross) attrs.push('penwidth=2');
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (from && to) lines.push(`  ${from} -> ${to} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function nodeClass(n: DiagramNode): string {
  return ['resource', n.worst ? `severity-${n.worst}` : 'severity-none', n.external ? 'external' : ''].filter(Boolean).join(' ');
}

function nodeLabel(n: DiagramNode, options: DotOptions): string {
  const color = n.worst ? SEVERITY_COLOR[n.worst] : '#adb5bd';
  const border = n.worst === 'critical' ? 3 : n.worst ? 2 : 1;
  const style = n.worst === 'medium' ? ' STYLE="dashed"' : n.worst === 'low' ? ' STYLE="dotted"' : n.worst ? '' : ' STYLE="rounded"';
  const rows: string[] = [];
  if (options.icons && n.icon) rows.push(`<TR><TD FIXEDSIZE="TRUE" WIDTH="32" HEIGHT="32"><IMG SRC="${html(n.icon)}"/></TD></TR>`);
  const name = n.count > 1 ? `${n.label} ×${n.count}` : n.label;
  rows.push(`<TR><TD><B>${html(shorten(name, 48))}</B></TD></TR>`);
  rows.push(`<TR><TD><FONT POINT-SIZE="9" COLOR="#495057">${html([n.service, n.note].filter(Boolean).join(' · '))}</FONT></TD></TR>`);
  if (n.worst) rows.push(`<TR><TD><FONT POINT-SIZE="9" COLOR="${color}"><B>${html(severityMarker(n.worst, n.findings.length))}</B></FONT></TD></TR>`);
  return `<TABLE BORDER="${border}" CELLBORDER="0" CELLSPACING="1" CELLPADDING="3" BGCOLOR="white" COLOR="${color}"${style}>${rows.join('')}</TABLE>`;
}

export function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
