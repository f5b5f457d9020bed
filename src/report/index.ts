/** The reporters behind `--format`. Reporters format; they decide nothing. */
import type { Rule } from '../engine/rule.js';
import type { ScanResult } from '../engine/types.js';
import { formatChecklist } from './checklist.js';
import { formatJson, jsonChunks } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export { formatText, type TextOptions } from './text.js';
export { formatJson, jsonChunks, buildJsonReport, JSON_SCHEMA_VERSION, type JsonReport, type JsonFinding, type JsonOptions } from './json.js';
export { formatSarif, buildSarif, primaryLocationLineHash, GITHUB_MAX_RESULTS, GITHUB_MAX_GZIP_BYTES, type SarifOptions } from './sarif.js';
export { formatMarkdown, escapeMarkdown, MARKDOWN_LIMIT, type MarkdownOptions } from './markdown.js';
export { formatRuleList, type RuleListFormat } from './rules.js';
export {
  formatChecklist,
  assessControls,
  CONTROL_STATUSES,
  type ChecklistOptions,
  type ControlAssessment,
  type ControlStatus,
  type Delivery,
} from './checklist.js';
export {
  listControls,
  findControl,
  controlApplies,
  CONTROL_GROUPS,
  CHECKLIST_NAME,
  CHECKLIST_VERSION,
  type Control,
  type ControlGroup,
  type StaticCoverage,
} from './controls.js';

/** To add a format: add the name here, a case in `render`, and the CLI picks it up. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'checklist';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'markdown', 'checklist'];

export interface RenderOptions {
  /** The tool's version (JSON `tool.version`, SARIF `driver.version`). */
  toolVersion: string;
  /** text: ANSI colours (the CLI decides: TTY and no NO_COLOR). */
  color?: boolean;
  /** text: list undecidable checks and notes. */
  verbose?: boolean;
  /** text: only findings and errors. */
  quiet?: boolean;
  /** sarif: GitHub code scanning category (`--sarif-category`). */
  category?: string;
  /** checklist: how the product is delivered (default `saas`, as the CLI's `--delivery`); the other reporters ignore it. */
  delivery?: 'saas' | 'customer-deployed';
  /** checklist: every rule iac-check has (run or not), so a skipped rule is named and a control no rule serves is told apart. */
  allRules?: readonly Rule[];
  /** markdown, checklist: the architecture diagram as Mermaid (`--diagram`), shown in the report. */
  diagram?: string;
  /** markdown: where the complete report is, named when the report is cut to fit. */
  fullReport?: string;
  /** sarif, markdown: told what was cut to fit GitHub's limits. */
  onCut?: (message: string) => void;
}

/**
 * `render`'s text in pieces, for writing a large report without holding it whole: the JSON report
 * comes a batch of findings at a time; the other formats as one piece.
 */
export function* renderChunks(format: OutputFormat, result: ScanResult, rules: readonly Rule[], options: RenderOptions): Generator<string> {
  if (format === 'json') yield* jsonChunks(result, rules, { toolVersion: options.toolVersion });
  else yield render(format, result, rules, options);
}

export function render(format: OutputFormat, result: ScanResult, rules: readonly Rule[], options: RenderOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, { color: options.color ?? false, verbose: options.verbose ?? false, quiet: options.quiet ?? false });
    case 'json':
      return formatJson(result, rules, { toolVersion: options.toolVersion });
    case 'sarif':
      return formatSarif(result, rules, {
        toolVersion: options.toolVersion,
        ...(options.category !== undefined ? { category: options.category } : {}),
        ...(options.onCut ? { onCut: options.onCut } : {}),
      });
    case 'markdown':
      return formatMarkdown(result, rules, {
        ...(options.fullReport !== undefined ? { fullReport: options.fullReport } : {}),
        ...(options.onCut ? { onCut: options.onCut } : {}),
        ...(options.diagram !== undefined ? { diagram: options.diagram } : {}),
      });
    case 'checklist':
      return formatChecklist(result, rules, {
        delivery: options.delivery ?? 'saas',
        ...(options.diagram !== undefined ? { diagram: options.diagram } : {}),
        ...(options.allRules !== undefined ? { allRules: options.allRules } : {}),
      });
    default: {
      const unknown: never = format;
      throw new Error(`unknown output format: ${String(unknown)}`);
    }
  }
}
