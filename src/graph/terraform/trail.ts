import type { Hop, Span } from '../../core/source.js';
import type { RefValue, Value } from '../value.js';
import { within } from './values.js';

/**
 * A value read through a module output (`module.net.vpc_cidr_block`), keeping where each of its parts
 * is written, with the way it came (`hops`: the output, the module call, the read) added to every part's
 * trail. A reference written in the output's own expression (`value = aws_vpc.this.cidr_block`) only
 * forwards: it is re-anchored where the module declares what it names (`declared`), so findings land in
 * the resource, not in `outputs.tf`; any other value computed in that expression (`names[0]` of a data
 * source, a list built by a splat) is anchored where it is read (`read`), as a value from a variable is.
 */
export function throughOutput(v: Value, hops: readonly Hop[], outputExpr: Span | undefined, read: Span, declared: (ref: RefValue) => Span | undefined): Value {
  const memo = new Map<Value, Value>();
  const walk = (x: Value, depth: number): Value => {
    const seen = memo.get(x);
    if (seen) return seen;
    let span = x.span;
    if (outputExpr && within(x.span, outputExpr)) span = (x.kind === 'ref' ? declared(x) : undefined) ?? read;
    span = extend(span, hops);
    let out: Value;
    if (depth > 64) out = { ...x, span } as Value;
    else if (x.kind === 'list') out = { kind: 'list', items: x.items.map((i) => walk(i, depth + 1)), span };
    else if (x.kind === 'map') {
      const entries = new Map<string, Value>();
      for (const [k, e] of x.entries) entries.set(k, walk(e, depth + 1));
      const keySpans = new Map<string, Span>();
      for (const [k, s] of x.keySpans) keySpans.set(k, extend(s, hops));
      out = { kind: 'map', entries, keySpans, span };
    } else if (x.kind === 'unknown' && x.options) out = { ...x, options: x.options.map((o) => walk(o, depth + 1)), span };
    else out = { ...x, span } as Value;
    memo.set(x, out);
    return out;
  };
  return walk(v, 0);
}

/** `span` with `hops` appended to its trail (a hop already there, as nested outputs give, is not repeated). */
function extend(span: Span, hops: readonly Hop[]): Span {
  const via = [...(span.via ?? [])];
  for (const h of hops) if (!via.some((o) => samePlace(o.span, h.span))) via.push(h);
  return { ...span, via };
}

function samePlace(a: Span, b: Span): boolean {
  return a.file === b.file && a.start.line === b.start.line && a.start.column === b.start.column;
}
