/**
 * Isolation of code that walks lists of resources (model adapters over the graph, rules over the
 * model): when it throws on one resource, that resource is named, left out, and the walk runs
 * again over the others, so one bad resource never hides the findings of the rest.
 *
 * The lists are handed out through tracking views. The resource blamed for an exception is the
 * item of the outermost `for … of` loop that the exception left (loops are left innermost first),
 * else the item read last by index (`filter`, `map`, `find` callbacks).
 *
 * Tracking costs a proxy read per item, and almost every walk throws nowhere: the first attempt is
 * run on plain copies of the lists, and only a walk that threw is run again, tracked, to find the
 * item to blame (the walks are deterministic, so it throws again on the same item).
 */

import type { Span } from './source.js';

export interface Failure<T> {
  /** The item being processed when it threw, when one was being processed. */
  item: T | undefined;
  error: unknown;
}

export interface Tracker<T extends object> {
  /** A view of `list` without the excluded items, that records which item is being processed. */
  view(list: readonly T[]): T[];
}

/** At most this many failures of one walk are isolated; then the walk is given up (an error says so). */
export const MAX_ISOLATED_FAILURES = 20;

/**
 * Runs `attempt` on plain copies of the lists; when it throws, again with a tracker, and again without
 * the blamed item each time it throws. `undo` is called before each retry to discard what the failed
 * attempt produced. Returns the failures.
 */
export function runIsolated<T extends object>(attempt: (tracker: Tracker<T>) => void, undo: () => void): { failures: Failure<T>[]; gaveUp: boolean } {
  try {
    attempt({ view: (list) => [...list] });
    return { failures: [], gaveUp: false };
  } catch {
    undo();
  }
  const excluded = new Set<T>();
  const failures: Failure<T>[] = [];
  for (;;) {
    let lastRead: T | undefined;
    let left: T[] = [];
    const track = (item: T | undefined): void => {
      left = [];
      if (item !== undefined) lastRead = item;
    };
    const tracker: Tracker<T> = {
      view(list) {
        const items = excluded.size ? list.filter((i) => !excluded.has(i)) : [...list];
        return new Proxy(items, {
          get(target, key, receiver) {
            if (key === Symbol.iterator) {
              return function* iterate(): Generator<T> {
                let current: T | undefined;
                let done = false;
                try {
                  for (const item of target) {
                    track(item);
                    current = item;
                    yield item;
                  }
                  done = true;
                } finally {
                  // Left early (a break, or an exception on its way out): remember the item, outermost last.
                  if (!done && current !== undefined) left.push(current);
                }
              };
            }
            if (typeof key === 'string' && /^\d+$/.test(key)) track(target[Number(key)]);
            return Reflect.get(target, key, receiver) as unknown;
          },
        });
      },
    };
    try {
      attempt(tracker);
      return { failures, gaveUp: false };
    } catch (error) {
      const item = left.length ? left[left.length - 1] : lastRead;
      failures.push({ item, error });
      if (item === undefined || excluded.has(item) || failures.length >= MAX_ISOLATED_FAILURES) return { failures, gaveUp: true };
      excluded.add(item);
      undo();
    }
  }
}

/** The message of an unexpected exception, for an error line (never a stack trace). */
export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`;
  return String(e);
}

export const REPORT_BUG = 'this is a bug in iac-check: please report it with the file that caused it';

/**
 * Where an unexpected exception happened, as the code it passed through recorded it: the innermost
 * place wins (the expression being evaluated, then the resource being built, then the unit).
 */
const PLACES = new WeakMap<object, Span>();

/**
 * Records `span` as where `error` happened unless a place closer to it was recorded already, and
 * returns the error to rethrow: `catch (e) { throw placed(e, expr.span); }`. A thrown value that is
 * not an object (a string) is wrapped in an Error so that it can carry its place.
 */
export function placed(error: unknown, span: Span | undefined): unknown {
  const e = typeof error === 'object' && error !== null ? error : new Error(String(error));
  if (span && !PLACES.has(e)) PLACES.set(e, span);
  return e;
}

/** The place `placed` recorded for an exception, as an error position; else `fallback` (the unit's start). */
export function placeOf(error: unknown, fallback: { file: string; line: number; column: number }): { file: string; line: number; column: number } {
  const span = typeof error === 'object' && error !== null ? PLACES.get(error) : undefined;
  return span ? { file: span.file, line: span.start.line, column: span.start.column } : fallback;
}
