import { sameAccountAndRegion } from '../graph/graph.js';
import type { CompositeAlarm, MetricAlarm } from './cloudwatch/types.js';
import type { MonitoredResource } from './cloudwatch/monitored.js';
import type { CloudModel } from './model.js';
import type { Val } from './val.js';
import { isKnown } from './val.js';

/**
 * Matches CloudWatch alarms to the resources they watch, through their metrics' dimensions: a
 * dimension that references a resource links to it; a literal value names the resource with that
 * literal name in the same account and region (CloudWatch metrics are regional); an unknown value,
 * or a literal where the resource's own name is unknown, may name it (`maybe`, for a notice).
 * Composite alarms are joined to the alarms their rule names, so their actions act for them.
 */
export function linkAlarms(model: CloudModel): void {
  linkComposites(model);
  const facets = model.facets.monitored;
  if (facets.length === 0) return;

  // The DB instances of an Aurora cluster: alarms on them (`DBInstanceIdentifier`) watch the cluster.
  const byOwner = new Map(facets.map((f) => [f.owner.resource.id, f]));
  for (const m of model.dbClusterMembers) {
    const id = isKnown(m.cluster) ? m.cluster.value.id : undefined;
    const f = id ? byOwner.get(id) : undefined;
    if (f) f.parts.push(m.resource.id);
  }

  const byDimension = new Map<string, MonitoredResource[]>();
  for (const f of facets) byDimension.set(f.dimension, [...(byDimension.get(f.dimension) ?? []), f]);
  const partDimension = 'DBInstanceIdentifier';

  for (const alarm of model.metricAlarms) {
    const ctx = alarm.resource.context;
    const matched = new Set<MonitoredResource>();
    const maybe = new Map<MonitoredResource, { at: Val<unknown>; reason: string }>();
    for (const metric of alarm.metrics) {
      const ns = isKnown(metric.namespace) ? metric.namespace.value : undefined;
      const fits = (f: MonitoredResource): boolean => ns === undefined || !ns.startsWith('AWS/') || f.namespaces.includes(ns);
      if (metric.unknownDimensions && ns !== undefined) {
        for (const f of facets) {
          if (f.namespaces.includes(ns) && sameAccountAndRegion(ctx, f.owner.resource.context)) {
            maybe.set(f, { at: metric.unknownDimensions, reason: `the dimensions of alarm ${alarm.resource.address} are unknown` });
          }
        }
      }
      for (const d of metric.dimensions) {
        if (!isKnown(d.name)) continue;
        const candidates = [...(byDimension.get(d.name.value) ?? [])];
        if (d.name.value === partDimension) for (const f of facets) if (f.parts.length && !candidates.includes(f)) candidates.push(f);
        for (const f of candidates) {
          if (!fits(f)) continue;
          const v = d.value;
          if (!isKnown(v)) {
            if (sameAccountAndRegion(ctx, f.owner.resource.context)) maybe.set(f, { at: v, reason: `${d.name.value} of alarm ${alarm.resource.address} is unknown (${v.reason})` });
            continue;
          }
          if (v.value.id !== undefined) {
            const own = f.dimension === d.name.value && v.value.id === f.owner.resource.id;
            const part = d.name.value === partDimension && f.parts.includes(v.value.id);
            if (own || part) matched.add(f);
            continue;
          }
          const literal = v.value.literal;
          if (literal === undefined || f.dimension !== d.name.value || !f.name || !sameAccountAndRegion(ctx, f.owner.resource.context)) continue;
          if (!isKnown(f.name)) {
            maybe.set(f, { at: v, reason: `alarm ${alarm.resource.address} names ${literal}, and the name of ${f.owner.resource.address} is unknown (${f.name.reason})` });
            continue;
          }
          const named = f.fullName ? literal.split('/')[1] ?? literal : literal;
          if (named === f.name.value) matched.add(f);
        }
      }
    }
    for (const f of matched) f.alarms.push(alarm);
    for (const [f, m] of maybe) if (!matched.has(f)) f.maybe.push({ alarm, ...m });
  }
}

/** Each alarm (metric or composite) learns which composite alarms name it in their rule. */
function linkComposites(model: CloudModel): void {
  const all: (MetricAlarm | CompositeAlarm)[] = [...model.metricAlarms, ...model.compositeAlarms];
  const byId = new Map(all.map((a) => [a.resource.id, a]));
  const byName = new Map<string, (MetricAlarm | CompositeAlarm)[]>();
  for (const a of all) if (a.name && isKnown(a.name)) byName.set(a.name.value, [...(byName.get(a.name.value) ?? []), a]);
  for (const c of model.compositeAlarms) {
    for (const child of c.children) {
      const targets = child.id !== undefined
        ? [byId.get(child.id)]
        : (byName.get(child.literal ?? '') ?? []).filter((t) => sameAccountAndRegion(c.resource.context, t.resource.context));
      for (const t of targets) if (t && t !== c && !t.composites.includes(c)) t.composites.push(c);
    }
  }
}
