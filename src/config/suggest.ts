/** "Did you mean …?" for rule ids and other names a user types. */

/** Edit distance (insertions, deletions, substitutions, and swaps of two neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `name`, when it is close enough to be what was meant: within a
 * third of the name's length, one that contains it or is contained in it, or the only one with all its words.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const dist = editDistance(name.toLowerCase(), k.toLowerCase());
    if (dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  if (best === undefined) return undefined;
  if (bestDistance <= Math.max(2, Math.ceil(name.length / 3))) return best;
  const parts = known.filter((k) => k.includes(name) || (name.length > 3 && name.includes(k)));
  if (parts.length === 1) return parts[0];
  // Every word of the name in one known id (`sg-ingress` → `sg-restricted-ingress`).
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const covering = known.filter((k) => words.length > 1 && words.every((w) => k.toLowerCase().split(/[^a-z0-9]+/).includes(w)));
  return covering.length === 1 ? covering[0] : undefined;
}

/** `unknown rule id "x"` + `; did you mean "y"?` when one is close. */
export function unknownName(what: string, name: string, known: readonly string[]): string {
  const near = closest(name, known);
  return `unknown ${what} "${name}"${near ? `; did you mean "${near}"?` : ''}`;
}
