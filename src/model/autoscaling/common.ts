import type { PropertyReader } from '../read.js';
import type { Val } from '../val.js';
import type { Zone } from '../zone.js';
import { toZone } from '../zone.js';

/** Each zone of a list of Availability Zones with its own origin. */
export function zoneItems(r: PropertyReader, path: (string | number)[]): Val<Zone>[] {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return [];
  if (v.kind === 'list') return v.items.map((_, i) => r.read([...path, i], toZone)!);
  return [r.read(path, toZone)!];
}
