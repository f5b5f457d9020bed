/**
 * CDK cloud assembly (`cdk.out`): the manifest names the stacks, their templates and
 * environments; nested assemblies (stages, `assembly-*`) are read recursively. Construct
 * metadata (`aws:cdk:logicalId`, `aws:cdk:creationStack`) comes from the manifest or from the
 * stack's `*.metadata.json` (`additionalMetadataFile`); `tree.json` gives logical ids per
 * construct path as a last source. Nothing here evaluates a template: that is the
 * CloudFormation pipeline's job.
 *
 * Schema facts used (cloud assembly schema, `@aws-cdk/cloud-assembly-schema`):
 * - `artifacts.<id>.type`: `aws:cloudformation:stack` | `cdk:cloud-assembly` | `cdk:tree` |
 *   `cdk:asset-manifest` | `cdk:feature-flag-report` | …
 * - stack: `environment` `aws://<account>/<region>` (`unknown-account`, `unknown-region`),
 *   `properties.templateFile`, `properties.stackName`, `displayName`, `metadata`
 *   (`{ "/path": [{ type, data, trace? }] }`), `additionalMetadataFile`.
 * - nested assembly: `properties.directoryName`, `properties.displayName`.
 * - tree: `properties.file`; nodes `{ id, path, children, constructInfo.fqn, attributes }` with
 *   `attributes["aws:cdk:cloudformation:logicalId"]`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { realpathSync } from 'node:fs';
import type { InputError, Span } from '../../src/core/source.js';
import type { Known } from '../../src/graph/graph.js';
import { parseDataDocument } from '../cloudformation/yaml.js';
import type { DocNode } from '../document.js';
import { get, getEntry } from '../document.js';

export const STACK_ARTIFACT = 'aws:cloudformation:stack';
export const NESTED_ASSEMBLY_ARTIFACT = 'cdk:cloud-assembly';
export const TREE_ARTIFACT = 'cdk:tree';
/** Artifact types that hold nothing to scan; they are skipped silently. */
const KNOWN_IGNORED_ARTIFACTS = new Set(['cdk:asset-manifest', 'cdk:feature-flag-report', 'cdk:tree']);

export const LOGICAL_ID_METADATA = 'aws:cdk:logicalId';
export const CREATION_STACK_METADATA = 'aws:cdk:creationStack';
export const PATH_METADATA = 'aws:cdk:path';
export const ASSET_PATH_METADATA = 'aws:asset:path';

/** Largest JSON file read from an assembly. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Deepest chain of nested assemblies followed. */
const MAX_ASSEMBLY_DEPTH = 16;

export interface MetadataEntry {
  type: string;
  data: unknown;
}

export interface CdkStack {
  /** Artifact id in its manifest (`ProdStorefront65317B0F`). */
  artifactId: string;
  /** The stack's construct path (`Prod/Storefront`), from `displayName`, else the artifact id. */
  path: string;
  /** The CloudFormation stack name (`properties.stackName`, else the artifact id). */
  stackName: string;
  account: Known<string>;
  region: Known<string>;
  /** Absolute path of the template file. */
  templatePath: string;
  /** The template file relative to the scan root. */
  templateRel: string;
  /** The folder of the (possibly nested) assembly holding the stack. */
  assemblyDir: string;
  /** Construct metadata of the stack and its nested stacks: `Prod/Storefront/Assets/Resource` → entries. */
  metadata: Map<string, MetadataEntry[]>;
}

export interface TreeInfo {
  /** Construct path → logical id, for every CloudFormation element in the tree. */
  logicalIds: Map<string, string>;
  /** Construct path → fully qualified construct class (`aws-cdk-lib.aws_s3.Bucket`). */
  fqns: Map<string, string>;
}

export interface CdkAssembly {
  dir: string;
  rel: string;
  stacks: CdkStack[];
  tree?: TreeInfo;
  /** Asset hash (asset id or object key without extension) → absolute path of its source file. */
  assets: Map<string, string>;
  errors: InputError[];
  notes: string[];
}

export interface ReadAssemblyInput {
  /** Scan root (absolute). */
  root: string;
  /** Assembly folder (absolute). */
  dir: string;
  /** Assembly folder relative to the scan root. */
  rel: string;
}

/** `aws://111111111111/us-east-1` → account and region; `unknown-account`/`unknown-region` are unknown. */
export function parseEnvironment(env: string | undefined, span?: Span): { account: Known<string>; region: Known<string> } {
  const m = env ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(env) : null;
  if (!m) {
    const reason = env ? `the stack's environment "${env}" is not aws://account/region` : 'the stack has no environment';
    return { account: { known: false, reason }, region: { known: false, reason } };
  }
  const [, account, region] = m as unknown as [string, string, string];
  const known = (v: string, unknown: string, what: string): Known<string> =>
    v === unknown || v.startsWith('${')
      ? { known: false, reason: `the CDK stack is environment-agnostic (${what} not set in its env)` }
      : span
        ? { known: true, value: v, span }
        : { known: true, value: v };
  return { account: known(account, 'unknown-account', 'account'), region: known(region, 'unknown-region', 'region') };
}

/** Reads an assembly and its nested assemblies. Never throws for bad input. */
export async function readAssembly(input: ReadAssemblyInput): Promise<CdkAssembly> {
  const out: CdkAssembly = { dir: input.dir, rel: input.rel, stacks: [], assets: new Map(), errors: [], notes: [] };
  await readOne(input.root, input.dir, out, 0, new Set());
  return out;
}

function relOf(root: string, abs: string): string {
  const r = path.relative(root, abs).split(path.sep).join('/');
  return r === '' ? '.' : r;
}

function isInside(root: string, abs: string): boolean {
  const within = (r: string): boolean => r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
  if (!within(path.relative(root, abs))) return false;
  // Inside by its name, but a symlink on the way may lead out: the real paths decide, as in the folder walk.
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(abs);
  } catch {
    return true; // not there: reading it fails with its own error
  }
  return within(path.relative(realRoot, real));
}

async function readText(abs: string): Promise<string> {
  const st = await fs.stat(abs);
  if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
  if (st.size > MAX_JSON_BYTES) throw Object.assign(new Error(`larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`), { code: 'EFBIG' });
  return fs.readFile(abs, 'utf8');
}

function scalarString(n: DocNode | undefined): string | undefined {
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

/** Converts a positioned node to plain JSON data (metadata entries are plain data). */
function plain(n: DocNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  const o: Record<string, unknown> = {};
  for (const e of n.entries) o[e.key] = plain(e.value);
  return o;
}

async function readOne(root: string, dir: string, out: CdkAssembly, depth: number, seen: Set<string>): Promise<void> {
  const manifestAbs = path.join(dir, 'manifest.json');
  const manifestRel = relOf(root, manifestAbs);
  if (seen.has(dir)) return;
  seen.add(dir);
  let text: string;
  try {
    text = await readText(manifestAbs);
  } catch (e) {
    out.errors.push({ file: manifestRel, line: 1, column: 1, kind: 'read', message: `cannot read the CDK assembly manifest (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return;
  }
  const parsed = parseDataDocument(manifestRel, text);
  if (!parsed.document) {
    for (const e of parsed.errors) out.errors.push({ ...e, kind: 'manifest', message: `malformed CDK assembly manifest: ${e.message}` });
    return;
  }
  const doc = parsed.document.root;
  const artifacts = get(doc, 'artifacts');
  if (!artifacts || artifacts.kind !== 'map') {
    const at = getEntry(doc, 'artifacts')?.keySpan.start ?? doc.span.start;
    out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'manifest', message: 'malformed CDK assembly manifest: expected an "artifacts" map (is this a cloud assembly?)' });
    return;
  }

  // Tree and assets first: stacks refer to them.
  for (const art of artifacts.entries) {
    const type = scalarString(get(art.value, 'type'));
    if (type === TREE_ARTIFACT && depth === 0) {
      const file = scalarString(get(get(art.value, 'properties'), 'file'));
      if (file) out.tree = await readTree(root, dir, file, out);
    }
    if (type === 'cdk:asset-manifest') {
      const file = scalarString(get(get(art.value, 'properties'), 'file'));
      if (file) await readAssets(dir, file, out);
    }
  }

  for (const art of artifacts.entries) {
    const id = art.key;
    const where = art.keySpan.start;
    if (art.value.kind !== 'map') {
      out.errors.push({ file: manifestRel, line: where.line, column: where.column, kind: 'manifest', message: `artifact "${id}" is not an object` });
      continue;
    }
    const typeNode = get(art.value, 'type');
    const type = scalarString(typeNode);
    if (type === STACK_ARTIFACT) {
      await readStack(root, dir, manifestRel, id, art.value, out);
    } else if (type === NESTED_ASSEMBLY_ARTIFACT) {
      const dirEntry = getEntry(get(art.value, 'properties'), 'directoryName');
      const name = scalarString(dirEntry?.value);
      const at = dirEntry?.value.span.start ?? where;
      if (!name) {
        out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'manifest', message: `nested assembly "${id}" has no properties.directoryName` });
        continue;
      }
      const nested = path.resolve(dir, name);
      if (!isInside(root, nested)) {
        out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'manifest', message: `nested assembly "${id}" lies outside the scan root (${name}); not read` });
        continue;
      }
      if (seen.has(nested)) {
        out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'cycle', message: `nested assembly "${id}" (${name}) is an assembly already read (it refers back to itself or to a parent); not read again` });
        continue;
      }
      if (depth + 1 > MAX_ASSEMBLY_DEPTH) {
        out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'limit', message: `nested assemblies deeper than ${MAX_ASSEMBLY_DEPTH} levels; "${id}" not read` });
        continue;
      }
      await readOne(root, nested, out, depth + 1, seen);
    } else if (type === undefined) {
      out.errors.push({ file: manifestRel, line: where.line, column: where.column, kind: 'manifest', message: `artifact "${id}" has no "type"` });
    } else if (!KNOWN_IGNORED_ARTIFACTS.has(type)) {
      const at = typeNode?.span.start ?? where;
      out.notes.push(`${manifestRel}:${at.line}:${at.column}: CDK artifact "${id}" of type "${type}" is not scanned (unknown artifact type)`);
    }
  }
}

async function readStack(root: string, dir: string, manifestRel: string, id: string, art: DocNode, out: CdkAssembly): Promise<void> {
  const props = get(art, 'properties');
  const tfEntry = getEntry(props, 'templateFile');
  const templateFile = scalarString(tfEntry?.value);
  const artAt = getEntry(get(art, 'type') ? art : undefined, 'type')?.keySpan.start ?? art.span.start;
  if (!templateFile) {
    out.errors.push({ file: manifestRel, line: artAt.line, column: artAt.column, kind: 'manifest', message: `stack artifact "${id}" has no properties.templateFile` });
    return;
  }
  const at = tfEntry!.value.span.start;
  const templatePath = path.resolve(dir, templateFile);
  if (!isInside(root, templatePath)) {
    out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'manifest', message: `stack "${id}": template ${templateFile} lies outside the scan root; not read` });
    return;
  }
  try {
    const st = await fs.stat(templatePath);
    if (!st.isFile()) throw new Error('not a file');
  } catch {
    out.errors.push({ file: manifestRel, line: at.line, column: at.column, kind: 'manifest', message: `stack "${id}": the template file ${templateFile} named by the manifest does not exist in ${relOf(root, dir)}` });
    return;
  }
  const envEntry = getEntry(art, 'environment');
  const envSpan: Span | undefined = envEntry ? envEntry.value.span : undefined;
  const { account, region } = parseEnvironment(scalarString(envEntry?.value), envSpan);
  const display = scalarString(get(art, 'displayName'));
  const stackName = scalarString(get(props, 'stackName')) ?? id;
  const metadata = new Map<string, MetadataEntry[]>();
  addMetadata(metadata, plain(get(art, 'metadata')));
  const extra = scalarString(get(art, 'additionalMetadataFile'));
  if (extra) {
    const abs = path.resolve(dir, extra);
    const rel = relOf(root, abs);
    try {
      if (!isInside(root, abs)) throw new Error('outside the scan root');
      addMetadata(metadata, JSON.parse(await readText(abs)) as unknown);
    } catch (e) {
      const ea = getEntry(art, 'additionalMetadataFile')!.value.span.start;
      out.errors.push({ file: manifestRel, line: ea.line, column: ea.column, kind: 'manifest', message: `stack "${id}": cannot read its metadata file ${rel} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); construct paths may be missing` });
    }
  }
  out.stacks.push({
    artifactId: id,
    path: display ?? id,
    stackName,
    account,
    region,
    templatePath,
    templateRel: relOf(root, templatePath),
    assemblyDir: dir,
    metadata,
  });
}

/** `{ "/a/b": [{ type, data }] }` → entries keyed by the path without its leading slash. */
function addMetadata(into: Map<string, MetadataEntry[]>, data: unknown): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  for (const [key, list] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const p = key.replace(/^\/+/, '');
    const entries = into.get(p) ?? [];
    for (const e of list) {
      if (e && typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string') {
        entries.push({ type: (e as MetadataEntry).type, data: (e as MetadataEntry).data });
      }
    }
    into.set(p, entries);
  }
}

async function readTree(root: string, dir: string, file: string, out: CdkAssembly): Promise<TreeInfo | undefined> {
  const abs = path.resolve(dir, file);
  if (!isInside(root, abs)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(await readText(abs));
  } catch (e) {
    out.notes.push(`${relOf(root, abs)}: construct tree not read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return undefined;
  }
  const info: TreeInfo = { logicalIds: new Map(), fqns: new Map() };
  const stack: { node: unknown; depth: number }[] = [{ node: (data as { tree?: unknown })?.tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object' || depth > 512) continue;
    const n = node as { path?: unknown; children?: unknown; attributes?: Record<string, unknown>; constructInfo?: { fqn?: unknown } };
    if (typeof n.path === 'string') {
      const lid = n.attributes?.['aws:cdk:cloudformation:logicalId'];
      if (typeof lid === 'string') info.logicalIds.set(n.path, lid);
      if (typeof n.constructInfo?.fqn === 'string') info.fqns.set(n.path, n.constructInfo.fqn);
    }
    if (n.children && typeof n.children === 'object') for (const c of Object.values(n.children)) stack.push({ node: c, depth: depth + 1 });
  }
  return info;
}

async function readAssets(dir: string, file: string, out: CdkAssembly): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(await readText(path.resolve(dir, file)));
  } catch {
    return; // Only used to find nested stack templates; their absence is reported there.
  }
  const files = (data as { files?: Record<string, unknown> })?.files;
  if (!files || typeof files !== 'object') return;
  for (const [hash, entry] of Object.entries(files)) {
    const e = entry as { source?: { path?: unknown }; destinations?: Record<string, { objectKey?: unknown }> };
    if (typeof e?.source?.path !== 'string') continue;
    const src = path.resolve(dir, e.source.path);
    out.assets.set(hash, src);
    for (const d of Object.values(e.destinations ?? {})) {
      if (typeof d?.objectKey === 'string') out.assets.set(d.objectKey.replace(/\.[a-z]+$/i, ''), src);
    }
  }
}

/** The logical id recorded for a construct path, from the stack metadata. */
export function logicalIdsOf(metadata: Map<string, MetadataEntry[]>): Map<string, string[]> {
  const byLogical = new Map<string, string[]>();
  for (const [p, entries] of metadata) {
    for (const e of entries) {
      if (e.type !== LOGICAL_ID_METADATA || typeof e.data !== 'string') continue;
      const list = byLogical.get(e.data) ?? [];
      list.push(p);
      byLogical.set(e.data, list);
    }
  }
  return byLogical;
}

/** The recorded creation stack of a construct path, if any. */
export function creationStackOf(metadata: Map<string, MetadataEntry[]>, constructPath: string): string[] | undefined {
  for (const e of metadata.get(constructPath) ?? []) {
    if (e.type === CREATION_STACK_METADATA && Array.isArray(e.data)) return e.data.filter((l): l is string => typeof l === 'string');
  }
  return undefined;
}

/** The construct path of a nested stack from its resource's path (`A/B/Data.NestedStack/Data.NestedStackResource` → `A/B/Data`). */
export function nestedStackPath(resourcePath: string): string | undefined {
  const m = /^(.*)\/([^/]+)\.NestedStack\/\2\.NestedStackResource$/.exec(resourcePath);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Finds the template of a nested stack: its `aws:asset:path` metadata, else the asset hash in its TemplateURL. */
export function nestedTemplatePath(assembly: CdkAssembly, stackDir: string, assetPath: string | undefined, templateUrlText: string): string | undefined {
  if (assetPath) return path.resolve(stackDir, assetPath);
  for (const m of templateUrlText.matchAll(/[0-9a-f]{64}/g)) {
    const hit = assembly.assets.get(m[0]);
    if (hit) return hit;
  }
  return undefined;
}
