/**
 * CDK cloud assembly → graph parts: every stack (and nested stack) template goes through the
 * CloudFormation pipeline with the stack's account and region, and every resource gets its
 * construct path and, where found, the TypeScript line that created it (see `source.ts`).
 */
import * as path from 'node:path';
import { realpathSync } from 'node:fs';
import type { InputError, Span } from '../../core/source.js';
import { readSourceText } from '../../core/source.js';
import { LIMITS } from '../../core/limits.js';
import { errorText, placeOf, REPORT_BUG } from '../../core/isolate.js';
import { parseTemplate } from '../../../parsers/cloudformation/index.js';
import type { DocNode, ParsedDocument } from '../../../parsers/document.js';
import { get } from '../../../parsers/document.js';
import type { CdkAssembly, CdkStack, MetadataEntry } from '../../../parsers/cdk/manifest.js';
import { ASSET_PATH_METADATA, PATH_METADATA, creationStackOf, logicalIdsOf, nestedStackPath, nestedTemplatePath, readAssembly } from '../../../parsers/cdk/manifest.js';
import { buildTemplate } from '../cloudformation/build.js';
import { templateStructureErrors } from '../cloudformation/structure.js';
import type { Value } from '../value.js';
import type { ConstructInfo, GraphPart } from '../graph.js';
import type { SourceIndex } from './source.js';
import { FrameMapper, findAppFolder, indexAppSource } from './source.js';

export interface BuildCdkInput {
  /** Scan root (absolute). */
  root: string;
  /** Assembly folder (absolute). */
  dir: string;
  /** Assembly folder relative to the scan root. */
  rel: string;
  /** App source folder from `--cdk-source` (absolute). */
  cdkSource?: string;
  parseOnly?: boolean;
}

export interface BuildCdkResult {
  parts: GraphPart[];
  errors: InputError[];
  notes: string[];
}

/** Deepest chain of nested stacks followed. */
const MAX_NESTING = LIMITS.nestedStackDepth;

interface TemplateJob {
  /** The stack of the assembly this template belongs to. */
  stack: CdkStack;
  templatePath: string;
  /** Construct path of this (nested) stack. */
  scopePath: string;
  unit: string;
  stackName: string;
  depth: number;
  /** Where the template was named, for errors about it. */
  namedAt: { file: string; line: number; column: number };
  /** For a nested stack: the logical id of its stack resource in the parent, and the values the parent passes. */
  parentKey?: string;
  parameters?: Record<string, Value>;
  /** Templates of the parent stacks, outermost first: a nested stack that is one of them is a cycle. */
  ancestors: string[];
}

export async function buildCdkAssembly(input: BuildCdkInput): Promise<BuildCdkResult> {
  const assembly = await readAssembly({ root: input.root, dir: input.dir, rel: input.rel });
  const errors: InputError[] = [...assembly.errors];
  const notes: string[] = [...assembly.notes];
  const parts: GraphPart[] = [];

  // Source mapping is prepared lazily: only when some resource needs it.
  const appDir = await findAppFolder(input.root, input.dir);
  const frames = new FrameMapper(input.root, appDir ?? input.cdkSource, input.cdkSource);
  let index: SourceIndex | undefined;
  const sourceIndex = async (): Promise<SourceIndex> => {
    if (!index) {
      const r = await indexAppSource(input.root, appDir, input.cdkSource);
      index = r.index;
      errors.push(...r.errors);
      notes.push(...r.notes);
      if (!appDir && !input.cdkSource) notes.push(`${input.rel}: no cdk.json beside or above the assembly and no --cdk-source: findings stay on the synthesized templates`);
    }
    return index;
  };

  const usedPrefixes = new Set<string>();
  const jobs: TemplateJob[] = assembly.stacks.map((s) => ({
    stack: s,
    templatePath: s.templatePath,
    scopePath: s.path,
    unit: s.path,
    stackName: s.stackName,
    depth: 0,
    namedAt: { file: relOf(input.root, path.join(s.assemblyDir, 'manifest.json')), line: 1, column: 1 },
    ancestors: [],
  }));

  for (let j = 0; j < jobs.length; j++) {
    const job = jobs[j]!;
    // Each stack template is one unit: one that fails unexpectedly is an error where it was named, the others are built.
    try {
      await buildJob(job);
    } catch (e) {
      errors.push({ ...placeOf(e, job.namedAt), kind: 'internal', message: `${job.unit}: building the stack failed unexpectedly: ${errorText(e)} (${REPORT_BUG})` });
    }
  }
  return { parts, errors, notes };

  async function buildJob(job: TemplateJob): Promise<void> {
    const rel = relOf(input.root, job.templatePath);
    const read = await readSourceText(job.templatePath, rel, LIMITS.planBytes, 'template');
    if ('error' in read) {
      errors.push(read.error.kind === 'read' ? { ...job.namedAt, kind: 'manifest', message: `${job.unit}: cannot read the template ${rel} (${read.error.message.replace(/^cannot read the file \((.*)\)$/, '$1')})` } : read.error);
      return;
    }
    const text = read.text;
    const parsed = parseTemplate(rel, text);
    if (parsed.kind === 'error') {
      errors.push(...parsed.errors);
      return;
    }
    if (parsed.kind === 'not-cloudformation') {
      // An empty stack synthesizes to `{}` (or only CDK bootstrap checks): nothing to scan.
      notes.push(`${rel}: stack ${job.unit} has no resources (${parsed.reason})`);
      return;
    }
    const document = parsed.document;
    errors.push(...templateStructureErrors(rel, document));
    const resources = get(document.root, 'Resources');

    // Nested stacks: their own templates, scoped to their construct path.
    const nestedScopes: string[] = [];
    const childJobs: TemplateJob[] = [];
    if (resources?.kind === 'map') {
      for (const r of resources.entries) {
        if (scalar(get(r.value, 'Type')) !== 'AWS::CloudFormation::Stack') continue;
        const meta = get(r.value, 'Metadata');
        const resPath = scalar(get(meta, PATH_METADATA)) ?? pathFromMetadata(job.stack.metadata, r.key, job.scopePath, []) ?? pathFromTree(assembly, r.key, job.scopePath, []);
        const scope = resPath ? nestedStackPath(resPath) : undefined;
        if (scope) nestedScopes.push(scope);
        const url = get(get(r.value, 'Properties'), 'TemplateURL');
        const file = nestedTemplatePath(assembly, job.stack.assemblyDir, scalar(get(meta, ASSET_PATH_METADATA)), url ? JSON.stringify(plainOf(url)) : '');
        if (!file) {
          // A stack deployed from an external template URL: nothing of ours to read.
          if (url && /nested\.template\.json|[0-9a-f]{64}/.test(JSON.stringify(plainOf(url)))) notes.push(`${rel}: nested stack ${r.key}: its template was not found in the assembly`);
          continue;
        }
        if (!isInside(input.root, file)) continue;
        const chain = [...job.ancestors, job.templatePath];
      if (chain.some((t) => path.resolve(t) === path.resolve(file))) {
        errors.push({ file: rel, line: r.keySpan.start.line, column: r.keySpan.start.column, kind: 'cycle', message: `nested stack ${r.key} is its own parent: ${[...chain, file].map((t) => relOf(input.root, t)).join(' -> ')}` });
        continue;
      }
      if (job.depth + 1 > MAX_NESTING) {
          errors.push({ file: rel, line: r.keySpan.start.line, column: r.keySpan.start.column, kind: 'limit', message: `nested stacks deeper than ${MAX_NESTING} levels; ${r.key} not read` });
          continue;
        }
        const nestedScope = scope ?? `${job.scopePath}/${r.key}`;
        jobs.push({
          stack: job.stack,
          templatePath: file,
          scopePath: nestedScope,
          unit: nestedScope,
          stackName: `${job.stackName}-${r.key}`,
          depth: job.depth + 1,
          namedAt: { file: rel, line: r.keySpan.start.line, column: r.keySpan.start.column },
          parentKey: r.key,
          ancestors: chain,
        });
        childJobs.push(jobs[jobs.length - 1]!);
      }
    }

    if (input.parseOnly) return;
    const constructs = await constructsOf(document, job, nestedScopes, assembly, frames, sourceIndex, notes, rel);
    let prefix = `${input.rel}/${job.unit}`;
    for (let n = 2; usedPrefixes.has(prefix); n++) prefix = `${input.rel}/${job.unit}#${n}`;
    usedPrefixes.add(prefix);
    const part = buildTemplate({
      file: rel,
      document,
      account: job.stack.account,
      region: job.stack.region,
      unit: job.unit,
      stackName: job.stackName,
      idPrefix: prefix,
      source: 'cdk',
      // A nested stack is deployed with its parent, into the parent's account and region.
      target: { id: `stack:${input.rel}/${job.stack.path}`, label: `stack ${job.stack.path}` },
      constructs,
      ...(job.parameters ? { parameterValues: job.parameters } : {}),
    });
    parts.push(part);
    // A nested stack's parameters are what its parent passes (often references to the parent's subnets or VPC).
    for (const child of childJobs) {
      const stackNode = part.nodes.find((n) => n.address === child.parentKey);
      const passed = stackNode?.properties.entries.get('Parameters');
      if (passed?.kind === 'map') child.parameters = Object.fromEntries(passed.entries);
    }
  }
}

/** Construct info per logical id of one template. */
async function constructsOf(
  document: ParsedDocument,
  job: TemplateJob,
  nestedScopes: string[],
  assembly: CdkAssembly,
  frames: FrameMapper,
  sourceIndex: () => Promise<SourceIndex>,
  notes: string[],
  rel: string,
): Promise<Map<string, ConstructInfo>> {
  const out = new Map<string, ConstructInfo>();
  const resources = get(document.root, 'Resources');
  if (resources?.kind !== 'map') return out;
  const ownNested = nestedScopes.filter((s) => s !== job.scopePath);
  for (const r of resources.entries) {
    const logical = r.key;
    const cpath =
      scalar(get(get(r.value, 'Metadata'), PATH_METADATA)) ??
      pathFromMetadata(job.stack.metadata, logical, job.scopePath, ownNested) ??
      pathFromTree(assembly, logical, job.scopePath, ownNested);
    if (!cpath) {
      notes.push(`${rel}: ${logical}: no construct path (no aws:cdk:path metadata, no aws:cdk:logicalId metadata, not in tree.json)`);
      continue;
    }
    const info: ConstructInfo = { path: cpath };
    const trace = creationStackOf(job.stack.metadata, cpath);
    let why: string | undefined;
    if (trace) {
      const idx = await sourceIndex();
      const hit = await frames.firstAppFrame(trace, (span) => idx.isPassThrough(span));
      if ('span' in hit) {
        info.source = await refine(hit.span, sourceIndex);
        if (hit.note) info.note = hit.note;
      } else why = hit.reason;
    }
    if (!info.source) {
      const idx = await sourceIndex();
      const res = idx.resolve(cpath);
      if ('site' in res) info.source = res.site.span;
      else {
        info.unresolved = why ? `${why}; ${res.reason}` : res.reason;
        notes.push(`${rel}: ${logical} (${cpath}): finding location stays on the template: ${info.unresolved}`);
      }
    }
    out.set(logical, info);
  }
  return out;
}

/** A creation-stack position widened to the `new …(…)` expression that starts there, when the source shows one. */
async function refine(span: Span, sourceIndex: () => Promise<SourceIndex>): Promise<Span> {
  const idx = await sourceIndex();
  return idx.siteAt(span.file, span.start.line, span.start.column)?.span ?? span;
}

/** The construct path recorded for a logical id in the stack metadata, within the template's scope. */
function pathFromMetadata(metadata: Map<string, MetadataEntry[]>, logical: string, scope: string, nested: string[]): string | undefined {
  const paths = logicalIdsOf(metadata).get(logical) ?? [];
  return pickInScope(paths, scope, nested);
}

function pathFromTree(assembly: CdkAssembly, logical: string, scope: string, nested: string[]): string | undefined {
  if (!assembly.tree) return undefined;
  const paths: string[] = [];
  for (const [p, id] of assembly.tree.logicalIds) if (id === logical) paths.push(p);
  return pickInScope(paths, scope, nested);
}

function pickInScope(paths: string[], scope: string, nested: string[]): string | undefined {
  const inScope = paths.filter((p) => p.startsWith(`${scope}/`) && !nested.some((n) => p.startsWith(`${n}/`)));
  return inScope.length === 1 ? inScope[0] : undefined;
}

function scalar(n: DocNode | undefined): string | undefined {
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

function plainOf(n: DocNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plainOf);
  return Object.fromEntries(n.entries.map((e) => [e.key, plainOf(e.value)]));
}

function relOf(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
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

