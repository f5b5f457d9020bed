import type { Value } from '../../graph/value.js';
import { referencedIds } from '../../graph/value.js';
import type { ResourceGraph } from '../../graph/graph.js';
import type { Path, PropertyReader, SubReader } from '../read.js';
import { linkFromValue } from '../read.js';
import type { Span } from '../../core/source.js';
import type { Link, Origin, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import type { AlarmActions, AlarmMetric, MetricAlarm, MetricDimension } from './types.js';

type Reader = PropertyReader | SubReader;

/** An action list: absent is none (the documented default), a list of links when known, else unknown. */
export function actionList(r: PropertyReader, path: Path): AlarmActions {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return defaulted<Link[]>([], r.origin(path), 'no actions');
  const origin = r.origin(path, v.span);
  if (v.kind === 'list') return explicit(v.items.map((item) => actionTarget(item, r.graph)), origin);
  if (v.kind === 'unknown') return unknownVal(origin, v.reason);
  return explicit([actionTarget(v, r.graph)], origin);
}

/** One action: the resource it names, a literal ARN, or an unnamed action (an ARN that is known only after deployment). */
function actionTarget(v: Value, graph: ResourceGraph): Link {
  const l = linkFromValue(v, { span: v.span, path: '', resource: '' }, graph);
  return l.provenance === 'unknown' ? {} : l.value;
}

/** Dimensions written as a list of `{ Name, Value }` maps (CloudFormation). */
export function dimensionList(r: Reader, path: Path, name: string, value: string): Pick<AlarmMetric, 'dimensions' | 'unknownDimensions'> {
  const v = r.value(path);
  if (v?.kind === 'unknown') return { dimensions: [], unknownDimensions: r.read(path, () => ({ ok: false, reason: v.reason }))! };
  const dimensions: MetricDimension[] = r.each(path).map((d) => ({
    name: d.str([name]) ?? unknownVal(d.origin(), `${name} is not set`),
    value: d.link([value]) ?? unknownVal(d.origin(), `${value} is not set`),
  }));
  return { dimensions };
}

/** Dimensions written as a map of name to value (Terraform). */
export function dimensionMap(r: Reader, path: Path): Pick<AlarmMetric, 'dimensions' | 'unknownDimensions'> {
  const v = r.value(path);
  if (v === undefined || v.kind === 'null') return { dimensions: [] };
  if (v.kind !== 'map') return { dimensions: [], unknownDimensions: r.read(path, () => ({ ok: false, reason: v.kind === 'unknown' ? v.reason : `a ${v.kind} where a map was expected` }))! };
  const dimensions: MetricDimension[] = [...v.entries.keys()].map((key) => ({
    name: explicit(key, originOf(r, [...path, key], v.keySpans.get(key) ?? v.span)),
    value: r.link([...path, key])!,
  }));
  return { dimensions };
}

function originOf(r: Reader, path: Path, span: Span): Origin {
  return 'base' in r ? r.parent.origin(r.path(path), span) : r.origin(path, span);
}

/** A metric read from one place of the alarm. */
export function metricAt(r: Reader, namespace: string, metricName: string, dims: Pick<AlarmMetric, 'dimensions' | 'unknownDimensions'>, origin: AlarmMetric['origin']): AlarmMetric {
  const ns = r.str([namespace]) ?? unknownVal(origin, `${namespace} is not set`);
  const name = r.str([metricName]) ?? unknownVal(origin, `${metricName} is not set`);
  const m: AlarmMetric = { namespace: ns, metricName: name, dimensions: dims.dimensions, origin };
  if (dims.unknownDimensions) m.unknownDimensions = dims.unknownDimensions;
  return m;
}

/**
 * The alarms a composite alarm rule names: `ALARM("name")`, `OK(name)`, `INSUFFICIENT_DATA(arn)`,
 * as references (a rule built with `!Sub`/interpolation from alarm resources) or as literal names
 * and ARNs (the name is the ARN's last part).
 */
export function ruleChildren(r: PropertyReader, path: Path): { rule: Val<string>; children: Link[] } {
  const v = r.value(path);
  const rule = r.str(path) ?? unknownVal(r.origin(path), `${String(path[path.length - 1])} is not set`);
  const children: Link[] = [];
  if (v) for (const id of new Set(referencedIds(v))) if (r.graph.get(id)) children.push({ id });
  const text = v?.kind === 'string' ? v.value : v?.kind === 'unknown' ? v.pattern ?? '' : '';
  for (const m of text.matchAll(/\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*("([^"]*)"|'([^']*)'|([^\s)"']+))\s*\)/g)) {
    const name = m[2] ?? m[3] ?? m[4] ?? '';
    if (!name || name.includes('${')) continue;
    children.push({ literal: name.startsWith('arn:') ? name.split(':alarm:').pop() ?? name : name });
  }
  return { rule, children };
}

export type { Val };

/**
 * The alarms a target-tracking scaling policy of an Auto Scaling group makes AWS create and manage: one model alarm
 * on the group's dimension, whose action is the policy (Amazon EC2 Auto Scaling User Guide, "Target tracking scaling
 * policies": the policy creates and manages the CloudWatch alarms that trigger it).
 */
export function targetTrackingAlarm(r: PropertyReader, group: Val<Link>): MetricAlarm {
  const origin = r.origin([]);
  return {
    resource: r.info(),
    metrics: [{ namespace: unknownVal(origin, 'the metric of the target-tracking policy'), metricName: unknownVal(origin, 'the metric of the target-tracking policy'), dimensions: [{ name: explicit(ASG_DIMENSION, origin), value: group }], origin }],
    alarmActions: explicit<Link[]>([{ id: r.node.id }], origin),
    okActions: explicit<Link[]>([{ id: r.node.id }], origin),
    insufficientDataActions: defaulted<Link[]>([], origin, 'no actions'),
    actionsEnabled: explicit(true, origin),
    composites: [],
    createdBy: 'target-tracking-policy',
  };
}

const ASG_DIMENSION = 'AutoScalingGroupName';
