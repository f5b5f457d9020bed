import type { Val } from '../val.js';
import { explicit } from '../val.js';

/** `us-east-1a` → `us-east-1` (a One Zone destination names an AZ instead of a region). */
export function regionOfAz(az: Val<string>): Val<string> {
  if (az.provenance !== 'explicit') return az;
  const m = /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/.exec(az.value);
  return m ? explicit(m[1]!, az.origin) : az;
}
