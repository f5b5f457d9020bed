import type { Span, InputError } from '../core/source.js';
import type { SourceKind } from '../graph/graph.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

/** A location in a scanned file, plus the same place in the synthesized template for CDK. */
export interface Location {
  span: Span;
  /** Property path of the offending value; absent when the finding points at the resource. */
  path?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  /** Checklist controls (`1.15` …) the rule serves. */
  controls: string[];
  /** The primary location: the offending value, else the resource's first line (CDK: the TypeScript line). */
  location: Location;
  /** Other places worth showing (for CDK, the synthesized template line). */
  related: { span: Span; message: string }[];
  resource: { address: string; type: string; source: SourceKind; constructPath?: string };
  /** rule id + file + resource address + property path, hashed: stable when lines move. */
  fingerprint: string;
  /** `baseline`: recorded in the `--baseline` file rather than suppressed by a person's reason. */
  suppression?: { reason: string; kind: 'inSource' | 'external'; span?: Span; baseline?: true };
}

/** A check that could not be decided (an unknown value), or a suppression that does nothing; never a finding. */
export interface Notice {
  ruleId: string;
  message: string;
  span: Span;
  resource?: string;
  /** `warning`: something the author wrote is wrong (an unknown rule id in a suppression); default: a note. */
  level?: 'note' | 'warning';
  /** What it is about: a check that could not be decided, or a suppression (unused, or not honoured). */
  kind?: 'undecidable' | 'suppression';
}

/** A module call whose code is not on disk (not downloaded, or the download failed): its resources are not checked. */
export interface UnresolvedModule {
  /** The `module` block. */
  span: Span;
  module: string;
  source: string;
  /** Why, and how to fix it (`run terraform init in …, or scan with --download-modules`). */
  message: string;
}

export interface ScanStats {
  filesDiscovered: number;
  filesScanned: number;
  filesSkipped: number;
  /** Resources the scanned code deploys (Terraform data sources, which look up resources deployed elsewhere, are not counted). */
  resources: number;
  durationMs: number;
}

export interface ScanResult {
  /** The scan root that file paths are relative to (absolute). */
  root: string;
  findings: Finding[];
  errors: InputError[];
  notices: Notice[];
  /** Module calls whose code could not be read: never silent, never an error of the scanned files. */
  unresolvedModules: UnresolvedModule[];
  /** Things worth saying in `--verbose`: skipped files, unresolved modules, assumptions. */
  notes: string[];
  stats: ScanStats;
  /** Regions the scanned resources are deployed to, where known. */
  regions: string[];
  /** With `--baseline`: the file, how many findings it recorded that are still there, and its entries now fixed. */
  baseline?: { file: string; matched: number; fixed: BaselineFixed[] };
}

/** A baseline entry that no finding matches any more. */
export interface BaselineFixed {
  fingerprint: string;
  ruleId: string;
  file: string;
  line: number;
  resource: string;
  message: string;
}
