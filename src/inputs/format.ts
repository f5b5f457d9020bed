/**
 * An input format: what discovery gives it and how it builds its part of the resource graph.
 * Each format is one module of this folder, listed once in `index.ts`; discovery and the scan
 * go through the list, so adding a format touches no switch elsewhere.
 */
import type { TemplateInput } from '../graph/cloudformation/build.js';
import type { BuiltTemplate } from '../engine/cfn-scenarios.js';
import type { DownloadOptions } from '../graph/terraform/download.js';
import type { InputError } from '../core/source.js';
import type { DiscoveredFile, DiscoveredKind } from '../discover.js';
import type { GraphPart, Known, ResourceNode } from '../graph/graph.js';
import type { UnresolvedModule } from '../engine/types.js';
import type { ParsedDocument } from '../../parsers/document.js';

export interface InputFormat {
  /** Shown in errors and notes. */
  name: string;
  /** The kinds of discovered files this format builds. */
  kinds: readonly DiscoveredKind[];
  /** The kind of a file by its (lower-case) name, when this format reads such files. */
  classify?(name: string): DiscoveredKind | undefined;
  /**
   * A file another format claims by name that this one takes when its first bytes say so (a
   * Terraform plan is a `.json` file): `of` is the kind it may take over, `head` the first bytes.
   */
  refine?: { of: DiscoveredKind; kind: DiscoveredKind; name(name: string): boolean; head(head: string): boolean };
  /** Whether a folder is one input of this format as a whole (a CDK cloud assembly); nothing inside it is listed. */
  claimsFolder?(dir: string): Promise<boolean>;
  /** Builds the graph of its files. An exception is isolated by the scan, but a format reports bad input as errors itself. */
  build(files: DiscoveredFile[], ctx: FormatContext): Promise<void>;
}

export interface FormatContext {
  /** Absolute scan root. */
  root: string;
  /** Every exclude glob of the scan (for formats that look for more files, such as a plan's configuration). */
  exclude: string[];
  varFiles?: string[];
  vars?: Record<string, string>;
  cdkSource?: string;
  /** `--download-modules` (the only network use). */
  downloadModules?: DownloadOptions;
  parseOnly: boolean;
  /** Account and region of a file from the configuration files. */
  contextFor(file: string): { account: Known<string>; region: Known<string> };
  add(part: GraphPart): void;
  errors: InputError[];
  notes: string[];
  /** Counts files scanned and files skipped (as not of any format). */
  scanned(n?: number): void;
  skipped(file: string, reason: string): void;
  /**
   * Runs the work of one unit (a file, a stack, an assembly): an unexpected exception becomes an
   * error on `file` that asks the user to report it, and the scan goes on.
   */
  unit<T>(file: string, work: () => Promise<T>): Promise<T | undefined>;
  /** CloudFormation parameter values given from outside (`--cfn-params`, `cfnParameters`) for a template, with errors about them. */
  templateParameters(file: string, document: ParsedDocument): { values?: Record<string, string>; errors: InputError[] };
  /** Checks a CloudFormation template, as built (`built`: the part just added and the budget it was built within), under its parameters' other allowed values (`ScenarioChecks`). */
  checkScenarios(input: TemplateInput, built: BuiltTemplate): Promise<void>;
  /** Terraform module calls whose module is not on disk, for the report. */
  unresolvedModules: UnresolvedModule[];
  /** Terraform nodes by root module folder (`.` for the scan root), once the Terraform format has run: a plan's configuration. */
  terraformRoots: Map<string, ResourceNode[]>;
}
