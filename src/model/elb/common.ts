import type { ResourceGraph } from '../../graph/graph.js';
import { referencedIds } from '../../graph/value.js';
import type { Origin, Val } from '../val.js';
import { defaulted } from '../val.js';

/**
 * The current AWS default TLS policy of HTTPS/TLS listeners created through the API or
 * CloudFormation/Terraform when none is named: `ELBSecurityPolicy-2016-08` (TLS 1.0 to 1.2).
 * The console proposes ELBSecurityPolicy-TLS13-1-2-2021-06 instead, but templates get the API default.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';
export const DEFAULT_SSL_POLICY_ASSUMED = `${DEFAULT_SSL_POLICY} (the API default for HTTPS/TLS listeners, which allows TLS 1.0 and 1.1)`;

/** For every node id, the ids of the nodes of the given types that reference it (target group → listeners/rules). */
export function referrers(graph: ResourceGraph, types: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of graph.ofType(...types)) {
    for (const id of new Set(referencedIds(n.properties))) {
      const list = out.get(id) ?? [];
      list.push(n.id);
      out.set(id, list);
    }
  }
  return out;
}

/**
 * A classic listener's back-end protocol when it is not set: the front-end protocol, which is what
 * the ELB API reports for such listeners (the API reference documents no other default).
 */
export function backendDefault(front: Val<string>, origin: Origin): Val<string> {
  if (front.provenance === 'unknown') return front;
  return defaulted(front.value, origin, `${front.value}, the front-end protocol (instance protocol not set)`);
}

/** A redirect action without a protocol keeps the request's protocol (`#{protocol}`). */
export const REDIRECT_DEFAULT = { value: '#{protocol}', assumed: "#{protocol}, the request's own protocol (redirect protocol not set)" };
