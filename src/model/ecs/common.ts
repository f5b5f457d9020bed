import type { ResourceGraph } from '../../graph/graph.js';
import type { CloudModel } from '../model.js';
import { scalable } from '../facets.js';
import type { Link, Val } from '../val.js';
import { isKnown } from '../val.js';
import { mapVal } from '../val-ops.js';
import type { EcsService } from './types.js';

/** The literal name of a cluster a service names: its own name property when in the scan, the name in an ARN, or `default`. */
export function clusterName(cluster: Val<Link>, graph: ResourceGraph, nameProperty: string): string | undefined {
  if (!isKnown(cluster)) return undefined;
  if (cluster.value.id) {
    const node = graph.get(cluster.value.id);
    const v = node?.properties.entries.get(nameProperty);
    return v?.kind === 'string' ? v.value : undefined;
  }
  const literal = cluster.value.literal;
  if (literal === undefined) return 'default';
  return literal.includes(':cluster/') ? literal.slice(literal.lastIndexOf('/') + 1) : literal;
}

/**
 * Pushes the service and its facets: a compute group (its awsvpc subnets, so `multi-az` judges them) and
 * a scalable (Application Auto Scaling on `ecs:service:DesiredCount`, matched to `service/<cluster>/<name>`).
 */
export function pushService(model: CloudModel, service: EcsService, cluster: string | undefined): void {
  model.ecsServices.push(service);
  model.facets.computeGroups.push({ owner: service, what: 'ECS service', subnets: service.subnets, zones: [] });
  const name = isKnown(service.name) && service.name.value !== '' ? service.name.value : undefined;
  // A daemon service runs one task per container instance: it scales with its cluster, not on its own.
  const fixed = mapVal(service.schedulingStrategy, (s) => s.toUpperCase() !== 'DAEMON');
  model.facets.scalables.push(scalable(service, 'ECS service', fixed, service.desiredCount, {
    kind: 'application', namespace: 'ecs', dimensions: ['ecs:service:DesiredCount'],
    resourceIds: name && cluster ? [`service/${cluster}/${name}`] : [],
  }));
}
