/**
 * V8 lets the heap grow to up to about four times what is alive before it collects again: for a
 * scan whose live data is 500 MB (a 100,000-resource plan with 400,000 findings) that is a peak near
 * 1.7 GB. When an input is known to be that large, the heap is made to grow by at most half of what
 * is alive (`--heap-growing-percent`, read by V8 each time it sets the next limit), trading some CPU
 * time (+25 % on that plan) for a peak under 1 GiB. Small scans never pay it.
 */
import { setFlagsFromString } from 'node:v8';

/** Inputs at least this large (bytes of text read at once) bound the heap's growth. */
export const LARGE_INPUT_BYTES = 32 * 1024 * 1024;

let bounded = false;

/** Bounds the heap's growth for the rest of the process when `bytes` of input are about to be read. */
export function largeInput(bytes: number): void {
  if (bounded || bytes < LARGE_INPUT_BYTES) return;
  bounded = true;
  setFlagsFromString('--heap-growing-percent=50');
}
