/**
 * CloudFormation parameter values given from outside a template, in the formats people already have:
 *
 * - the CloudFormation CLI's `--parameters file://…`: `[{ "ParameterKey": "Env", "ParameterValue": "prod" }]`
 *   (an entry with `UsePreviousValue: true` and no value says nothing about the value);
 * - a CodePipeline template configuration file: `{ "Parameters": { "Env": "prod" }, "Tags": … }`;
 * - `Key=Value` pairs as `sam deploy --parameter-overrides` takes them, separated by white space,
 *   values optionally quoted (`Name="a b"`), and the `ParameterKey=Env,ParameterValue=prod` shorthand.
 *
 * Each value keeps the position of its name in the parameter file, so that a name the template
 * does not declare is an error at that line and column.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { InputError, Span } from '../../core/source.js';
import type { DocNode, ParsedDocument } from '../../../parsers/document.js';
import { get } from '../../../parsers/document.js';
import { parseDataDocument } from '../../../parsers/cloudformation/index.js';

export interface GivenParameter {
  name: string;
  value: string;
  /** Where the name is written in the parameter file (or the configuration). */
  span: Span;
}

export interface ParameterSet {
  /** The parameter file (relative to the scan root when inside it), or the configuration file for inline values. */
  file: string;
  values: GivenParameter[];
}

/** Reads one parameter file in any of the three formats. */
export function readParameterFile(file: string, text: string): { set?: ParameterSet; errors: InputError[] } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return readJson(file, text);
  return readPairs(file, text);
}

function readJson(file: string, text: string): { set?: ParameterSet; errors: InputError[] } {
  const parsed = parseDataDocument(file.endsWith('.json') ? file : `${file}.json`, text);
  if (!parsed.document) return { errors: parsed.errors.map((e) => ({ ...e, file })) };
  const root = parsed.document.root;
  const errors: InputError[] = [];
  const values: GivenParameter[] = [];
  const fail = (n: DocNode, message: string): void => {
    errors.push({ file, line: n.span.start.line, column: n.span.start.column, kind: 'parameters', message });
  };
  const spanIn = (s: Span): Span => ({ ...s, file });
  if (root.kind === 'seq') {
    for (const item of root.items) {
      const key = get(item, 'ParameterKey');
      const value = get(item, 'ParameterValue');
      if (item.kind !== 'map' || key?.kind !== 'scalar' || key.value === null) {
        fail(item, 'expected { "ParameterKey": name, "ParameterValue": value } (the CloudFormation CLI format)');
        continue;
      }
      if (value === undefined) {
        const previous = get(item, 'UsePreviousValue');
        if (previous?.kind === 'scalar' && previous.value === true) continue; // the deployed value: unknown here
        fail(item, `parameter ${String(key.value)} has no ParameterValue`);
        continue;
      }
      const text = scalarText(value);
      if (text === undefined) fail(value, `the value of parameter ${String(key.value)} must be a string`);
      else values.push({ name: String(key.value), value: text, span: spanIn(key.span) });
    }
    return errors.length ? { errors } : { set: { file, values }, errors };
  }
  const params = get(root, 'Parameters');
  if (root.kind !== 'map' || params?.kind !== 'map') {
    fail(root, 'expected a list of { "ParameterKey", "ParameterValue" } or a { "Parameters": { name: value } } template configuration');
    return { errors };
  }
  for (const e of params.entries) {
    const text = scalarText(e.value);
    if (text === undefined) fail(e.value, `the value of parameter ${e.key} must be a string`);
    else values.push({ name: e.key, value: text, span: spanIn(e.keySpan) });
  }
  return errors.length ? { errors } : { set: { file, values }, errors };
}

function scalarText(n: DocNode): string | undefined {
  if (n.kind !== 'scalar' || n.value === null) return undefined;
  return n.raw ?? String(n.value);
}

/** `Key=Value` pairs (sam deploy --parameter-overrides), one or more per line, `#` comment lines allowed. */
function readPairs(file: string, text: string): { set?: ParameterSet; errors: InputError[] } {
  const values: GivenParameter[] = [];
  const errors: InputError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (/^\s*(#|$)/.test(line)) return;
    for (const token of tokens(line)) {
      const at = (column: number): Span => ({ file, start: { line: i + 1, column }, end: { line: i + 1, column: column + token.text.length } });
      const short = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(token.text);
      const eq = token.text.indexOf('=');
      if (short) values.push({ name: short[1]!, value: short[2]!, span: at(token.column) });
      else if (eq > 0) values.push({ name: token.text.slice(0, eq), value: token.text.slice(eq + 1), span: at(token.column) });
      else errors.push({ file, line: i + 1, column: token.column, kind: 'parameters', message: `expected Key=Value (as sam deploy --parameter-overrides takes them), found "${token.text}"` });
    }
  });
  return errors.length ? { errors } : { set: { file, values }, errors };
}

/** White-space separated words of a line, with quotes removed (`Name="a b"` is one word `Name=a b`), and their 1-based columns. */
function tokens(line: string): { text: string; column: number }[] {
  const out: { text: string; column: number }[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const column = i + 1;
    let text = '';
    while (i < line.length && !/\s/.test(line[i]!)) {
      const c = line[i]!;
      if (c === '"' || c === "'") {
        const close = line.indexOf(c, i + 1);
        const end = close < 0 ? line.length : close;
        text += line.slice(i + 1, end);
        i = end + 1;
      } else {
        text += c;
        i++;
      }
    }
    out.push({ text, column });
  }
  return out;
}

/** The names a template declares under `Parameters`. */
export function declaredParameters(document: ParsedDocument): string[] {
  const params = get(document.root, 'Parameters');
  return params?.kind === 'map' ? params.entries.map((e) => e.key) : [];
}

/** Each declared parameter's `AllowedValues`, as text, for those that list them. */
export function allowedValues(document: ParsedDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const params = get(document.root, 'Parameters');
  if (params?.kind !== 'map') return out;
  for (const e of params.entries) {
    const list = get(e.value, 'AllowedValues');
    if (list?.kind !== 'seq') continue;
    const texts = list.items.map(scalarText);
    if (texts.every((t): t is string => t !== undefined)) out.set(e.key, texts);
  }
  return out;
}

/** An error for each given name the template does not declare: CloudFormation rejects such a deployment. */
export function undeclaredParameterErrors(set: ParameterSet, template: string, declared: readonly string[]): InputError[] {
  const known = new Set(declared);
  return set.values
    .filter((v) => !known.has(v.name))
    .map((v) => ({
      file: v.span.file,
      line: v.span.start.line,
      column: v.span.start.column,
      kind: 'parameters',
      message: `parameter "${v.name}" is not declared by template ${template} (${declared.length ? `it declares ${declared.join(', ')}` : 'it declares no parameters'})`,
    }));
}

/** The values of several sets, later sets overriding earlier ones. */
export function mergeParameterSets(sets: readonly ParameterSet[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sets) for (const v of s.values) out[v.name] = v.value;
  return out;
}

/** A mapping of parameter files and values to the templates whose path matches `glob` (relative to the scan root). */
export interface ParameterMapping {
  glob: string;
  sets: ParameterSet[];
}

/**
 * Decides the given parameter values of each template: the configuration's mappings whose glob matches
 * (in order), then the `--cfn-params` files (in order), later values overriding earlier ones.
 * Names a mapped template does not declare are errors; a `--cfn-params` file applies to every template,
 * so its names are errors only when no scanned template declares them.
 */
export class TemplateParameters {
  private readonly cliDeclared = new Set<string>();

  constructor(
    private readonly mappings: readonly ParameterMapping[],
    private readonly cliSets: readonly ParameterSet[],
  ) {}

  get empty(): boolean {
    return this.mappings.length === 0 && this.cliSets.length === 0;
  }

  forTemplate(file: string, document: ParsedDocument): { values?: Record<string, string>; errors: InputError[] } {
    if (this.empty) return { errors: [] };
    const declared = declaredParameters(document);
    const errors: InputError[] = [];
    const sets: ParameterSet[] = [];
    for (const m of this.mappings) {
      if (!picomatch(m.glob, { dot: true })(file)) continue;
      for (const s of m.sets) {
        errors.push(...undeclaredParameterErrors(s, file, declared));
        sets.push(s);
      }
    }
    for (const name of declared) this.cliDeclared.add(name);
    sets.push(...this.cliSets);
    const known = new Set(declared);
    // CloudFormation refuses a value outside a parameter's AllowedValues: say so where the value is given.
    const allowed = allowedValues(document);
    for (const s of sets) {
      for (const v of s.values) {
        const list = allowed.get(v.name);
        if (list && !list.includes(v.value)) {
          errors.push({ file: v.span.file, line: v.span.start.line, column: v.span.start.column, kind: 'parameters', message: `value "${v.value}" of parameter ${v.name} is not one of its AllowedValues in ${file} (${list.join(', ')})` });
        }
      }
    }
    const values = Object.fromEntries(Object.entries(mergeParameterSets(sets)).filter(([k]) => known.has(k)));
    return Object.keys(values).length ? { values, errors } : { errors };
  }

  /** After every template: `--cfn-params` names that no scanned template declares. */
  unusedCliNames(): InputError[] {
    return this.cliSets.flatMap((s) =>
      s.values
        .filter((v) => !this.cliDeclared.has(v.name))
        .map((v) => ({ file: v.span.file, line: v.span.start.line, column: v.span.start.column, kind: 'parameters', message: `parameter "${v.name}" is not declared by any scanned CloudFormation template` })),
    );
  }
}

/**
 * Loads the parameter files of `--cfn-params` (paths as given, from the current folder) and of the
 * configuration's `cfnParameters` (paths from the configuration's folder). Unreadable or malformed files are errors.
 */
export async function loadTemplateParameters(
  root: string,
  cliFiles: readonly string[],
  mappings: readonly { glob: string; files: string[]; values: Record<string, string> }[],
  configDir: string | undefined,
  configFile: string,
): Promise<{ parameters: TemplateParameters; errors: InputError[] }> {
  const errors: InputError[] = [];
  const load = async (path: string): Promise<ParameterSet | undefined> => {
    const rel = relative(root, path);
    const shown = rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      errors.push({ file: shown, line: 1, column: 1, kind: 'read', message: `cannot read the parameter file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return undefined;
    }
    const r = readParameterFile(shown, text);
    errors.push(...r.errors);
    return r.set;
  };
  const cliSets: ParameterSet[] = [];
  for (const f of cliFiles) {
    const s = await load(resolve(f));
    if (s) cliSets.push(s);
  }
  const out: ParameterMapping[] = [];
  for (const m of mappings) {
    const sets: ParameterSet[] = [];
    for (const f of m.files) {
      const s = await load(resolve(configDir ?? root, f));
      if (s) sets.push(s);
    }
    const inline = Object.entries(m.values);
    if (inline.length) {
      const at: Span = { file: configFile, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      sets.push({ file: configFile, values: inline.map(([name, value]) => ({ name, value, span: at })) });
    }
    out.push({ glob: m.glob, sets });
  }
  return { parameters: new TemplateParameters(out, cliSets), errors };
}
