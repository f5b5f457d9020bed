import type { CloudModel } from './model.js';
import type { Link, Val } from './val.js';
import type { WebAcl } from './wafv2/types.js';
import { isKnown } from './val.js';
import { distributionsByOrigin } from './cloudfront/origins.js';

/**
 * What stands in front of each network endpoint in the scan (issue 9): the web ACLs associated with
 * it (a WAFv2 web ACL association naming it, after the web ACL it names itself), the Shield Advanced
 * protections of its ARN, and the CloudFront distributions with an origin that points at it. A
 * resource names an endpoint by one of its graph ids (`ids`: for a REST stage also its API): through
 * the link it holds, or any resource its ARN is built from (`arn:…/restapis/${Api}/stages/${Stage}`).
 */
export function linkEndpoints(model: CloudModel): void {
  const acls = new Map(model.webAcls.map((a) => [a.resource.id, a]));
  const resolve = (link: Val<Link>): { link: Val<Link>; acl?: WebAcl } => {
    const acl = isKnown(link) && link.value.id ? acls.get(link.value.id) : undefined;
    return acl ? { link, acl } : { link };
  };
  const names = (target: Val<Link>, mentions: string[], ids: string[]): boolean => {
    const id = isKnown(target) ? target.value.id : undefined;
    return (id !== undefined && ids.includes(id)) || mentions.some((m) => ids.includes(m));
  };
  const fronting = distributionsByOrigin(model.distributions);
  for (const e of model.facets.networkEndpoints) {
    if (e.webAcl && e.webAcl.provenance !== 'default') e.webAcls.push(resolve(e.webAcl));
    for (const a of model.webAclAssociations) if (names(a.target, a.mentions, e.ids)) e.webAcls.push(resolve(a.webAcl));
    for (const p of model.shieldProtections) if (names(p.target, p.mentions, e.ids)) e.shield.push(p);
    for (const id of e.ids) for (const d of fronting.get(id) ?? []) if (!e.frontedBy.includes(d)) e.frontedBy.push(d);
  }
}
