import type { Val } from '../val.js';

/** A status string as "on or off" (`ENABLED` → true), keeping its origin and provenance. */
export function statusIs(v: Val<string>, on: string): Val<boolean> {
  if (v.provenance === 'unknown') return v;
  return { ...v, value: v.value.toUpperCase() === on };
}
