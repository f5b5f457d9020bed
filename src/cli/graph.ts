/** `iac-check graph [paths]`: draws the architecture of the scanned code. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagram, DiagramFormat } from '../diagram/index.js';
import { SCAN_OPTIONS } from './options.js';
import type { Io, ScanInputFlags } from './main.js';
import { prepareScan } from './main.js';

// Declared here so that registering the command loads nothing heavy (the diagram code loads when it runs).
const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['svg', 'mermaid', 'dot', 'json'];

interface GraphFlags extends ScanInputFlags {
  format: DiagramFormat;
  output?: string;
  focus?: string;
  depth: string;
  perUnit?: boolean;
  group: boolean;
}

/** The scan options that decide what is scanned (not how it is reported): shared with the scan command. */
const INPUT_OPTIONS = ['--rules', '--skip-rules', '--config', '--exclude', '--var-file', '--var', '--cdk-source', '--cfn-params', '--download-modules', '--module-cache', '--module-registry', '--root'];

export function addInputOptions(cmd: Command): Command {
  for (const spec of SCAN_OPTIONS.filter((s) => INPUT_OPTIONS.some((o) => s.flags.split(/[ ,]+/).includes(o)))) {
    const opt = new Option(spec.flags, spec.description);
    if (spec.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    cmd.addOption(opt);
  }
  return cmd;
}

export function registerGraph(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command('graph')
    .description('draw the architecture: accounts, regions, VPCs, zones, subnets, resources and their findings')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'diagram format').choices(DIAGRAM_FORMATS).default('svg'))
    .addOption(new Option('-o, --output <file>', 'write to a file (a folder with --per-unit and svg)'))
    .addOption(new Option('--focus <address>', 'only the neighbourhood of this resource address'))
    .addOption(new Option('--depth <hops>', 'hops around --focus').default('1'))
    .addOption(new Option('--per-unit', 'one diagram per stack or Terraform root instead of one for the whole solution'))
    .addOption(new Option('--no-group', 'draw repeated resources one by one instead of as one node ×N'));
  addInputOptions(cmd).action(async (paths: string[], flags: GraphFlags) => {
    done(await runGraph(paths, flags, io));
  });
}

async function runGraph(paths: string[], flags: GraphFlags, io: Io): Promise<number> {
  const depth = Number(flags.depth);
  if (!Number.isInteger(depth) || depth < 0) {
    io.err(`iac-check: --depth ${flags.depth}: expected a whole number of hops\n`);
    return 2;
  }
  if (flags.perUnit && flags.format === 'svg' && !flags.output) {
    io.err('iac-check: --per-unit with --format svg writes one file per unit: give a folder with --output\n');
    return 2;
  }
  const prepared = await prepareScan(paths, flags, io);
  if (typeof prepared === 'number') return prepared;
  const [{ scan }, { buildDiagram, deploymentUnits, DiagramError, toSvg }] = await Promise.all([import('../scan.js'), import('../diagram/index.js')]);
  const { result, graph, model } = await scan(paths, prepared.options);
  for (const e of result.errors) io.err(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
  if (!graph || !model) return 2;
  const base = { groupRepeated: flags.group, ...(flags.focus ? { focus: flags.focus, depth } : {}) };
  let diagrams: Diagram[];
  try {
    diagrams = flags.perUnit
      ? deploymentUnits(graph).map((unit) => buildDiagram(graph, model, result.findings, { ...base, unit, title: unit }))
      : [buildDiagram(graph, model, result.findings, base)];
  } catch (e) {
    if (e instanceof DiagramError) {
      io.err(`iac-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (flags.perUnit && flags.focus) diagrams = diagrams.filter((d) => d.nodes.length > 0);

  if (flags.format === 'svg' && flags.perUnit) {
    await mkdir(flags.output!, { recursive: true });
    for (const d of diagrams) await writeFile(join(flags.output!, `${fileName(d.unit ?? d.title)}.svg`), await toSvg(d));
  } else {
    const text = await render(flags.format, diagrams);
    if (flags.output) await writeFile(flags.output, text);
    else io.out(text);
  }
  return result.errors.length ? 2 : 0;
}

async function render(format: DiagramFormat, diagrams: Diagram[]): Promise<string> {
  const { toDiagramJson, toDot, toMermaid, toSvg } = await import('../diagram/index.js');
  switch (format) {
    case 'svg':
      return toSvg(diagrams[0]!);
    case 'dot':
      return diagrams.map((d) => toDot(d)).join('\n');
    case 'json':
      return toDiagramJson(diagrams);
    case 'mermaid':
      // One diagram is a Mermaid file; several are Markdown with a block per unit.
      if (diagrams.length === 1 && diagrams[0]!.unit === undefined) return toMermaid(diagrams[0]!);
      return diagrams.map((d) => `## ${d.title}\n\n\`\`\`mermaid\n${toMermaid(d)}\`\`\`\n`).join('\n');
  }
}

/** A unit name as a file name: `infra/app.yaml` → `infra-app.yaml`. */
function fileName(unit: string): string {
  return unit.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'unit';
}
