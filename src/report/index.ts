/** The reporters behind `--format`. Reporters format; they decide nothing. */
import type { Rule } from '../engine/rule.js';
import type { ScanResult } from '../engine/types.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export { formatText, type TextOptions } from './text.js';
export { formatJson, buildJsonReport, JSON_SCHEMA_VERSION, type JsonReport, type JsonFinding, type JsonOptions } from './json.js';
export { formatSarif, buildSarif, primaryLocationLineHash, type SarifOptions } from './sarif.js';

/** Later: 'markdown' | 'checklist' — add the name here, a case in `render`, and the CLI picks it up. */
export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

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
  /** checklist (to come): how the product is delivered; the text, json and sarif reporters ignore it. */
  delivery?: 'saas' | 'customer-deployed';
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
      });
    default: {
      const unknown: never = format;
      throw new Error(`unknown output format: ${String(unknown)}`);
    }
  }
}
