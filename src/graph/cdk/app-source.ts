/**
 * The static half of CDK source mapping: the app's TypeScript, parsed with `@babel/parser`
 * (its TypeScript and ESTree plugins; never executed), indexed by the construct ids it creates
 * (`new X(scope, 'Id', …)`), and a construct path resolved to the line that created it.
 * Babel's parser rather than the TypeScript compiler (through typescript-estree): loading the
 * compiler cost 0.6–0.8 s of CPU, about half of a CDK scan; this parser loads in a few tens of ms.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { ParserPlugin } from '@babel/parser';
import type { TSESTree } from '@typescript-eslint/types';
import type { InputError, Span } from '../../core/source.js';
import { exists, isInside, relOf } from './files.js';

// Required rather than imported: an ESM import of this 0.5 MB CommonJS file first has Node scan it
// for export names (cjs-module-lexer), ~80 ms of CPU, an eighth of a CDK scan.
const { parse } = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');

/** Folders never searched for app source. */
const SKIP_DIRS = new Set(['node_modules', 'cdk.out', '.git', 'dist', 'build', 'coverage']);
const MAX_SOURCE_FILES = 2000;
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** Leaf ids that name the L1 resource of the construct above them. */
const LEAF_IDS = new Set(['Resource', 'Default']);

export interface IdSite {
  /** The literal id, or for a template literal its static parts. */
  id: string;
  pattern?: RegExp;
  /** Static characters of a template literal (how specific it is). */
  staticLength: number;
  /** Name of the instantiated class or called function (`Bucket`, `privateBucket`). */
  callee: string;
  isNew: boolean;
  /** Enclosing class name, else `fn:<name>` of the enclosing top-level function, else `module:<file>`. */
  owner: string;
  span: Span;
  /** The variable the construct is assigned to (`outer`, `this.vpc`), when it is. */
  assignedTo?: string;
  /** The scope argument when it is a variable or `this` (`outer`, `this`, `this.vpc`). */
  scopeArg?: string;
}

interface ClassInfo {
  name: string;
  superName?: string;
}

export interface SourceIndexResult {
  index: SourceIndex;
  errors: InputError[];
  notes: string[];
}

export class SourceIndex {
  readonly sites: IdSite[] = [];
  /**
   * `alb.addListener('Http', …)`: children made by a method of a construct held in a variable,
   * id first. Only used below the construct of that variable, never matched on their own.
   */
  readonly methodSites: IdSite[] = [];
  readonly classes = new Map<string, ClassInfo>();
  /** Owner → function names it calls (for constructs created in helper functions). */
  readonly calls = new Map<string, Set<string>>();
  readonly functions = new Set<string>();
  /** Names imported from the app's own modules (relative imports): constructs of the app, not of a library. */
  readonly appImports = new Set<string>();
  /** Files parsed (rel to the scan root). */
  readonly files: string[] = [];
  /**
   * `file:line:column` of calls that only pass a construct id through — `super(scope, id)`,
   * `new Bucket(scope, id)` with `id` a parameter: a creation-stack frame there is not where
   * the construct was named; the caller's frame is.
   */
  readonly passThrough = new Set<string>();

  isPassThrough(span: Span): boolean {
    return this.passThrough.has(`${span.file}:${span.start.line}:${span.start.column}`);
  }

  /**
   * The site whose `new`/call starts at this line and column; else the innermost site that
   * starts on this line and spans the column (V8 reports `f(…)` and `(0, m.f)(…)` calls at
   * their parenthesis, not at their first character).
   */
  siteAt(file: string, line: number, column: number): IdSite | undefined {
    const exact = this.sites.find((s) => s.span.file === file && s.span.start.line === line && s.span.start.column === column);
    if (exact) return exact;
    const inside = this.sites.filter(
      (s) =>
        s.span.file === file &&
        s.span.start.line === line &&
        s.span.start.column <= column &&
        (s.span.end.line > line || s.span.end.column >= column),
    );
    // Innermost: the one that starts last.
    return inside.sort((a, b) => b.span.start.column - a.span.start.column)[0];
  }

  /** Sites reachable from an owner: its own, its base classes', and those of functions it calls. */
  private scope(owner: string): Set<string> {
    const out = new Set<string>();
    const queue = [owner];
    while (queue.length && out.size < 200) {
      const o = queue.shift()!;
      if (out.has(o)) continue;
      out.add(o);
      const cls = this.classes.get(o);
      if (cls?.superName && this.classes.has(cls.superName)) queue.push(cls.superName);
      for (const f of this.calls.get(o) ?? []) if (this.functions.has(f)) queue.push(`fn:${f}`);
    }
    return out;
  }

  private matching(id: string, candidates: IdSite[]): IdSite[] {
    const exact = candidates.filter((s) => !s.pattern && s.id === id);
    if (exact.length) return exact;
    const templ = candidates.filter((s) => s.pattern?.test(id));
    if (templ.length <= 1) return templ;
    // The most specific template wins when it is the only one that specific.
    const best = Math.max(...templ.map((s) => s.staticLength));
    return templ.filter((s) => s.staticLength === best);
  }

  /** The one site beside `parent` (same owner) that creates `id` with `parent`'s variable as its scope. */
  private childOf(parent: IdSite, id: string): IdSite | undefined {
    if (!parent.assignedTo) return undefined;
    const cands = [...this.sites, ...this.methodSites].filter((s) => s !== parent && s.owner === parent.owner && s.scopeArg === parent.assignedTo);
    const hit = this.matching(id, cands);
    return hit.length === 1 ? hit[0] : undefined;
  }

  /** Resolves a construct path (`Prod/Storefront/Assets/Resource`) to a site, or says why not. */
  resolve(constructPath: string): { site: IdSite } | { reason: string } {
    // `Data.NestedStack/Data.NestedStackResource` is the resource of the nested stack `Data`.
    const segments = constructPath
      .split('/')
      .filter((s) => !s.endsWith('.NestedStackResource'))
      .map((s) => s.replace(/\.NestedStack$/, ''));
    while (segments.length > 1 && LEAF_IDS.has(segments[segments.length - 1]!)) segments.pop();
    if (!this.sites.length) return { reason: 'no construct ids found in the app source' };

    // Top down through the classes of the app.
    let found: IdSite | undefined;
    let foundDepth = -1;
    let owners: Set<string> | undefined;
    let chainReason = '';
    let unreadClass = false;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      let cands: IdSite[];
      if (!owners) {
        const all = this.matching(seg, this.sites);
        const outside = all.filter((s) => !this.classes.has(s.owner));
        cands = outside.length ? outside : all;
      } else {
        const scope = owners;
        cands = this.matching(seg, this.sites.filter((s) => scope.has(s.owner)));
      }
      if (cands.length !== 1) {
        if (i === 0 && cands.length === 0) {
          // The top segment may be the stage or app that is not created in the source we see.
          continue;
        }
        chainReason = cands.length ? `the construct id "${seg}" is created at ${cands.length} places (${cands.map(where).join(', ')})` : `no construct with id "${seg}" is created in class ${[...owners ?? []][0] ?? '?'}`;
        break;
      }
      found = cands[0]!;
      foundDepth = i;
      if (found.isNew && !this.classes.has(found.callee) && this.appImports.has(found.callee) && i < segments.length - 1) {
        // The app's own construct class whose source we could not read: its children are unknown.
        chainReason = `the source of class ${found.callee} (imported by ${found.span.file}) was not read or does not parse`;
        unreadClass = true;
        break;
      }
      // A library construct (a `Stage`, a `Construct` used as a folder, an L2 whose method adds
      // children) may get children from lines beside it that pass its variable as their scope.
      while ((!found.isNew || !this.classes.has(found.callee)) && i < segments.length - 1) {
        const child = this.childOf(found, segments[i + 1]!);
        if (!child) break;
        found = child;
        foundDepth = ++i;
      }
      if (!found.isNew || !this.classes.has(found.callee)) {
        // A library construct or a helper function: everything below was made by this line.
        return { site: found };
      }
      owners = this.scope(found.callee);
    }
    if (found && foundDepth === segments.length - 1) return { site: found };

    // Fallback: the deepest segment created at exactly one place.
    for (let i = segments.length - 1; i > foundDepth; i--) {
      const cands = this.matching(segments[i]!, this.sites);
      if (cands.length === 1) return { site: cands[0]! };
      if (cands.length > 1) return { reason: `ambiguous: the construct id "${segments[i]}" is created at ${cands.length} places (${cands.map(where).join(', ')})` };
    }
    if (found && !unreadClass) return { site: found };
    return { reason: chainReason || `no construct id of ${constructPath} is created in the app source (${this.files.length} file(s) read)` };
  }
}

function where(s: IdSite): string {
  return `${s.span.file}:${s.span.start.line}`;
}

/** The folder of the `cdk.json` beside or above the assembly, within the scan root. */
export async function findAppFolder(root: string, assemblyDir: string): Promise<string | undefined> {
  let dir = path.dirname(assemblyDir);
  if (await exists(path.join(assemblyDir, 'cdk.json'))) return assemblyDir;
  for (;;) {
    if (!isInside(root, dir)) return undefined;
    if (await exists(path.join(dir, 'cdk.json'))) return dir;
    if (dir === root) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The entry file named by `cdk.json`'s `app` command (`npx ts-node --prefer-ts-exts bin/app.ts`). */
export async function appEntry(appDir: string): Promise<{ entry?: string; note?: string }> {
  let app: unknown;
  try {
    app = (JSON.parse(await fs.readFile(path.join(appDir, 'cdk.json'), 'utf8')) as { app?: unknown }).app;
  } catch (e) {
    return { note: `cdk.json not read (${(e as Error).message})` };
  }
  if (typeof app !== 'string') return { note: 'cdk.json has no "app" command' };
  for (const token of app.split(/\s+/)) {
    const t = token.replace(/^["']|["']$/g, '');
    if (!/\.(m|c)?[jt]sx?$/.test(t)) continue;
    // The TypeScript first: in place, or below an output folder tsc wrote to (`node build/bin/app.js` → `bin/app.ts`).
    const segs = t.split(/[\\/]+/).filter((x) => x !== '' && x !== '.');
    for (let i = 0; i < segs.length; i++) {
      for (const c of tsCandidates(path.resolve(appDir, ...segs.slice(i))).filter((x) => /\.(m|c)?tsx?$/.test(x))) if (await exists(c)) return { entry: c };
    }
    for (const c of tsCandidates(path.resolve(appDir, t))) if (await exists(c)) return { entry: c };
  }
  return { note: `cdk.json's app command "${app}" names no TypeScript file found in the app folder` };
}

function tsCandidates(abs: string): string[] {
  const base = abs.replace(/\.(m|c)?[jt]sx?$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}.mts`, abs, path.join(abs, 'index.ts')];
}

async function allTsFiles(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (out.length >= MAX_SOURCE_FILES) return;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await allTsFiles(abs, out);
    } else if (e.isFile() && /\.(m)?tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(abs);
  }
}

/**
 * Reads and indexes the app's TypeScript: the `cdk.json` entry and the files it imports
 * relative to it (transitively), else every `.ts` below the app folder (or `cdkSource`).
 */
export async function indexAppSource(root: string, appDir: string | undefined, cdkSource?: string): Promise<SourceIndexResult> {
  const index = new SourceIndex();
  const errors: InputError[] = [];
  const notes: string[] = [];
  let files: string[] = [];
  let followImports = false;
  if (cdkSource) {
    if (!isInside(root, cdkSource)) {
      notes.push(`--cdk-source ${cdkSource} lies outside the scan root; not read`);
    } else await allTsFiles(cdkSource, files);
  } else if (appDir) {
    const { entry, note } = await appEntry(appDir);
    if (entry) {
      files = [entry];
      followImports = true;
    } else {
      if (note) notes.push(`${relOf(root, path.join(appDir, 'cdk.json'))}: ${note}; reading every .ts file of the app folder`);
      await allTsFiles(appDir, files);
    }
  }
  const seen = new Set<string>();
  const boundary = cdkSource ?? appDir ?? root;
  for (let i = 0; i < files.length && i < MAX_SOURCE_FILES; i++) {
    const abs = files[i]!;
    if (seen.has(abs) || !isInside(root, abs)) continue;
    seen.add(abs);
    const rel = relOf(root, abs);
    let text: string;
    try {
      const st = await fs.stat(abs);
      if (st.size > MAX_SOURCE_BYTES) {
        notes.push(`${rel}: larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB, not read for construct ids`);
        continue;
      }
      text = await fs.readFile(abs, 'utf8');
    } catch (e) {
      errors.push({ file: rel, line: 1, column: 1, kind: 'read', message: `cannot read the CDK app source (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const imports = indexFile(index, rel, text, errors);
    index.files.push(rel);
    if (!followImports) continue;
    for (const spec of imports) {
      if (!spec.startsWith('.')) continue;
      for (const c of tsCandidates(path.resolve(path.dirname(abs), spec))) {
        if (isInside(boundary, c) && !c.split(path.sep).includes('node_modules') && (await exists(c))) {
          files.push(c);
          break;
        }
      }
    }
  }
  return { index, errors, notes };
}

type Node = TSESTree.Node;

/** Parses one file into the index; returns its import specifiers. Syntax errors become InputErrors. */
export function indexFile(index: SourceIndex, rel: string, text: string, errors: InputError[]): string[] {
  let program: TSESTree.Program;
  try {
    // The ESTree plugin gives the node shapes typescript-estree gives (Literal, Property, …), which the walk below reads.
    const plugins: ParserPlugin[] = ['typescript', 'estree', 'decorators-legacy', ...(/\.tsx$/.test(rel) ? (['jsx'] as const) : [])];
    program = (parse(text, { sourceType: 'module', plugins, attachComment: false, ranges: true }) as unknown as { program: TSESTree.Program }).program;
  } catch (e) {
    const err = e as { loc?: { line?: number; column?: number }; message?: string };
    const line = err.loc?.line ?? 1;
    const column = (err.loc?.column ?? 0) + 1;
    // Babel ends its messages with the position, which the error gives on its own.
    const message = (err.message ?? String(e)).replace(/ \(\d+:\d+\)$/, '').replace(/\.$/, '');
    errors.push({ file: rel, line, column, kind: 'syntax', message: `the CDK app source does not parse (${message}); construct lines from this file are not found` });
    return [];
  }
  const imports: string[] = [];
  /** `new`/call expressions assigned to a variable or `this.x`, with its name. */
  const assigned = new WeakMap<Node, string>();
  const spanOfNode = (n: Node): Span => ({
    file: rel,
    start: { line: n.loc.start.line, column: n.loc.start.column + 1 },
    end: { line: n.loc.end.line, column: n.loc.end.column + 1 },
  });

  const visit = (node: Node, owner: string, depth: number): void => {
    if (depth > 400) return;
    let nextOwner = owner;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source && typeof node.source.value === 'string') {
          imports.push(node.source.value);
          if (node.type === 'ImportDeclaration' && node.source.value.startsWith('.')) {
            for (const spec of node.specifiers) index.appImports.add(spec.local.name);
          }
        }
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (node.id) {
          nextOwner = node.id.name;
          const superName = calleeName(node.superClass ?? undefined);
          index.classes.set(node.id.name, superName ? { name: node.id.name, superName } : { name: node.id.name });
        }
        break;
      case 'FunctionDeclaration':
        if (node.id && !index.classes.has(owner)) {
          nextOwner = `fn:${node.id.name}`;
          index.functions.add(node.id.name);
        }
        break;
      case 'AssignmentExpression': {
        // this.vpc = new ec2.Vpc(this, 'Vpc')
        const name = varName(node.left);
        const value = unwrap(node.right);
        if (name && (value.type === 'NewExpression' || value.type === 'CallExpression')) assigned.set(value, name);
        break;
      }
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier' && node.init) {
          const value = unwrap(node.init);
          if (value.type === 'NewExpression' || value.type === 'CallExpression') assigned.set(value, node.id.name);
        }
        // const helper = (scope, id) => …
        if (node.id.type === 'Identifier' && node.init && (node.init.type === 'ArrowFunctionExpression' || node.init.type === 'FunctionExpression') && !index.classes.has(owner)) {
          nextOwner = `fn:${node.id.name}`;
          index.functions.add(node.id.name);
        }
        break;
      case 'NewExpression':
      case 'CallExpression': {
        const callee = calleeName(node.callee);
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier') {
          const set = index.calls.get(owner) ?? new Set<string>();
          set.add(node.callee.name);
          index.calls.set(owner, set);
        }
        const idArg = node.arguments[1];
        if (idArg?.type === 'Identifier' && (node.callee.type === 'Super' || callee)) {
          index.passThrough.add(`${rel}:${node.loc.start.line}:${node.loc.start.column + 1}`);
        }
        const assignedTo = assigned.get(node);
        const scopeArg = node.arguments[0] ? varName(node.arguments[0]) : undefined;
        let id = callee && idArg ? literalId(idArg) : undefined;
        if (callee && id) {
          index.sites.push({ ...id, callee, isNew: node.type === 'NewExpression', owner, span: spanOfNode(node), ...(assignedTo ? { assignedTo } : {}), ...(scopeArg ? { scopeArg } : {}) });
        } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && callee && /^add[A-Z]/.test(callee) && node.arguments[0]) {
          // `alb.addListener('Http', …)`: the receiver is the scope, the first argument the id.
          const receiver = varName(node.callee.object);
          id = literalId(node.arguments[0]);
          if (receiver && id) index.methodSites.push({ ...id, callee, isNew: false, owner, span: spanOfNode(node), scopeArg: receiver, ...(assignedTo ? { assignedTo } : {}) });
        }
        break;
      }
      default:
        break;
    }
    for (const child of children(node)) visit(child, nextOwner, depth + 1);
  };
  visit(program, `module:${rel}`, 0);
  return imports;
}

function calleeName(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression' && n.property.type === 'Identifier') return n.property.name;
  return undefined;
}

/** `x`, `this`, `this.x` (a scope or a receiver that names a construct); else undefined. */
function varName(n: Node): string | undefined {
  const u = unwrap(n);
  if (u.type === 'Identifier') return u.name;
  if (u.type === 'ThisExpression') return 'this';
  if (u.type === 'MemberExpression' && !u.computed && u.object.type === 'ThisExpression' && u.property.type === 'Identifier') return `this.${u.property.name}`;
  return undefined;
}

/** `x as T`, `x!`, `(x satisfies T)` → x. */
function unwrap(n: Node): Node {
  let u = n;
  while (u.type === 'TSAsExpression' || u.type === 'TSNonNullExpression' || u.type === 'TSSatisfiesExpression' || u.type === 'TSTypeAssertion') u = u.expression;
  return u;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function literalId(n: Node): { id: string; pattern?: RegExp; staticLength: number } | undefined {
  if (n.type === 'Literal' && typeof n.value === 'string') return { id: n.value, staticLength: n.value.length };
  if (n.type === 'TemplateLiteral') {
    const parts = n.quasis.map((q) => q.value.cooked ?? q.value.raw);
    const staticLength = parts.join('').length;
    if (n.expressions.length === 0) return { id: parts.join(''), staticLength };
    if (staticLength === 0) return undefined; // `${x}` alone identifies nothing
    return { id: parts.join('${…}'), pattern: new RegExp(`^${parts.map(escapeRe).join('(.+?)')}$`), staticLength };
  }
  return undefined;
}

/** Child nodes in source order (the keys that hold nodes, whatever order the parser gives them in). */
function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'extra') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string') out.push(v as Node);
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') out.push(value as Node);
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}
