/** `iac-check diff <base> <head>`: what a change does to the infrastructure and to the findings. */
import type { Finding } from '../engine/types.js';
import type { ScanOutput } from '../scan.js';
import type { ResourceChange } from './resources.js';
import { resourceChanges } from './resources.js';

export interface FindingsDiff {
  /** In head, not in base (by fingerprint): what the change brings. */
  added: Finding[];
  /** In base, not in head: what the change fixes. */
  fixed: Finding[];
  unchanged: Finding[];
}

export interface InfraDiff {
  base: { name: string; scan: ScanOutput };
  head: { name: string; scan: ScanOutput };
  resources: ResourceChange[];
  findings: FindingsDiff;
  notes: string[];
}

/** Findings matched by fingerprint (rule, file, resource, property path), never by line. Suppressed ones are left out. */
export function diffFindings(base: readonly Finding[], head: readonly Finding[]): FindingsDiff {
  const live = (fs: readonly Finding[]): Map<string, Finding> => new Map(fs.filter((f) => !f.suppression).map((f) => [f.fingerprint, f]));
  const before = live(base);
  const after = live(head);
  return {
    added: [...after.values()].filter((f) => !before.has(f.fingerprint)),
    fixed: [...before.values()].filter((f) => !after.has(f.fingerprint)),
    unchanged: [...after.values()].filter((f) => before.has(f.fingerprint)),
  };
}

export async function diffScans(base: { name: string; root: string; scan: ScanOutput }, head: { name: string; root: string; scan: ScanOutput }): Promise<InfraDiff> {
  const { changes, notes } = await resourceChanges({ root: base.root, graph: base.scan.graph! }, { root: head.root, graph: head.scan.graph! });
  return {
    base: { name: base.name, scan: base.scan },
    head: { name: head.name, scan: head.scan },
    resources: changes,
    findings: diffFindings(base.scan.result.findings, head.scan.result.findings),
    notes,
  };
}

/** Changes a reviewer should look at first: replacements and anything touching a security concern. */
export function riskyChanges(d: InfraDiff): ResourceChange[] {
  return d.resources.filter((r) => r.change === 'replaced' || r.change === 'may-replace' || r.security.length > 0);
}
