import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A service folder's adapter module of one input kind, before anyone checks that it exports an adapter. */
export interface AdapterModule {
  /** The service folder (`s3`, `rds` …). */
  folder: string;
  mod: { adapter?: unknown };
}

/**
 * The `<service>/<kind>` module of every service folder of src/model that has one, folder by folder
 * in sorted order, found by folder. The CLI bundle (scripts/bundle.mjs) replaces this module with
 * the same list found when it is built: one lazily loaded chunk per kind.
 */
export async function adapterModules(kind: 'cloudformation' | 'terraform'): Promise<AdapterModule[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const found: AdapterModule[] = [];
  const services = (await readdir(here, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const service of services) {
    const file = join(here, service, kind + ext);
    if (!existsSync(file)) continue;
    found.push({ folder: service, mod: (await import(pathToFileURL(file).href)) as AdapterModule['mod'] });
  }
  return found;
}
