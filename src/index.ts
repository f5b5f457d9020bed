/**
 * The library entry (`import { scan } from 'iac-check'`): the same scan, findings and reports as
 * the CLI, for tools that embed iac-check. Everything exported here is the public API; the rest of
 * the package is internal and may change.
 */
export { scan, type ScanOptions, type ScanOutput } from './scan.js';
export { loadConfig, validateConfig, defaultConfig, ConfigError, type Config } from './config/config.js';
export { loadRules } from '../rules/index.js';
export { docsUrl, type Rule, type RuleMeta, type RuleExample, type Precision } from './engine/rule.js';
export {
  SEVERITIES,
  severityRank,
  type Severity,
  type Finding,
  type Notice,
  type Location,
  type ScanResult,
  type ScanStats,
} from './engine/types.js';
export type { Span, Position, InputError } from './core/source.js';
export {
  render,
  OUTPUT_FORMATS,
  formatText,
  formatJson,
  buildJsonReport,
  formatSarif,
  buildSarif,
  formatMarkdown,
  formatChecklist,
  JSON_SCHEMA_VERSION,
  type OutputFormat,
  type RenderOptions,
  type TextOptions,
  type JsonReport,
  type JsonFinding,
  type JsonOptions,
  type SarifOptions,
  type ChecklistOptions,
  type Delivery,
} from './report/index.js';
export { VERSION } from './version.js';
