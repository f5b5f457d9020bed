import type { CloudModel } from '../model.js';
import type { Path, PropertyReader } from '../read.js';
import type { EksCluster, EksNodeGroup } from './types.js';
import { dataStore, logSource } from '../facets.js';
import { defaulted, explicit, namesKey, unknownVal } from '../val.js';
import type { Val } from '../val.js';
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
export function readCluster(r: PropertyReader, logTypes: Path, model: CloudModel, enc?: EncryptionSpelling): void {
  const c: EksCluster = { resource: r.info(), controlPlaneLogs: listedLogs(r, logTypes, 'no control-plane log type is sent to CloudWatch Logs') };
  if (enc) {
    // EKS user guide, "Default envelope encryption for all Kubernetes API data": clusters on Kubernetes 1.28+
    // envelope-encrypt all Kubernetes API data with an AWS-owned KMS key; a customer key comes from the
    // encryption configuration (resources ["secrets"], provider key ARN).
    model.facets.dataStores.push(dataStore(c, 'EKS cluster (Kubernetes secrets)', { contents: 'cluster-state', atRest: { kind: 'always', ownKey: secretsKey(r, enc) } }));
  }
  model.eksClusters.push(c);
  model.facets.logSources.push(logSource(c, 'EKS cluster', 'control-plane logs', c.controlPlaneLogs, [], {
    lower: 'CloudTrail records the calls to the EKS API; the control-plane logs add the Kubernetes API server and audit records',
  }));
}

/** Where the encryption configuration is spelled: the list, and within each entry its resources and key ARN. */
export interface EncryptionSpelling {
  list: Path;
  resources: Path;
  /** The provider block (a map in CloudFormation, a nested block in Terraform) and the key ARN within it. */
  provider: Path;
  keyArn: Path;
}

const AWS_OWNED = 'EKS envelope-encrypts Kubernetes API data with an AWS-owned key, by default on Kubernetes 1.28 and later';

/**
 * Whether the secrets of the cluster are encrypted with a key of the customer's: an encryption
 * configuration entry whose resources name `secrets` and whose provider names a key ARN (a
 * reference or a parameter is still a key). Unknown when the list, an entry's resources or its key
 * may be anything (a condition, a dynamic block).
 */
function secretsKey(r: PropertyReader, s: EncryptionSpelling): Val<boolean> {
  const list = r.value(s.list);
  if (list === undefined || list.kind === 'null') return r.bool(s.list, { value: false, assumed: AWS_OWNED });
  if (list.kind === 'unknown') return unknownVal(r.origin(s.list, list.span), list.reason);
  let unsure: Val<boolean> | undefined;
  for (const e of r.each(s.list)) {
    const res = e.strList(s.resources);
    if (!res) continue;
    if (res.provenance === 'unknown') { unsure ??= unknownVal(res.origin, res.reason); continue; }
    if (!res.value.includes('secrets')) continue;
    for (const p of e.each(s.provider)) {
      const key = p.str(s.keyArn);
      if (key && namesKey(key)) return explicit(true, key.origin);
    }
  }
  return unsure ?? defaulted(false, r.origin(s.list, list.span), `no entry encrypts "secrets" with a key ARN, so ${AWS_OWNED}`);
}
