import type { LogSource } from '../facets.js';
import { logSource } from '../facets.js';
import type { Link, Val } from '../val.js';
import type { LoadBalancer } from './types.js';

const WHAT = { application: 'Application Load Balancer', network: 'Network Load Balancer', classic: 'Classic Load Balancer' } as const;

/**
 * A load balancer's access logs as a log source (off by default: Elastic Load Balancing user guides,
 * "Access logs"). Gateway Load Balancers have none; a Network Load Balancer writes them for TLS
 * listeners only, so it is judged when it has one.
 */
export function loadBalancerLogs(lb: LoadBalancer, bucket: Val<Link> | undefined): LogSource | undefined {
  const kind = lb.kind.provenance === 'unknown' ? undefined : lb.kind.value;
  if (kind === 'gateway') return undefined;
  return logSource(lb, kind ? WHAT[kind] : 'Load balancer', 'access logs', lb.accessLogs, bucket ? [bucket] : [], kind === 'network' ? { onlyWith: 'tls-listener' } : {});
}
