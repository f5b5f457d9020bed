/**
 * The delivery question shared by `central-logging` (sources whose logs exist nowhere else) and
 * `supplementary-logging` (sources with a `lower` reason): the rules differ in which sources they
 * judge, and so in severity, not in how a source's delivery is read.
 */
import type { LogSource } from '../model/facets.js';
import { how, isFalse, property, undecided } from './kit.js';
import type { RuleContext } from './rule.js';

/** Reports a source whose logs are off (`none` when nothing is set at all, `notDelivered` at the value that turns them off). */
export function reportUndelivered(ctx: RuleContext<'none' | 'notDelivered'>, s: LogSource): void {
  if (s.notJudged) return;
  const v = s.enabled;
  if (undecided(ctx, s.owner, v, `whether the ${s.what} delivers ${s.logs}`) || !isFalse(v)) return;
  if (property(v) === '' && v.provenance === 'default') {
    ctx.report({ messageId: 'none', at: v, resource: s.owner, data: { what: s.what, logs: s.logs, assumed: v.assumed } });
  } else {
    ctx.report({ messageId: 'notDelivered', at: v, resource: s.owner, data: { what: s.what, logs: s.logs, property: property(v), how: how(v) } });
  }
}

/** The destination through which a source delivers its logs into itself, if any. */
export function deliversToItself(s: LogSource): LogSource['destinations'][number] | undefined {
  return s.destinations.find((d) => d.provenance !== 'unknown' && d.value.id === s.owner.resource.id);
}
