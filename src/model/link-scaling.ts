import type { ScalableTarget, ScalingAction } from './applicationautoscaling/types.js';
import type { CloudModel } from './model.js';
import type { Val } from './val.js';
import { isKnown } from './val.js';

/**
 * Scaling joins (checklist 2.2): Auto Scaling group policies and scheduled actions to their group;
 * Application Auto Scaling policies and scheduled actions to their target; targets to the ECS service
 * or DynamoDB table they scale — by reference (`!Join`/`!Sub`/interpolation of the service or table)
 * or by literal resource id (`service/<cluster>/<service>`, `table/<name>`). What cannot be matched
 * because its resource id is unknown is kept as `unsure` on every resource it might be for, so that a
 * rule says "undecidable" rather than "no scaling".
 */
export function linkScaling(model: CloudModel): void {
  const scalables = model.facets.scalables;
  const byOwner = new Map(scalables.map((s) => [s.owner.resource.id, s]));

  for (const a of model.asgScalingActions) {
    const id = isKnown(a.group) ? a.group.value.id : undefined;
    const s = id ? byOwner.get(id) : undefined;
    if (s) { s.actions.push(a); continue; }
    if (id) continue; // a group of another kind, or outside the model
    for (const g of scalables) {
      if (g.scaledBy.kind === 'auto-scaling-group' && g.owner.resource.context.target.id === a.resource.context.target.id) {
        g.unsure.push({ resource: a, at: a.group, reason: `${a.resource.address} names its group by ${isKnown(a.group) ? `the name ${a.group.value.literal ?? ''}` : 'an unknown value'}` });
      }
    }
  }

  const targets = model.scalableTargets;
  const targetIds = new Map(targets.map((t) => [t.resource.id, t]));
  for (const a of model.appScalingActions) {
    const matched = actionTargets(a, targets, targetIds);
    if (matched.length) for (const t of matched) t.actions.push(a);
    else if (!isKnown(a.resourceId)) {
      for (const t of targets) if (sameText(a.namespace, t.namespace) && sameText(a.dimension, t.dimension)) t.unsure.push(a);
    }
  }

  for (const t of targets) {
    const candidates = scalables.filter((s) => s.scaledBy.kind === 'application' && sameText(t.namespace, s.scaledBy.namespace));
    const byRef = candidates.filter((s) => t.resourceIdRefs.includes(s.owner.resource.id));
    const byName = isKnown(t.resourceId) ? candidates.filter((s) => s.scaledBy.kind === 'application' && s.scaledBy.resourceIds.includes(t.resourceId.value ?? '')) : [];
    const matched = [...new Set([...byRef, ...byName])];
    if (matched.length) { for (const s of matched) s.targets.push(t); continue; }
    // Not matched: it may be for any candidate whose own resource id is not known (or for any, when the target's is not).
    for (const s of candidates) {
      if (isKnown(t.resourceId) && s.scaledBy.kind === 'application' && s.scaledBy.resourceIds.length > 0) continue;
      s.unsure.push({ resource: t, at: t.resourceId, reason: `the resource id of ${t.resource.address} ${isKnown(t.resourceId) ? `(${t.resourceId.value}) names no resource of the scan` : 'is unknown'}` });
    }
  }
}

function actionTargets(a: ScalingAction, targets: ScalableTarget[], byId: Map<string, ScalableTarget>): ScalableTarget[] {
  const direct = a.target && isKnown(a.target) && a.target.value.id ? byId.get(a.target.value.id) : undefined;
  if (direct) return [direct];
  const viaRef = a.resourceIdRefs.map((id) => byId.get(id)).filter((t): t is ScalableTarget => t !== undefined);
  if (viaRef.length) return viaRef;
  if (isKnown(a.resourceId)) return targets.filter((t) => isKnown(t.resourceId) && t.resourceId.value === a.resourceId.value && sameText(a.dimension, t.dimension));
  // Both built from the same resource (`service/${Cluster}/${Service.Name}` in the target and in the policy).
  if (a.resourceIdRefs.length) return targets.filter((t) => t.resourceIdRefs.length > 0 && t.resourceIdRefs.every((id) => a.resourceIdRefs.includes(id)) && sameText(a.dimension, t.dimension));
  return [];
}

/** Equal when both are known; an unknown side may be anything. */
function sameText(a: Val<string> | string, b: Val<string> | string): boolean {
  const x = typeof a === 'string' ? a : isKnown(a) ? a.value : undefined;
  const y = typeof b === 'string' ? b : isKnown(b) ? b.value : undefined;
  return x === undefined || y === undefined || x.toLowerCase() === y.toLowerCase();
}
