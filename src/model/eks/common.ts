import type { CloudModel } from '../model.js';
import type { Path, PropertyReader } from '../read.js';
import type { EksCluster, EksNodeGroup } from './types.js';
import { logSource } from '../facets.js';
import { listedLogs } from '../logs/common.js';

const WHAT: Record<EksNodeGroup['kind'], string> = { 'node-group': 'EKS managed node group', 'fargate-profile': 'EKS Fargate profile' };

/*
 * A managed node group's nodes (an Auto Scaling group EKS creates) and a Fargate profile's pods
 * run in the subnets given; EKS spreads them over those subnets' zones and nowhere else. The
 * scaling bounds are read only when written (no default is assumed for them).
 */
export function readNodeGroup(r: PropertyReader, kind: EksNodeGroup['kind'], s: { subnets: Path; minSize?: Path; maxSize?: Path }, model: CloudModel): void {
  const g: EksNodeGroup = { resource: r.info(), kind, subnets: r.links(s.subnets) };
  const min = s.minSize ? r.num(s.minSize) : undefined;
  const max = s.maxSize ? r.num(s.maxSize) : undefined;
  if (min) g.minSize = min;
  if (max) g.maxSize = max;
  model.eksNodeGroups.push(g);
  model.facets.computeGroups.push({ owner: g, what: WHAT[kind], subnets: g.subnets, zones: [], ...(min ? { minSize: min } : {}), ...(max ? { maxSize: max } : {}) });
}

/*
 * Control-plane logs (EKS user guide, "Send control plane logs to CloudWatch Logs"): no log type is
 * sent unless listed. CloudTrail records the calls to the EKS API anyway; the control-plane logs add
 * the Kubernetes API server, audit, authenticator, controller manager and scheduler records.
 */
export function readCluster(r: PropertyReader, logTypes: Path, model: CloudModel): void {
  const c: EksCluster = { resource: r.info(), controlPlaneLogs: listedLogs(r, logTypes, 'no control-plane log type is sent to CloudWatch Logs') };
  model.eksClusters.push(c);
  model.facets.logSources.push(logSource(c, 'EKS cluster', 'control-plane logs', c.controlPlaneLogs, [], {
    lower: 'CloudTrail records the calls to the EKS API; the control-plane logs add the Kubernetes API server and audit records',
  }));
}
