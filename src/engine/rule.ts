import type { Span } from '../core/source.js';
import type { CloudModel } from '../model/model.js';
import type { ModelResource, Val } from '../model/val.js';
import type { Severity } from './types.js';

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

export interface RuleExample {
  /** A small template that must produce at least one finding of this rule. */
  fail: string;
  /** The same resource fixed: no finding of this rule. */
  pass: string;
}

export interface RuleMeta<M extends string> {
  id: string;
  title: string;
  /** What it looks at, in a line: the README's rule table (`npm run docs`). The title when absent. */
  checks?: string;
  /**
   * The severity of every finding of the rule (a configuration may change it for all of them).
   * GitHub shows a rule's `security-severity` on each of its alerts, so a rule never mixes severities:
   * cases of another severity are another rule.
   */
  severity: Severity;
  /** Checklist control ids from CONTROLS.md. */
  controls: string[];
  /** Why it matters, a paragraph. */
  rationale: string;
  /** How to fix it, a paragraph. */
  remediation: string;
  /** Message templates with `{{name}}` placeholders, keyed by message id. */
  messages: Record<M, string>;
  precision?: Precision;
  tags?: string[];
  examples: { cloudformation?: RuleExample; terraform?: RuleExample };
  /** An input kind that cannot express what the rule checks (no such resource exists there), and why: it has no examples or cases. */
  notApplicable?: { cloudformation?: string; terraform?: string };
}

/** What a finding points at: the offending value, or the resource when a required value is missing. */
export type Target = Val<unknown> | ModelResource;

export interface Report<M extends string> {
  messageId: M;
  at: Target;
  /** The resource the finding is about, when `at` is a value (for its address and suppressions). */
  resource: ModelResource;
  data?: Record<string, string | number>;
  /**
   * Other places that explain the finding (the resource a policy is attached to, the second of two
   * conflicting settings), each with what it is: reporters show them as related locations, after the
   * way the offending value travelled to where it is used (module outputs), which the engine adds itself.
   */
  related?: { span: Span; message: string }[];
}

/** Settings a rule may read from the configuration. */
export interface RuleSettings {
  /** Ports that may be open to the internet on internet-facing load balancers and CloudFront origins. */
  publicPorts: number[];
  /** Account that should own CloudTrail log buckets, when known. */
  logArchiveAccount?: string;
}

export interface RuleContext<M extends string> {
  model: CloudModel;
  settings: RuleSettings;
  report(report: Report<M>): void;
  /** A check this rule could not decide because a value is unknown: a notice, never a finding. */
  undecidable(resource: ModelResource, at: Target, reason: string): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/** Declares a rule. The message-id union is inferred from `meta.messages`, so an unknown id does not compile. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export function docsUrl(id: string): string {
  return `https://github.com/iac-check/iac-check/blob/main/docs/rules/${id}.md`;
}
