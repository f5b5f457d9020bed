import type { Edge } from '../graph.js';
import type { Value } from '../value.js';
import type { Interner } from '../../core/strings.js';

/** Every resource id a value mentions (`depends_on` targets). */
export function refIds(v: Value, out: string[] = [], depth = 0): string[] {
  if (depth > 32) return out;
  if (v.kind === 'ref') out.push(v.target);
  else if (v.kind === 'unknown') out.push(...v.refs);
  else if (v.kind === 'list') for (const i of v.items) refIds(i, out, depth + 1);
  else if (v.kind === 'map') for (const i of v.entries.values()) refIds(i, out, depth + 1);
  return out;
}

/** The reference edges of a node: one per reference, named by the property path where it is written. */
export function collectEdges(from: string, v: Value, path: string, edges: Edge[], depth: number, names?: Interner): void {
  if (depth > 32) return;
  switch (v.kind) {
    case 'ref': edges.push({ from, to: v.target, kind: 'reference', path: names ? names.intern(path) : path }); break;
    case 'unknown': {
      const p = names && v.refs.length ? names.intern(path) : path;
      for (const r of new Set(v.refs)) edges.push({ from, to: r, kind: 'reference', path: p });
      break;
    }
    case 'list': v.items.forEach((i, n) => collectEdges(from, i, path ? `${path}.${n}` : String(n), edges, depth + 1, names)); break;
    case 'map': for (const [k, e] of v.entries) collectEdges(from, e, path ? `${path}.${k}` : k, edges, depth + 1, names); break;
    default: break;
  }
}
