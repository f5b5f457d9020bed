import type { ScanProgress } from '../scan.js';
import type { Io } from './io.js';

/**
 * A progress line on standard error, only on a terminal, only once the scan has taken a second,
 * never with `--quiet`; erased when the scan ends, so reports and pipes never see it.
 */
export function progressLine(io: Io, quiet: boolean, delayMs = 1000, now: () => number = Date.now): { update: (p: ScanProgress) => void; done: () => void } {
  if (quiet || io.errIsTTY !== true) return { update: () => {}, done: () => {} };
  const started = now();
  let shown = false;
  let last = 0;
  return {
    update(p) {
      const t = now();
      if (t - started < delayMs || t - last < 100) return;
      last = t;
      shown = true;
      const what = p.phase === 'discovering' ? 'discovering files' : p.phase === 'parsing' ? `parsing ${p.done}/${p.total} files` : `checking rules (${p.total} files read)`;
      io.err(`\r\u001b[2Kiac-check: ${what}`);
    },
    done() {
      if (shown) io.err('\r\u001b[2K');
    },
  };
}
