import { headOf } from '../core/source.js';
import type { Span } from '../core/source.js';
import { detach } from '../core/strings.js';
import type { ResourceGraph, ResourceNode } from '../graph/graph.js';
import type { Value } from '../graph/value.js';
import { referencedIds } from '../graph/value.js';
import type { Link, Origin, ResourceInfo, Val } from './val.js';
import { defaulted, explicit, unknownVal } from './val.js';

export type Path = readonly (string | number)[];

/**
 * The dotted spellings of property paths, one copy per graph (every bucket's origins name the same few
 * paths), kept as a tree of steps from each prefix: a path seen before is found by a lookup per step,
 * with no string built.
 */
interface PathName {
  /** The path without the prefix: `VersioningConfiguration.Status`, `Tags[0].Key` (undefined for no step). */
  joined?: string;
  /** With the prefix, as origins spell it: `Properties.VersioningConfiguration.Status`. */
  dotted: string;
  next?: Map<string | number, PathName>;
}
const PATHS = new WeakMap<ResourceGraph, Map<string, PathName>>();

function pathName(parent: PathName, step: string | number, prefix: string): PathName {
  parent.next ??= new Map();
  let name = parent.next.get(step);
  if (!name) {
    // Steps are joined by dots, and no dot is kept before a `[`: an index (`Tags[0]`), a key starting with `[`, a `.[` in a key.
    const raw = typeof step === 'number' ? `[${step}]` : step;
    const part = raw.replace(/\.\[/g, '[');
    const joined = detach(parent.joined === undefined ? part : raw.startsWith('[') ? parent.joined + part : `${parent.joined}.${part}`);
    const dotted = prefix ? (joined ? detach(`${prefix}.${joined}`) : prefix) : joined;
    name = { joined, dotted };
    // The key is a copy too: a key read from a file must not keep the file's text alive.
    parent.next.set(typeof step === 'number' ? step : detach(step), name);
  }
  return name;
}

/** A documented default: its value and how the message names it. */
export interface Default<T> {
  value: T;
  assumed: string;
}

/** Converts a Value to a model type, or says why it cannot. */
export type Convert<T> = (v: Value) => { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads a resource's evaluated properties as model values. Every result carries its origin;
 * an absent property with a default becomes a `default` value anchored at the resource.
 * Adapters use it so that no adapter deals with spans or provenance by hand.
 */
export class PropertyReader {
  constructor(
    readonly node: ResourceNode,
    readonly graph: ResourceGraph,
    /** The source prefix of property paths in messages: `Properties` for CloudFormation, empty for Terraform. */
    private readonly pathPrefix: string,
  ) {}

  /** The resource's head, one span for every origin that points at it. */
  private head?: Span;
  private paths?: PathName;

  info(): ResourceInfo {
    const n = this.node;
    const info: ResourceInfo = { id: n.id, address: n.address, type: n.type, source: n.source, span: n.span, context: n.context, suppressions: n.suppressions };
    if (n.construct) info.construct = n.construct;
    if (n.reportAt) info.reportAt = n.reportAt;
    if (n.instancesUnknown) info.instancesUnknown = n.instancesUnknown;
    return info;
  }

  value(path: Path): Value | undefined {
    let cur: Value | undefined = this.node.properties;
    for (const step of path) {
      if (!cur) return undefined;
      if (typeof step === 'number') cur = cur.kind === 'list' ? cur.items[step] : undefined;
      else cur = cur.kind === 'map' ? cur.entries.get(step) : undefined;
    }
    return cur;
  }

  /** Origin of a value at `path` (or of the resource head, for absent values). */
  origin(path: Path, span?: Span): Origin {
    return { span: span ?? (this.head ??= headOf(this.node.span)), path: this.dotted(path), resource: this.node.address };
  }

  /** Origin of a property key when present (e.g. pointing at a list property as a whole). */
  keyOrigin(path: Path): Origin {
    const parent = this.value(path.slice(0, -1));
    const last = path[path.length - 1];
    const keySpan = parent?.kind === 'map' && typeof last === 'string' ? parent.keySpans.get(last) : undefined;
    const v = this.value(path);
    return this.origin(path, keySpan ? { file: keySpan.file, start: keySpan.start, end: v?.span.end ?? keySpan.end } : v?.span);
  }

  has(path: Path): boolean {
    return this.value(path) !== undefined;
  }

  str(path: Path): Val<string> | undefined;
  str(path: Path, dflt: Default<string>): Val<string>;
  str(path: Path, dflt?: Default<string>): Val<string> | undefined {
    return this.read(path, toStr, dflt);
  }

  bool(path: Path): Val<boolean> | undefined;
  bool(path: Path, dflt: Default<boolean>): Val<boolean>;
  bool(path: Path, dflt?: Default<boolean>): Val<boolean> | undefined {
    return this.read(path, toBool, dflt);
  }

  num(path: Path): Val<number> | undefined;
  num(path: Path, dflt: Default<number>): Val<number>;
  num(path: Path, dflt?: Default<number>): Val<number> | undefined {
    return this.read(path, toNum, dflt);
  }

  strList(path: Path): Val<string[]> | undefined;
  strList(path: Path, dflt: Default<string[]>): Val<string[]>;
  strList(path: Path, dflt?: Default<string[]>): Val<string[]> | undefined {
    return this.read(path, toStrList, dflt);
  }

  /** A reference to another resource (graph id when resolvable), or a literal name/ARN/id. */
  link(path: Path): Val<Link> | undefined {
    const v = this.value(path);
    return v === undefined ? undefined : this.linkOf(v, path);
  }

  /** A link, or when the property is absent, an empty link with the documented default it stands for. */
  linkOr(path: Path, assumed: string): Val<Link> {
    return this.link(path) ?? defaulted<Link>({}, this.origin(path, this.enclosingSpan(path)), assumed);
  }

  /** Each item of a list property as a link; a single value becomes one link. */
  links(path: Path): Val<Link>[] {
    const v = this.value(path);
    if (v === undefined) return [];
    if (v.kind === 'list') return v.items.map((item, i) => this.linkOf(item, [...path, i]));
    return [this.linkOf(v, path)];
  }

  linkOf(v: Value, path: Path): Val<Link> {
    return linkFromValue(v, this.origin(path, v.span), this.graph);
  }

  /** Number of items of a list property (0 when absent). */
  count(path: Path): number {
    const v = this.value(path);
    return v?.kind === 'list' ? v.items.length : 0;
  }

  /** A reader for a nested map (an inline rule, a block) that keeps this resource's origin. */
  at(path: Path): SubReader {
    return new SubReader(this, path);
  }

  /** Readers for each map of a list property (nested Terraform blocks, CloudFormation lists of objects). */
  each(path: Path): SubReader[] {
    const v = this.value(path);
    if (!v) return [];
    if (v.kind === 'list') return v.items.map((_, i) => new SubReader(this, [...path, i]));
    if (v.kind === 'map') return [new SubReader(this, path)];
    return [];
  }

  read<T>(path: Path, convert: Convert<T>, dflt?: Default<T>): Val<T> | undefined {
    const v = this.value(path);
    if (v === undefined || v.kind === 'null') {
      return dflt ? defaulted(dflt.value, this.origin(path, v?.span ?? this.enclosingSpan(path)), dflt.assumed) : undefined;
    }
    const origin = this.origin(path, v.span);
    return convertValue(v, convert, origin);
  }

  /**
   * Where an absent property would go: the key of its nearest enclosing object that is
   * written (`PublicAccessBlockConfiguration:`, `versioning {`), else the resource's head.
   */
  private enclosingSpan(path: Path): Span | undefined {
    for (let n = path.length - 1; n > 0; n--) {
      const parentPath = path.slice(0, n);
      const enclosing = this.value(parentPath);
      if (!enclosing || enclosing.kind !== 'map') continue;
      const grand = this.value(parentPath.slice(0, -1));
      const last = parentPath[parentPath.length - 1];
      const key = grand?.kind === 'map' && typeof last === 'string' ? grand.keySpans.get(last) : undefined;
      return key ?? headOf(enclosing.span);
    }
    return undefined;
  }

  private dotted(path: Path): string {
    if (!this.paths) {
      let roots = PATHS.get(this.graph);
      if (!roots) PATHS.set(this.graph, (roots = new Map()));
      this.paths = roots.get(this.pathPrefix);
      if (!this.paths) roots.set(this.pathPrefix, (this.paths = { dotted: this.pathPrefix }));
    }
    let name = this.paths;
    for (const step of path) name = pathName(name, step, this.pathPrefix);
    return name.dotted;
  }
}

/** A view of a nested part of a resource. */
export class SubReader {
  constructor(readonly parent: PropertyReader, readonly base: Path) {}
  path(p: Path): Path { return [...this.base, ...p]; }
  value(p: Path = []): Value | undefined { return this.parent.value(this.path(p)); }
  has(p: Path): boolean { return this.parent.has(this.path(p)); }
  origin(): Origin { return this.parent.origin(this.base, this.parent.value(this.base)?.span); }
  str(p: Path): Val<string> | undefined;
  str(p: Path, d: Default<string>): Val<string>;
  str(p: Path, d?: Default<string>): Val<string> | undefined { return this.parent.read(this.path(p), toStr, d); }
  bool(p: Path): Val<boolean> | undefined;
  bool(p: Path, d: Default<boolean>): Val<boolean>;
  bool(p: Path, d?: Default<boolean>): Val<boolean> | undefined { return this.parent.read(this.path(p), toBool, d); }
  num(p: Path): Val<number> | undefined;
  num(p: Path, d: Default<number>): Val<number>;
  num(p: Path, d?: Default<number>): Val<number> | undefined { return this.parent.read(this.path(p), toNum, d); }
  strList(p: Path): Val<string[]> | undefined;
  strList(p: Path, d: Default<string[]>): Val<string[]>;
  strList(p: Path, d?: Default<string[]>): Val<string[]> | undefined { return this.parent.read(this.path(p), toStrList, d); }
  read<T>(p: Path, convert: Convert<T>, d?: Default<T>): Val<T> | undefined { return this.parent.read(this.path(p), convert, d); }
  link(p: Path): Val<Link> | undefined { return this.parent.link(this.path(p)); }
  links(p: Path): Val<Link>[] { return this.parent.links(this.path(p)); }
  each(p: Path): SubReader[] { return this.parent.each(this.path(p)); }
  at(p: Path): SubReader { return new SubReader(this.parent, this.path(p)); }
}

/**
 * A resource's info with the suppressions of the split resources joined into it (`aws_s3_bucket_acl`,
 * `aws_s3_bucket_public_access_block` … of a bucket): a comment above such a block suppresses the
 * findings located inside it.
 */
export function withPartSuppressions(info: ResourceInfo, parts: readonly ResourceNode[]): ResourceInfo {
  const extra = parts.filter((p) => p.id !== info.id).flatMap((p) => p.suppressions.map((s) => ({ ...s, within: p.span })));
  return extra.length ? { ...info, suppressions: [...info.suppressions, ...extra] } : info;
}

export function convertValue<T>(v: Value, convert: Convert<T>, origin: Origin): Val<T> {
  if (v.kind === 'unknown') {
    // An undecided condition whose branches all agree is as good as known.
    if (v.options && v.options.length > 0) {
      const results = v.options.map(convert);
      const first = results[0]!;
      if (first.ok && results.every((r) => r.ok && JSON.stringify(r.value) === JSON.stringify(first.value))) return explicit(first.value, origin);
    }
    return unknownVal(origin, v.reason);
  }
  const r = convert(v);
  return r.ok ? explicit(r.value, origin) : unknownVal(origin, r.reason);
}

export function linkFromValue(v: Value, origin: Origin, graph: ResourceGraph): Val<Link> {
  if (v.kind === 'ref') return explicit<Link>({ id: v.target }, origin);
  if (v.kind === 'string') return explicit<Link>({ literal: v.value }, origin);
  if (v.kind === 'unknown') {
    // `arn:aws:s3:::${Bucket}` and similar still name their resource.
    const ids = referencedIds(v).filter((id) => graph.get(id));
    if (ids.length === 1) return explicit<Link>({ id: ids[0]! }, origin);
    return unknownVal(origin, v.reason);
  }
  return unknownVal(origin, `a ${v.kind} where a reference was expected`);
}

export const toStr: Convert<string> = (v) => {
  if (v.kind === 'string') return { ok: true, value: v.value };
  if (v.kind === 'number' || v.kind === 'boolean') return { ok: true, value: String(v.value) };
  if (v.kind === 'az') return { ok: true, value: `${v.region ?? ''}#${v.index}` };
  if (v.kind === 'ref') return { ok: false, reason: `known only after deployment (reference to ${v.target.split('#').pop() ?? v.target})` };
  return { ok: false, reason: `a ${v.kind} where a string was expected` };
};

export const toBool: Convert<boolean> = (v) => {
  if (v.kind === 'boolean') return { ok: true, value: v.value };
  if (v.kind === 'string') {
    const s = v.value.toLowerCase();
    if (s === 'true' || s === 'false') return { ok: true, value: s === 'true' };
  }
  return { ok: false, reason: `a ${v.kind} where a boolean was expected` };
};

export const toNum: Convert<number> = (v) => {
  if (v.kind === 'number') return { ok: true, value: v.value };
  if (v.kind === 'string' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return { ok: true, value: Number(v.value) };
  return { ok: false, reason: `a ${v.kind} where a number was expected` };
};

export const toStrList: Convert<string[]> = (v) => {
  if (v.kind === 'string') return { ok: true, value: [v.value] };
  if (v.kind !== 'list') return { ok: false, reason: `a ${v.kind} where a list was expected` };
  const out: string[] = [];
  for (const item of v.items) {
    const r = toStr(item);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
};
