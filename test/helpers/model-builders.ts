/**
 * Model builders for short unit cases: a rule's edge case as a few lines of model instead of a
 * template. Every builder fills what the case does not care about with a documented default and
 * gives each value a test origin (line, column), so findings and notices can be asserted by position.
 */
import { runRules } from '../../src/engine/engine.js';
import type { Rule, RuleSettings } from '../../src/engine/rule.js';
import type { DataStore, NetworkEndpoint } from '../../src/model/facets.js';
import { dataStore, networkEndpoint } from '../../src/model/facets.js';
import type { CloudModel } from '../../src/model/model.js';
import { emptyModel } from '../../src/model/model.js';
import type { DefaultVal, ExplicitVal, ModelResource, Origin, ResourceInfo, UnknownVal } from '../../src/model/val.js';

export const TEST_FILE = 'model.yaml';

/** An origin at `line:column` of the test file. */
export function at(line: number, column = 1, path = 'Properties.Value', resource = 'Resource'): Origin {
  const pos = { line, column };
  return { span: { file: TEST_FILE, start: pos, end: pos }, path, resource };
}

/** Model values at a test position: `val.set(false, 6, 25)`, `val.dflt(false, 'false: …', 2)`, `val.unknown('a parameter', 8)`. */
export const val = {
  set<T>(value: T, line = 1, column = 1, path?: string): ExplicitVal<T> {
    return { provenance: 'explicit', value, origin: at(line, column, path) };
  },
  dflt<T>(value: T, assumed: string, line = 1, column = 1, path?: string): DefaultVal<T> {
    return { provenance: 'default', value, assumed, origin: at(line, column, path) };
  },
  unknown(reason: string, line = 1, column = 1, path?: string): UnknownVal {
    return { provenance: 'unknown', origin: at(line, column, path), reason };
  },
};

/** A resource of `type` at `address`, declared on `line`, in a stack with a known region unless told. */
export function resource(address: string, type: string, options: { line?: number; region?: string | null; id?: string } = {}): ModelResource {
  const line = options.line ?? 1;
  const region = options.region === undefined ? 'us-east-1' : options.region;
  const info: ResourceInfo = {
    id: options.id ?? `${TEST_FILE}#${address}`,
    address,
    type,
    source: 'cloudformation',
    span: { file: TEST_FILE, start: { line, column: 3 }, end: { line: line + 3, column: 1 } },
    context: {
      unit: TEST_FILE,
      target: { id: TEST_FILE, label: `template ${TEST_FILE}` },
      account: { known: false, reason: 'not set in the test' },
      region: region === null ? { known: false, reason: 'not set in the test' } : { known: true, value: region },
    },
    suppressions: [],
  };
  return { resource: info };
}

/** A data-store facet on a made-up resource: what a new service's adapter would add. */
export function store(address: string, fields: Partial<Omit<DataStore, 'owner'>> & { type?: string; line?: number; region?: string | null } = {}): DataStore {
  const { type = 'AWS::Test::Store', line, region, what = 'Test store', ...rest } = fields;
  return dataStore(resource(address, type, { ...(line !== undefined ? { line } : {}), ...(region !== undefined ? { region } : {}) }), what, rest);
}

/** A network-endpoint facet on a made-up resource, internet-facing unless told: what a new service's adapter would add. */
export function endpoint(address: string, fields: Partial<Omit<NetworkEndpoint, 'owner'>> & { type?: string; line?: number } = {}): NetworkEndpoint {
  const { type = 'AWS::Test::Endpoint', line, what = 'Test endpoint', internetFacing = val.set(true, line ?? 1), placement = 'service', webAcls, shield, frontedBy, ...rest } = fields;
  const e = networkEndpoint(resource(address, type, line !== undefined ? { line } : {}), what, internetFacing, placement, rest);
  return { ...e, webAcls: webAcls ?? [], shield: shield ?? [], frontedBy: frontedBy ?? [] };
}

/** A model with the given lists and facets; everything else empty. */
export function model(parts: Partial<Omit<CloudModel, 'facets'>> & { facets?: Partial<CloudModel['facets']> } = {}): CloudModel {
  const m = emptyModel();
  const { facets, ...lists } = parts;
  Object.assign(m, lists);
  Object.assign(m.facets, facets ?? {});
  for (const s of m.facets.dataStores) if (!m.resources.includes(s.owner)) m.resources.push(s.owner);
  for (const e of m.facets.networkEndpoints) if (!m.resources.includes(e.owner)) m.resources.push(e.owner);
  return m;
}

const SETTINGS: RuleSettings = { publicPorts: [80, 443] };

/** Runs one rule over a built model: its findings (message id, line, column) and notices (line, column, text). */
export function check(rule: Rule, m: CloudModel, settings: Partial<RuleSettings> = {}): {
  findings: { messageId: string; line: number; column: number; severity: string; message: string }[];
  notices: { line: number; column: number; message: string }[];
} {
  const { findings, notices } = runRules(m, [rule], { settings: { ...SETTINGS, ...settings } });
  return {
    findings: findings.map((f) => ({ messageId: f.messageId, line: f.location.span.start.line, column: f.location.span.start.column, severity: f.severity, message: f.message })),
    notices: notices.map((n) => ({ line: n.span.start.line, column: n.span.start.column, message: n.message })),
  };
}
