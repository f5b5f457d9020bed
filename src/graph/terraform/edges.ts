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
export function collectEdges(from: string, v: Value, edges: Edge[], names: Interner): void {
  walkEdges(from, v, [], edges, names);
}

/** `at` is the path to `v`; its text is made only where a reference is found (most values hold none). */
function walkEdges(from: string, v: Value, at: (string | number)[], edges: Edge[], names: Interner): void {
  if (at.length > 32) return;
  switch (v.kind) {
    case 'ref': edges.push({ from, to: v.target, kind: 'reference', path: names.intern(pathText(at)) }); break;
    case 'unknown': {
      if (v.refs.length === 0) break;
      const path = names.intern(pathText(at));
      for (const r of new Set(v.refs)) edges.push({ from, to: r, kind: 'reference', path });
      break;
    }
    case 'list':
      for (let n = 0; n < v.items.length; n++) {
        at.push(n);
        walkEdges(from, v.items[n]!, at, edges, names);
        at.pop();
      }
      break;
    case 'map':
      for (const [k, e] of v.entries) {
        at.push(k);
        walkEdges(from, e, at, edges, names);
        at.pop();
      }
      break;
    default: break;
  }
}

/** `a.0.b`: the steps joined by dots, as a property path is written (an empty step adds no dot at the start). */
function pathText(at: (string | number)[]): string {
  let path = '';
  for (const step of at) path = path ? `${path}.${step}` : String(step);
  return path;
}
