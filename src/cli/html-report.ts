/** `--format html`: the scan, its diagram and the code around each finding, in one page. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { ScanOutput } from '../scan.js';
import type { Span } from '../core/source.js';
import { TOKEN_PATTERNS, isSecretName, redact } from '../secrets/patterns.js';
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
  // A secret's line may be shown around another finding too, so every excerpt of its file is masked.
  const secretSpans = new Map<string, Span[]>();
  const safeLines = new Map<string, string[]>();
  for (const f of findings) {
    if (f.ruleId !== SECRET_RULE) continue;
    // The value may sit where it is declared (a variable's default), a related location.
    for (const span of [f.location.span, ...f.related.map((r) => r.span)]) {
      const spans = secretSpans.get(span.file) ?? [];
      spans.push(span);
      secretSpans.set(span.file, spans);
    }
  }
  for (const f of findings) {
    const file = f.location.span.file;
    if (!files.has(file)) {
      const path = join(root, file);
      const inside = !relative(root, path).startsWith('..') && !isAbsolute(file);
      files.set(file, inside ? await readFile(path, 'utf8').then((t) => t.split(/\r?\n/), () => undefined) : undefined);
    }
    const lines = files.get(file);
    if (!lines) continue;
    if (!safeLines.has(file)) safeLines.set(file, withoutSecrets(lines));
    const line = f.location.span.start.line;
    const start = Math.max(1, line - CONTEXT_LINES);
    const safe = safeLines.get(file)!;
    const shown = safe.slice(start - 1, Math.min(safe.length, line + CONTEXT_LINES)).map((text, i) => maskSecrets(text, start + i, secretSpans.get(file) ?? []));
    out.set(f.fingerprint, { start, lines: shown.map((l) => (l.length > 300 ? `${l.slice(0, 299)}…` : l)) });
  }
  return out;
}

/** The rule whose findings point at a secret value in the code: the page never shows those characters. */
const SECRET_RULE = 'no-hardcoded-secrets';

/** Blanks the characters of `line` (1-based `lineNo`) that lie inside a secret's span. */
function maskSecrets(text: string, lineNo: number, spans: readonly Span[]): string {
  let masked = text;
  for (const s of spans) {
    if (lineNo < s.start.line || lineNo > s.end.line) continue;
    const from = lineNo === s.start.line ? s.start.column - 1 : 0;
    const to = lineNo === s.end.line ? s.end.column - 1 : masked.length;
    if (to > from) masked = masked.slice(0, from) + '•'.repeat(Math.min(to - from, 8)) + ' (redacted)' + masked.slice(to);
  }
  return masked;
}

/** The whole solution's diagram as Mermaid, for the Markdown and checklist reports (`--diagram`). */
export function mermaidOf(scanned: ScanOutput): string | undefined {
  const { graph, model, result } = scanned;
  return graph && model ? toMermaid(buildDiagram(graph, model, result.findings)) : undefined;
}

/**
 * The file's lines with anything that looks like a secret replaced by its redacted form: credential
 * shapes, values of secret-named keys, and the default of a secret-named Terraform variable (a
 * finding names the variable's use, and its default may show in the excerpt of another finding).
 */
function withoutSecrets(lines: readonly string[]): string[] {
  let secretVariable = false;
  return lines.map((line) => {
    let out = line;
    for (const p of TOKEN_PATTERNS) out = out.replace(new RegExp(p.re.source, 'g'), (m) => redact(m));
    const variable = /^\s*variable\s+"([^"]+)"/.exec(out);
    if (variable) secretVariable = isSecretName(variable[1]!);
    const assignment = /^(\s*"?([A-Za-z_][\w-]*)"?\s*[:=]\s*)(.+)$/.exec(out);
    if (assignment && (isSecretName(assignment[2]!) || (secretVariable && assignment[2] === 'default'))) {
      const value = assignment[3]!.trim().replace(/^["']|["'],?$/g, '');
      if (value && !/^(var|local|data|module)\.|^!|^\{\{resolve:|^\$\{|^\{/.test(value)) out = `${assignment[1]}${redact(value)}`;
    }
    return out;
  });
}
