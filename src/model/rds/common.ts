import type { ResourceGraph, ResourceNode } from '../../graph/graph.js';
import { monitored, named } from '../cloudwatch/monitored.js';
import type { CloudModel } from '../model.js';
import { PropertyReader } from '../read.js';
import type { Default } from '../read.js';
import type { Link, Val } from '../val.js';
import { defaulted, unknownVal } from '../val.js';
import { clusterStore, instanceStore } from './facets.js';
import { readLogExports } from './logs.js';
import { clusterStorageEncryption } from './serverless.js';
import type { DbCluster, DbClusterMember, DbInstance, DbParameterGroup, DbSubnetGroup, GlobalCluster } from './types.js';

/** How a kind says whether deleting (or replacing) the resource keeps its data. */
type Retain = (node: ResourceNode, r: PropertyReader) => Val<boolean>;

/** The properties a DB instance and a DB cluster share, by name. */
interface DatabaseNames {
  type: string;
  engine: string;
  /** `Engine` / `engine` when absent. */
  engineDefault: Default<string>;
  identifier: string;
  storageEncrypted: string;
  kmsKey: string;
  backupRetention: string;
  backupRetentionDefault: Default<number>;
  deletionProtection: string;
  subnetGroup: string;
  securityGroups: string;
  engineVersion: string;
  /** The (cluster) parameter group that holds the TLS parameters. */
  parameterGroup: string;
  /** The database log types exported to CloudWatch Logs. */
  logExports: string;
  /** Properties that restore the database from a snapshot, a point in time or a source: it takes their encryption. */
  restoredFrom: string[];
  retainOnDelete: Retain;
  /** CloudFormation `UpdateReplacePolicy`; Terraform has none. */
  retainOnReplace?: Retain;
}

/** How one input kind spells RDS: resource types, where properties sit, their names and defaults. */
export interface RdsSpelling {
  /** `Properties` in CloudFormation, the block itself in Terraform. */
  properties: string;
  instance: DatabaseNames & {
    multiAz: string;
    replicaSource: string;
    publiclyAccessible: string;
    /** Whether an instance is public when the kind does not say, given whether it names a DB subnet group. */
    publicDefault: (hasSubnetGroup: boolean) => Default<boolean>;
    /** An instance that names a cluster here is an Aurora cluster member (CloudFormation `DBClusterIdentifier`). */
    memberOf?: string;
  };
  member: {
    /** Aurora cluster members as their own resource type (Terraform `aws_rds_cluster_instance`). */
    type?: string;
    cluster: string;
    engine: string;
    subnetGroup: string;
    /** Absent where a member cannot set its own security groups. */
    securityGroups?: string;
    publiclyAccessible: string;
    publicDefault: Default<boolean>;
    retainOnDelete: Retain;
  };
  cluster: DatabaseNames & {
    engineMode: string;
    globalCluster: string;
    replicationSource: string;
    availabilityZones: string;
  };
  subnetGroup: { type: string; subnetIds: string };
  globalCluster: { type: string; identifier: string; sourceCluster: string };
  /** DB parameter groups and DB cluster parameter groups; `parameter` reads one parameter as the kind lists them. */
  parameterGroups: {
    instance: string;
    cluster: string;
    family: string;
    parameters: string;
    parameter: (r: PropertyReader, name: string) => Val<string> | undefined;
  };
}

/** What a DB security group rule opens: the port of the DB instances that use the group. */
export const DB_PORT = { port: 'the DB instance\'s port', service: 'RDS database' };

const NO_KEY = { value: '', assumed: 'no KMS key (the AWS-managed aws/rds key when encrypted)' };

/** Reads every DB instance, cluster member, cluster, DB subnet group and global cluster with one input kind's spelling. */
export function adaptDatabases(graph: ResourceGraph, model: CloudModel, s: RdsSpelling): void {
  for (const node of graph.ofType(s.instance.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const cluster = s.instance.memberOf ? r.link([s.instance.memberOf]) : undefined;
    if (cluster) {
      model.dbClusterMembers.push(member(node, r, cluster, s.member));
      continue;
    }
    const db = instance(node, r, s.instance);
    model.dbInstances.push(db);
    model.facets.dataStores.push(instanceStore(db));
    readLogExports(r, 'RDS DB instance', [s.instance.logExports], model);
    model.facets.monitored.push(monitored(db, 'RDS DB instance', { namespaces: ['AWS/RDS'], dimension: 'DBInstanceIdentifier', suggest: 'CPUUtilization, FreeStorageSpace or DatabaseConnections', ...named(db.identifier) }));
  }
  if (s.member.type) {
    for (const node of graph.ofType(s.member.type)) {
      const r = new PropertyReader(node, graph, s.properties);
      model.dbClusterMembers.push(member(node, r, r.linkOr([s.member.cluster], `no ${s.member.cluster}`), s.member));
    }
  }
  for (const node of graph.ofType(s.cluster.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const c = cluster(node, r, s.cluster);
    model.dbClusters.push(c);
    model.facets.dataStores.push(clusterStore(c));
    // Aurora Serverless v1 turns its logs on through the cluster parameter group, not an export list.
    const mode = r.str([s.cluster.engineMode]);
    if (mode?.provenance !== 'explicit' || mode.value !== 'serverless') readLogExports(r, 'RDS DB cluster', [s.cluster.logExports], model);
    model.facets.monitored.push(monitored(c, 'RDS DB cluster', { namespaces: ['AWS/RDS'], dimension: 'DBClusterIdentifier', suggest: 'CPUUtilization, FreeableMemory or DatabaseConnections', ...named(c.identifier) }));
  }
  for (const node of graph.ofType(s.subnetGroup.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const g: DbSubnetGroup = { resource: r.info(), subnets: r.links([s.subnetGroup.subnetIds]) };
    model.dbSubnetGroups.push(g);
    model.facets.subnetGroups.push({ owner: g, what: 'DB subnet group', subnets: g.subnets });
  }
  for (const node of graph.ofType(s.globalCluster.type)) {
    const r = new PropertyReader(node, graph, s.properties);
    const g: GlobalCluster = { resource: r.info() };
    const id = r.str([s.globalCluster.identifier]);
    if (id) g.identifier = id;
    const source = r.link([s.globalCluster.sourceCluster]);
    if (source) g.sourceCluster = source;
    model.globalClusters.push(g);
  }
  const pg = s.parameterGroups;
  for (const [type, scope] of [[pg.instance, 'instance'], [pg.cluster, 'cluster']] as const) {
    for (const node of graph.ofType(type)) {
      const r = new PropertyReader(node, graph, s.properties);
      const g: DbParameterGroup = { resource: r.info(), scope, parametersAt: r.has([pg.parameters]) ? r.keyOrigin([pg.parameters]) : r.origin([pg.parameters]) };
      const family = r.str([pg.family]);
      if (family) g.family = family;
      const forceSsl = pg.parameter(r, FORCE_SSL);
      if (forceSsl) g.forceSsl = forceSsl;
      const secure = pg.parameter(r, REQUIRE_SECURE_TRANSPORT);
      if (secure) g.requireSecureTransport = secure;
      model.dbParameterGroups.push(g);
    }
  }
}

/** The TLS parameters of RDS and Aurora parameter groups (RDS user guide: "Using SSL/TLS to encrypt a connection"). */
export const FORCE_SSL = 'rds.force_ssl';
export const REQUIRE_SECURE_TRANSPORT = 'require_secure_transport';

/** A member of an Aurora cluster: its storage, backups, deletion protection and zones are the cluster's. */
function member(node: ResourceNode, r: PropertyReader, cluster: Val<Link>, n: RdsSpelling['member']): DbClusterMember {
  return {
    resource: r.info(),
    cluster,
    engine: r.str([n.engine], { value: '', assumed: 'the cluster\'s engine' }),
    subnetGroup: r.linkOr([n.subnetGroup], 'the cluster\'s DB subnet group'),
    securityGroups: n.securityGroups ? r.links([n.securityGroups]) : [],
    publiclyAccessible: r.bool([n.publiclyAccessible], n.publicDefault),
    retainOnDelete: n.retainOnDelete(node, r),
  };
}

function instance(node: ResourceNode, r: PropertyReader, n: RdsSpelling['instance']): DbInstance {
  const subnetGroup = r.link([n.subnetGroup]);
  const db: DbInstance = {
    resource: r.info(),
    engine: r.str([n.engine], n.engineDefault),
    parameterGroup: groupLink(r, n.parameterGroup, 'the default DB parameter group'),
    storageEncrypted: r.bool([n.storageEncrypted]) ?? restoredEncryption(r, n.storageEncrypted, n.restoredFrom),
    kmsKey: r.str([n.kmsKey], NO_KEY),
    multiAz: r.bool([n.multiAz], { value: false, assumed: 'false: a single-AZ deployment' }),
    backupRetentionDays: r.num([n.backupRetention], n.backupRetentionDefault),
    deletionProtection: r.bool([n.deletionProtection], { value: false, assumed: 'false' }),
    subnetGroup: subnetGroup ?? r.linkOr([n.subnetGroup], 'the default VPC (no DB subnet group)'),
    securityGroups: r.links([n.securityGroups]),
    publiclyAccessible: r.bool([n.publiclyAccessible], n.publicDefault(subnetGroup !== undefined)),
    retainOnDelete: n.retainOnDelete(node, r),
  };
  if (n.retainOnReplace) db.retainOnReplace = n.retainOnReplace(node, r);
  const identifier = r.str([n.identifier]);
  if (identifier) db.identifier = identifier;
  const version = r.str([n.engineVersion]);
  if (version) db.engineVersion = version;
  const source = r.link([n.replicaSource]);
  if (source) db.replicaOf = source;
  return db;
}

function cluster(node: ResourceNode, r: PropertyReader, n: RdsSpelling['cluster']): DbCluster {
  const c: DbCluster = {
    resource: r.info(),
    engine: r.str([n.engine], n.engineDefault),
    parameterGroup: groupLink(r, n.parameterGroup, 'the default DB cluster parameter group'),
    storageEncrypted: clusterStorageEncryption(r.str([n.engineMode]), r.bool([n.storageEncrypted]), r.origin([n.storageEncrypted]), () => restoredEncryption(r, n.storageEncrypted, n.restoredFrom)),
    kmsKey: r.str([n.kmsKey], NO_KEY),
    backupRetentionDays: r.num([n.backupRetention], n.backupRetentionDefault),
    deletionProtection: r.bool([n.deletionProtection], { value: false, assumed: 'false' }),
    subnetGroup: r.linkOr([n.subnetGroup], 'the default VPC (no DB subnet group)'),
    securityGroups: r.links([n.securityGroups]),
    availabilityZones: r.strList([n.availabilityZones], { value: [], assumed: 'Availability Zones chosen by RDS' }),
    retainOnDelete: n.retainOnDelete(node, r),
  };
  if (n.retainOnReplace) c.retainOnReplace = n.retainOnReplace(node, r);
  const identifier = r.str([n.identifier]);
  if (identifier) c.identifier = identifier;
  const version = r.str([n.engineVersion]);
  if (version) c.engineVersion = version;
  const global = r.link([n.globalCluster]);
  if (global) c.globalCluster = global;
  const source = r.link([n.replicationSource]);
  if (source) c.replicaOf = source;
  return c;
}

/** The parameter group a database names; absent or `null` (Terraform: attribute unset) is the engine's default group. */
function groupLink(r: PropertyReader, property: string, assumed: string): Val<Link> {
  if (r.value([property])?.kind === 'null') return defaulted<Link>({}, r.origin([property]), assumed);
  return r.linkOr([property], assumed);
}

/**
 * Storage encryption when it is absent: a database restored from a snapshot, a point in time or a
 * source takes the encryption of what it is made from (unknown here), else the RDS default, unencrypted.
 */
function restoredEncryption(r: PropertyReader, storageEncrypted: string, restoredFrom: string[]): Val<boolean> {
  const from = restoredFrom.find((p) => r.has([p]));
  if (from) return unknownVal(r.origin([storageEncrypted]), `${storageEncrypted} is not set and ${from} is: the encryption is that of the snapshot or source it is restored from`);
  return defaulted(false, r.origin([storageEncrypted]), 'false: unencrypted storage');
}
