/**
 * V8 lets the heap grow to up to about four times what is alive before it collects again: for a
 * scan whose live data is 500 MB (a 100,000-resource plan with 400,000 findings, or the graph and the
 * model of 200,000 Terraform resources) that is a peak of 1.3–1.7 GB. When a scan is known to be that
 * large, the heap is made to grow by at most a part of what is alive (`--heap-growing-percent`, read by
 * V8 each time it sets the next heap limit), trading some CPU time for a peak under 1 GiB. Small scans
 * never pay it, and a growth chosen on Node's command line is left alone (Node refuses this V8 flag in
 * NODE_OPTIONS).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { v8FlagGiven } from './v8-flags.js';

/** Inputs at least this large (bytes of text read at once) bound the heap's growth. */
export const LARGE_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Once this much of the heap is in use at a checkpoint (after each Terraform root, after each model
 * adapter), its growth is bounded to `LARGE_HEAP_GROWTH` percent. What decides a scan's memory is how
 * many resources its configurations instantiate, not how much text they are: the bench's
 * 220,842-resource corpus is 23 MB of Terraform. Measured on it (2-core bench machine, whole CLI
 * process, `-f json -o /dev/null`): peak RSS 1,225–1,250 MiB and 94–98 s CPU with V8's default growth,
 * 958–970 MiB and 114–120 s with this bound; at 84,273 resources 665 → 506 MiB, 24.0 → 26.5 s.
 * Scans of a few thousand resources stay far below the threshold.
 */
export const LARGE_HEAP_BYTES = 384 * 1024 * 1024;
export const LARGE_HEAP_GROWTH = 40;

let bound = Infinity;

/** The growth bound (percent) for a plan of `bytes` of text, or undefined when the default suits it. */
export function planHeapGrowth(bytes: number): number | undefined {
  return bytes >= LARGE_INPUT_BYTES ? 50 : undefined;
}

/** The growth bound (percent) once `usedBytes` of the heap are in use, or undefined when the default suits it. */
export function heapGrowthAt(usedBytes: number): number | undefined {
  return usedBytes >= LARGE_HEAP_BYTES ? LARGE_HEAP_GROWTH : undefined;
}

/** Sets the growth bound; `collect` also collects at once, so that the bound applies from here on. */
function boundHeap(percent: number | undefined, collect = false): void {
  if (percent === undefined || percent >= bound) return;
  bound = percent;
  if (v8FlagGiven(process.execArgv, 'heap-growing-percent')) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  // V8 reads the growth when it sets the next limit, after a collection. The limit standing now was set
  // at the last one, up to four times what was alive then: a bound set at 320 MiB still let the heap
  // reach 1,151 MiB before the next collection. Collecting once here (a few hundred ms at this size)
  // puts the bounded limit in place. `gc` is given to a new context only, never to the scan's own globals.
  if (collect) {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  }
}

/** Bounds the heap's growth for the rest of the process when a plan of `bytes` of text is about to be read. */
export function largeInput(bytes: number): void {
  boundHeap(planHeapGrowth(bytes));
}

/** A point of a long scan where its size is known so far: bounds the heap's growth for the rest of the process once the heap is large. */
export function heapCheckpoint(usedBytes = getHeapStatistics().used_heap_size): void {
  if (bound <= LARGE_HEAP_GROWTH) return;
  boundHeap(heapGrowthAt(usedBytes), true);
}
