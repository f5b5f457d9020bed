import type { Span } from '../../core/source.js';
import type { DocMap, DocNode } from '../../../parsers/document.js';
import { get } from '../../../parsers/document.js';
import type { Known } from '../graph.js';
import type { ListValue, MapValue, Value } from '../value.js';
import { UNKNOWN_PART, referencedIds, unknown, valueShape } from '../value.js';
import { EvalBudget, LIMITS, limitMessage, type LimitName } from '../../core/limits.js';
import { placed } from '../../core/isolate.js';

/** How many Availability Zones `Fn::GetAZs` is taken to return: every commercial region has at least three. */
const ASSUMED_AZ_COUNT = 3;
const MAX_DEPTH = LIMITS.evalDepth;

/** A found reference, for the graph's edges. */
export interface FoundRef {
  target: string;
  kind: 'ref' | 'getatt' | 'sub';
}

export interface TemplateScope {
  file: string;
  parameters: DocMap | undefined;
  mappings: DocMap | undefined;
  conditions: DocMap | undefined;
  /** Logical ids of the template's resources (after conditions), mapped to graph ids. */
  resources: Map<string, string>;
  account: Known<string>;
  region: Known<string>;
  stackName: string;
  /** Parameter values given from outside (configuration, or a parent stack), overriding defaults. */
  parameterValues?: Record<string, string | Value>;
}

/** Marks a property removed by `AWS::NoValue`. */
const NO_VALUE = Symbol('AWS::NoValue');
type Evaluated = Value | typeof NO_VALUE;

/**
 * Evaluates CloudFormation intrinsic functions to Values. Conditions are decided once
 * and remembered; an undecided `Fn::If` keeps both branches as the options of an unknown
 * value instead of enumerating condition combinations.
 */
export class TemplateEvaluator {
  private readonly conditionCache = new Map<string, boolean | undefined>();
  /** While a resource with an undecided `Condition` is evaluated: that condition holds, or the resource would not exist. */
  private assumed: { name: string; cache: Map<string, boolean | undefined> } | undefined;
  private readonly conditionsInProgress = new Set<string>();
  /** References met during the last `evaluate` call. */
  refs: FoundRef[] = [];

  /**
   * One budget per template: YAML aliases share document nodes, so a node can be evaluated many
   * times, and what it evaluates to (a `Fn::Split` of a long string) can be far larger than its text.
   */
  constructor(private readonly scope: TemplateScope, readonly budget: EvalBudget = new EvalBudget()) {}

  private over(limit: LimitName, span: Span): Value {
    this.budget.hit(limit, span);
    this.size = 1;
    return unknown(limitMessage(limit), span);
  }

  /**
   * The size (as `valueShape` counts it) of the value the last `eval` returned, and of the list or map
   * `evalNode` last built from a document collection, summed from its items' as they were evaluated:
   * asking `valueShape` instead would remember a shape for every collection of the template.
   */
  private size = 0;
  private built: { value: Value; size: number } | undefined;

  /** A result within the size limits, else unknown. */
  private bounded(v: Evaluated): Evaluated {
    this.size = 1;
    if (v === NO_VALUE) {
      this.size = 0;
      return v;
    }
    if (v.kind === 'string') {
      this.size = 1 + v.value.length;
      return v.value.length > LIMITS.stringChars ? this.over('stringChars', v.span) : v;
    }
    if (v.kind === 'list' && v.items.length > LIMITS.collectionItems) return this.over('collectionItems', v.span);
    if (v.kind === 'map' && v.entries.size > LIMITS.collectionItems) return this.over('collectionItems', v.span);
    if (v.kind === 'list' || v.kind === 'map' || v.kind === 'unknown') {
      const size = this.built?.value === v ? this.built.size : valueShape(v).size;
      this.built = undefined;
      if (size > LIMITS.valueSize) return this.over('valueSize', v.span);
      // Building it was work too: charged by size, so many aliases of a large value run out of budget.
      if (!this.budget.spend(Math.ceil(size / 64))) return this.over('evalSteps', v.span);
      this.size = size;
    }
    return v;
  }

  evaluate(node: DocNode, resourceCondition?: string): Value {
    this.refs = [];
    this.assumed = resourceCondition && this.condition(resourceCondition) === undefined ? { name: resourceCondition, cache: new Map() } : undefined;
    try {
      const v = this.eval(node, 0);
      return v === NO_VALUE ? unknown('removed by AWS::NoValue', node.span) : v;
    } finally {
      this.assumed = undefined;
    }
  }

  /** Decides a named condition: true, false, or undefined when it depends on something unknown. */
  condition(name: string): boolean | undefined {
    if (this.assumed) {
      // Conditions derived under the assumption are remembered only for this resource.
      if (name === this.assumed.name) return true;
      const assumption = this.assumed;
      if (assumption.cache.has(name)) return assumption.cache.get(name);
      this.assumed = undefined;
      const plain = this.condition(name);
      this.assumed = assumption;
      if (plain !== undefined) return plain;
      const def = get(this.scope.conditions, name);
      if (!def || this.conditionsInProgress.has(name)) return undefined;
      this.conditionsInProgress.add(name);
      const result = this.decide(def, 0);
      this.conditionsInProgress.delete(name);
      assumption.cache.set(name, result);
      return result;
    }
    if (this.conditionCache.has(name)) return this.conditionCache.get(name);
    if (this.conditionsInProgress.has(name)) return undefined;
    const def = get(this.scope.conditions, name);
    if (!def) return undefined;
    this.conditionsInProgress.add(name);
    const result = this.decide(def, 0);
    this.conditionsInProgress.delete(name);
    this.conditionCache.set(name, result);
    return result;
  }

  private decide(node: DocNode, depth: number): boolean | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const fn = intrinsic(node);
    if (!fn) {
      if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
      if (node.kind === 'scalar' && (node.value === 'true' || node.value === 'false')) return node.value === 'true';
      return undefined;
    }
    const args = fn.arg.kind === 'seq' ? fn.arg.items : [];
    switch (fn.name) {
      case 'Condition':
        return fn.arg.kind === 'scalar' ? this.condition(String(fn.arg.value)) : undefined;
      case 'Fn::Not': {
        const inner = args[0] ? this.decide(args[0], depth + 1) : undefined;
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And': {
        const parts = args.map((a) => this.decide(a, depth + 1));
        if (parts.includes(false)) return false;
        return parts.every((p) => p === true) ? true : undefined;
      }
      case 'Fn::Or': {
        const parts = args.map((a) => this.decide(a, depth + 1));
        if (parts.includes(true)) return true;
        return parts.every((p) => p === false) ? false : undefined;
      }
      case 'Fn::Equals': {
        if (args.length !== 2) return undefined;
        const a = this.eval(args[0]!, depth + 1);
        const b = this.eval(args[1]!, depth + 1);
        if (a === NO_VALUE || b === NO_VALUE) return undefined;
        const sa = scalarText(a);
        const sb = scalarText(b);
        return sa === undefined || sb === undefined ? undefined : sa === sb;
      }
      default:
        return undefined;
    }
  }

  private eval(node: DocNode, depth: number): Evaluated {
    if (depth > MAX_DEPTH) return this.over('evalDepth', node.span);
    if (!this.budget.spend()) return this.over('evalSteps', node.span);
    try {
      return this.bounded(this.evalNode(node, depth));
    } catch (e) {
      // An unexpected exception: the innermost value it left is where the error is reported.
      throw placed(e, node.span);
    }
  }

  private evalNode(node: DocNode, depth: number): Evaluated {
    const fn = intrinsic(node);
    if (fn) return this.evalIntrinsic(fn.name, fn.arg, node.span, depth);
    switch (node.kind) {
      case 'scalar':
        if (node.value === null) return { kind: 'null', span: node.span };
        if (typeof node.value === 'string') return { kind: 'string', value: node.value, span: node.span };
        if (typeof node.value === 'number') return { kind: 'number', value: node.value, span: node.span };
        return { kind: 'boolean', value: node.value, span: node.span };
      case 'seq': {
        const items: Value[] = [];
        let size = 1;
        for (const item of node.items) {
          const v = this.eval(item, depth + 1);
          if (v !== NO_VALUE) items.push(v);
          size += this.size;
        }
        const value: ListValue = { kind: 'list', items, span: node.span };
        this.built = { value, size };
        return value;
      }
      case 'map': {
        const entries = new Map<string, Value>();
        const keySpans = new Map<string, Span>();
        let size = 1;
        let summed = true;
        for (const e of node.entries) {
          const v = this.eval(e.value, depth + 1);
          if (v === NO_VALUE) continue;
          // A key given twice (an error already reported) keeps its last value: valueShape counts that one.
          if (entries.has(e.key)) summed = false;
          entries.set(e.key, v);
          keySpans.set(e.key, e.keySpan);
          size += this.size;
        }
        const value: MapValue = { kind: 'map', entries, keySpans, span: node.span };
        this.built = summed ? { value, size } : undefined;
        return value;
      }
    }
  }

  private evalIntrinsic(name: string, arg: DocNode, span: Span, depth: number): Evaluated {
    const args = arg.kind === 'seq' ? arg.items : [];
    switch (name) {
      case 'Ref':
        return arg.kind === 'scalar' ? this.ref(String(arg.value), span) : unknown('Ref needs a name', span);
      case 'Fn::GetAtt':
        return this.getAtt(arg, span);
      case 'Fn::Sub':
        return this.sub(arg, span, depth);
      case 'Fn::Join': {
        const delim = args[0] ? this.eval(args[0], depth + 1) : undefined;
        const list = args[1] ? this.eval(args[1], depth + 1) : undefined;
        if (!delim || delim === NO_VALUE || delim.kind !== 'string' || !list || list === NO_VALUE) {
          return unknown('Fn::Join of unknown values', span, list && list !== NO_VALUE ? referencedIds(list) : []);
        }
        if (list.kind !== 'list') return unknown('Fn::Join of an unknown list', span, referencedIds(list));
        const texts = list.items.map(scalarText);
        if (texts.some((t) => t === undefined)) return unknown('Fn::Join of unknown values', span, referencedIds(list));
        const size = texts.reduce((n, t) => n + t!.length + delim.value.length, 0);
        if (size > LIMITS.stringChars) return this.over('stringChars', span);
        return { kind: 'string', value: texts.join(delim.value), span };
      }
      case 'Fn::Select': {
        const idx = args[0] ? this.eval(args[0], depth + 1) : undefined;
        const list = args[1] ? this.eval(args[1], depth + 1) : undefined;
        const i = idx && idx !== NO_VALUE ? Number(scalarText(idx)) : NaN;
        if (!list || list === NO_VALUE || list.kind !== 'list' || !Number.isInteger(i)) {
          return unknown('Fn::Select from an unknown list', span, list && list !== NO_VALUE ? referencedIds(list) : []);
        }
        const item = list.items[i];
        return item ? respan(item, span) : unknown(`Fn::Select index ${i} is out of range`, span);
      }
      case 'Fn::Split': {
        const delim = args[0] ? this.eval(args[0], depth + 1) : undefined;
        const source = args[1] ? this.eval(args[1], depth + 1) : undefined;
        if (!delim || delim === NO_VALUE || delim.kind !== 'string' || !source || source === NO_VALUE || source.kind !== 'string') {
          return unknown('Fn::Split of an unknown string', span, source && source !== NO_VALUE ? referencedIds(source) : []);
        }
        const parts = source.value.split(delim.value, LIMITS.collectionItems + 1);
        if (parts.length > LIMITS.collectionItems) return this.over('collectionItems', span);
        const items: Value[] = parts.map((s) => ({ kind: 'string', value: s, span }));
        return { kind: 'list', items, span };
      }
      case 'Fn::FindInMap':
        return this.findInMap(args, span, depth);
      case 'Fn::GetAZs': {
        const region = this.scope.region.known ? this.scope.region.value : undefined;
        const items: Value[] = [];
        for (let index = 0; index < ASSUMED_AZ_COUNT; index++) {
          items.push(region ? { kind: 'az', index, region, span } : { kind: 'az', index, span });
        }
        return { kind: 'list', items, span };
      }
      case 'Fn::If': {
        const [cond, whenTrue, whenFalse] = args;
        if (!cond || !whenTrue || !whenFalse || cond.kind !== 'scalar') return unknown('malformed Fn::If', span);
        const decided = this.condition(String(cond.value));
        if (decided === true) return this.eval(whenTrue, depth + 1);
        if (decided === false) return this.eval(whenFalse, depth + 1);
        const branches = [this.eval(whenTrue, depth + 1), this.eval(whenFalse, depth + 1)];
        const options = branches.filter((o): o is Value => o !== NO_VALUE);
        const refs = options.flatMap((o) => referencedIds(o));
        // A branch that removes the property leaves it absent or set: neither can be assumed.
        if (options.length < branches.length) return unknown(`depends on condition ${String(cond.value)} (one branch leaves the property out)`, span, refs);
        return unknown(`depends on condition ${String(cond.value)}`, span, refs, options);
      }
      case 'Fn::Base64':
        return this.eval(arg, depth + 1);
      case 'Fn::ToJsonString':
        return this.eval(arg, depth + 1);
      case 'Fn::Length': {
        const list = this.eval(arg, depth + 1);
        return list !== NO_VALUE && list.kind === 'list' ? { kind: 'number', value: list.items.length, span } : unknown('Fn::Length of an unknown list', span);
      }
      case 'Condition': {
        const decided = arg.kind === 'scalar' ? this.condition(String(arg.value)) : undefined;
        return decided === undefined ? unknown('undecided condition', span) : { kind: 'boolean', value: decided, span };
      }
      default: {
        // Fn::ImportValue, Fn::Cidr, Fn::Transform, Fn::GetStackOutput …: known only at deploy time.
        const inner = this.eval(arg, depth + 1);
        return unknown(`${name} is resolved at deploy time`, span, inner === NO_VALUE ? [] : referencedIds(inner));
      }
    }
  }

  private ref(name: string, span: Span): Evaluated {
    if (name === 'AWS::NoValue') return NO_VALUE;
    const pseudo = this.pseudo(name, span);
    if (pseudo) return pseudo;
    const target = this.scope.resources.get(name);
    if (target) {
      this.refs.push({ target, kind: 'ref' });
      return { kind: 'ref', target, span };
    }
    const param = get(this.scope.parameters, name);
    if (param) return this.parameter(name, param, span);
    return unknown(`Ref to ${name}, which is not declared in this template`, span);
  }

  private parameter(name: string, param: DocNode, span: Span): Value {
    const passed = this.scope.parameterValues?.[name];
    if (passed !== undefined && typeof passed !== 'string') return respan(passed, span);
    const given = passed;
    const defaultNode = get(param, 'Default');
    const type = get(param, 'Type');
    const typeName = type?.kind === 'scalar' ? String(type.value) : '';
    let text: string | undefined = given;
    if (text === undefined && defaultNode) {
      if (defaultNode.kind === 'scalar' && defaultNode.value !== null) text = String(defaultNode.value);
      else if (defaultNode.kind === 'seq') text = defaultNode.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '')).join(',');
    }
    if (text === undefined) return unknown(`parameter ${name} has no default`, span);
    if (typeName.startsWith('AWS::SSM::Parameter::Value')) return unknown(`parameter ${name} is read from SSM at deploy time`, span);
    if (typeName.startsWith('List<') || typeName === 'CommaDelimitedList') {
      return { kind: 'list', items: text.split(',').map((s) => ({ kind: 'string', value: s.trim(), span })), span };
    }
    if (typeName === 'Number' && text.trim() !== '' && !Number.isNaN(Number(text))) return { kind: 'number', value: Number(text), span };
    return { kind: 'string', value: text, span };
  }

  private pseudo(name: string, span: Span): Value | undefined {
    const known = (k: Known<string>, what: string): Value =>
      k.known ? { kind: 'string', value: k.value, span } : unknown(`${what} is not known (${k.reason})`, span);
    switch (name) {
      case 'AWS::Region': return known(this.scope.region, 'the region');
      case 'AWS::AccountId': return known(this.scope.account, 'the account');
      case 'AWS::Partition': return { kind: 'string', value: 'aws', span };
      case 'AWS::URLSuffix': return { kind: 'string', value: 'amazonaws.com', span };
      case 'AWS::StackName': return { kind: 'string', value: this.scope.stackName, span };
      case 'AWS::StackId': case 'AWS::NotificationARNs': return unknown(`${name} is known at deploy time`, span);
      default: return undefined;
    }
  }

  private getAtt(arg: DocNode, span: Span): Value {
    let logical: string | undefined;
    let attribute: string | undefined;
    if (arg.kind === 'scalar' && typeof arg.value === 'string') {
      const dot = arg.value.indexOf('.');
      logical = dot < 0 ? arg.value : arg.value.slice(0, dot);
      attribute = dot < 0 ? undefined : arg.value.slice(dot + 1);
    } else if (arg.kind === 'seq' && arg.items[0]?.kind === 'scalar') {
      logical = String(arg.items[0].value);
      const second = arg.items[1];
      attribute = second?.kind === 'scalar' ? String(second.value) : undefined;
    }
    const target = logical ? this.scope.resources.get(logical) : undefined;
    if (!target) return unknown(`Fn::GetAtt of ${logical ?? 'an unknown resource'}`, span);
    this.refs.push({ target, kind: 'getatt' });
    return attribute === undefined ? { kind: 'ref', target, span } : { kind: 'ref', target, attribute, span };
  }

  private sub(arg: DocNode, span: Span, depth: number): Value {
    let template: string | undefined;
    let vars: DocMap | undefined;
    if (arg.kind === 'scalar' && typeof arg.value === 'string') template = arg.value;
    else if (arg.kind === 'seq' && arg.items[0]?.kind === 'scalar') {
      template = String(arg.items[0].value);
      const v = arg.items[1];
      if (v?.kind === 'map') vars = v;
    }
    if (template === undefined) return unknown('malformed Fn::Sub', span);
    const refs: string[] = [];
    let unresolved = false;
    let size = template.length;
    const out = template.replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => {
      if (size > LIMITS.stringChars) return '';
      if (inner.startsWith('!')) return '${' + inner.slice(1) + '}';
      const local = vars ? get(vars, inner) : undefined;
      let v: Evaluated;
      if (local) v = this.eval(local, depth + 1);
      else if (inner.includes('.')) {
        const dot = inner.indexOf('.');
        const target = this.scope.resources.get(inner.slice(0, dot));
        v = target ? { kind: 'ref', target, attribute: inner.slice(dot + 1), span } : unknown(`unknown name ${inner}`, span);
      } else v = this.ref(inner, span);
      if (v === NO_VALUE) return '';
      if (v.kind === 'ref') {
        this.refs.push({ target: v.target, kind: 'sub' });
        refs.push(v.target);
      }
      const text = scalarText(v);
      if (text === undefined) {
        unresolved = true;
        refs.push(...referencedIds(v).filter((r) => !refs.includes(r)));
        return UNKNOWN_PART;
      }
      size += text.length;
      return size > LIMITS.stringChars ? '' : text;
    });
    if (size > LIMITS.stringChars) return this.over('stringChars', span);
    if (out.length > LIMITS.stringChars) return this.over('stringChars', span);
    if (unresolved) return { ...unknown('Fn::Sub of values known at deploy time', span, refs), pattern: out };
    return { kind: 'string', value: out, span };
  }

  private findInMap(args: DocNode[], span: Span, depth: number): Value {
    const keys = args.slice(0, 3).map((a) => {
      const v = this.eval(a, depth + 1);
      return v === NO_VALUE ? undefined : scalarText(v);
    });
    if (keys.length < 3 || keys.some((k) => k === undefined)) return unknown('Fn::FindInMap with unknown keys', span);
    const found = get(get(get(this.scope.mappings, keys[0]!), keys[1]!), keys[2]!);
    if (!found) {
      const fallback = args[3] && get(args[3], 'DefaultValue');
      if (fallback) {
        const v = this.eval(fallback, depth + 1);
        return v === NO_VALUE ? unknown('Fn::FindInMap default removed', span) : v;
      }
      return unknown(`mapping ${keys.join('.')} not found`, span);
    }
    const v = this.eval(found, depth + 1);
    return v === NO_VALUE ? unknown('mapping value removed', span) : respan(v, span);
  }
}

/** A value resolved elsewhere (a parameter default, a mapping) shown at the place that uses it. */
function respan(v: Value, span: Span): Value {
  if (v.kind === 'list') return { ...v, span, items: v.items.map((i) => respan(i, span)) } as ListValue;
  if (v.kind === 'map') return { ...v, span } as MapValue;
  return { ...v, span };
}

export function scalarText(v: Value): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number' || v.kind === 'boolean') return String(v.value);
  return undefined;
}

/** A one-key map whose key is an intrinsic function name (`Ref`, `Fn::…`, `Condition`). */
export function intrinsic(node: DocNode): { name: string; arg: DocNode } | undefined {
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const e = node.entries[0]!;
  if (e.key === 'Ref' || e.key === 'Condition' || e.key.startsWith('Fn::')) return { name: e.key, arg: e.value };
  return undefined;
}
