/**
 * The structure CloudFormation itself requires of a template, checked before it is built:
 * `Resources` is a map, each resource a map with a string `Type`, `Properties` a map. A template
 * that breaks it would be refused at deploy time; here it is an error at the offending key, never
 * a silent pass (the resources that are well formed are still built and checked).
 */
import type { InputError } from '../../core/source.js';
import type { DocNode, ParsedDocument } from '../../../parsers/document.js';
import { get } from '../../../parsers/document.js';
import { intrinsic } from './evaluate.js';

const what = (n: DocNode): string => (n.kind === 'seq' ? 'a list' : n.kind === 'scalar' ? (n.value === null ? 'empty' : `the ${typeof n.value} ${JSON.stringify(n.value)}`) : 'a map');

export function templateStructureErrors(file: string, document: ParsedDocument): InputError[] {
  const errors: InputError[] = [];
  const at = (span: { start: { line: number; column: number } }, message: string): void => {
    errors.push({ file, line: span.start.line, column: span.start.column, kind: 'structure', message });
  };
  const resources = get(document.root, 'Resources');
  if (!resources) return errors;
  if (resources.kind !== 'map') {
    at(resources.span, `Resources must be a map of logical ids to resources, not ${what(resources)}`);
    return errors;
  }
  for (const r of resources.entries) {
    const decl = r.value;
    if (decl.kind !== 'map') {
      at(r.keySpan, `resource ${r.key} must be a map with a Type, not ${what(decl)}`);
      continue;
    }
    const type = get(decl, 'Type');
    if (!type) at(r.keySpan, `resource ${r.key} has no Type`);
    else if (type.kind !== 'scalar' || typeof type.value !== 'string' || type.value === '') at(type.span, `the Type of resource ${r.key} must be a resource type name such as AWS::S3::Bucket, not ${what(type)}`);
    const props = get(decl, 'Properties');
    // `Properties: !If [...]` is a map to the parser, and CloudFormation resolves it: accepted.
    if (props && props.kind !== 'map' && !(props.kind === 'scalar' && props.value === null)) at(props.span, `the Properties of resource ${r.key} must be a map, not ${what(props)}`);
    else if (props && props.kind === 'map' && intrinsic(props) && !['Fn::If', 'Fn::Transform'].includes(intrinsic(props)!.name)) at(props.span, `the Properties of resource ${r.key} must be a map, not ${intrinsic(props)!.name}`);
  }
  return errors;
}
