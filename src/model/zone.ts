import type { Convert } from './read.js';

/**
 * An Availability Zone: a named one (`us-east-1a`, or a zone id `use1-az1`), or the n-th zone of a
 * region as `Fn::GetAZs` / `aws_availability_zones` give it when the zone names are not known
 * before deployment (`region` absent: the stack's or provider's own region).
 */
export type Zone = { name: string } | { index: number; region?: string };

/** A key that is equal for the same zone: for sets and maps only, never read back. */
export function zoneKey(z: Zone): string {
  return 'name' in z ? `name ${z.name}` : `index ${z.index} of ${z.region ?? ''}`;
}

/** The zone in words, for messages. */
export function describeZone(z: Zone): string {
  return 'name' in z ? z.name : `zone index ${z.index} of ${z.region ? z.region : "the stack's region"}`;
}

export const toZone: Convert<Zone> = (v) => {
  if (v.kind === 'az') return { ok: true, value: v.region === undefined ? { index: v.index } : { index: v.index, region: v.region } };
  if (v.kind === 'string') return { ok: true, value: { name: v.value } };
  if (v.kind === 'ref') return { ok: false, reason: 'known only after deployment' };
  return { ok: false, reason: `a ${v.kind} where an Availability Zone was expected` };
};
