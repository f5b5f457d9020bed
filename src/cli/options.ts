/** Every CLI option, declared once: commander, `--help` and the README's option table come from here. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean;
  /** Option may be given several times (values are collected). */
  repeatable?: boolean;
  choices?: readonly string[];
}

// `html` is drawn from the graph and the files too, not from the findings alone (src/cli/html-report.ts).
export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'checklist', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** `--fail-on`: a severity threshold, `never` (report only), or `new` (only findings not in `--baseline`). */
export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'never', 'new'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** File names `--output-dir` writes, per format. */
export const OUTPUT_FILE_NAMES: Record<Format, string> = {
  text: 'iac-check.txt',
  json: 'iac-check.json',
  sarif: 'iac-check.sarif',
  markdown: 'iac-check.md',
  checklist: 'iac-check.checklist.md',
  html: 'iac-check.html',
};

// One option per line, grouped by what they are about: other changes add lines, not reshuffles.
export const SCAN_OPTIONS: readonly OptionSpec[] = [
  // Reports
  { flags: '-f, --format <formats>', description: `output format, or several comma-separated (${FORMATS.join(', ')})`, default: 'text' },
  { flags: '-o, --output <files>', description: 'write the report to a file instead of standard output (one comma-separated file per format)' },
  { flags: '--output-dir <dir>', description: `write every format into this folder (${Object.values(OUTPUT_FILE_NAMES).join(', ')})` },
  { flags: '--sarif-category <category>', description: 'SARIF automationDetails category (one per analysis uploaded to GitHub)' },
  { flags: '--delivery <model>', description: 'checklist delivery model', default: 'saas', choices: ['saas', 'customer-deployed'] },
  // Exit code and adoption
  { flags: '--fail-on <level>', description: 'lowest severity that makes the exit code 1; never: always 0; new: only findings not in --baseline', default: 'low', choices: FAIL_ON },
  { flags: '--baseline <file>', description: 'report and fail only on findings not in this baseline; baselined ones stay in SARIF as suppressed' },
  { flags: '--write-baseline <file>', description: "record today's findings in a baseline file" },
  // What is checked
  { flags: '--rules <ids>', description: 'run only these rules (comma-separated ids)' },
  { flags: '--skip-rules <ids>', description: 'do not run these rules (comma-separated ids)' },
  { flags: '-c, --config <file>', description: 'configuration file (default: .iac-check.yaml in the scan root)' },
  { flags: '--exclude <glob>', description: 'skip paths matching the glob (repeatable)', repeatable: true },
  { flags: '--folders-of-files', description: 'scan the folder of each given file instead of the file alone (for pre-commit, which passes changed files)' },
  // Inputs
  { flags: '--var-file <file>', description: 'Terraform variables file (repeatable)', repeatable: true },
  { flags: '--var <name=value>', description: 'Terraform variable (repeatable)', repeatable: true },
  { flags: '--cfn-params <file>', description: 'CloudFormation parameter values for every template: CLI JSON, CodePipeline JSON or Key=Value pairs (repeatable)', repeatable: true },
  { flags: '--download-modules', description: 'fetch Terraform registry, git and archive modules that are not on disk (network; see README)' },
  { flags: '--module-cache <dir>', description: 'folder for downloaded modules (default: ~/.cache/iac-check/modules)' },
  { flags: '--module-registry <url>', description: 'registry (mirror) that answers for registry.terraform.io module look-ups' },
  { flags: '--cdk-source <dir>', description: 'CDK app source folder, when cdk.json does not name it' },
  { flags: '--root <dir>', description: 'folder that reported paths are relative to (default: the current folder)' },
  { flags: '--diagram', description: 'markdown and checklist: include the architecture diagram (Mermaid)' },
  // Terminal
  { flags: '-q, --quiet', description: 'print findings and errors only; no progress line' },
  { flags: '-v, --verbose', description: 'also print skipped files, undecidable checks and assumptions' },
  { flags: '--no-color', description: 'never colour the text output (NO_COLOR is honoured too)' },
];
