import type { Hop, InputError, Span } from '../../core/source.js';
import { headOf } from '../../core/source.js';
import { throughOutput } from './trail.js';
import type { UnresolvedModule } from '../../engine/types.js';
import type { Block, Body } from '../../../parsers/terraform/ast.js';
import { attributeOf, blocksOf } from '../../../parsers/terraform/ast.js';
import type { DeployContext, Edge, Known, ResourceNode } from '../graph.js';
import type { RefValue, Value } from '../value.js';
import { scalarString, type Env, type Resolver } from './eval.js';
import { type EvalBudget } from '../../core/limits.js';
import type { Interner } from '../../core/strings.js';
import { azList, list, map, str, unk } from './values.js';
import { placed } from '../../core/isolate.js';
import { moduleSource, moduleVersion, type ModuleConfig } from './config.js';
import { classifySource, DOWNLOADED_PREFIX, fetchKey, localModuleDir } from './sources.js';
import { evalBody, evaluate, MAX_INSTANCES, nowhere, traversalName } from './block-body.js';
import { blockSuppressions } from './block-suppressions.js';
import { collectEdges, refIds } from './edges.js';

export interface ProviderCtx {
  region: () => Known<string>;
  account: () => Known<string>;
  /** One provider configuration: the resources it deploys share account and region (`DeployContext.target`). */
  target: { id: string; label: string };
}

export type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; n: number }
  | { kind: 'each'; entries: [string, Value][] }
  | { kind: 'unknown'; reason: string };

export interface World {
  scanRootRel: (absOrRel: string) => string;
  configs: Map<string, ModuleConfig>;
  /** root folder → modules.json entries (Key → Dir relative to the scan root) */
  downloaded: Map<string, Map<string, string>>;
  /** Account and region that `.iac-check.yaml` names for a file (for providers that do not say). */
  contextFor?: (file: string) => { account: Known<string>; region: Known<string> };
  /** `--download-modules`: each call's download (by `fetchKey`), its folder or why it failed. */
  fetched: Map<string, { dir: string } | { error: string }>;
  /** Local module folders that may not be read, with why (`is outside the scan root`). */
  refused: Map<string, string>;
  errors: InputError[];
  notes: string[];
  /** Module calls (by file:line:column) whose code is not on disk. */
  unresolved: Map<string, UnresolvedModule>;
  errorKeys: Set<string>;
  noteKeys: Set<string>;
  /** The evaluation budget of the root module being built (a new one for each root). */
  budget: EvalBudget;
  /**
   * One copy of each node id, address and edge path: a reference's target is the id of the node it
   * names, built again at each reference (and as a rope of the parts), so the same id was kept many times.
   */
  names: Interner;
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
const MAX_MODULE_DEPTH = 32;
/** A comment that starts with the directive (not one that mentions it). */

export function instanceSuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** One instance of a module (the root module, or one `module` block instance) with lazily evaluated variables and locals. */
export class ModuleInstance implements Resolver {
  private readonly varCache = new Map<string, Value>();
  private readonly localCache = new Map<string, Value>();
  private readonly busy = new Set<string>();
  private readonly expansions = new Map<string, Expansion>();
  private readonly children = new Map<string, { exp: Expansion; insts: [number | string | undefined, ModuleInstance][] } | null>();
  private readonly outputCache = new Map<string, Value>();
  private readonly providerCache = new Map<string, ProviderCtx>();
  currentSelf: Value | undefined;

  constructor(
    readonly world: World,
    readonly cfg: ModuleConfig,
    readonly rootDir: string,
    /** `module.net.` or '' for the root module */
    readonly prefix: string,
    /** module names from the root, for modules.json keys */
    readonly keyPath: string[],
    readonly ancestors: string[],
    readonly inputs: Map<string, () => Value>,
    readonly parentProviders: Map<string, ProviderCtx>,
    /** For modules that `terraform init` downloaded: the `module` call in the user's own code that brought them in. */
    readonly callSite?: Span,
  ) {}

  /** The deployment unit's name (`envs/dev/module.net`), made once: every node of the instance keeps it. */
  get unit(): string {
    if (this.unitName === undefined) {
      const base = this.rootDir === '' ? '.' : this.rootDir;
      this.unitName = this.world.names.intern(this.prefix ? `${base}/${this.prefix.slice(0, -1)}` : base);
    }
    return this.unitName;
  }
  private unitName: string | undefined;

  /** The node id of an address in this instance; remembered, as every reference to a resource asks for it again. */
  idOf(address: string): string {
    let id = this.ids.get(address);
    if (id === undefined) {
      id = this.world.names.intern(`${this.rootDir === '' ? '.' : this.rootDir}::${this.prefix}${address}`);
      this.ids.set(address, id);
    }
    return id;
  }
  private readonly ids = new Map<string, string>();

  env(extra?: Partial<Env>): Env {
    return { r: this, budget: this.world.budget, ...extra };
  }

  // ---- Resolver ----

  variable(name: string, span: Span): Value {
    const c = this.varCache.get(name);
    if (c) return c;
    const key = `var.${name}`;
    if (this.busy.has(key)) return unk(`variable "${name}" depends on itself`, span);
    this.busy.add(key);
    let v: Value;
    const input = this.inputs.get(name);
    const decl = this.cfg.variables.get(name);
    if (input) v = input();
    else if (decl) {
      const def = attributeOf(decl.body, 'default');
      v = def ? evaluate(def.expr, this.env()) : unk(`variable "${name}" has no value`, decl.span);
    } else v = unk(`variable "${name}" is not declared`, span);
    this.busy.delete(key);
    this.varCache.set(name, v);
    return v;
  }

  local(name: string, span: Span): Value {
    const c = this.localCache.get(name);
    if (c) return c;
    const key = `local.${name}`;
    if (this.busy.has(key)) return unk(`local "${name}" depends on itself`, span);
    const decl = this.cfg.locals.get(name);
    if (!decl) return unk(`local "${name}" is not declared`, span);
    this.busy.add(key);
    const v = evaluate(decl.expr, this.env());
    this.busy.delete(key);
    this.localCache.set(name, v);
    return v;
  }

  resource(type: string, name: string, span: Span): Value | undefined {
    const b = this.cfg.resourceByKey.get(`${type}.${name}`);
    if (!b) return undefined;
    return this.instancesValue(b, `${type}.${name}`, span);
  }

  private instancesValue(b: Block, address: string, span: Span): Value {
    const exp = this.expansion(b, address);
    const ref = (k: number | string | undefined): Value => ({ kind: 'ref', target: this.idOf(address + instanceSuffix(k)), span });
    switch (exp.kind) {
      case 'single':
      case 'unknown':
        return ref(undefined);
      case 'count': {
        const items: Value[] = [];
        for (let i = 0; i < exp.n; i++) items.push(ref(i));
        return list(items, span);
      }
      case 'each':
        return map(exp.entries.map(([k]) => [k, ref(k)]), span);
    }
  }

  data(type: string, name: string, attr: string | undefined, span: Span): Value {
    const b = this.cfg.dataByKey.get(`${type}.${name}`);
    if (!b) return unk(`reference to undeclared data source data.${type}.${name}`, span);
    const p = this.providerFor(b);
    if (type === 'aws_region' && (attr === 'name' || attr === 'id' || attr === 'region')) {
      const r = p.region();
      return r.known ? str(r.value, span) : unk(r.reason, span);
    }
    if (type === 'aws_caller_identity' && attr === 'account_id') {
      const a = p.account();
      return a.known ? str(a.value, span) : unk(a.reason, span);
    }
    if (type === 'aws_availability_zones' && attr === 'names') {
      const r = p.region();
      return azList(span, r.known ? r.value : undefined);
    }
    const base = this.instancesValue(b, `data.${type}.${name}`, span);
    if (attr === undefined) return base;
    if (base.kind === 'ref') return { kind: 'ref', target: base.target, attribute: attr, span };
    return unk(`data.${type}.${name} has several instances`, span, base);
  }

  module(name: string, output: string | undefined, span: Span): Value {
    const ch = this.child(name);
    if (!ch) return unk(`module "${name}" is not available`, span);
    if (ch.insts.length === 0 && ch.exp.kind === 'unknown') return unk(ch.exp.reason, span);
    const call = this.cfg.moduleByName.get(name)!;
    const read = (inst: ModuleInstance, o: string): Value => inst.exported(o, name, call, span);
    const whole = (inst: ModuleInstance): Value => map([...inst.cfg.outputs.keys()].map((o) => [o, read(inst, o)]), span);
    if (ch.exp.kind === 'single' || ch.exp.kind === 'unknown') {
      const inst = ch.insts[0]![1];
      return output ? read(inst, output) : whole(inst);
    }
    const per = (inst: ModuleInstance): Value => (output ? map([[output, read(inst, output)]], span) : whole(inst));
    if (ch.exp.kind === 'count') {
      const l = list(ch.insts.map(([, i]) => per(i)), span);
      return output ? unk(`module.${name} has count: index it before reading ${output}`, span, l) : l;
    }
    const m = map(ch.insts.map(([k, i]) => [String(k), per(i)]), span);
    return output ? unk(`module.${name} has for_each: index it before reading ${output}`, span, m) : m;
  }

  self(span: Span): Value {
    return this.currentSelf ? { ...this.currentSelf, span } as Value : unk('self outside a resource', span);
  }

  pathModule(): string {
    return this.cfg.dir === '' ? '.' : this.cfg.dir;
  }

  pathRoot(): string {
    return this.rootDir === '' ? '.' : this.rootDir;
  }

  output(name: string, span: Span): Value {
    const c = this.outputCache.get(name);
    if (c) return c;
    const key = `output.${name}`;
    const decl = this.cfg.outputs.get(name);
    if (!decl) return unk(`module has no output "${name}"`, span);
    if (this.busy.has(key)) return unk(`output "${name}" depends on itself`, span);
    this.busy.add(key);
    const a = attributeOf(decl.body, 'value');
    const v = a ? evaluate(a.expr, this.env()) : unk(`output "${name}" has no value`, decl.span);
    this.busy.delete(key);
    this.outputCache.set(name, v);
    return v;
  }

  /**
   * What the calling module reads as `module.<call>.<name>`: the output's value, every part keeping where
   * it is written, with the output, the module call and the read as its trail (see `throughOutput`).
   */
  exported(name: string, callName: string, call: Block, read: Span): Value {
    const v = this.output(name, read);
    const decl = this.cfg.outputs.get(name);
    if (!decl) return v;
    const expr = attributeOf(decl.body, 'value')?.expr.span;
    const hops: Hop[] = [
      { span: expr ?? headOf(decl.span), message: `passed through output "${name}" of ${this.prefix.slice(0, -1)}` },
      { span: headOf(call.span), message: `module "${callName}" call` },
      { span: read, message: `read as module.${callName}.${name}` },
    ];
    return throughOutput(v, hops, expr, read, (ref) => this.declared(ref));
  }

  /** Where this module declares what a reference names: the attribute it reads when written, else the resource's first line. */
  private declared(ref: RefValue): Span | undefined {
    const base = this.idOf('');
    if (!ref.target.startsWith(base)) return undefined;
    const address = ref.target.slice(base.length).replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]$/, '');
    const b = address.startsWith('data.') ? this.cfg.dataByKey.get(address.slice(5)) : this.cfg.resourceByKey.get(address);
    if (!b) return undefined;
    const a = ref.attribute ? attributeOf(b.body, ref.attribute) : undefined;
    return a ? a.expr.span : headOf(b.span);
  }

  // ---- count / for_each ----

  expansion(b: Block, address: string): Expansion {
    const c = this.expansions.get(address);
    if (c) return c;
    const key = `exp.${address}`;
    if (this.busy.has(key)) return { kind: 'unknown', reason: `count/for_each of ${address} depends on itself` };
    this.busy.add(key);
    const e = this.computeExpansion(b.body, address);
    this.busy.delete(key);
    this.expansions.set(address, e);
    return e;
  }

  private computeExpansion(body: Body, address: string): Expansion {
    const count = attributeOf(body, 'count');
    const each = attributeOf(body, 'for_each');
    if (count) {
      const v = evaluate(count.expr, this.env());
      if (v.kind === 'number' && Number.isInteger(v.value) && v.value >= 0) {
        if (v.value > MAX_INSTANCES) return { kind: 'unknown', reason: `count of ${address} is ${v.value}, above the limit of ${MAX_INSTANCES}` };
        return { kind: 'count', n: v.value };
      }
      return { kind: 'unknown', reason: v.kind === 'unknown' ? `count of ${address} is not known: ${v.reason}` : `count of ${address} is not a whole number` };
    }
    if (each) {
      const v = evaluate(each.expr, this.env());
      if (v.kind === 'map') {
        if (v.entries.size > MAX_INSTANCES) return { kind: 'unknown', reason: `for_each of ${address} has too many entries` };
        return { kind: 'each', entries: [...v.entries] };
      }
      if (v.kind === 'list') {
        if (v.items.length > MAX_INSTANCES) return { kind: 'unknown', reason: `for_each of ${address} has too many entries` };
        const entries: [string, Value][] = [];
        for (const i of v.items) {
          const s = scalarString(i);
          if (s === undefined) return { kind: 'unknown', reason: `for_each of ${address} holds values that are not known` };
          entries.push([s, i]);
        }
        return { kind: 'each', entries };
      }
      return { kind: 'unknown', reason: v.kind === 'unknown' ? `for_each of ${address} is not known: ${v.reason}` : `for_each of ${address} is not a map or set` };
    }
    return { kind: 'single' };
  }

  instanceEnvs(exp: Expansion): { key: number | string | undefined; env: Env }[] {
    switch (exp.kind) {
      case 'single':
        return [{ key: undefined, env: this.env() }];
      case 'unknown':
        return [{ key: undefined, env: this.env({ count: unk(exp.reason, { file: this.cfg.dir, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }), each: { key: unk(exp.reason, nowhere(this.cfg.dir)), value: unk(exp.reason, nowhere(this.cfg.dir)) } }) }];
      case 'count': {
        const out: { key: number; env: Env }[] = [];
        for (let i = 0; i < exp.n; i++) out.push({ key: i, env: this.env({ count: i }) });
        return out;
      }
      case 'each':
        return exp.entries.map(([k, v]) => ({ key: k, env: this.env({ each: { key: str(k, v.span), value: v } }) }));
    }
  }

  // ---- providers ----

  providers(): Map<string, ProviderCtx> {
    const own = new Map<string, ProviderCtx>(this.parentProviders);
    for (const p of this.cfg.providers) {
      const name = p.labels[0];
      if (!name) continue;
      const alias = attributeOf(p.body, 'alias');
      const av = alias ? evaluate(alias.expr, this.env()) : undefined;
      const key = av && av.kind === 'string' ? `${name}.${av.value}` : name;
      own.set(key, this.providerCtx(p, key));
    }
    return own;
  }

  private providerMap: Map<string, ProviderCtx> | undefined;

  providerFor(b: Block): ProviderCtx {
    this.providerMap ??= this.providers();
    const a = attributeOf(b.body, 'provider');
    const type = b.labels[0] ?? '';
    const name = a ? traversalName(a.expr) : type.split('_')[0]!;
    const p = name ? this.providerMap.get(name) : undefined;
    if (p) return p;
    const reason = `no provider "${name ?? '?'}" configuration reaches ${this.unit}`;
    const target = { id: `${this.rootDir}::implicit provider ${name ?? '?'}`, label: `implicit provider ${name ?? '?'}` };
    const region = this.configured(b.span.file, 'region') ?? { known: false, reason };
    const account = this.configured(b.span.file, 'account') ?? { known: false, reason };
    return { region: () => region, account: () => account, target };
  }

  private providerCtx(p: Block, key: string): ProviderCtx {
    const c = this.providerCache.get(key);
    if (c) return c;
    let region: Known<string> | undefined;
    let account: Known<string> | undefined;
    const ctx: ProviderCtx = {
      target: { id: `${this.unit}::provider ${key}`, label: `provider ${key}` },
      region: () => {
        if (region) return region;
        const a = attributeOf(p.body, 'region');
        if (!a) return (region = this.configured(p.span.file, 'region') ?? { known: false, reason: `provider ${key} has no region argument (taken from the environment at deploy time)` });
        const v = evaluate(a.expr, this.env());
        region = v.kind === 'string' ? { known: true, value: v.value, span: a.span } : { known: false, reason: `the region of provider ${key} is not known${v.kind === 'unknown' ? `: ${v.reason}` : ''}` };
        return region;
      },
      account: () => {
        if (account) return account;
        for (const ar of blocksOf(p.body, 'assume_role')) {
          const ra = attributeOf(ar.body, 'role_arn');
          if (!ra) continue;
          const v = evaluate(ra.expr, this.env());
          const m = v.kind === 'string' ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(v.value) : null;
          if (m) return (account = { known: true, value: m[1]!, span: ra.span });
          return (account = { known: false, reason: `the assume_role role_arn of provider ${key} is not known` });
        }
        const ids = attributeOf(p.body, 'allowed_account_ids');
        if (ids) {
          const v = evaluate(ids.expr, this.env());
          if (v.kind === 'list' && v.items.length === 1) {
            const s = scalarString(v.items[0]!);
            if (s) return (account = { known: true, value: s, span: ids.span });
          }
        }
        return (account = this.configured(p.span.file, 'account') ?? { known: false, reason: `provider ${key} uses the credentials of the deploying identity` });
      },
    };
    this.providerCache.set(key, ctx);
    return ctx;
  }

  /** What `.iac-check.yaml` (`accounts`, `regions`) says for a file, when it says something. */
  private configured(file: string, what: 'account' | 'region'): Known<string> | undefined {
    const c = this.world.contextFor?.(file)[what];
    return c?.known ? c : undefined;
  }

  // ---- module calls ----

  child(name: string): { exp: Expansion; insts: [number | string | undefined, ModuleInstance][] } | undefined {
    if (this.children.has(name)) return this.children.get(name) ?? undefined;
    this.children.set(name, null);
    const b = this.cfg.moduleByName.get(name);
    if (!b) return undefined;
    const r = this.instantiate(name, b);
    this.children.set(name, r ?? null);
    return r;
  }

  private instantiate(name: string, b: Block): { exp: Expansion; insts: [number | string | undefined, ModuleInstance][] } | undefined {
    const src = moduleSource(b);
    const at = { file: b.span.file, line: b.span.start.line, column: b.span.start.column };
    if (!src) {
      this.error({ ...at, kind: 'module', message: `module "${name}" has no literal source` });
      return undefined;
    }
    let dir: string | undefined;
    const source = classifySource(src.value);
    if (source.kind === 'local') {
      dir = localModuleDir(this.cfg.dir, source.path);
      const refused = this.world.refused.get(dir);
      if (refused) {
        this.error({ ...at, kind: 'module', message: `module "${name}" source "${src.value}" ${refused}` });
        return undefined;
      }
    } else {
      const key = [...this.keyPath, name].join('.');
      dir = this.world.downloaded.get(this.rootDir)?.get(key);
      const fetched = dir === undefined ? this.world.fetched.get(fetchKey(src.value, moduleVersion(b))) : undefined;
      if (fetched && 'dir' in fetched) dir = fetched.dir;
      if (dir === undefined) {
        this.unresolvedCall(name, src.value, b, source.kind === 'other' ? source.reason : undefined, fetched && 'error' in fetched ? fetched.error : undefined);
        return { exp: { kind: 'unknown', reason: `module "${name}" (${src.value}) is not downloaded` }, insts: [] };
      }
    }
    if (this.ancestors.includes(dir) || dir === this.cfg.dir) {
      this.error({ ...at, kind: 'module', message: `module "${name}" creates a cycle: ${[...this.ancestors, this.cfg.dir, dir].map((d) => d || '.').join(' -> ')}` });
      return undefined;
    }
    if (this.ancestors.length >= MAX_MODULE_DEPTH) {
      this.error({ ...at, kind: 'module', message: `module "${name}" nests deeper than ${MAX_MODULE_DEPTH} levels` });
      return undefined;
    }
    const cfg = this.world.configs.get(dir);
    if (!cfg) {
      this.error({ ...at, kind: 'module', message: `module "${name}" source "${src.value}" has no Terraform files (${dir || '.'})` });
      return undefined;
    }
    const exp = this.expansion(b, `module.${name}`);
    const provs = this.childProviders(b);
    const insts: [number | string | undefined, ModuleInstance][] = [];
    for (const { key, env } of this.instanceEnvs(exp)) {
      const inputs = new Map<string, () => Value>();
      for (const it of b.body.items) {
        if (it.kind !== 'attribute' || MODULE_META.has(it.name)) continue;
        let memo: Value | undefined;
        inputs.set(it.name, () => (memo ??= evaluate(it.expr, env)));
      }
      const callSite = this.callSite ?? (isDownloaded(cfg.dir) ? b.span : undefined);
      const inst = new ModuleInstance(this.world, cfg, this.rootDir, `${this.prefix}module.${name}${instanceSuffix(key)}.`, [...this.keyPath, name], [...this.ancestors, this.cfg.dir], inputs, provs, callSite);
      insts.push([key, inst]);
    }
    return { exp, insts };
  }

  /** Records a module call whose code is not on disk, once per call, with how to get it. */
  private unresolvedCall(name: string, source: string, b: Block, unsupported: string | undefined, downloadError: string | undefined): void {
    const key = `${b.span.file}:${b.span.start.line}:${b.span.start.column}`;
    if (this.world.unresolved.has(key)) return;
    const init = `run terraform init in ${this.rootDir === '' ? '.' : this.rootDir}`;
    const fix = unsupported ? `${init} (${unsupported})` : downloadError ? init : `${init}, or scan with --download-modules`;
    const what = downloadError ? `could not be downloaded (${downloadError})` : 'is not on disk';
    this.world.unresolved.set(key, { span: b.span, module: name, source, message: `module "${name}" (${source}) ${what}, so its resources are not checked: ${fix}` });
  }

  private childProviders(b: Block): Map<string, ProviderCtx> {
    this.providerMap ??= this.providers();
    const a = attributeOf(b.body, 'providers');
    const out = new Map<string, ProviderCtx>();
    if (a && a.expr.k === 'object') {
      for (const it of a.expr.items) {
        const k = it.key.k === 'lit' ? String(it.key.value) : traversalName(it.key);
        const v = traversalName(it.value);
        const p = v ? this.providerMap.get(v) : undefined;
        if (k && p) out.set(k, p);
      }
      return out;
    }
    for (const [k, p] of this.providerMap) if (!k.includes('.')) out.set(k, p);
    return out;
  }

  allChildren(): ModuleInstance[] {
    const out: ModuleInstance[] = [];
    for (const b of this.cfg.modules) {
      const ch = this.child(b.labels[0]!);
      if (ch) for (const [, i] of ch.insts) out.push(i);
    }
    return out;
  }

  error(e: InputError): void {
    const k = `${e.file}:${e.line}:${e.column}:${e.message}`;
    if (this.world.errorKeys.has(k)) return;
    this.world.errorKeys.add(k);
    this.world.errors.push(e);
  }

  note(n: string): void {
    if (this.world.noteKeys.has(n)) return;
    this.world.noteKeys.add(n);
    this.world.notes.push(n);
  }

  // ---- resource nodes ----

  /** The nodes (and their edges) of this module instance's resources and data sources; its provider blocks into `providers`. */
  nodes(out: ResourceNode[], edges: Edge[], providers?: ResourceNode[]): void {
    for (const b of this.cfg.resources) this.placedBlockNodes(b, 'managed', out, edges);
    for (const b of this.cfg.data) this.placedBlockNodes(b, 'data', out, edges);
    if (providers) for (const p of this.cfg.providers) this.providerNode(p, providers);
  }

  /** `blockNodes`; an unexpected exception is reported at the block when no expression inside it recorded a closer place. */
  private placedBlockNodes(b: Block, mode: 'managed' | 'data', out: ResourceNode[], edges: Edge[]): void {
    try {
      this.blockNodes(b, mode, out, edges);
    } catch (e) {
      throw placed(e, b.span);
    }
  }

  /** A `provider` block evaluated like a resource body, so adapters can read its settings (static credentials). */
  private providerNode(p: Block, out: ResourceNode[]): void {
    const name = p.labels[0];
    if (!name) return;
    const alias = attributeOf(p.body, 'alias');
    const av = alias ? evaluate(alias.expr, this.env()) : undefined;
    const key = av && av.kind === 'string' ? `${name}.${av.value}` : name;
    const ctx = this.providerCtx(p, key);
    const address = this.world.names.intern(`${this.prefix}provider.${key}`);
    out.push({
      id: this.idOf(`provider.${key}`), address, type: name, mode: 'provider', source: 'terraform', file: p.span.file, span: p.span,
      properties: evalBody(p.body, this.env(), true, {}, 0),
      context: { unit: this.unit, region: ctx.region(), account: ctx.account(), target: ctx.target },
      dependsOn: [], suppressions: blockSuppressions(this.cfg, p),
      ...(this.callSite ? { reportAt: { span: this.callSite, note: `declared in the downloaded module (${p.span.file})` } } : {}),
    });
  }

  /** One context object for the nodes of this instance that one provider configuration deploys (nothing changes a node's context). */
  private deployContext(p: ProviderCtx): DeployContext {
    let c = this.contexts.get(p);
    if (!c) {
      c = { unit: this.unit, region: p.region(), account: p.account(), target: p.target };
      this.contexts.set(p, c);
    }
    return c;
  }
  private readonly contexts = new Map<ProviderCtx, DeployContext>();

  private blockNodes(b: Block, mode: 'managed' | 'data', out: ResourceNode[], edges: Edge[]): void {
    const type = b.labels[0]!;
    const address = `${mode === 'data' ? 'data.' : ''}${type}.${b.labels[1]!}`;
    const exp = this.expansion(b, address);
    const context = this.deployContext(this.providerFor(b));
    const suppressions = blockSuppressions(this.cfg, b);
    for (const { key, env } of this.instanceEnvs(exp)) {
      const addr = address + instanceSuffix(key);
      const id = this.idOf(addr);
      this.currentSelf = { kind: 'ref', target: id, span: b.span };
      const lifecycle: { prevent?: Value } = {};
      const properties = evalBody(b.body, env, true, lifecycle, 0);
      this.currentSelf = undefined;
      const dependsOn: string[] = [];
      const dep = attributeOf(b.body, 'depends_on');
      if (dep) {
        const dv = evaluate(dep.expr, env);
        for (const t of refIds(dv)) {
          if (!dependsOn.includes(t)) dependsOn.push(t);
        }
      }
      const node: ResourceNode = {
        id,
        address: this.world.names.intern(this.prefix + addr),
        type,
        mode,
        source: 'terraform',
        file: b.span.file,
        span: b.span,
        properties,
        context,
        dependsOn,
        suppressions,
      };
      if (lifecycle.prevent) node.deletionPolicy = lifecycle.prevent;
      if (exp.kind === 'unknown') node.instancesUnknown = exp.reason;
      if (this.callSite) node.reportAt = { span: this.callSite, note: `declared in the downloaded module (${b.span.file})` };
      out.push(node);
      collectEdges(id, properties, edges, this.world.names);
      for (const t of dependsOn) edges.push({ from: id, to: t, kind: 'depends-on', path: 'depends_on' });
    }
  }

}

/** A module folder that `terraform init` downloaded (usually ignored by git, so not where a reviewer can see a finding). */
function isDownloaded(dir: string): boolean {
  return dir.split('/').includes('.terraform') || dir.startsWith(DOWNLOADED_PREFIX);
}
