/**
 * CloudFormation templates: parse a YAML/JSON file and decide whether it is a template.
 * Non-templates (Kubernetes manifests, package.json, workflows …) are not errors; they are
 * reported as `not-cloudformation` with a reason so the pipeline can skip them visibly.
 */
import type { InputError } from '../../src/core/source.js';
import type { DocNode, ParsedDocument } from '../document.js';
import { binaryOffset, parseDataDocument } from './yaml.js';
import { parseWithLenientRetry } from './lenient.js';

export { parseDataDocument, SHORT_FORM_TAGS, MAX_DEPTH, MAX_ALIAS_EXPANSION, MAX_TEXT_LENGTH } from './yaml.js';
export type { ParseDataResult } from './yaml.js';

export type TemplateParseResult =
  | { kind: 'template'; document: ParsedDocument }
  | { kind: 'not-cloudformation'; reason: string }
  | { kind: 'error'; errors: InputError[] };

const RESOURCE_TYPE_PREFIXES = ['AWS::', 'Custom::', 'Alexa::'];

/**
 * Why a parsed document is a CloudFormation template, or undefined when it is not one:
 * its root map has `AWSTemplateFormatVersion`, or a `Resources` map with at least one entry
 * whose `Type` starts with `AWS::`, `Custom::` or `Alexa::`.
 *
 * A file that clearly tries to be a template but breaks its structure is one too, so that the
 * structure error is reported instead of the file being skipped: a top-level `Resources` whose
 * entries (map) or items (list) are maps with a `Properties` key, a `Type` that is not a string
 * or names a `Provider::…` type, or are written as a resource type name. Other YAML with a capitalised `Resources` key (a list of
 * names, a map of quantities) stays "not CloudFormation"; Kubernetes, Compose and workflow files
 * have no such key at the top.
 */
export function cloudFormationEvidence(doc: ParsedDocument | DocNode): string | undefined {
  const root = 'root' in doc ? doc.root : doc;
  if (root.kind !== 'map') return undefined;
  let resources: DocNode | undefined;
  for (const e of root.entries) {
    if (e.key === 'AWSTemplateFormatVersion') return 'has AWSTemplateFormatVersion';
    if (e.key === 'Resources') resources = e.value;
  }
  if (resources?.kind === 'map') {
    for (const r of resources.entries) {
      if (r.value.kind !== 'map') continue;
      for (const p of r.value.entries) {
        if (p.key !== 'Type' || p.value.kind !== 'scalar' || typeof p.value.value !== 'string') continue;
        const t = p.value.value;
        if (RESOURCE_TYPE_PREFIXES.some((x) => t.startsWith(x))) return `resource ${r.key} has type ${t}`;
      }
    }
    for (const r of resources.entries) {
      const why = resourceShape(r.value);
      if (why) return `resource ${r.key} ${why}`;
    }
    return undefined;
  }
  if (resources?.kind === 'seq') {
    for (const item of resources.items) {
      // `- Type: …` or `- Bucket: { Type: … }`
      const why = resourceShape(item) ?? (item.kind === 'map' && item.entries.length === 1 ? resourceShape(item.entries[0]!.value) : undefined);
      if (why) return `Resources is a list whose item ${why}`;
    }
  }
  return undefined;
}

/** How a node looks like a resource declaration (a map with `Type` or `Properties`, or a resource type name), if it does. */
function resourceShape(n: DocNode): string | undefined {
  if (n.kind === 'scalar') {
    const v = n.value;
    return typeof v === 'string' && RESOURCE_TYPE_PREFIXES.some((x) => v.startsWith(x)) ? `is written as the type ${v}` : undefined;
  }
  if (n.kind !== 'map') return undefined;
  if (n.entries.some((e) => e.key === 'Properties')) return 'has a Properties key';
  const type = n.entries.find((e) => e.key === 'Type')?.value;
  // `Type: postgres` or `Type: Something::Else` is someone else's vocabulary; a Type that is not a name, or names an
  // AWS, custom or Alexa resource type, is a template's.
  if (type && (type.kind !== 'scalar' || typeof type.value !== 'string')) return 'has a Type that is not a name';
  const name = type?.kind === 'scalar' ? type.value : undefined;
  if (typeof name === 'string' && RESOURCE_TYPE_PREFIXES.some((x) => name.startsWith(x))) return `has type ${name}`;
  return undefined;
}

/** True when the parsed document is a CloudFormation template (see `cloudFormationEvidence`). */
export function isCloudFormation(doc: ParsedDocument | DocNode): boolean {
  return cloudFormationEvidence(doc) !== undefined;
}

/**
 * Whether raw text that failed to parse clearly looks like a template, so its parse error
 * must be reported rather than the file skipped.
 */
export function looksLikeCloudFormation(text: string): boolean {
  if (binaryOffset(text) >= 0) return false;
  if (text.includes('AWSTemplateFormatVersion')) return true;
  const hasResources = /(^|\n)[ \t]*Resources[ \t]*:|["']Resources["'][ \t\r\n]*:/.test(text);
  return hasResources && /\b(AWS|Custom|Alexa)::[A-Za-z0-9]/.test(text);
}

/** Parse a YAML or JSON file and classify it as a template, not a template, or an error. */
export function parseTemplate(file: string, text: string): TemplateParseResult {
  const parsed = parseWithLenientRetry(file, text, parseDataDocument);
  if (!parsed.document) {
    const errors = parsed.errors;
    const first = errors[0];
    // Binary content is always reported. Syntax errors and exceeded limits (size, nesting,
    // aliases) only when the text looks like a template: a broken Helm chart or a huge
    // package-lock.json is not ours to judge.
    if (errors.some((e) => e.kind === 'binary') || looksLikeCloudFormation(text)) {
      return { kind: 'error', errors };
    }
    const where = first ? ` (${first.line}:${first.column}: ${first.message})` : '';
    return { kind: 'not-cloudformation', reason: `not valid YAML/JSON and does not look like a CloudFormation template${where}` };
  }
  const root = parsed.document.root;
  if (root.kind === 'scalar' && root.value === null) return { kind: 'not-cloudformation', reason: 'empty document' };
  if (root.kind !== 'map') return { kind: 'not-cloudformation', reason: `the document is a ${root.kind === 'seq' ? 'list' : 'single value'}, not a map` };
  if (!isCloudFormation(parsed.document)) {
    return { kind: 'not-cloudformation', reason: 'no AWSTemplateFormatVersion and no Resources with an AWS::, Custom:: or Alexa:: Type' };
  }
  return { kind: 'template', document: parsed.document };
}
