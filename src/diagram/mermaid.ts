/** Mermaid flowchart of a diagram: renders in GitHub Markdown and pull-request comments. */
import type { Diagram, DiagramGroup, DiagramNode } from './types.js';
import { nodeIds, shorten } from './dot.js';
import { SEVERITY_COLOR, severityMarker } from './style.js';

const ARROW = { data: '-->', network: '==>', logs: '-.->', replication: '-.->', trust: '-.->', reference: '-->' } as const;

export function toMermaid(d: Diagram): string {
  const ids = nodeIds(d);
  const groupIds = new Map(d.groups.map((g, i) => [g.id, `g${i}`]));
  const children = new Map<string | undefined, DiagramGroup[]>();
  for (const g of d.groups) push(children, g.parent, g);
  const nodesIn = new Map<string | undefined, DiagramNode[]>();
  for (const n of d.nodes) push(nodesIn, n.parent, n);
  const lines = ['flowchart TB'];
  const emit = (parent: string | undefined, indent: string): void => {
    for (const n of nodesIn.get(parent) ?? []) lines.push(`${indent}${ids.get(n.id)}["${label(n)}"]`);
    for (const g of children.get(parent) ?? []) {
      lines.push(`${indent}subgraph ${groupIds.get(g.id)}["${text(g.label)}"]`);
      emit(g.id, indent + '  ');
      lines.push(`${indent}end`);
    }
  };
  emit(undefined, '  ');
  for (const e of d.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const cross = [e.crossAccount ? 'cross-account' : '', e.crossRegion ? 'cross-region' : ''].filter(Boolean).join(', ');
    const l = [e.label, cross ? `(${cross})` : ''].filter(Boolean).join(' ');
    lines.push(`  ${from} ${ARROW[e.kind]}${l ? `|"${text(l)}"|` : ''} ${to}`);
  }
  for (const [sev, color] of Object.entries(SEVERITY_COLOR)) lines.push(`  classDef ${sev} stroke:${color},stroke-width:3px`);
  for (const n of d.nodes) if (n.worst) lines.push(`  class ${ids.get(n.id)} ${n.worst}`);
  return lines.join('\n') + '\n';
}

function label(n: DiagramNode): string {
  const name = n.count > 1 ? `${n.label} ×${n.count}` : n.label;
  const parts = [`<b>${text(shorten(name, 48))}</b>`, text([n.service, n.note].filter(Boolean).join(' · '))];
  if (n.worst) parts.push(text(severityMarker(n.worst, n.findings.length)));
  return parts.join('<br/>');
}

/** Mermaid label text: quotes and angle brackets as entities so no label can end the string or inject markup. */
function text(s: string): string {
  return s.replace(/#/g, '#35;').replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
