/** `--format html`: the scan, its diagram and the code around each finding, in one page. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { ScanOutput } from '../scan.js';
import type { Span } from '../core/source.js';
import type { Finding } from '../engine/types.js';
import type { SecretValue } from '../model/secrets/types.js';
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
  const secrets = { values: model?.secretValues ?? [], ruleRan: rules.some((r) => r.meta.id === SECRET_RULE) };
  return formatHtml(result, rules, { ...options, ...(diagram ? { diagram } : {}), excerpts: await readExcerpts(result.root, result.findings, secrets) });
}

/**
 * What the page knows of the secrets in the code: the model's secret values (each finding of
 * no-hardcoded-secrets names one), and whether that rule ran at all (`--rules`, `--skip-rules`).
 */
export interface SecretsSeen {
  values: readonly SecretValue[];
  ruleRan: boolean;
}

/** The lines around each finding, read from the scanned files (inside the scan root only). */
export async function readExcerpts(root: string, findings: readonly Finding[], secrets: SecretsSeen = { values: [], ruleRan: true }): Promise<Map<string, Excerpt>> {
  const files = new Map<string, string[] | undefined>();
  const out = new Map<string, Excerpt>();
  // A secret's line may be shown around another finding too, so every excerpt of its file is masked.
  const found = reportedSecrets(findings, secrets.values);
  const safeLines = new Map<string, string[]>();
  for (const f of findings) {
    const file = f.location.span.file;
    if (!files.has(file)) {
      const path = join(root, file);
      const inside = !relative(root, path).startsWith('..') && !isAbsolute(file);
      files.set(file, inside ? await readFile(path, 'utf8').then((t) => t.split(/\r?\n/), () => undefined) : undefined);
    }
    const lines = files.get(file);
    if (!lines) continue;
    if (!safeLines.has(file)) safeLines.set(file, withoutSecrets(lines, found.spans.get(file) ?? [], found.literals, !secrets.ruleRan));
    const line = f.location.span.start.line;
    const start = Math.max(1, line - CONTEXT_LINES);
    const shown = safeLines.get(file)!.slice(start - 1, line + CONTEXT_LINES);
    out.set(f.fingerprint, { start, lines: shown.map((l) => (l.length > 300 ? `${l.slice(0, 299)}…` : l)) });
  }
  return out;
}

/**
 * The rule whose findings point at a secret value in the code: the page never shows those characters.
 * (secrets-encrypted reports no literal value: its findings point at an SSM parameter's type, or at an
 * environment variable whose value is known only at deployment.)
 */
const SECRET_RULE = 'no-hardcoded-secrets';

/**
 * The secrets no-hardcoded-secrets reported: where each finding points (its location, its related
 * locations and the way the value came, `Span.via`), by file, and the literal text of each value,
 * which the page hides wherever it is written: a value reported where it is used (`password =
 * var.db`, `!Ref DbPassword`, `local.pw`) is written in a variable's or parameter's default, a local,
 * a module argument.
 */
function reportedSecrets(findings: readonly Finding[], values: readonly SecretValue[]): { spans: Map<string, Span[]>; literals: string[] } {
  const spans = new Map<string, Span[]>();
  const add = (span: Span): void => {
    const list = spans.get(span.file);
    if (list) list.push(span);
    else spans.set(span.file, [span]);
    for (const hop of span.via ?? []) add(hop.span);
  };
  const byPlace = new Map<string, SecretValue[]>();
  for (const s of values) {
    const key = `${s.resource.address}|${s.value.origin.path}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), s]);
  }
  const literals = new Set<string>();
  for (const f of findings) {
    if (f.ruleId !== SECRET_RULE) continue;
    add(f.location.span);
    for (const r of f.related) add(r.span);
    for (const s of byPlace.get(`${f.resource.address}|${f.location.path ?? ''}`) ?? []) {
      if (s.value.provenance !== 'explicit') continue;
      if (s.named) literals.add(s.value.value);
      if (s.match) literals.add(s.match);
    }
  }
  return { spans, literals: [...literals].flatMap(spellings) };
}

/**
 * How a literal may be written in a line of a file: as it is, with its quotes and backslashes escaped
 * (JSON, a quoted HCL or YAML string), and, for a value of several lines (a heredoc), each of its
 * lines that is long enough to tell apart (a short one is hidden only where a finding points).
 */
function spellings(literal: string): string[] {
  const lines = literal.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const parts = lines.length > 1 ? lines.filter((l) => l.length >= 4) : lines;
  const out = new Set<string>();
  for (const p of parts) {
    out.add(p);
    out.add(JSON.stringify(p).slice(1, -1));
  }
  return [...out];
}

/** Columns (0-based, end exclusive) of one line to hide. */
type Range = [from: number, to: number];

/**
 * The file's lines with every secret hidden: the characters where a no-hardcoded-secrets finding
 * points, each written occurrence of a value it reported, then, as a backstop for values no rule
 * reported, anything shaped like a credential. When the rule did not run (`nameHeuristic`), values
 * of secret-named keys and the default of a secret-named Terraform variable too, read from the text.
 */
function withoutSecrets(lines: readonly string[], spans: readonly Span[], literals: readonly string[], nameHeuristic: boolean): string[] {
  const ranges = lines.map((): Range[] => []);
  for (const s of spans) {
    for (let n = s.start.line; n <= s.end.line && n <= lines.length; n++) {
      const text = lines[n - 1]!;
      const from = n === s.start.line ? s.start.column - 1 : 0;
      const to = n === s.end.line ? s.end.column - 1 : text.length;
      if (to > from) ranges[n - 1]!.push([from, to]);
    }
  }
  lines.forEach((text, i) => {
    for (const lit of literals) {
      for (let at = text.indexOf(lit); at >= 0; at = text.indexOf(lit, at + 1)) {
        // The whole value only: the same characters inside a longer word are something else.
        if (/\w/.test(lit[0]!) && /\w/.test(text[at - 1] ?? '')) continue;
        if (/\w/.test(lit[lit.length - 1]!) && /\w/.test(text[at + lit.length] ?? '')) continue;
        ranges[i]!.push([at, at + lit.length]);
      }
    }
  });
  let secretVariable = false;
  return lines.map((line, i) => {
    let out = mask(line, ranges[i]!);
    for (const p of TOKEN_PATTERNS) out = out.replace(new RegExp(p.re.source, 'g'), (m) => redact(m));
    if (!nameHeuristic) return out;
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

/** `text` with the characters of `ranges` (overlapping or not) each replaced by a redaction mark. */
function mask(text: string, ranges: readonly Range[]): string {
  if (!ranges.length) return text;
  const merged: Range[] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  let out = text;
  for (const [from, to] of merged.reverse()) out = out.slice(0, from) + '•'.repeat(Math.min(to - from, 8)) + ' (redacted)' + out.slice(to);
  return out;
}

/** The whole solution's diagram as Mermaid, for the Markdown and checklist reports (`--diagram`). */
export function mermaidOf(scanned: ScanOutput): string | undefined {
  const { graph, model, result } = scanned;
  return graph && model ? toMermaid(buildDiagram(graph, model, result.findings)) : undefined;
}
