import * as crypto from 'node:crypto';
import { headOf } from '../core/source.js';
import type { InputError, Span } from '../core/source.js';
import { errorText, REPORT_BUG, runIsolated } from '../core/isolate.js';
import type { CloudModel } from '../model/model.js';
import type { ModelResource, Origin } from '../model/val.js';
import type { Report, Rule, RuleSettings, Target } from './rule.js';
import type { Finding, Notice } from './types.js';

export interface IgnoreEntry {
  rule: string;
  /** Resource address (exact) or glob over file paths; either limits the entry. */
  resource?: string;
  path?: string;
  reason: string;
}

export interface EngineOptions {
  settings: RuleSettings;
  /** Ignore entries from the configuration file. */
  ignores?: IgnoreEntry[];
  /** Matches a file path against a glob, for `ignore` entries with `path`. */
  matchPath?: (file: string, glob: string) => boolean;
}

export interface EngineResult {
  findings: Finding[];
  notices: Notice[];
  /** Rules that threw: one error per resource they threw on (the other resources and rules still ran). */
  errors: InputError[];
}

function isResource(t: Target): t is ModelResource {
  return 'resource' in t && !('provenance' in t);
}

/** Runs rules over the model and turns their reports into located, fingerprinted findings. */
export function runRules(model: CloudModel, rules: Rule[], options: EngineOptions): EngineResult {
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const meta = rule.meta;
    const messages = meta.messages as Record<string, string>;
    // What one attempt of the rule produced: kept when it finishes, dropped when it throws and is run again.
    let found: Finding[] = [];
    let noticed: Notice[] = [];
    const { failures, gaveUp } = runIsolated<ModelResource>(
      (tracker) => {
        rule.check({
          model: modelView(model, tracker.view),
          settings: options.settings,
          report(r: Report<string>) {
            found.push(toFinding(rule, messages, r, options));
          },
          undecidable(resource, at, reason) {
            const span = isResource(at) ? headOf(at.resource.span) : place(at.origin.span);
            noticed.push({ ruleId: meta.id, message: `could not decide: ${reason}`, span, resource: resource.resource.address, kind: 'undecidable' });
          },
        });
      },
      () => {
        found = [];
        noticed = [];
      },
    );
    for (const f of failures) {
      const res = f.item?.resource ?? (f.item as { owner?: ModelResource } | undefined)?.owner?.resource;
      const where = res ? { file: res.span.file, line: res.span.start.line, column: res.span.start.column } : { file: '.', line: 1, column: 1 };
      errors.push({ ...where, kind: 'internal', message: `rule ${meta.id} failed on ${res ? `${res.address} (${res.type})` : 'the model'}: ${errorText(f.error)} (${REPORT_BUG})` });
    }
    // A walk given up still keeps what it found before it threw: those findings are sound.
    void gaveUp;
    for (const finding of found) {
      // One finding per rule, resource and property: several paths to the same fact are one problem.
      const key = `${finding.fingerprint}|${finding.location.span.start.line}|${finding.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
    notices.push(...noticed);
  }
  findings.sort(compareFindings);
  return { findings, notices, errors };
}

/**
 * The model with each list handed out through `view` (a rule's walk can then be isolated). Lazy: a
 * list is viewed (copied) when the rule first reads it, not all ~100 of them for every rule.
 */
function modelView(model: CloudModel, view: (list: readonly ModelResource[]) => ModelResource[]): CloudModel {
  return lazyView(model as unknown as Record<string | symbol, unknown>, (key, list) => {
    if (key === 'facets') {
      // Facets too: an exception on a facet is blamed on the facet's owner (see the failures above).
      return lazyView(list as Record<string | symbol, unknown>, (_facet, items) => view(items as ModelResource[]));
    }
    return view(list as ModelResource[]);
  }) as unknown as CloudModel;
}

/**
 * `target` with each own property that holds an object viewed by `wrap` on its first read (the same
 * view after). Like the copy it replaces, writes stay in the view and never reach the model.
 */
function lazyView(target: Record<string | symbol, unknown>, wrap: (key: string, value: unknown) => unknown): unknown {
  const made = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    get(t, key) {
      if (made.has(key)) return made.get(key);
      const v = t[key];
      if (typeof key !== 'string' || typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(t, key)) return v;
      const out = wrap(key, v);
      made.set(key, out);
      return out;
    },
    set(_t, key, v) {
      made.set(key, v);
      return true;
    },
    deleteProperty(_t, key) {
      made.set(key, undefined);
      return true;
    },
  });
}

function toFinding(rule: Rule, messages: Record<string, string>, r: Report<string>, options: EngineOptions): Finding {
  const meta = rule.meta;
  const res = r.resource.resource;
  const origin: Origin | undefined = isResource(r.at) ? undefined : r.at.origin;
  // A value that travelled (a Terraform module output) is shown where it is written, its way there as related locations.
  const span = origin ? place(origin.span) : headOf(res.span);
  const path = origin?.path;
  const message = fill(messages[r.messageId] ?? r.messageId, r.data);
  const finding: Finding = {
    ruleId: meta.id,
    messageId: r.messageId,
    message,
    severity: meta.severity,
    controls: meta.controls,
    location: path ? { span, path } : { span },
    related: [...(origin?.span.via ?? []), ...(r.related ?? [])].map((h) => ({ span: place(h.span), message: h.message })),
    // One object per resource for all its findings (read-only), unless a construct path is added below.
    resource: res.construct ? { address: res.address, type: res.type, source: res.source } : findingResource(res),
    fingerprint: fingerprint(meta.id, res.span.file, res.address, path ?? ''),
  };
  if (res.reportAt) {
    finding.related.push({ span, message: res.reportAt.note });
    finding.location = path ? { span: res.reportAt.span, path } : { span: res.reportAt.span };
  }
  if (res.construct) {
    finding.resource.constructPath = res.construct.path;
    if (res.construct.source) {
      // CDK: the engineer's TypeScript line first, the synthesized template beside it.
      finding.related.push({ span, message: 'synthesized template' });
      finding.location = path ? { span: res.construct.source, path } : { span: res.construct.source };
      if (res.construct.note) finding.related.push({ span: res.construct.source, message: res.construct.note });
    }
  }
  const suppression = suppressionFor(meta.id, r.resource, path, span, options);
  if (suppression) finding.suppression = suppression;
  return finding;
}

/** Message templates split once at their `{{name}}` placeholders: [text, name, text, name, …, text]. */
const TEMPLATE_PARTS = new Map<string, string[]>();

/** `template` with each `{{name}}` replaced by `data[name]` (a missing one is left as `{{name}}`). */
export function fill(template: string, data: Report<string>['data']): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
  let message = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    message += String(data?.[name] ?? `{{${name}}}`) + parts[i + 1]!;
  }
  return message;
}

/** A span as a location shows it: without the trail of where its value travelled. */
function place(span: Span): Span {
  return span.via ? { file: span.file, start: span.start, end: span.end } : span;
}

const FINDING_RESOURCES = new WeakMap<ModelResource['resource'], Finding['resource']>();

function findingResource(res: ModelResource['resource']): Finding['resource'] {
  let r = FINDING_RESOURCES.get(res);
  if (!r) FINDING_RESOURCES.set(res, (r = { address: res.address, type: res.type, source: res.source }));
  return r;
}

function suppressionFor(ruleId: string, target: ModelResource, path: string | undefined, at: Span, options: EngineOptions): Finding['suppression'] {
  const res = target.resource;
  for (const s of res.suppressions) {
    if (s.ruleId !== ruleId || s.reason === '') continue;
    if (s.within && !spanWithin(at, s.within)) continue;
    if (s.path && path && !path.startsWith(s.path)) continue;
    return { reason: s.reason, kind: 'inSource', span: s.span };
  }
  for (const i of options.ignores ?? []) {
    if (i.rule !== ruleId && i.rule !== '*') continue;
    if (i.resource && i.resource !== res.address) continue;
    if (i.path && !(options.matchPath?.(res.span.file, i.path) ?? false)) continue;
    return { reason: i.reason, kind: 'external' };
  }
  return undefined;
}

function spanWithin(inner: Span, outer: Span): boolean {
  if (inner.file !== outer.file) return false;
  const before = (a: Span['start'], b: Span['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(outer.start, inner.start) && before(inner.start, outer.end);
}

export function fingerprint(ruleId: string, file: string, address: string, path: string): string {
  // The first 16 bytes of the SHA-256 digest, as hex (the slice keeps the 64-character digest alive: some 64 bytes a finding).
  return sha256Hex([ruleId, file, address, path].join('\u0000')).slice(0, 32);
}

/**
 * The SHA-256 digest of `text` as hex. One finding is one digest: the one-shot `crypto.hash` (Node
 * 20.12 and later) costs a quarter of a Hash object per digest; older Node versions make the object.
 */
export const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : sha256HexByObject;

/** The digest through a Hash object: the way before `crypto.hash` (exported for the test that both agree). */
export function sha256HexByObject(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location.span.file;
  const fb = b.location.span.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location.span.start;
  const lb = b.location.span.start;
  return la.line - lb.line || la.column - lb.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
