import type { Origin, Val } from './val.js';
import { unknownVal } from './val.js';

/**
 * Operations on model values that every adapter uses. Nothing here knows a service or a
 * property spelling.
 */

/** Maps a known value, keeping its origin and provenance. */
export function mapVal<A, B>(v: Val<A>, f: (a: A) => B): Val<B> {
  if (v.provenance === 'unknown') return v;
  return { ...v, value: f(v.value) } as Val<B>;
}

/** A value that must be present: the given one, or unknown anchored where it should be. */
export function required<T>(v: Val<T> | undefined, origin: Origin, what: string): Val<T> {
  return v ?? unknownVal(origin, `${what} is not set`);
}
