import type { Distribution } from './types.js';
import { isKnown } from '../val.js';

/**
 * Which CloudFront distribution fronts what: the one reading of the origins' targets that the linker
 * (a network endpoint's `frontedBy`, a security group's CloudFront-facing attachments) and the diagram
 * (origin connections) share. Framework-neutral: it reads the model's origin links (`DomainName:
 * !GetAtt Alb.DNSName`, `aws_lb.web.dns_name`, resolved by the adapters), never source spellings.
 */

/** Graph ids of the resources in the scan that a distribution's origins point at, in origin order, once each. */
export function originTargets(d: Distribution): string[] {
  const ids: string[] = [];
  for (const o of d.origins) {
    const id = o.target && isKnown(o.target) ? o.target.value.id : undefined;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The distributions in front of each resource (by graph id), in the order of `distributions`. */
export function distributionsByOrigin(distributions: readonly Distribution[]): Map<string, Distribution[]> {
  const fronting = new Map<string, Distribution[]>();
  for (const d of distributions) {
    for (const id of originTargets(d)) {
      const list = fronting.get(id);
      if (list) list.push(d);
      else fronting.set(id, [d]);
    }
  }
  return fronting;
}
