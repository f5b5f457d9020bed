import type { Scalable } from '../facets.js';
import { scalable } from '../facets.js';
import type { AutoScalingGroup } from './types.js';
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

/** The group as a scalable: its capacity is fixed when MinSize = MaxSize (judged at the maximum). */
export function groupScalable(group: AutoScalingGroup): Scalable {
  const { minSize: min, maxSize: max } = group;
  const fixed: Val<boolean> = min.provenance === 'unknown' ? min : max.provenance === 'unknown' ? max : { ...max, value: min.value === max.value };
  return scalable(group, 'Auto Scaling group', fixed, max, { kind: 'auto-scaling-group' });
}
