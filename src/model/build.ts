import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResourceGraph } from '../graph/graph.js';
import type { Adapter } from './adapter.js';
import { linkModel } from './link.js';
import { PropertyReader } from './read.js';
import type { CloudModel } from './model.js';
import { emptyModel } from './model.js';
import type { ModelResource } from './val.js';

let adapters: Promise<Adapter[]> | undefined;

/** Every `<service>/cloudformation` and `<service>/terraform` module of this folder: adding a service is adding files. */
export function loadAdapters(): Promise<Adapter[]> {
  adapters ??= (async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const found: Adapter[] = [];
    const services = (await readdir(here, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    for (const service of services) {
      for (const kind of ['cloudformation', 'terraform'] as const) {
        const file = join(here, service, kind + ext);
        if (!existsSync(file)) continue;
        const mod = (await import(pathToFileURL(file).href)) as { adapter?: Adapter };
        if (mod.adapter) found.push(mod.adapter);
      }
    }
    return found;
  })();
  return adapters;
}

/** Projects the resource graph into the cloud model: adapters, then links, then a stable order. */
export async function buildModel(graph: ResourceGraph): Promise<CloudModel> {
  const model = emptyModel();
  for (const node of graph.nodes) if (node.mode === 'managed') model.resources.push({ resource: new PropertyReader(node, graph, '').info() });
  for (const a of await loadAdapters()) a.adapt(graph, model);
  for (const list of Object.values(model) as ModelResource[][]) {
    list.sort((a, b) => compare(a.resource.span.file, b.resource.span.file) || compare(a.resource.address, b.resource.address));
  }
  linkModel(model);
  return model;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
