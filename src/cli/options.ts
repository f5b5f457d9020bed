/** Every CLI option, declared once: commander, `--help` and the README's option table come from here. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean;
  /** Option may be given several times (values are collected). */
  repeatable?: boolean;
  choices?: readonly string[];
}

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'checklist'] as const;
export type Format = (typeof FORMATS)[number];
/** The HTML report is built from the diagram and the files too, not from the findings alone (src/cli/html-report.ts). */
export const SCAN_FORMATS = [...FORMATS, 'html'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export const SCAN_OPTIONS: readonly OptionSpec[] = [
  { flags: '-f, --format <format>', description: 'output format', default: 'text', choices: SCAN_FORMATS },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of standard output' },
  { flags: '--fail-on <severity>', description: 'lowest severity that makes the exit code 1', default: 'low', choices: ['critical', 'high', 'medium', 'low'] },
  { flags: '--rules <ids>', description: 'run only these rules (comma-separated ids)' },
  { flags: '--skip-rules <ids>', description: 'do not run these rules (comma-separated ids)' },
  { flags: '-c, --config <file>', description: 'configuration file (default: .iac-check.yaml in the scan root)' },
  { flags: '--exclude <glob>', description: 'skip paths matching the glob (repeatable)', repeatable: true },
  { flags: '--var-file <file>', description: 'Terraform variables file (repeatable)', repeatable: true },
  { flags: '--var <name=value>', description: 'Terraform variable (repeatable)', repeatable: true },
  { flags: '--cfn-params <file>', description: 'CloudFormation parameter values for every template: CLI JSON, CodePipeline JSON or Key=Value pairs (repeatable)', repeatable: true },
  { flags: '--download-modules', description: 'fetch Terraform registry, git and archive modules that are not on disk (network; see README)' },
  { flags: '--module-cache <dir>', description: 'folder for downloaded modules (default: ~/.cache/iac-check/modules)' },
  { flags: '--module-registry <url>', description: 'registry (mirror) that answers for registry.terraform.io module look-ups' },
  { flags: '--cdk-source <dir>', description: 'CDK app source folder, when cdk.json does not name it' },
  { flags: '--sarif-category <category>', description: 'SARIF automationDetails category (one per analysis uploaded to GitHub)' },
  { flags: '--delivery <model>', description: 'checklist delivery model', default: 'saas', choices: ['saas', 'customer-deployed'] },
  { flags: '--root <dir>', description: 'folder that reported paths are relative to (default: the current folder)' },
  { flags: '--diagram', description: 'markdown and checklist: include the architecture diagram (Mermaid)' },
  { flags: '-q, --quiet', description: 'print findings and errors only' },
  { flags: '-v, --verbose', description: 'also print skipped files, undecidable checks and assumptions' },
  { flags: '--no-color', description: 'never colour the text output (NO_COLOR is honoured too)' },
];
