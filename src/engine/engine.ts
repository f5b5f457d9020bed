import { createHash } from 'node:crypto';
import { headOf } from '../core/source.js';
import type { CloudModel } from '../model/model.js';
import type { ModelResource, Origin } from '../model/val.js';
import type { Report, Rule, RuleSettings, Target } from './rule.js';
import type { Finding, Notice, Severity } from './types.js';

export interface IgnoreEntry {
  rule: string;
  /** Resource address (exact) or glob over file paths; either limits the entry. */
  resource?: string;
  path?: string;
  reason: string;
}

export interface EngineOptions {
  settings: RuleSettings;
  severityOverrides?: Record<string, Severity>;
  /** Ignore entries from the configuration file. */
  ignores?: IgnoreEntry[];
  /** Matches a file path against a glob, for `ignore` entries with `path`. */
  matchPath?: (file: string, glob: string) => boolean;
}

export interface EngineResult {
  findings: Finding[];
  notices: Notice[];
}

function isResource(t: Target): t is ModelResource {
  return 'resource' in t && !('provenance' in t);
}

/** Runs rules over the model and turns their reports into located, fingerprinted findings. */
export function runRules(model: CloudModel, rules: Rule[], options: EngineOptions): EngineResult {
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const meta = rule.meta;
    const messages = meta.messages as Record<string, string>;
    rule.check({
      model,
      settings: options.settings,
      report(r: Report<string>) {
        const finding = toFinding(rule, messages, r, options);
        // One finding per rule, resource and property: several paths to the same fact are one problem.
        const key = `${finding.fingerprint}|${finding.location.span.start.line}|${finding.messageId}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push(finding);
      },
      undecidable(resource, at, reason) {
        const span = isResource(at) ? headOf(at.resource.span) : at.origin.span;
        notices.push({ ruleId: meta.id, message: `could not decide: ${reason}`, span, resource: resource.resource.address });
      },
    });
  }
  findings.sort(compareFindings);
  return { findings, notices };
}

function toFinding(rule: Rule, messages: Record<string, string>, r: Report<string>, options: EngineOptions): Finding {
  const meta = rule.meta;
  const res = r.resource.resource;
  const origin: Origin | undefined = isResource(r.at) ? undefined : r.at.origin;
  const span = origin ? origin.span : headOf(res.span);
  const path = origin?.path;
  const template = messages[r.messageId] ?? r.messageId;
  const message = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(r.data?.[k] ?? `{{${k}}}`));
  const severity = options.severityOverrides?.[meta.id] ?? r.severity ?? meta.severity;
  const finding: Finding = {
    ruleId: meta.id,
    messageId: r.messageId,
    message,
    severity,
    controls: meta.controls,
    location: path ? { span, path } : { span },
    related: [],
    resource: { address: res.address, type: res.type, source: res.source },
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
    }
  }
  const suppression = suppressionFor(meta.id, r.resource, path, options);
  if (suppression) finding.suppression = suppression;
  return finding;
}

function suppressionFor(ruleId: string, target: ModelResource, path: string | undefined, options: EngineOptions): Finding['suppression'] {
  const res = target.resource;
  for (const s of res.suppressions) {
    if (s.ruleId !== ruleId || s.reason === '') continue;
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

export function fingerprint(ruleId: string, file: string, address: string, path: string): string {
  return createHash('sha256').update([ruleId, file, address, path].join('\u0000')).digest('hex').slice(0, 32);
}

function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location.span.file;
  const fb = b.location.span.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location.span.start;
  const lb = b.location.span.start;
  return la.line - lb.line || la.column - lb.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
