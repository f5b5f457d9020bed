/**
 * Strings that outlive the text they were read from. V8 makes a substring of 13 characters or more
 * a *slice* that points into its parent: one resource address kept from a plan's JSON keeps the
 * whole 80 MB text alive. `detach` returns a copy that owns its characters (same value).
 */
export function detach(s: string): string {
  // Concatenating gives a rope; slicing it flattens the rope into a new string of its own.
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

/**
 * One copy of each string seen (property paths, repeated per resource): `intern(a) === intern(b)`
 * when `a === b`. A table per scan, so a long-lived process does not keep every string forever.
 */
export class Interner {
  private readonly seen = new Map<string, string>();
  intern(s: string): string {
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const own = detach(s);
    this.seen.set(own, own);
    return own;
  }
}
