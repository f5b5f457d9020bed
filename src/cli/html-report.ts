/** `--format html`: the scan, its diagram and the code around each finding, in one page. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { ScanOutput } from '../scan.js';
import { buildDiagram, toMermaid, toSvg } from '../diagram/index.js';
import type { Excerpt, HtmlOptions } from '../report/html.js';
import { formatHtml } from '../report/html.js';

/** Lines shown above and below a finding's line. */
const CONTEXT_LINES = 3;

export async function renderHtmlReport(scanned: ScanOutput, options: Omit<HtmlOptions, 'diagram' | 'excerpts'>): Promise<string> {
  const { result, rules, graph, model } = scanned;
  let diagram: HtmlOptions['diagram'];
  if (graph && model) {
    const data = buildDiagram(graph, model, result.findings);
    diagram = { data, svg: await toSvg(data) };
  }
  return formatHtml(result, rules, { ...options, ...(diagram ? { diagram } : {}), excerpts: await readExcerpts(result.root, result.findings) });
}

/** The lines around each finding, read from the scanned files (inside the scan root only). */
export async function readExcerpts(root: string, findings: ScanOutput['result']['findings']): Promise<Map<string, Excerpt>> {
  const files = new Map<string, string[] | undefined>();
  const out = new Map<string, Excerpt>();
  for (const f of findings) {
    const file = f.location.span.file;
    if (!files.has(file)) {
      const path = join(root, file);
      const inside = !relative(root, path).startsWith('..') && !isAbsolute(file);
      files.set(file, inside ? await readFile(path, 'utf8').then((t) => t.split(/\r?\n/), () => undefined) : undefined);
    }
    const lines = files.get(file);
    if (!lines) continue;
    const line = f.location.span.start.line;
    const start = Math.max(1, line - CONTEXT_LINES);
    out.set(f.fingerprint, { start, lines: lines.slice(start - 1, Math.min(lines.length, line + CONTEXT_LINES)).map((l) => (l.length > 300 ? `${l.slice(0, 299)}…` : l)) });
  }
  return out;
}

/** The whole solution's diagram as Mermaid, for the Markdown and checklist reports (`--diagram`). */
export function mermaidOf(scanned: ScanOutput): string | undefined {
  const { graph, model, result } = scanned;
  return graph && model ? toMermaid(buildDiagram(graph, model, result.findings)) : undefined;
}
