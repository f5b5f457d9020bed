/** Removes origins, resource info and the wording of defaults/unknowns, so models from different inputs compare. */
export function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'origin' || k === 'resource' || k === 'assumed' || k === 'reason') continue;
      out[k] = strip(v);
    }
    return out;
  }
  return x;
}

/** A CloudFormation model without the fields only CloudFormation has (`UpdateReplacePolicy`), to compare with Terraform's. */
export function cfnOnlyRemoved(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(cfnOnlyRemoved);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'retainOnReplace') out[k] = cfnOnlyRemoved(v);
    return out;
  }
  return x;
}
