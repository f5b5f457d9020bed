/**
 * Terraform version constraints, as a module block's `version` argument writes them
 * (developer.hashicorp.com/terraform/language/expressions/version-constraints): comma-separated
 * `=`, `!=`, `>`, `>=`, `<`, `<=` and `~>` (the rightmost written part may grow). A pre-release is
 * chosen only when a constraint names it exactly. Not npm ranges, so not the `semver` package.
 */

interface Version {
  parts: [number, number, number];
  pre: string;
  text: string;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(text: string): (Version & { written: number }) | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  const written = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { parts: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ?? '', text: text.trim(), written };
}

export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  return compare(x, y);
}

function compare(x: Version, y: Version): number {
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return x.parts[i]! - y.parts[i]!;
  if (x.pre === y.pre) return 0;
  if (x.pre === '') return 1;
  if (y.pre === '') return -1;
  return x.pre < y.pre ? -1 : 1;
}

type Check = (v: Version) => boolean;

/** The checks of a constraint string, or an error message. */
function constraint(text: string): Check[] | string {
  const checks: Check[] = [];
  for (const raw of text.split(',')) {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(raw);
    const want = m ? parse(m[2]!) : undefined;
    if (!m || !want) return `"${raw.trim()}" is not a version constraint`;
    const op = m[1] ?? '=';
    const exactPre = want.pre !== '';
    const base: Check = (v) => v.pre === '' || (exactPre && compare(v, want) === 0);
    switch (op) {
      case '=': checks.push((v) => compare(v, want) === 0); break;
      case '!=': checks.push((v) => base(v) && compare(v, want) !== 0); break;
      case '>': checks.push((v) => base(v) && compare(v, want) > 0); break;
      case '>=': checks.push((v) => base(v) && compare(v, want) >= 0); break;
      case '<': checks.push((v) => base(v) && compare(v, want) < 0); break;
      case '<=': checks.push((v) => base(v) && compare(v, want) <= 0); break;
      case '~>': {
        // ~> 1.2.3 allows >= 1.2.3 and < 1.3.0; ~> 1.2 allows >= 1.2 and < 2.0.
        const upper: [number, number, number] = want.written >= 3 ? [want.parts[0], want.parts[1] + 1, 0] : want.written === 2 ? [want.parts[0] + 1, 0, 0] : [want.parts[0] + 1, 0, 0];
        const top: Version = { parts: upper, pre: '', text: '' };
        checks.push((v) => base(v) && compare(v, want) >= 0 && compare(v, top) < 0);
        break;
      }
    }
  }
  return checks;
}

/** The newest of `available` that meets the constraint (any release when there is none), or why none does. */
export function pickVersion(available: readonly string[], constraintText: string | undefined): { version: string } | { error: string } {
  const checks = constraint(constraintText?.trim() ? constraintText : '>= 0.0.0');
  if (typeof checks === 'string') return { error: checks };
  const ok = available
    .map(parse)
    .filter((v): v is Version & { written: number } => v !== undefined && checks.every((c) => c(v)))
    .sort(compare);
  const best = ok.at(-1);
  return best ? { version: best.text.replace(/^v/, '') } : { error: `no version meets "${constraintText ?? ''}" (the registry lists ${available.length ? available.join(', ') : 'none'})` };
}
