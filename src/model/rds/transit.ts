import type { TransitSetting } from '../facets.js';
import type { CloudModel } from '../model.js';
import type { Link, Origin, Val } from '../val.js';
import { defaulted, explicit, unknownVal } from '../val.js';
import { FORCE_SSL, REQUIRE_SECURE_TRANSPORT } from './common.js';
import type { DbParameterGroup } from './types.js';

/**
 * Whether an RDS DB instance or DB cluster requires TLS, from the parameter group it names (issue 11
 * item 2). The parameter and its default depend on the engine and its version (RDS and Aurora user
 * guides, 2026):
 * - RDS for PostgreSQL: `rds.force_ssl`, default 1 from major version 15, 0 up to 14;
 * - RDS for SQL Server: `rds.force_ssl`, default 0; Aurora PostgreSQL: `rds.force_ssl` in the DB
 *   cluster parameter group, default 0;
 * - RDS for MySQL: `require_secure_transport`, default ON from 9.7, OFF up to 8.4 (absent before 5.7);
 * - RDS for MariaDB: `require_secure_transport`, default ON from 11.8, OFF up to 11.4, and not
 *   available before 10.5 (TLS cannot be required there);
 * - Aurora MySQL: `require_secure_transport` in the DB cluster parameter group, default OFF.
 * Oracle (an option group's SSL option) and Db2 are not judged here. A version the scan cannot know,
 * an engine it cannot know and a group outside the scan leave the setting unknown (a notice).
 * No `EngineVersion`: RDS creates the engine's current default version — PostgreSQL 15 or later,
 * MySQL 8.4 or earlier — so the message names that assumption; for MariaDB the default version is
 * on either side of 11.8 over time, so it stays unknown.
 */
export function rdsTransitSettings(model: CloudModel): Map<string, TransitSetting> {
  const groups = new Map(model.dbParameterGroups.map((g) => [g.resource.id, g]));
  const out = new Map<string, TransitSetting>();
  const judge = (id: string, engine: Val<string>, version: Val<string> | undefined, group: Val<Link>, kind: 'DB parameter group' | 'DB cluster parameter group'): void => {
    const t = setting(engine, version, group, kind, groups);
    if (t) out.set(id, t);
  };
  for (const db of model.dbInstances) judge(db.resource.id, db.engine, db.engineVersion, db.parameterGroup, 'DB parameter group');
  for (const c of model.dbClusters) judge(c.resource.id, c.engine, c.engineVersion, c.parameterGroup, 'DB cluster parameter group');
  return out;
}

interface EngineTls {
  parameter: typeof FORCE_SSL | typeof REQUIRE_SECURE_TRANSPORT;
  /** The engine in words: `RDS for PostgreSQL`. */
  name: string;
  /** Whether the default group requires TLS at this version (`[major, minor]`); a string when TLS cannot be required at all. */
  defaultOn: (version: number[]) => boolean | string;
  /** The assumption when no version is written: the default version RDS creates; undefined when it cannot be said. */
  unversioned?: { on: boolean; assumed: string };
}

const atLeast = (v: number[], major: number, minor = 0): boolean => (v[0] ?? 0) > major || ((v[0] ?? 0) === major && (v[1] ?? 0) >= minor);

/** The TLS parameter of an engine; undefined for engines that do not require TLS through a parameter group (Oracle, Db2). */
export function engineTls(engine: string): EngineTls | undefined {
  const e = engine.toLowerCase();
  if (e === 'postgres') return { parameter: FORCE_SSL, name: 'RDS for PostgreSQL', defaultOn: (v) => atLeast(v, 15), unversioned: { on: true, assumed: 'the default engine version RDS creates, PostgreSQL 15 or later, has rds.force_ssl 1' } };
  if (e === 'aurora-postgresql') return { parameter: FORCE_SSL, name: 'Aurora PostgreSQL', defaultOn: () => false, unversioned: { on: false, assumed: '' } };
  if (e.startsWith('sqlserver')) return { parameter: FORCE_SSL, name: 'RDS for SQL Server', defaultOn: () => false, unversioned: { on: false, assumed: '' } };
  if (e === 'mysql') return { parameter: REQUIRE_SECURE_TRANSPORT, name: 'RDS for MySQL', defaultOn: (v) => (atLeast(v, 5, 7) ? atLeast(v, 9, 7) : 'MySQL before 5.7 has no require_secure_transport: TLS cannot be required'), unversioned: { on: false, assumed: 'the default engine version RDS creates, MySQL 8.4 or earlier, has require_secure_transport OFF' } };
  if (e === 'mariadb') return { parameter: REQUIRE_SECURE_TRANSPORT, name: 'RDS for MariaDB', defaultOn: (v) => (atLeast(v, 10, 5) ? atLeast(v, 11, 8) : 'MariaDB before 10.5 has no require_secure_transport: TLS cannot be required') };
  if (e === 'aurora-mysql' || e === 'aurora') return { parameter: REQUIRE_SECURE_TRANSPORT, name: 'Aurora MySQL', defaultOn: () => false, unversioned: { on: false, assumed: '' } };
  return undefined;
}

/** `15.4` → [15, 4]; the family `postgres15` / `aurora-mysql8.0` / `sqlserver-se-15.0` → [15] / [8, 0] / [15, 0]. */
function parseVersion(s: string): number[] | undefined {
  const m = /(\d+)(?:\.(\d+))?/.exec(s);
  if (!m) return undefined;
  return m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])];
}

function isOn(value: string): boolean {
  return /^(1|on|true)$/i.test(value.trim());
}

function setting(engine: Val<string>, version: Val<string> | undefined, group: Val<Link>, kind: string, groups: Map<string, DbParameterGroup>): TransitSetting | undefined {
  if (engine.provenance === 'unknown') return { problem: 'may accept connections without TLS', value: engine, encrypted: false };
  if (engine.value === '') return { problem: 'may accept connections without TLS', value: unknownVal(engine.origin, `the engine is ${engine.provenance === 'default' ? engine.assumed : 'not written'}, so its TLS parameter cannot be known`), encrypted: false };
  const spec = engineTls(engine.value);
  if (!spec) return undefined;
  const problem = `accepts connections without TLS (\`${spec.parameter}\` is not ${spec.parameter === FORCE_SSL ? '1' : 'ON'})`;
  const result = (value: Val<string>, on: boolean): TransitSetting => ({ problem, value, encrypted: on });
  const state = (on: boolean): string => `${spec.parameter} ${spec.parameter === FORCE_SSL ? (on ? '1' : '0') : (on ? 'ON' : 'OFF')}`;
  // The default of a group that does not set the parameter: by the group's family, else the database's version.
  // `where` words it: (state, engine and version) => `rds.force_ssl 0 in the default DB parameter group of RDS for PostgreSQL 14`.
  const byDefault = (at: Origin, family: string | undefined, where: (state: string, of: string) => string): TransitSetting => {
    const fromFamily = family !== undefined ? parseVersion(family) : undefined;
    const v = fromFamily ?? (version === undefined ? undefined : version.provenance === 'unknown' ? null : parseVersion(version.value) ?? null);
    if (v === null) return result(unknownVal(version!.origin, `the engine version decides the default of ${spec.parameter} (${spec.name}): ${version!.provenance === 'unknown' ? version!.reason : `"${String(version!.value)}" is not a version`}`), false);
    if (v === undefined) {
      if (!spec.unversioned) return result(unknownVal(at, `no engine version is written, and ${spec.parameter} of ${spec.name} defaults to ON only from 11.8`), false);
      const on = spec.unversioned.on;
      return result(defaulted(on ? '1' : '0', at, `${where(state(on), spec.name)}: ${spec.unversioned.assumed || 'in every version'}`), on);
    }
    const d = spec.defaultOn(v);
    const label = `${spec.name} ${v.join('.')}`;
    if (typeof d === 'string') return result(defaulted('0', at, `${d} (${label})`), false);
    return result(defaulted(d ? '1' : '0', at, where(state(d), label)), d);
  };
  if (group.provenance === 'unknown') return result(group, false);
  const { id, literal } = group.value;
  if (id === undefined && literal === undefined) return byDefault(group.origin, undefined, (st, of) => `${st} in the default ${kind} of ${of}`);
  const g = id !== undefined ? groups.get(id) : undefined;
  if (!g) {
    // `default.postgres14`: the engine's default group, named by its family.
    if (literal !== undefined && literal.toLowerCase().startsWith('default.')) return byDefault(group.origin, literal.slice('default.'.length), (st, of) => `${st} in the default ${kind} ${literal} of ${of}`);
    return result(unknownVal(group.origin, `the ${kind} ${literal ?? id} is not in the scan`), false);
  }
  const value = spec.parameter === FORCE_SSL ? g.forceSsl : g.requireSecureTransport;
  if (value) return value.provenance === 'unknown' ? result(value, false) : result(explicit(value.value, value.origin), isOn(value.value));
  const family = g.family && g.family.provenance !== 'unknown' ? g.family.value : undefined;
  return byDefault({ ...g.parametersAt, path: `${g.parametersAt.path}.${spec.parameter}` }, family, (st, of) => `${g.resource.address} does not set it, and ${of} defaults to ${st}`);
}
