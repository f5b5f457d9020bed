import type { Span } from '../../core/source.js';
import type { Value } from '../../graph/value.js';
import { findToken, isSecretName } from '../../secrets/patterns.js';
import type { Path, PropertyReader } from '../read.js';
import type { ResourceInfo } from '../val.js';
import { explicit, unknownVal } from '../val.js';
import type { SecretValue } from './types.js';

/** How one input kind spells what the walk needs to know. */
export interface SecretSpelling {
  /** The secret store a string is resolved from at deploy time, if it is such a reference. */
  dynamicReference(s: string): SecretValue['dynamicReference'];
  /** Whether a property path is an environment variable of a function or a container. */
  environment(type: string, path: Path): SecretValue['environment'];
}

/** Walks no deeper than this into a resource's properties. */
const MAX_DEPTH = 32;

/**
 * Every string of a resource that is named like a secret or shaped like a credential, wherever
 * it is in the properties: nested maps, lists, `{ Name, Value }` pairs (container environments)
 * and JSON text (Terraform `container_definitions`).
 */
export function secretValues(r: PropertyReader, spelling: SecretSpelling): SecretValue[] {
  const out: SecretValue[] = [];
  const type = r.node.type;
  let info: ResourceInfo | undefined;
  // The path of the value being walked (pushed and popped as the walk goes): copied only for a value that is kept.
  const path: (string | number)[] = [];
  // Most strings are neither named nor shaped like a secret: they are let go before any origin is made.
  const add = (name: string, v: Value, span: Span | undefined): void => {
    if (v.kind !== 'string' && v.kind !== 'unknown' && v.kind !== 'ref') return;
    const named = isSecretName(name);
    const token = v.kind === 'string' ? findToken(v.value) : undefined;
    if (v.kind === 'string' ? !named && !token : !named) return;
    // A reference to another resource's name, id or ARN points at a secret rather than holding it.
    if (v.kind === 'ref' && v.attribute !== undefined && /(^|_)(arn|id|name)$/i.test(v.attribute)) return;
    const origin = r.origin(path, span ?? v.span);
    info ??= r.info();
    let s: SecretValue;
    if (v.kind === 'string') {
      s = { resource: info, name, value: explicit(v.value, origin), named };
      if (token) { s.shape = token.what; s.match = token.match; }
      const ref = spelling.dynamicReference(v.value);
      if (ref) s.dynamicReference = ref;
    } else {
      const reason = v.kind === 'ref' ? `known only after deployment (reference to ${v.target.split('#').pop() ?? v.target})` : v.reason;
      s = { resource: info, name, value: unknownVal(origin, reason), named };
      const ref = v.kind === 'unknown' && v.pattern ? spelling.dynamicReference(v.pattern) : undefined;
      if (ref) s.dynamicReference = ref;
    }
    const env = spelling.environment(type, path);
    if (env) s.environment = env;
    out.push(s);
  };
  const walk = (v: Value, depth: number, jsonSpan?: Span): void => {
    if (depth > MAX_DEPTH) return;
    if (v.kind === 'list') {
      const name = String(path[path.length - 1] ?? '');
      v.items.forEach((item, i) => {
        path.push(i);
        if (item.kind === 'string') add(name, item, jsonSpan);
        else walk(item, depth + 1, jsonSpan);
        path.pop();
      });
    }
    if (v.kind !== 'map') return;
    // `{ Name: DB_PASSWORD, Value: … }`: the pair is one variable.
    let nameKey: string | undefined;
    let valueKey: string | undefined;
    for (const k of v.entries.keys()) {
      if (nameKey === undefined && k.length === 4 && k.toLowerCase() === 'name') nameKey = k;
      if (valueKey === undefined && k.length === 5 && k.toLowerCase() === 'value') valueKey = k;
    }
    const pairName = nameKey !== undefined ? v.entries.get(nameKey) : undefined;
    for (const [k, e] of v.entries) {
      path.push(k);
      const json = e.kind === 'string' && /^\s*[[{]/.test(e.value) ? parseJson(e.value, e.span) : undefined;
      if (json) walk(json, depth + 1, e.span);
      else if (k === valueKey && pairName?.kind === 'string') add(pairName.value, e, jsonSpan);
      else if (e.kind === 'string' || e.kind === 'unknown' || e.kind === 'ref') add(k, e, jsonSpan);
      else walk(e, depth + 1, jsonSpan);
      path.pop();
    }
  };
  walk(r.node.properties, 0);
  return dedupe(out);
}

/** A string holding a credential is found once, even when it is both named and shaped like one. */
function dedupe(list: SecretValue[]): SecretValue[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = `${s.value.origin.path}|${s.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseJson(text: string, span: Span): Value | undefined {
  try {
    return fromPlain(JSON.parse(text), span);
  } catch {
    return undefined;
  }
}

function fromPlain(x: unknown, span: Span): Value {
  if (x === null || x === undefined) return { kind: 'null', span };
  if (typeof x === 'string') return { kind: 'string', value: x, span };
  if (typeof x === 'number') return { kind: 'number', value: x, span };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x, span };
  if (Array.isArray(x)) return { kind: 'list', items: x.map((i) => fromPlain(i, span)), span };
  const entries = new Map<string, Value>();
  const keySpans = new Map<string, Span>();
  for (const [k, e] of Object.entries(x as Record<string, unknown>)) {
    entries.set(k, fromPlain(e, span));
    keySpans.set(k, span);
  }
  return { kind: 'map', entries, keySpans, span };
}
