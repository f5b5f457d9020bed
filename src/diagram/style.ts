/** Colours, line styles and the severity marker shared by every diagram format. */
import type { Severity } from '../engine/types.js';
import type { GroupKind, EdgeKind } from './types.js';

/** Border colours by severity; the marker text says the same for readers who do not see colour. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#a4000f',
  high: '#d9480f',
  medium: '#9c6f00',
  low: '#1864ab',
};

/** A marker readable without colour: a distinct symbol and the word. */
export const SEVERITY_SYMBOL: Record<Severity, string> = {
  critical: '■',
  high: '▲',
  medium: '◆',
  low: '●',
};

export function severityMarker(worst: Severity, count: number): string {
  return `${SEVERITY_SYMBOL[worst]} ${worst.toUpperCase()} · ${count} finding${count === 1 ? '' : 's'}`;
}

export const GROUP_STYLE: Record<GroupKind, { color: string; fill: string; dashed?: boolean }> = {
  external: { color: '#495057', fill: '#ffffff', dashed: true },
  account: { color: '#e7157b', fill: '#ffffff' },
  region: { color: '#00a4a6', fill: '#ffffff', dashed: true },
  global: { color: '#7d8998', fill: '#f8f9fa', dashed: true },
  vpc: { color: '#8c4fff', fill: '#ffffff' },
  zone: { color: '#147eba', fill: '#ffffff', dashed: true },
  subnet: { color: '#147eba', fill: '#e6f2f8' },
};
export const PUBLIC_SUBNET = { color: '#7aa116', fill: '#f2f8ea' };

export const EDGE_STYLE: Record<EdgeKind, { style: 'solid' | 'dashed' | 'dotted' | 'bold'; color: string }> = {
  data: { style: 'solid', color: '#343a40' },
  network: { style: 'bold', color: '#d9480f' },
  logs: { style: 'dashed', color: '#5f3dc4' },
  replication: { style: 'dashed', color: '#1864ab' },
  trust: { style: 'dotted', color: '#868e96' },
  reference: { style: 'solid', color: '#adb5bd' },
};
