import type { ResourceNode } from '../../graph/graph.js';
import type { Value } from '../../graph/value.js';
import type { Path } from '../read.js';
import { PropertyReader } from '../read.js';
import { policyFromDocumentBlocks, policyFromProperty, policyFromValue } from './policy.js';
import type { PolicyDocument, PolicyStatement } from './types.js';

/*
 * Terraform `aws_iam_policy_document` documents that merge other documents in:
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 * - `source_policy_documents` (and the deprecated `source_json`): their statements come first; a
 *   `statement` block of this document with the same `sid` replaces the source statement.
 * - `override_policy_documents` (and the deprecated `override_json`): applied last; a statement with
 *   a non-blank `sid` replaces the statement with that `sid`, the others are added.
 * Each merged document may be another `aws_iam_policy_document`'s `json`, `jsonencode(...)` or JSON
 * text. A part that cannot be read leaves the whole document marked unknown, with the reason.
 */

const TF_POLICY_DOCUMENT = 'aws_iam_policy_document';
const SOURCE_DOCS = 'source_policy_documents';
const SOURCE_JSON = 'source_json';
const OVERRIDE_DOCS = 'override_policy_documents';
const OVERRIDE_JSON = 'override_json';
/** Merging goes no deeper than this (a cycle of documents is not valid Terraform, but is not a hang either). */
const MAX_DEPTH = 8;

/**
 * A Terraform policy property: like `policyFromProperty`, and when it is the `json` of an
 * `aws_iam_policy_document`, the documents that one merges in are followed.
 */
export function terraformPolicyFromProperty(r: PropertyReader, path: Path): PolicyDocument | undefined {
  const v = r.value(path);
  const doc = v ? documentNode(v, r) : undefined;
  if (doc) return readDocument(doc, r, 0);
  return policyFromProperty(r, path);
}

function documentNode(v: Value, r: PropertyReader): ResourceNode | undefined {
  if (v.kind !== 'ref') return undefined;
  const n = r.graph.get(v.target);
  return n && n.type === TF_POLICY_DOCUMENT ? n : undefined;
}

function readDocument(node: ResourceNode, from: PropertyReader, depth: number): PolicyDocument {
  const r = new PropertyReader(node, from.graph, '');
  const own = policyFromDocumentBlocks(r);
  delete own.unknown; // recomputed below, from the merged documents actually followed
  const unknown: string[] = [];
  const parts = (keys: string[]): PolicyDocument[] => {
    const out: PolicyDocument[] = [];
    for (const key of keys) {
      const v = r.value([key]);
      if (!v || v.kind === 'null') continue;
      const items: { v: Value; path: Path }[] = v.kind === 'list' ? v.items.map((item, i) => ({ v: item, path: [key, i] })) : [{ v, path: [key] }];
      if (v.kind === 'unknown') {
        unknown.push(`${key} of ${node.address} is unknown: ${v.reason}`);
        continue;
      }
      for (const item of items) {
        if (item.v.kind === 'null') continue;
        const child = documentNode(item.v, r);
        if (child && depth >= MAX_DEPTH) {
          unknown.push(`${key} of ${node.address} nests documents deeper than ${MAX_DEPTH}`);
          continue;
        }
        const d = child ? readDocument(child, r, depth + 1) : policyFromValue(item.v, r, item.path);
        if (d.unknown) unknown.push(`${key} of ${node.address}: ${d.unknown}`);
        out.push(d);
      }
    }
    return out;
  };
  const sources = parts([SOURCE_DOCS, SOURCE_JSON]);
  const overrides = parts([OVERRIDE_DOCS, OVERRIDE_JSON]);

  const statements: PolicyStatement[] = sources.flatMap((d) => d.statements);
  const put = (s: PolicyStatement) => {
    const i = s.sid ? statements.findIndex((x) => x.sid === s.sid) : -1;
    if (i >= 0) statements[i] = s;
    else statements.push(s);
  };
  for (const s of own.statements) put(s);
  for (const d of overrides) for (const s of d.statements) put(s);

  const out: PolicyDocument = { statements, origin: own.origin };
  if (unknown.length) out.unknown = unknown.join('; ');
  return out;
}
