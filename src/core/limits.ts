/**
 * Every limit that bounds what a scanned file can make iac-check do, in one place.
 *
 * Scanned code is written by anyone who can open a pull request, so reading, parsing and
 * evaluating it are bounded: over a limit a file is an error (sizes, nesting) or a value
 * becomes unknown with a notice (evaluation), never a crash, a hang or gigabytes of memory.
 *
 * The figures are chosen far above real code. Measured on a real-world corpus (AWS Quick Starts,
 * awslabs and ECS reference templates, terraform-aws-modules vpc/eks/rds/s3-bucket, 13 synthesized
 * CDK apps; test/hostile/corpus-limits.test.ts): the longest evaluated string is 4,038 characters,
 * the largest collection 71 items, the largest value 4,196 nodes and characters, the deepest value
 * 11 levels, the most evaluation steps of one root module or template 5,358; the largest template
 * 65 KB, the largest .tf file 61 KB. No limit is reached anywhere in the corpus.
 */

const MiB = 1024 * 1024;

export const LIMITS = {
  // ---- files ----
  /** CloudFormation/JSON/YAML text, in characters (the CloudFormation parsers read it from here). CloudFormation itself accepts at most 1 MB. */
  templateChars: 4 * MiB,
  /**
   * A Terraform plan (`terraform show -json`), also the read limit of JSON/YAML files. Memory follows
   * the plan's resources and findings, and the worst case per byte is a plan of many small resources:
   * the benchmark's plans of minimal buckets with 4 findings each peak at 850 MiB at 108,000 resources
   * (87.6 MiB) and 977 MiB at 118,000 (96 MiB). The limit reads the benchmark's 100,000-resource plan
   * (81 MiB) and keeps every plan under 1 GiB. Real plans carry far more bytes per resource.
   */
  planBytes: 88 * MiB,
  /** A `.tf`, `.tf.json` or `.tfvars` file. The largest real file is 61 KB. */
  terraformBytes: 16 * MiB,
  /** CDK `manifest.json`, `tree.json`, `.terraform/modules/modules.json` and other metadata. */
  metadataBytes: 16 * MiB,

  // ---- parsing ----
  /** Nesting of maps, lists, blocks and expressions in a parsed document. Real code stays below 20. */
  nesting: 200,
  /** Nodes that YAML aliases may expand to, summed over a file. */
  yamlAliasNodes: 100_000,

  // ---- evaluation (Terraform expressions, CloudFormation intrinsics) ----
  /** Characters of one evaluated string. Real policies and user data stay below 100 KB. */
  stringChars: 1_000_000,
  /** Items of one evaluated list or map. */
  collectionItems: 10_000,
  /**
   * One evaluated value written out as a tree: nodes plus string characters. Bounds what adapters
   * and rules walk (a map that holds itself twice per level forty levels deep is 2^40 nodes).
   */
  valueSize: 1_000_000,
  /** Nested evaluation of one expression (calls inside calls, values inside values). */
  evalDepth: 200,
  /** Evaluations active at once, across chained references (bounds the JavaScript stack). */
  evalFrames: 1500,
  /** Chained references (a variable that is a local that is an output …), each a new expression. */
  referenceChain: 400,
  /**
   * Work for one evaluation unit (a Terraform root module with its module instances, a CloudFormation
   * template): every expression node evaluated, every function call, every item produced and every
   * character built counts one step per 64 characters. Real code uses at most 5,358 (terraform-aws-eks);
   * 5,000,000 (a thousand times that, and room for a 10 MB root module) are seconds of work at worst.
   */
  evalSteps: 5_000_000,
  /** Instances of one `count`, `for_each` or dynamic block. */
  instances: 10_000,
  /** Nested Terraform module calls and nested CloudFormation/CDK stacks. */
  moduleDepth: 32,
  nestedStackDepth: 16,
  /** Regular-expression pattern length for Terraform's regex functions. */
  regexPatternChars: 10_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** What a limit means, for the notice that says which one was reached. */
const LIMIT_TEXT: Partial<Record<LimitName, string>> = {
  stringChars: 'characters in one string',
  collectionItems: 'items in one collection',
  valueSize: 'nodes and characters in one value',
  evalFrames: 'nested evaluations',
  evalDepth: 'levels of nested evaluation',
  referenceChain: 'chained references',
  evalSteps: 'evaluation steps for this module or template',
  instances: 'instances',
};

/** "evaluation limit reached: more than 1000000 characters in one string". */
export function limitMessage(name: LimitName): string {
  return `evaluation limit reached: more than ${LIMITS[name]} ${LIMIT_TEXT[name] ?? name}`;
}

/**
 * The work one evaluation unit may do: created for each Terraform root module and each
 * CloudFormation template, passed down with the evaluation (never module state), so that two
 * units never share or reset each other's budget. `frames` and `chain` bound recursion.
 */
export class EvalBudget {
  steps: number;
  /** Evaluations active (nested expressions, references followed). */
  frames = 0;
  /** References followed from one expression into another (variable → local → output …). */
  chain = 0;
  /** The first limit that was reached, for one notice per unit. */
  reached: { limit: LimitName; at?: { file: string; line: number; column: number } } | undefined;

  constructor(steps: number = LIMITS.evalSteps) {
    this.steps = steps;
  }

  /** Charges `n` steps; false once the budget is spent. */
  spend(n = 1): boolean {
    this.steps -= n;
    return this.steps >= 0;
  }

  get exhausted(): boolean {
    return this.steps < 0;
  }

  /** Remembers the first limit reached (and where). */
  hit(limit: LimitName, at?: { file: string; start: { line: number; column: number } }): void {
    if (!this.reached) this.reached = { limit, ...(at ? { at: { file: at.file, line: at.start.line, column: at.start.column } } : {}) };
  }
}
