import type { Val } from './val.js';
import { explicit } from './val.js';
import { PropertyReader } from './read.js';
import type { Path, SubReader } from './read.js';

/**
 * Reading a list one item at a time, and following a reference to an attribute the scan itself
 * sets, so that each model value keeps its own origin. For every adapter; nothing here knows a
 * property spelling.
 */

/**
 * Reads a list of strings one item at a time (Terraform `cidr_blocks`), so that each
 * item keeps its own origin. A list that cannot be known as a whole is one unknown value.
 */
export function eachString(r: PropertyReader | SubReader, path: Path): Val<string>[] {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return [];
  if (v.kind === 'list') return v.items.map((_, i) => followAttribute(r, [...path, i]) ?? r.str([...path, i])!).filter((x) => x !== undefined);
  const one = followAttribute(r, path) ?? r.str(path);
  return one ? [one] : [];
}

/**
 * A reference to another resource's attribute that the template itself sets (`aws_vpc.main.cidr_block`):
 * the value written there, with its origin. Undefined for anything else.
 */
export function followAttribute(r: PropertyReader | SubReader, path: Path): Val<string> | undefined {
  const v = r.value(path);
  if (v?.kind !== 'ref' || !v.attribute) return undefined;
  const parent = r instanceof PropertyReader ? r : r.parent;
  const target = parent.graph.get(v.target);
  if (!target || !target.properties.entries.has(v.attribute)) return undefined;
  const found = new PropertyReader(target, parent.graph, '').str([v.attribute]);
  const here = r.str(path);
  // The value written on the other resource, pointed at where this rule uses it.
  return found?.provenance === 'explicit' && here ? explicit(found.value, here.origin) : undefined;
}
