import { referencedIds } from '../graph/value.js';
import type { Path, PropertyReader } from './read.js';

/** Graph ids of the scanned resources a property's value is built from (`arn:…/restapis/${Api}/stages/${Stage}` → Api, Stage). */
export function mentions(r: PropertyReader, path: Path): string[] {
  const v = r.value(path);
  return v ? [...new Set(referencedIds(v))].filter((id) => r.graph.get(id) !== undefined) : [];
}
