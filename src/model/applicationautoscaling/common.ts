import { referencedIds } from '../../graph/value.js';
import type { PropertyReader } from '../read.js';
import { required } from '../val-ops.js';
import type { ScalableTarget, ScalingAction } from './types.js';

/** Property spellings of one input kind. */
export interface Spelling {
  namespace: string;
  dimension: string;
  resourceId: string;
  min: string;
  max: string;
}

export function readTarget(r: PropertyReader, s: Spelling, inlineSchedules: number): ScalableTarget {
  return {
    resource: r.info(),
    namespace: required(r.str([s.namespace]), r.origin([s.namespace]), s.namespace),
    dimension: required(r.str([s.dimension]), r.origin([s.dimension]), s.dimension),
    resourceId: required(r.str([s.resourceId]), r.origin([s.resourceId]), s.resourceId),
    resourceIdRefs: refsOf(r, s.resourceId),
    minCapacity: required(r.num([s.min]), r.origin([s.min]), s.min),
    maxCapacity: required(r.num([s.max]), r.origin([s.max]), s.max),
    inlineSchedules,
    actions: [],
    unsure: [],
  };
}

export function readAction(r: PropertyReader, s: Pick<Spelling, 'namespace' | 'dimension' | 'resourceId'>, kind: ScalingAction['kind']): ScalingAction {
  return {
    resource: r.info(),
    kind,
    namespace: required(r.str([s.namespace]), r.origin([s.namespace]), s.namespace),
    dimension: required(r.str([s.dimension]), r.origin([s.dimension]), s.dimension),
    resourceId: required(r.str([s.resourceId]), r.origin([s.resourceId]), s.resourceId),
    resourceIdRefs: refsOf(r, s.resourceId),
  };
}

function refsOf(r: PropertyReader, property: string): string[] {
  const v = r.value([property]);
  return v ? [...new Set(referencedIds(v))].filter((id) => r.graph.get(id)) : [];
}
