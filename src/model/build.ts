import type { ResourceGraph, ResourceNode } from '../graph/graph.js';
import type { InputError } from '../core/source.js';
import { errorText, REPORT_BUG, runIsolated } from '../core/isolate.js';
import { heapCheckpoint } from '../core/memory.js';
import type { Adapter } from './adapter.js';
import { adapterModules } from './adapter-modules.js';
import { linkModel } from './link.js';
import { PropertyReader } from './read.js';
import type { CloudModel } from './model.js';
import { emptyModel, resourceLists } from './model.js';
import type { ModelResource } from './val.js';

type Kind = 'cloudformation' | 'terraform';
const KINDS: readonly Kind[] = ['cloudformation', 'terraform'];
const adapters = new Map<Kind, Promise<{ folder: string; adapter: Adapter }[]>>();

/**
 * Every `<service>/cloudformation` and `<service>/terraform` module of this folder: adding a service is adding files.
 * `kinds` loads only the adapters of those input kinds (a scan loads none it has no resource for); the order is the same.
 */
export async function loadAdapters(kinds: Iterable<Kind> = KINDS): Promise<Adapter[]> {
  const wanted = new Set(kinds);
  const lists = await Promise.all(KINDS.filter((k) => wanted.has(k)).map((kind) => {
    let list = adapters.get(kind);
    if (!list) adapters.set(kind, (list = loadKind(kind)));
    return list;
  }));
  // Folder by folder, CloudFormation before Terraform (a stable sort keeps the kinds' order).
  return lists.flat().sort((a, b) => compare(a.folder, b.folder)).map((x) => x.adapter);
}

async function loadKind(kind: Kind): Promise<{ folder: string; adapter: Adapter }[]> {
  return (await adapterModules(kind)).flatMap(({ folder, mod }) => (mod.adapter ? [{ folder, adapter: mod.adapter as Adapter }] : []));
}

/** What `buildModel` is doing, for a caller that watches which step reads what (the AllowedValues scenarios). */
export type ModelPhase = Adapter | 'resources' | 'link' | 'done';

/**
 * Projects the resource graph into the cloud model: adapters, then links, then a stable order.
 * An adapter that throws on a resource leaves that resource out (an error in `errors` names it); the rest is adapted.
 */
export async function buildModel(graph: ResourceGraph, errors: InputError[] = [], onPhase?: (phase: ModelPhase) => void): Promise<CloudModel> {
  onPhase?.('resources');
  const model = emptyModel();
  const broken = new Set<ResourceNode>();
  for (const node of graph.nodes) {
    if (node.mode !== 'managed') continue;
    try {
      model.resources.push({ resource: new PropertyReader(node, graph, '').info() });
    } catch (e) {
      broken.add(node);
      errors.push(nodeError(node, `reading ${node.address} (${node.type}) failed: ${errorText(e)} (${REPORT_BUG})`));
    }
  }
  // An adapter reads one input kind's spellings: those of a kind the graph does not hold would find nothing.
  const kinds = new Set<Kind>();
  for (const list of [graph.nodes, graph.providers]) for (const n of list) kinds.add(n.source === 'terraform' || n.source === 'terraform-plan' ? 'terraform' : 'cloudformation');
  // Every list an adapter may push to, facets included, so that a failed attempt can be cut back.
  const lists: unknown[][] = [...resourceLists(model).map((k) => model[k]), ...Object.values(model.facets)];
  const lengths = new Array<number>(lists.length);
  for (const a of await loadAdapters(kinds)) {
    if (!kinds.has(a.source)) continue;
    onPhase?.(a);
    for (let i = 0; i < lists.length; i++) lengths[i] = lists[i]!.length;
    adaptIsolated(a, graph, model, errors, broken, lists, lengths);
    heapCheckpoint();
  }
  onPhase?.('link');
  const order = (a: ModelResource, b: ModelResource): number => compare(a.resource.span.file, b.resource.span.file) || compare(a.resource.address, b.resource.address);
  for (const key of resourceLists(model)) (model[key] as ModelResource[]).sort(order);
  for (const list of Object.values(model.facets) as { owner: ModelResource }[][]) list.sort((a, b) => order(a.owner, b.owner));
  try {
    linkModel(model);
  } catch (e) {
    errors.push({ file: '.', line: 1, column: 1, kind: 'internal', message: `linking the model failed: ${errorText(e)} (${REPORT_BUG})` });
  }
  onPhase?.('done');
  return model;
}

function nodeError(n: ResourceNode | undefined, message: string): InputError {
  return { file: n ? n.span.file : '.', line: n ? n.span.start.line : 1, column: n ? n.span.start.column : 1, kind: 'internal', message };
}

/**
 * Runs one adapter; a node it throws on is left out (an error names it) and the adapter runs again over the rest.
 * `lengths`: those of `lists` before it ran, to which a failed attempt cuts them back.
 */
function adaptIsolated(a: Adapter, graph: ResourceGraph, model: CloudModel, errors: InputError[], broken: Set<ResourceNode>, lists: unknown[][], lengths: readonly number[]): void {
  const { failures } = runIsolated<ResourceNode>(
    (tracker) => {
      // The graph as this adapter sees it: its node lists are tracked, lookups by id are the graph's own.
      const view = Object.create(graph) as ResourceGraph;
      Object.defineProperty(view, 'nodes', { value: tracker.view(graph.nodes) });
      view.ofType = (...types: string[]) => tracker.view(graph.ofType(...types));
      a.adapt(view, model);
    },
    () => lists.forEach((l, i) => (l.length = lengths[i]!)),
  );
  for (const f of failures) {
    const n = f.item;
    // One error per node: a node that no reader could read is named once.
    if (n && broken.has(n)) continue;
    errors.push(nodeError(n, `reading ${n ? `${n.address} (${n.type})` : 'the resources'} into the ${a.service} model failed: ${errorText(f.error)} (${REPORT_BUG})`));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
