/**
 * Reads files ahead of the one being processed: while one file is parsed (CPU, this thread), the
 * next ones are read (stat, open, read: libuv's thread pool), so the scan does not wait for the
 * disk between two files. The first reads start when it is made; taking file `i` starts reads up
 * to file `i + window`, no further. Files are taken one by one in order, so what the scan does
 * with them, and in what order, is unchanged; only the reads happen sooner.
 */
export interface ReadAhead<R> {
  /** File `index`'s read, started now if it was not yet. Each file is taken once, in order. */
  take(index: number): Promise<R>;
}

export function readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, window: number): ReadAhead<R> {
  const reads: (Promise<R> | undefined)[] = [];
  let taken = -1;
  const startUpTo = (end: number): void => {
    for (let i = reads.length; i < Math.min(end, items.length); i++) {
      const item = items[i]!;
      const p = (async () => read(item))();
      // A read that fails is the failure of its own file, rethrown where that file is taken; never unhandled meanwhile.
      p.catch(() => undefined);
      reads.push(p);
    }
  };
  startUpTo(window);
  return {
    take(index) {
      if (index !== taken + 1 || index >= items.length) throw new Error(`readAhead: file ${index} taken out of order (${taken + 1} is next of ${items.length})`);
      taken = index;
      startUpTo(index + 1 + window);
      const p = reads[index]!;
      // The text is the caller's from now on: it goes when the caller lets it go.
      reads[index] = undefined;
      return p;
    },
  };
}
