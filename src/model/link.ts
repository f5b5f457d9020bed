import type { SecurityGroupAttachment } from './ec2/types.js';
import type { CloudModel } from './model.js';
import type { Link, Val } from './val.js';
import { isKnown } from './val.js';
import { linkStores } from './link-stores.js';
import { linkAlarms } from './link-alarms.js';
import { linkLogging } from './link-logging.js';
import { linkScaling } from './link-scaling.js';
import { linkStoreRoles } from './link-dr.js';
import { linkTransit } from './link-transit.js';
import { linkEndpoints } from './link-endpoints.js';
import { distributionsByOrigin } from './cloudfront/origins.js';

/**
 * Joins across services that only the whole model can see: which resources use each
 * security group. Framework-neutral: it reads model links, not source spellings.
 */
export function linkModel(model: CloudModel): void {
  linkStores(model);
  linkAlarms(model);
  linkLogging(model);
  linkScaling(model);
  linkStoreRoles(model);
  linkTransit(model);
  linkEndpoints(model);
  const groups = new Map(model.securityGroups.map((g) => [g.resource.id, g]));
  const attach = (links: Val<Link>[], a: SecurityGroupAttachment): void => {
    for (const l of links) {
      const id = isKnown(l) ? l.value.id : undefined;
      const g = id ? groups.get(id) : undefined;
      if (g && !g.attachments.some((x) => x.id === a.id)) g.attachments.push(a);
    }
  };
  for (const lb of model.loadBalancers) attach(lb.securityGroups, { kind: 'load-balancer', id: lb.resource.id, internetFacing: lb.internetFacing });
  for (const i of model.instances) attach(i.securityGroups, { kind: 'instance', id: i.resource.id });
  for (const t of model.launchTemplates) attach(t.securityGroups, { kind: 'launch-template', id: t.resource.id });
  for (const d of model.dbInstances) attach(d.securityGroups, { kind: 'db', id: d.resource.id });
  for (const d of model.dbClusterMembers) attach(d.securityGroups, { kind: 'db', id: d.resource.id });
  for (const d of model.dbClusters) attach(d.securityGroups, { kind: 'db', id: d.resource.id });
  for (const c of model.cacheClusters) attach(c.securityGroups, { kind: 'cache', id: c.resource.id });

  // Resources that a CloudFront distribution uses as an origin (`DomainName: !GetAtt Alb.DNSName`).
  const fronting = distributionsByOrigin(model.distributions);
  for (const g of model.securityGroups) {
    for (const a of g.attachments) if (fronting.has(a.id)) a.cloudFrontFacing = true;
  }
}
