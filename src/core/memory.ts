/**
 * V8 lets the heap grow to up to about four times what is alive before it collects again: for a
 * scan whose live data is 500 MB (a 100,000-resource plan with 400,000 findings) that is a peak near
 * 1.7 GB. When an input is known to be that large, the heap is made to grow by at most a part of what
 * is alive (`--heap-growing-percent`, read by V8 each time it sets the next heap limit), trading some CPU
 * time for a peak under 1 GiB. Small scans never pay it.
 */
import { setFlagsFromString } from 'node:v8';

/** Inputs at least this large (bytes of text read at once) bound the heap's growth. */
export const LARGE_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Terraform configurations of at least this much text (all files together) bound the heap's growth to
 * a tenth of what is alive: a 210,000-resource generated corpus (118 MB) peaks at 1,006 MiB instead of
 * 1,790 MiB, for about a third more CPU time. A 100,000-resource corpus (59 MB) stays under 1 GiB without it.
 */
export const LARGE_TERRAFORM_BYTES = 64 * 1024 * 1024;

let bound = Infinity;

/** The growth bound (percent) for `bytes` of input of a kind, or undefined when the default suits it. */
export function heapGrowthFor(kind: 'plan' | 'terraform', bytes: number): number | undefined {
  if (kind === 'plan') return bytes >= LARGE_INPUT_BYTES ? 50 : undefined;
  return bytes >= LARGE_TERRAFORM_BYTES ? 10 : undefined;
}

function boundHeap(percent: number | undefined): void {
  if (percent === undefined || percent >= bound) return;
  bound = percent;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Bounds the heap's growth for the rest of the process when `bytes` of input are about to be read. */
export function largeInput(bytes: number): void {
  boundHeap(heapGrowthFor('plan', bytes));
}

/** Bounds the heap's growth for the rest of the process once `bytes` of Terraform configuration text were read. */
export function largeTerraform(bytes: number): void {
  boundHeap(heapGrowthFor('terraform', bytes));
}
