import type { PropertyReader } from '../read.js';
import type { Val } from '../val.js';

/** Each item of a list of strings with its own origin; a list unknown as a whole is one unknown value. */
export function stringItems(r: PropertyReader, path: (string | number)[]): Val<string>[] {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return [];
  if (v.kind === 'list') return v.items.map((_, i) => r.str([...path, i])!);
  return [r.str(path)!];
}
