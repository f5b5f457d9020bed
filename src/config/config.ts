import { readFile } from 'node:fs/promises';
import type { IgnoreEntry } from '../engine/engine.js';
import type { Severity } from '../engine/types.js';
import { SEVERITIES } from '../engine/types.js';
import { closest } from './suggest.js';

function suggestion(name: string, known: string[]): string {
  const near = closest(name, known);
  return near ? `; did you mean \`${near}\`?` : '';
}

/** The `.iac-check.yaml` file, validated. */
export interface Config {
  /** Per rule: `off`, `on`, or a severity that overrides the rule's. */
  rules: Record<string, 'off' | 'on' | Severity>;
  exclude: string[];
  ignore: IgnoreEntry[];
  /** Account id per path glob (first match wins), for templates that do not say. */
  accounts: Record<string, string>;
  /** Region per path glob. */
  regions: Record<string, string>;
  logArchiveAccount?: string;
  publicPorts: number[];
  /** As `--fail-on`: a severity, `never`, or `new` (with `--baseline`). */
  failOn?: Severity | 'never' | 'new';
  /** CloudFormation parameter files (paths relative to `configDir`) and values, per template path glob, in order. */
  cfnParameters: CfnParameterMapping[];
  /**
   * Account-level controls met outside the scanned code, per rule id, with where they are met
   * ("GuardDuty runs organisation-wide from the security account"). Their findings are shown as
   * suppressed with that reason (they become `ignore` entries).
   */
  providedElsewhere: Record<string, string>;
  /** The configuration file it was read from (relative paths in it start from its folder). */
  configFile?: string;
}

export interface CfnParameterMapping {
  glob: string;
  files: string[];
  values: Record<string, string>;
}

export const DEFAULT_PUBLIC_PORTS = [80, 443];

export function defaultConfig(): Config {
  return { rules: {}, exclude: [], ignore: [], accounts: {}, regions: {}, publicPorts: [...DEFAULT_PUBLIC_PORTS], cfnParameters: [], providedElsewhere: {} };
}

export class ConfigError extends Error {}

const KEYS = new Set(['rules', 'exclude', 'ignore', 'accounts', 'regions', 'logArchiveAccount', 'publicPorts', 'failOn', 'cfnParameters', 'providedElsewhere']);

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the configuration (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let raw: unknown;
  try {
    // Loaded here, not at start-up: most scans have no configuration file.
    const { parse: parseYaml } = await import('yaml');
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return { ...validateConfig(raw ?? {}, file), configFile: file };
}

export function validateConfig(raw: unknown, file = 'configuration'): Config {
  const fail = (key: string, what: string): never => {
    throw new ConfigError(`${file}: \`${key}\` ${what}`);
  };
  if (!isRecord(raw)) return fail('(root)', 'must be a map of settings');
  const config = defaultConfig();
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) fail(key, `is not a setting${suggestion(key, [...KEYS])} (expected one of: ${[...KEYS].join(', ')})`);

  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) fail('rules', 'must map rule ids to off, on or a severity');
    for (const [id, v] of Object.entries(raw.rules as Record<string, unknown>)) {
      const s = v === false ? 'off' : v === true ? 'on' : v;
      if (s !== 'off' && s !== 'on' && !SEVERITIES.includes(s as Severity)) fail(`rules.${id}`, `must be off, on or one of ${SEVERITIES.join(', ')}`);
      config.rules[id] = s as Config['rules'][string];
    }
  }
  if (raw.exclude !== undefined) config.exclude = stringList(raw.exclude, 'exclude', fail);
  if (raw.ignore !== undefined) {
    if (!Array.isArray(raw.ignore)) fail('ignore', 'must be a list of { rule, resource?, path?, reason }');
    (raw.ignore as unknown[]).forEach((entry, i) => {
      const key = `ignore[${i}]`;
      if (!isRecord(entry)) return fail(key, 'must be a map with rule and reason');
      if (typeof entry.rule !== 'string' || entry.rule === '') fail(`${key}.rule`, 'is required (a rule id or *)');
      if (typeof entry.reason !== 'string' || entry.reason.trim() === '') fail(`${key}.reason`, 'is required: say why the finding is accepted');
      if (entry.resource !== undefined && typeof entry.resource !== 'string') fail(`${key}.resource`, 'must be a resource address');
      if (entry.path !== undefined && typeof entry.path !== 'string') fail(`${key}.path`, 'must be a path glob');
      const out: IgnoreEntry = { rule: entry.rule as string, reason: (entry.reason as string).trim() };
      if (typeof entry.resource === 'string') out.resource = entry.resource;
      if (typeof entry.path === 'string') out.path = entry.path;
      config.ignore.push(out);
    });
  }
  for (const key of ['accounts', 'regions'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!isRecord(v)) fail(key, 'must map path globs to values');
    for (const [glob, value] of Object.entries(v as Record<string, unknown>)) {
      if (typeof value !== 'string' && typeof value !== 'number') fail(`${key}.${glob}`, 'must be a string');
      const text = String(value);
      if (key === 'accounts' && !/^\d{12}$/.test(text)) fail(`${key}.${glob}`, 'must be a 12-digit account id');
      config[key][glob] = text;
    }
  }
  if (raw.logArchiveAccount !== undefined) {
    const text = String(raw.logArchiveAccount);
    if (!/^\d{12}$/.test(text)) fail('logArchiveAccount', 'must be a 12-digit account id');
    config.logArchiveAccount = text;
  }
  if (raw.publicPorts !== undefined) {
    if (!Array.isArray(raw.publicPorts) || !raw.publicPorts.every((p) => Number.isInteger(p) && p >= 0 && p <= 65535)) {
      fail('publicPorts', 'must be a list of port numbers');
    }
    config.publicPorts = raw.publicPorts as number[];
  }
  if (raw.cfnParameters !== undefined) {
    // glob → a parameter file, a list of them, or a map of parameter values.
    if (!isRecord(raw.cfnParameters)) fail('cfnParameters', 'must map template path globs to a parameter file, a list of files, or a map of parameter values');
    for (const [glob, v] of Object.entries(raw.cfnParameters as Record<string, unknown>)) {
      const key = `cfnParameters.${glob}`;
      if (typeof v === 'string') config.cfnParameters.push({ glob, files: [v], values: {} });
      else if (Array.isArray(v)) config.cfnParameters.push({ glob, files: stringList(v, key, fail), values: {} });
      else if (isRecord(v)) {
        const values: Record<string, string> = {};
        for (const [name, value] of Object.entries(v)) {
          if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') fail(`${key}.${name}`, 'must be a parameter value (a string)');
          values[name] = String(value);
        }
        config.cfnParameters.push({ glob, files: [], values });
      } else fail(key, 'must be a parameter file, a list of files, or a map of parameter values');
    }
  }
  if (raw.providedElsewhere !== undefined) {
    if (!isRecord(raw.providedElsewhere)) fail('providedElsewhere', 'must map rule ids to where the control is met');
    for (const [rule, where] of Object.entries(raw.providedElsewhere as Record<string, unknown>)) {
      if (typeof where !== 'string' || where.trim() === '') fail(`providedElsewhere.${rule}`, 'must say where the control is met');
      config.providedElsewhere[rule] = (where as string).trim();
      config.ignore.push({ rule, reason: `provided elsewhere: ${(where as string).trim()}` });
    }
  }
  if (raw.failOn !== undefined) {
    const levels: readonly string[] = [...SEVERITIES, 'never', 'new'];
    if (typeof raw.failOn !== 'string' || !levels.includes(raw.failOn)) fail('failOn', `must be one of ${levels.join(', ')}`);
    config.failOn = raw.failOn as NonNullable<Config['failOn']>;
  }
  return config;
}

function stringList(v: unknown, key: string, fail: (k: string, w: string) => never): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return fail(key, 'must be a list of strings');
  return v as string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
